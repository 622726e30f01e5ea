"""keras22: the Keras 2.2 API on TensorFlow 2.

Replace `import keras` by `import keras22` in Keras 2.2 code; the modules,
names, defaults and behaviour are those Keras 2.2.4 documented.
"""
import os as _os

# TensorFlow's C++ start-up chatter is not the user's business.
_os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')

from . import backend  # noqa: E402,F401
from . import activations  # noqa: E402,F401
from . import applications  # noqa: E402,F401
from . import callbacks  # noqa: E402,F401
from . import constraints  # noqa: E402,F401
from . import datasets  # noqa: E402,F401
from . import engine  # noqa: E402,F401
from . import initializers  # noqa: E402,F401
from . import layers  # noqa: E402,F401
from . import losses  # noqa: E402,F401
from . import metrics  # noqa: E402,F401
from . import models  # noqa: E402,F401
from . import optimizers  # noqa: E402,F401
from . import preprocessing  # noqa: E402,F401
from . import regularizers  # noqa: E402,F401
from . import utils  # noqa: E402,F401
from . import wrappers  # noqa: E402,F401

from .engine.input_layer import Input  # noqa: E402,F401
from .engine.sequential import Sequential  # noqa: E402,F401
from .engine.training import Model  # noqa: E402,F401

__version__ = '2.2.4'
