"""Data preprocessing: images, sequences and text.

The submodules follow `keras.preprocessing` of Keras 2.2.4 (which used
keras_preprocessing 1.0.5).
"""
from . import image  # noqa: F401
from . import sequence  # noqa: F401
from . import text  # noqa: F401
