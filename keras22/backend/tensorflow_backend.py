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


def _get_available_gpus():
    """The names of the GPUs TensorFlow sees (`'/device:GPU:0'`, ...).

    A private helper of Keras 2.2 that legacy code and tests call, e.g. to
    skip CuDNN tests without a GPU. keras22 runs the CuDNN layers on any
    device, but answers the question as asked: an empty list on a machine
    without GPUs.
    """
    return ['/device:GPU:%d' % index for index, _ in
            enumerate(tf.config.list_physical_devices('GPU'))]
