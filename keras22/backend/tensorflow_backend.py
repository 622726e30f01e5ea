"""The TensorFlow backend, as legacy code imports it.

Keras 2.2 kept the whole backend in one module,
`keras.backend.tensorflow_backend`. keras22 splits it by topic (config,
symbolic graph, variables, compiled functions, tensor manipulation, math,
neural-network ops, convolutions, recurrence, CTC, sessions) and re-exports
everything here, so `from keras22.backend.tensorflow_backend import ...`
keeps working. `tf` is exported too, as Keras 2.2 did (`K.tf`).
"""
import builtins

import numpy as np
import tensorflow as tf

from .common import *  # noqa: F401,F403
from .graph import *  # noqa: F401,F403
from .variables import *  # noqa: F401,F403
from .function import *  # noqa: F401,F403
from .tensors import *  # noqa: F401,F403
from .math import *  # noqa: F401,F403
from .nn import *  # noqa: F401,F403
from .conv import *  # noqa: F401,F403
from .rnn import *  # noqa: F401,F403
from .ctc import *  # noqa: F401,F403
from .session import *  # noqa: F401,F403

name_scope = tf.compat.v1.name_scope
# The builtins: `all`, `any` and `sum` are backend functions by now.
py_all = builtins.all
py_any = builtins.any
py_sum = builtins.sum
