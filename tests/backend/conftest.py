"""Helpers for the backend tests: run a K function eagerly and symbolically."""
import numpy as np
import pytest
import tensorflow as tf

from keras22 import backend as K
from keras22.backend.graph import is_symbolic


def _numpy(value):
    if isinstance(value, (tf.Tensor, tf.Variable)):
        return value.numpy()
    return np.asarray(value)


def _check_static_shape(tensor, value):
    shape = K.int_shape(tensor)
    assert shape is not None and len(shape) == value.ndim, (shape, value.shape)
    for static, actual in zip(shape, value.shape):
        assert static is None or static == actual, (shape, value.shape)


def evaluate_both(fn, *arrays, rtol=1e-5, atol=1e-6, batch_free=True):
    """Calls `fn(*arrays)` on NumPy arrays (eager path) and on placeholders
    compiled with `K.function` (symbolic path); checks that both agree in
    value and dtype and that the symbolic result's static shape fits.
    Placeholders leave the first axis unknown when `batch_free` (a boolean,
    or one per array).

    Returns the symbolic path's value(s) as NumPy arrays.
    """
    arrays = [np.asarray(a) for a in arrays]
    eager = fn(*arrays)
    eager_flat = tf.nest.flatten(eager)
    for e in eager_flat:
        assert not is_symbolic(e), 'eager call gave a symbolic tensor'
    if isinstance(batch_free, bool):
        batch_free = [batch_free] * len(arrays)
    placeholders = [
        K.placeholder(shape=((None,) + a.shape[1:]
                             if free and a.ndim else a.shape),
                      dtype=a.dtype.name)
        for a, free in zip(arrays, batch_free)]
    sym = fn(*placeholders)
    sym_flat = tf.nest.flatten(sym)
    values = K.function(placeholders, sym_flat)(arrays)
    for e, s, v in zip(eager_flat, sym_flat, values):
        assert is_symbolic(s), 'symbolic call gave %r' % (s,)
        assert K.dtype(e) == K.dtype(s)
        _check_static_shape(s, v)
        np.testing.assert_allclose(_numpy(e), v, rtol=rtol, atol=atol)
    return tf.nest.pack_sequence_as(sym, values)


@pytest.fixture
def both():
    return evaluate_both
