"""Shared test set-up.

Every test runs with a private KERAS_HOME (so nothing touches the user's
~/.keras), and starts from a cleared Keras session with the default
backend configuration, so tests do not see each other's layer names,
learning phase or floatx.
"""
import os
import tempfile

_HOME = tempfile.mkdtemp(prefix='keras22-tests-home-')
os.environ.setdefault('KERAS_HOME', _HOME)
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from keras22 import backend as K  # noqa: E402


@pytest.fixture(autouse=True)
def _fresh_session():
    K.clear_session()
    floatx, eps, fmt = K.floatx(), K.epsilon(), K.image_data_format()
    np.random.seed(1337)
    yield
    K.set_floatx(floatx)
    K.set_epsilon(eps)
    K.set_image_data_format(fmt)
    K.clear_session()
