"""Keras 1 layers that Keras 2.2 still exported from `keras.layers`.

Each family keeps its legacy layers in its own module; this module gathers
them for `keras22.layers`.
"""
from .conv_layers import *  # noqa: F401,F403
from .core_layers import *  # noqa: F401,F403
from .recurrent_layers import *  # noqa: F401,F403
