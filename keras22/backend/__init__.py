"""The Keras backend (`K`): TensorFlow operations behind every layer.

`from keras22 import backend as K` gives the functions Keras 2.2 documented
for its TensorFlow backend. They accept symbolic tensors (placeholders,
`Input`, layer outputs), eager tensors, NumPy arrays and variables; see
`docs/design.md` for how symbolic tensors are compiled.
"""
from .tensorflow_backend import *  # noqa: F401,F403
from .tensorflow_backend import name_scope  # noqa: F401
from .common import (epsilon, set_epsilon, floatx, set_floatx,  # noqa: F401
                     cast_to_floatx, image_data_format,
                     set_image_data_format, normalize_data_format,
                     image_dim_ordering, set_image_dim_ordering, backend)
from . import tensorflow_backend  # noqa: F401

_BACKEND = 'tensorflow'
