"""Helpers for the tests of activations, losses, metrics, optimizers...

`evaluate(fn, *arrays)` runs `fn` twice: eagerly on variables holding the
arrays, and compiled (`K.function`) on placeholders fed with them; it checks
that both give the same result and returns it.
"""
import numpy as np
import pytest

from keras22 import backend as K


def _dtype(array):
    return 'int32' if array.dtype.kind in 'iu' else K.floatx()


def evaluate_both(fn, *arrays, **kwargs):
    arrays = [np.asarray(a) for a in arrays]
    eager_out = fn(*[K.variable(a, dtype=_dtype(a)) for a in arrays],
                   **kwargs)
    assert not K.is_symbolic(eager_out)
    eager = K.eval(eager_out)
    placeholders = [K.placeholder(shape=(None,) + a.shape[1:],
                                  dtype=_dtype(a)) for a in arrays]
    symbolic = fn(*placeholders, **kwargs)
    assert K.is_symbolic(symbolic)
    compiled = K.function(placeholders, [symbolic])(arrays)[0]
    np.testing.assert_allclose(eager, compiled, rtol=1e-5, atol=1e-6)
    return compiled


@pytest.fixture
def evaluate():
    return evaluate_both
