"""Reductions, elementwise math, comparisons, dot products, switch."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22.backend.graph import is_symbolic

RNG = np.random.RandomState(1)


def arr(*shape, dtype='float32'):
    return RNG.uniform(-1, 1, size=shape).astype(dtype)


@pytest.mark.parametrize('name,reference', [
    ('max', np.max), ('min', np.min), ('sum', np.sum), ('prod', np.prod),
    ('mean', np.mean), ('var', np.var), ('std', np.std),
    ('logsumexp', lambda x, axis=None, keepdims=False: np.log(
        np.sum(np.exp(x), axis=axis, keepdims=keepdims))),
])
@pytest.mark.parametrize('axis,keepdims', [(None, False), (1, False),
                                           (-1, True), ([0, 2], False)])
def test_reductions(both, name, reference, axis, keepdims):
    x = arr(2, 3, 4)
    fn = getattr(K, name)
    out = both(lambda t: fn(t, axis=axis, keepdims=keepdims), x,
               batch_free=axis is not None)
    expected = reference(x, axis=tuple(axis) if isinstance(axis, list)
                         else axis, keepdims=keepdims)
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-6)


def test_reductions_of_booleans_and_any_all(both):
    x = np.array([[True, False], [True, True]])
    np.testing.assert_allclose(K.eval(K.mean(x)), .75)
    np.testing.assert_allclose(K.eval(K.var(x, axis=1)), [.25, 0.])
    assert K.dtype(K.mean(K.placeholder((2,), dtype='bool'))) == 'float32'
    y = np.array([[0., 2.], [0., 0.]], 'float32')
    np.testing.assert_array_equal(both(lambda t: K.any(t, axis=1), y),
                                  [True, False])
    np.testing.assert_array_equal(both(lambda t: K.all(t, axis=0), x),
                                  [True, False])
    assert K.dtype(K.any(K.placeholder((2,)))) == 'bool'
    assert K.eval(K.all(y, keepdims=True)).shape == (1, 1)


def test_argmax_argmin_cumulative(both):
    x = arr(3, 4)
    out = both(K.argmax, x)
    np.testing.assert_array_equal(out, x.argmax(-1))
    assert K.dtype(K.argmax(K.placeholder((2, 3)))) == 'int64'
    np.testing.assert_array_equal(both(lambda t: K.argmin(t, 0), x),
                                  x.argmin(0))
    np.testing.assert_allclose(both(K.cumsum, x), np.cumsum(x, 0), rtol=1e-5)
    np.testing.assert_allclose(both(lambda t: K.cumprod(t, 1), x),
                               np.cumprod(x, 1), rtol=1e-5)


def test_logsumexp_is_stable():
    out = K.eval(K.logsumexp(np.array([1000., 1000.], 'float32')))
    np.testing.assert_allclose(out, 1000. + np.log(2.), rtol=1e-6)
    out = K.eval(K.logsumexp(np.array([[-1000., -1000.]], 'float32'), 1))
    np.testing.assert_allclose(out, [-1000. + np.log(2.)], rtol=1e-6)


@pytest.mark.parametrize('name,reference', [
    ('square', np.square), ('abs', np.abs), ('exp', np.exp),
    ('sign', np.sign), ('sin', np.sin), ('cos', np.cos),
    ('round', np.round),
])
def test_elementwise(both, name, reference):
    x = arr(2, 5) * 3
    np.testing.assert_allclose(both(getattr(K, name), x), reference(x),
                               rtol=1e-5, atol=1e-6)


def test_sqrt_log_pow_and_round_half_even(both):
    x = np.abs(arr(2, 3)) + .1
    np.testing.assert_allclose(both(K.sqrt, x), np.sqrt(x), rtol=1e-6)
    np.testing.assert_allclose(both(K.log, x), np.log(x), rtol=1e-6)
    np.testing.assert_allclose(both(lambda t: K.pow(t, 3), x), x ** 3,
                               rtol=1e-5)
    # Keras 2.2 clips negative values to zero before the square root
    np.testing.assert_allclose(K.eval(K.sqrt(np.array([-4., 4.]))), [0., 2.])
    np.testing.assert_allclose(K.eval(K.round(np.array([.5, 1.5, 2.5, -.5]))),
                               [0., 2., 2., -0.])


def test_clip(both):
    x = arr(3, 4) * 2
    np.testing.assert_allclose(both(lambda t: K.clip(t, -.5, .5), x),
                               np.clip(x, -.5, .5))
    # a max below the min is raised to the min, as in Keras 2.2
    np.testing.assert_allclose(K.eval(K.clip(x, .3, .1)), np.full_like(x, .3))
    np.testing.assert_allclose(K.eval(K.clip(x, 0., None)), np.maximum(x, 0))
    np.testing.assert_allclose(K.eval(K.clip(x, None, 0.)), np.minimum(x, 0))


@pytest.mark.parametrize('name,reference', [
    ('equal', np.equal), ('not_equal', np.not_equal),
    ('greater', np.greater), ('greater_equal', np.greater_equal),
    ('less', np.less), ('less_equal', np.less_equal),
    ('maximum', np.maximum), ('minimum', np.minimum),
])
def test_binary_elementwise(both, name, reference):
    x = np.array([[1., 2., 3.], [4., 5., 6.]], 'float32')
    y = np.array([[3., 2., 1.], [4., 0., 9.]], 'float32')
    np.testing.assert_array_equal(both(getattr(K, name), x, y),
                                  reference(x, y))
    # against a number
    np.testing.assert_array_equal(K.eval(getattr(K, name)(x, 2.)),
                                  reference(x, 2.))


def test_equal_is_elementwise_on_symbolic_tensors():
    x = K.placeholder((None, 2))
    eq = K.equal(x, x)
    assert is_symbolic(eq) and K.dtype(eq) == 'bool'
    assert K.function([x], [eq])([np.ones((1, 2))])[0].tolist() == \
        [[True, True]]


# --------------------------------------------------------------------------
# Products.

@pytest.mark.parametrize('x_shape,y_shape,out_shape', [
    ((2, 3), (3, 4), (2, 4)),
    ((2, 3, 4), (4, 5), (2, 3, 5)),
    ((2, 3), (4, 3, 5), (2, 4, 5)),
    ((2, 3, 4), (6, 4, 5), (2, 3, 6, 5)),
])
def test_dot_matches_keras_2_2_shapes(both, x_shape, y_shape, out_shape):
    x, y = arr(*x_shape), arr(*y_shape)
    out = both(K.dot, x, y, batch_free=False)
    # Keras 2.2: the last axis of x against the second-to-last of y
    expected = np.tensordot(x, y, axes=[[x.ndim - 1], [y.ndim - 2]])
    assert out.shape == out_shape
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-6)


def test_dot_static_shapes_and_errors():
    x = K.placeholder(shape=(None, 28, 3))
    assert K.int_shape(K.dot(x, K.placeholder((3, 4)))) == (None, 28, 4)
    assert K.int_shape(K.dot(K.placeholder((None, 3)),
                             K.variable(np.zeros((3, 2))))) == (None, 2)
    with pytest.raises(ValueError, match=r'K.dot.*\(2, 3\).*\(4, 5\)'):
        K.dot(K.placeholder((2, 3)), K.placeholder((4, 5)))
    with pytest.raises(ValueError, match='K.dot.*rank'):
        K.dot(K.placeholder((3,)), K.placeholder((3, 4)))


def test_dot_sparse():
    import scipy.sparse
    x = scipy.sparse.csr_matrix(np.array([[0., 1.], [2., 0.]], 'float32'))
    y = np.array([[1., 2.], [3., 4.]], 'float32')
    np.testing.assert_allclose(K.eval(K.dot(K.variable(x), y)),
                               x.toarray() @ y)


@pytest.mark.parametrize('x_shape,y_shape,axes,expected_fn', [
    # the documented example: (32, 20) . (32, 20), axes 1 -> (32, 1)
    ((4, 5), (4, 5), 1, lambda x, y: np.sum(x * y, 1, keepdims=True)),
    ((4, 5), (4, 5), None, lambda x, y: np.sum(x * y, 1, keepdims=True)),
    # the documented example: (32, 20, 1) . (32, 30, 20), axes (1, 2)
    ((4, 5, 1), (4, 3, 5), (1, 2),
     lambda x, y: np.einsum('bji,bkj->bik', x, y)),
    ((4, 2, 5), (4, 5, 3), None, lambda x, y: np.einsum('bij,bjk->bik', x, y)),
    ((4, 2, 5), (4, 5), (2, 1), lambda x, y: np.einsum('bij,bj->bi', x, y)),
    ((4, 2, 5), (4, 2), (1, 1), lambda x, y: np.einsum('bij,bi->bj', x, y)),
    ((4, 2, 5), (4, 5), None, lambda x, y: np.einsum('bij,bj->bi', x, y)),
    ((4, 3, 2, 5), (4, 5, 6), (3, 1),
     lambda x, y: np.einsum('bijk,bkl->bijl', x, y)),
    ((4, 3, 5), (4, 2, 3), (-2, -1),
     lambda x, y: np.einsum('bjk,bij->bki', x, y)),
    # two 2-D tensors may contract axis 0 (Keras 2.2.4): the other axis
    # pairs the rows
    ((5, 3), (5, 3), 0, lambda x, y: np.einsum('ji,ji->i', x, y)),
    ((5, 3), (3, 5), (0, 1), lambda x, y: np.einsum('ji,ij->i', x, y)),
    ((5, 3), (3, 5), (1, 0), lambda x, y: np.einsum('ij,ji->i', x, y)),
])
def test_batch_dot(both, x_shape, y_shape, axes, expected_fn):
    x, y = arr(*x_shape), arr(*y_shape)
    out = both(lambda s, t: K.batch_dot(s, t, axes=axes), x, y)
    expected = expected_fn(x, y)
    if expected.ndim == 1:
        expected = expected[:, None]
    assert out.shape == expected.shape
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-6)


def test_batch_dot_static_shapes_and_errors():
    out = K.batch_dot(K.placeholder((32, 20, 1)), K.placeholder((32, 30, 20)),
                      axes=(1, 2))
    assert K.int_shape(out) == (32, 1, 30)
    out = K.batch_dot(K.placeholder((None, 20)), K.placeholder((None, 20)),
                      axes=1)
    assert K.int_shape(out) == (None, 1)
    out = K.batch_dot(K.placeholder((32, 20)), K.placeholder((32, 20)),
                      axes=0)
    assert K.int_shape(out) == (20, 1)
    with pytest.raises(ValueError, match='K.batch_dot.*batch axis'):
        K.batch_dot(K.placeholder((2, 3, 4)), K.placeholder((2, 3, 4)),
                    axes=0)
    with pytest.raises(ValueError, match='K.batch_dot.*axes'):
        K.batch_dot(K.placeholder((2, 3)), K.placeholder((2, 3)),
                    axes=[[1], [1]])
    with pytest.raises(ValueError, match='K.batch_dot.*length 3.*length 4'):
        K.batch_dot(K.placeholder((2, 3)), K.placeholder((2, 4)), axes=1)


def test_l2_normalize_and_in_top_k(both):
    x = arr(3, 4)
    np.testing.assert_allclose(
        both(lambda t: K.l2_normalize(t, axis=-1), x),
        x / np.sqrt(np.sum(x ** 2, -1, keepdims=True)), rtol=1e-5)
    np.testing.assert_allclose(K.eval(K.l2_normalize(x)),
                               x / np.sqrt(np.sum(x ** 2)), rtol=1e-5)
    predictions = np.array([[.1, .6, .3], [.5, .2, .3], [.2, .3, .5]], 'f4')
    targets = np.array([2, 0, 1], 'int32')
    np.testing.assert_array_equal(
        both(lambda p, t: K.in_top_k(p, t, 1), predictions, targets),
        [False, True, False])
    np.testing.assert_array_equal(
        both(lambda p, t: K.in_top_k(p, t, 2), predictions, targets),
        [True, True, True])
    assert K.dtype(K.in_top_k(predictions, targets, 1)) == 'bool'


# --------------------------------------------------------------------------
# switch.

def test_switch_scalar_condition_with_tensors_and_callables():
    x = K.placeholder((None, 2))
    flag = K.placeholder(shape=(), dtype='bool')
    out = K.switch(flag, lambda: x * 2, lambda: x - 1)
    f = K.function([x, flag], [out])
    value = np.ones((1, 2))
    np.testing.assert_allclose(f([value, True])[0], [[2., 2.]])
    np.testing.assert_allclose(f([value, False])[0], [[0., 0.]])
    out = K.switch(K.greater(K.sum(x), 0.), x, -x)
    np.testing.assert_allclose(K.function([x], [out])([-value])[0], value)
    assert K.eval(K.switch(True, np.array(1.), np.array(2.))) == 1.
    assert K.eval(K.switch(np.array(0.), lambda: np.array(1.),
                           lambda: np.array(2.))) == 2.


def test_switch_elementwise_and_leading_axes(both):
    x = arr(3, 4)
    np.testing.assert_allclose(
        both(lambda t: K.switch(t > 0, t, K.zeros_like(t)), x),
        np.where(x > 0, x, 0))
    # a (batch,) condition chooses whole samples, as TensorFlow 1 did
    rows = np.array([True, False, True])
    y = arr(3, 4, 2)
    out = both(lambda c, t: K.switch(c, t, -t), rows, y)
    np.testing.assert_allclose(out, np.where(rows[:, None, None], y, -y))
    cond = np.array([[True, False], [False, True], [True, True]])
    y = arr(3, 2, 5)
    out = both(lambda c, t: K.switch(c, t, t * 0), cond, y)
    np.testing.assert_allclose(out, np.where(cond[..., None], y, 0))
    with pytest.raises(ValueError, match='K.switch.*condition'):
        K.switch(K.placeholder((2, 3, 4)), K.placeholder((2, 3)),
                 K.placeholder((2, 3)))


def test_products_give_arrays_the_dtype_of_the_weights():
    w = K.variable(np.ones((3, 2)))  # float32
    x = np.ones((4, 3))  # float64
    out = K.dot(x, w)
    assert K.dtype(out) == 'float32'
    np.testing.assert_allclose(K.eval(out), np.full((4, 2), 3.))
    out = K.batch_dot(np.ones((2, 3)), K.variable(np.ones((2, 3))), axes=1)
    np.testing.assert_allclose(K.eval(out), [[3.], [3.]])
