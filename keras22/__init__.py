"""keras22: the Keras 2.2 API on TensorFlow 2.

Replace `import keras` by `import keras22` in Keras 2.2 code; the modules,
names, defaults and behaviour are those Keras 2.2.4 documented.
"""
import os as _os

# TensorFlow's C++ start-up chatter is not the user's business.
_os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')

from . import backend  # noqa: E402,F401

__version__ = '2.2.4'
