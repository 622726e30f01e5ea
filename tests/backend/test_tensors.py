"""Shapes, dtypes, rearranging, padding, resizing and random tensors."""
import numpy as np
import pytest
import tensorflow as tf

from keras22 import backend as K
from keras22.backend.graph import is_symbolic

RNG = np.random.RandomState(0)


def arr(*shape, dtype='float32'):
    return RNG.uniform(-1, 1, size=shape).astype(dtype)


# --------------------------------------------------------------------------
# Shapes and dtypes.

def test_int_shape_ndim_dtype_on_every_kind_of_input():
    ph = K.placeholder(shape=(None, 4, 5))
    var = K.variable(np.zeros((2, 3)), dtype='float64')
    eager = tf.zeros((3,), dtype='int32')
    array = np.zeros((1, 2), dtype='int64')
    assert K.int_shape(ph) == (None, 4, 5)
    assert K.int_shape(var) == (2, 3)
    assert K.int_shape(eager) == (3,)
    assert K.int_shape(array) == (1, 2)
    assert K.int_shape(K.placeholder()) is None
    assert [K.ndim(t) for t in (ph, var, eager, array)] == [3, 2, 1, 2]
    assert K.ndim(K.placeholder()) is None
    assert [K.dtype(t) for t in (ph, var, eager, array)] == [
        'float32', 'float64', 'int32', 'int64']
    sparse = K.placeholder(shape=(2, 3), sparse=True)
    assert K.int_shape(sparse) == (2, 3) and K.ndim(sparse) == 2


def test_shape_is_an_int32_tensor(both):
    x = K.placeholder(shape=(None, 3))
    s = K.shape(x)
    assert is_symbolic(s) and K.dtype(s) == 'int32'
    np.testing.assert_array_equal(K.function([x], [s])([np.zeros((5, 3))])[0],
                                  [5, 3])
    np.testing.assert_array_equal(K.eval(K.shape(K.zeros((2, 7)))), [2, 7])


def test_cast(both):
    out = both(lambda x: K.cast(x, 'int32'), np.array([[1.7, -2.2]], 'f4'))
    np.testing.assert_array_equal(out, [[1, -2]])
    assert K.dtype(K.cast(K.placeholder((2,)), 'float16')) == 'float16'


# --------------------------------------------------------------------------
# Rearranging.

def test_reshape_keeps_static_shape_and_checks_sizes(both):
    x = arr(2, 3, 4)
    out = both(lambda t: K.reshape(t, (-1, 12)), x)
    np.testing.assert_allclose(out, x.reshape(-1, 12))
    assert K.int_shape(K.reshape(K.placeholder((None, 3, 4)), (-1, 4, 3))) \
        == (None, 4, 3)
    with pytest.raises(ValueError, match=r'K.reshape.*\(2, 3\).*\(4, 2\)'):
        K.reshape(K.placeholder((2, 3)), (4, 2))
    with pytest.raises(ValueError, match='K.reshape'):
        K.reshape(np.zeros((2, 3)), (-1, 4))
    with pytest.raises(ValueError, match='at most one -1'):
        K.reshape(np.zeros((2, 3)), (-1, -1))
    # a dynamic dimension in the target shape
    ph = K.placeholder((None, 6))
    r = K.reshape(ph, (K.shape(ph)[0], 2, 3))
    assert K.int_shape(r)[1:] == (2, 3)
    np.testing.assert_allclose(
        K.function([ph], [r])([np.arange(12.).reshape(2, 6)])[0],
        np.arange(12.).reshape(2, 2, 3))


def test_permute_and_transpose(both):
    x = arr(2, 3, 4)
    np.testing.assert_allclose(
        both(lambda t: K.permute_dimensions(t, (0, 2, 1)), x),
        x.transpose(0, 2, 1))
    np.testing.assert_allclose(both(K.transpose, x[0]), x[0].T)
    with pytest.raises(ValueError, match='K.permute_dimensions.*permutation'):
        K.permute_dimensions(K.placeholder((2, 3)), (0, 2))


def test_repeat_and_repeat_elements(both):
    x = arr(2, 3)
    out = both(lambda t: K.repeat(t, 4), x)
    np.testing.assert_allclose(out, np.repeat(x[:, None, :], 4, axis=1))
    out = both(lambda t: K.repeat_elements(t, 2, axis=1), x)
    np.testing.assert_allclose(out, np.repeat(x, 2, axis=1))
    sym = K.repeat_elements(K.placeholder((None, 3, 5)), 3, axis=-1)
    assert K.int_shape(sym) == (None, 3, 15)
    # Keras 2.2 recorded the static shape on the result as `_keras_shape`
    assert sym._keras_shape == (None, 3, 15)
    sym = K.repeat_elements(K.placeholder((2, None)), 3, axis=1)
    assert sym._keras_shape == (2, None) == K.int_shape(sym)
    with pytest.raises(ValueError, match='K.repeat.*rank 2'):
        K.repeat(K.placeholder((2, 3, 4)), 2)


def test_tile(both):
    x = arr(2, 3)
    np.testing.assert_allclose(both(lambda t: K.tile(t, (2, 3)), x),
                               np.tile(x, (2, 3)))
    np.testing.assert_allclose(both(lambda t: K.tile(t, 3), x[0]),
                               np.tile(x[0], 3))
    with pytest.raises(ValueError, match='K.tile'):
        K.tile(K.placeholder((2, 3)), 2)


def test_flatten_batch_flatten_expand_squeeze(both):
    x = arr(2, 3, 4)
    np.testing.assert_allclose(both(K.flatten, x), x.ravel())
    np.testing.assert_allclose(both(K.batch_flatten, x), x.reshape(2, 12))
    assert K.int_shape(K.batch_flatten(K.placeholder((None, 3, 4)))) == \
        (None, 12)
    assert K.int_shape(K.batch_flatten(K.placeholder((None, None, 4)))) == \
        (None, None)
    np.testing.assert_allclose(both(lambda t: K.expand_dims(t, 1), x),
                               x[:, None])
    np.testing.assert_allclose(both(K.expand_dims, x), x[..., None])
    np.testing.assert_allclose(both(lambda t: K.squeeze(t, 1), x[:, :1]),
                               x[:, 0])
    with pytest.raises(ValueError, match='K.squeeze.*length 3'):
        K.squeeze(K.placeholder((2, 3)), 1)


def test_concatenate_and_stack(both):
    a, b = arr(2, 3), arr(2, 2)
    np.testing.assert_allclose(both(lambda s, t: K.concatenate([s, t]), a, b),
                               np.concatenate([a, b], -1))
    np.testing.assert_allclose(
        both(lambda s, t: K.concatenate([s, t], axis=0), a, a),
        np.concatenate([a, a], 0))
    sym = K.concatenate([K.placeholder((None, 3)), K.placeholder((None, 2))])
    assert K.int_shape(sym) == (None, 5)
    with pytest.raises(ValueError, match=r'K.concatenate.*same rank.*'
                                         r'\(None, 3\).*\(None, 2, 1\)'):
        K.concatenate([K.placeholder((None, 3)), K.placeholder((None, 2, 1))])
    with pytest.raises(ValueError, match='K.concatenate'):
        K.concatenate([])
    np.testing.assert_allclose(
        both(lambda s, t: K.stack([s, t], axis=1), a, a),
        np.stack([a, a], 1))


def test_concatenate_sparse():
    import scipy.sparse
    x = scipy.sparse.csr_matrix(np.array([[0., 1.], [2., 0.]]))
    a, b = K.variable(x), K.variable(x)
    out = K.concatenate([a, b], axis=0)
    assert K.is_sparse(out)
    np.testing.assert_allclose(K.eval(K.to_dense(out)),
                               np.concatenate([x.toarray()] * 2, 0))


def test_one_hot_reverse_slice_gather(both):
    idx = np.array([[0, 2], [1, 1]], 'int32')
    np.testing.assert_allclose(both(lambda t: K.one_hot(t, 3), idx),
                               np.eye(3)[idx])
    assert K.dtype(K.one_hot(K.placeholder((2,), dtype='int32'), 3)) == \
        'float32'
    x = arr(2, 3, 4)
    np.testing.assert_allclose(both(lambda t: K.reverse(t, 1), x),
                               x[:, ::-1])
    np.testing.assert_allclose(both(lambda t: K.reverse(t, [1, 2]), x),
                               x[:, ::-1, ::-1])
    np.testing.assert_allclose(
        both(lambda t: K.slice(t, (0, 1, 0), (-1, 2, 3)), x), x[:, 1:3, :3])
    with pytest.raises(ValueError, match='K.slice.*start'):
        K.slice(K.placeholder((2, 3)), (0,), (1, 1))
    table = arr(5, 3)
    ids = np.array([[4, 0], [1, 1]], 'int32')
    np.testing.assert_allclose(both(K.gather, table, ids), table[ids])
    np.testing.assert_allclose(K.eval(K.gather(K.variable(table),
                                               [1., 3.])), table[[1, 3]])


def test_arange():
    np.testing.assert_array_equal(K.eval(K.arange(1, 7, 2)), [1, 3, 5])
    np.testing.assert_array_equal(K.eval(K.arange(4)), [0, 1, 2, 3])
    assert K.eval(K.arange(-3)).shape == (0,)
    out = K.arange(0, 3, dtype='float32')
    assert K.dtype(out) == 'float32'
    n = K.placeholder(shape=(), dtype='int32')
    sym = K.arange(n)
    assert is_symbolic(sym)
    np.testing.assert_array_equal(K.function([n], [sym])([3])[0], [0, 1, 2])
    # a negative end held in a tensor also gives an empty range
    assert K.function([n], [sym])([-2])[0].shape == (0,)
    assert K.eval(K.arange(K.constant(-1, dtype='int32'))).shape == (0,)
    np.testing.assert_array_equal(
        K.eval(K.arange(K.constant(2, dtype='int32'))), [0, 1])
    assert K.eval(K.arange(K.variable(-3, dtype='int32'))).shape == (0,)


def test_identity_and_to_dense(both):
    x = arr(2, 3)
    np.testing.assert_allclose(both(K.identity, x), x)
    ph = K.placeholder((2, 3))
    assert K.identity(ph) is not ph
    assert K.to_dense(ph) is ph
    sp = K.placeholder(shape=(2, 3), sparse=True)
    dense = K.to_dense(sp)
    assert not K.is_sparse(dense) and K.int_shape(dense) == (2, 3)
    value = K.function([sp], [dense])([([[0, 1]], [5.], (2, 3))])[0]
    np.testing.assert_allclose(value, [[0, 5, 0], [0, 0, 0]])


def test_print_tensor_prints_when_evaluated(capfd):
    x = K.placeholder((None, 2))
    out = K.print_tensor(x * 2, message='value of x: ')
    assert K.int_shape(out) == (None, 2)
    capfd.readouterr()
    result = K.function([x], [out])([np.array([[1., 2.]])])[0]
    np.testing.assert_allclose(result, [[2., 4.]])
    assert 'value of x:' in capfd.readouterr().err
    eager = K.print_tensor(np.array([7.]), 'now: ')
    np.testing.assert_allclose(K.eval(eager), [7.])
    assert 'now:' in capfd.readouterr().err


# --------------------------------------------------------------------------
# Padding and resizing.

def test_temporal_padding(both):
    x = arr(2, 3, 4)
    np.testing.assert_allclose(
        both(lambda t: K.temporal_padding(t, (1, 2)), x),
        np.pad(x, ((0, 0), (1, 2), (0, 0))))
    with pytest.raises(ValueError, match='K.temporal_padding.*padding'):
        K.temporal_padding(K.placeholder((2, 3, 4)), (1, 2, 3))
    with pytest.raises(ValueError, match='K.temporal_padding.*rank 3'):
        K.temporal_padding(K.placeholder((2, 3)))


@pytest.mark.parametrize('data_format', ['channels_last', 'channels_first'])
def test_spatial_padding(both, data_format):
    x = arr(2, 3, 4, 5)
    pad = ((1, 0), (2, 3))
    if data_format == 'channels_last':
        expected = np.pad(x, ((0, 0), pad[0], pad[1], (0, 0)))
    else:
        expected = np.pad(x, ((0, 0), (0, 0), pad[0], pad[1]))
    np.testing.assert_allclose(
        both(lambda t: K.spatial_2d_padding(t, pad, data_format), x),
        expected)
    v = arr(1, 2, 3, 2, 2)
    pad3 = ((0, 1), (1, 1), (2, 0))
    if data_format == 'channels_last':
        expected = np.pad(v, ((0, 0),) + pad3 + ((0, 0),))
    else:
        expected = np.pad(v, ((0, 0), (0, 0)) + pad3)
    np.testing.assert_allclose(
        both(lambda t: K.spatial_3d_padding(t, pad3, data_format), v),
        expected)


def test_spatial_padding_default_format_and_errors():
    K.set_image_data_format('channels_first')
    out = K.spatial_2d_padding(np.ones((1, 2, 3, 3)))
    assert K.int_shape(out) == (1, 2, 5, 5)
    with pytest.raises(ValueError, match='data_format'):
        K.spatial_2d_padding(np.ones((1, 2, 3, 3)), data_format='nchw')
    with pytest.raises(ValueError, match='K.spatial_2d_padding.*padding'):
        K.spatial_2d_padding(np.ones((1, 2, 3, 3)), padding=(1, 1))


def _bilinear_v1(image, fh, fw):
    """TensorFlow 1 bilinear resize (no half-pixel centres), one HWC image."""
    h, w = image.shape[:2]
    out = np.zeros((h * fh, w * fw) + image.shape[2:])
    for i in range(h * fh):
        y = i / fh
        y0 = int(np.floor(y))
        y1 = min(y0 + 1, h - 1)
        dy = y - y0
        for j in range(w * fw):
            x = j / fw
            x0 = int(np.floor(x))
            x1 = min(x0 + 1, w - 1)
            dx = x - x0
            top = image[y0, x0] * (1 - dx) + image[y0, x1] * dx
            bottom = image[y1, x0] * (1 - dx) + image[y1, x1] * dx
            out[i, j] = top * (1 - dy) + bottom * dy
    return out


@pytest.mark.parametrize('data_format', ['channels_last', 'channels_first'])
def test_resize_images(both, data_format):
    x = arr(2, 3, 4, 2)  # channels last
    nearest = np.repeat(np.repeat(x, 2, axis=1), 3, axis=2)
    bilinear = np.stack([_bilinear_v1(img, 2, 3) for img in x])
    if data_format == 'channels_first':
        x = x.transpose(0, 3, 1, 2)
        nearest = nearest.transpose(0, 3, 1, 2)
        bilinear = bilinear.transpose(0, 3, 1, 2)
    out = both(lambda t: K.resize_images(t, 2, 3, data_format), x)
    np.testing.assert_allclose(out, nearest)
    out = both(lambda t: K.resize_images(t, 2, 3, data_format,
                                         interpolation='bilinear'), x,
               rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(out, bilinear, rtol=1e-5, atol=1e-5)
    sym = K.resize_images(K.placeholder((None,) + x.shape[1:]), 2, 3,
                          data_format, interpolation='bilinear')
    assert K.int_shape(sym) == (None,) + out.shape[1:]


def test_resize_images_errors():
    x = K.placeholder((None, 2, 2, 1))
    with pytest.raises(ValueError, match='K.resize_images.*interpolation'):
        K.resize_images(x, 2, 2, 'channels_last', interpolation='cubic')
    with pytest.raises(ValueError, match='K.resize_images.*height_factor'):
        K.resize_images(x, 0, 2, 'channels_last')
    with pytest.raises(ValueError, match='data_format'):
        K.resize_images(x, 2, 2, 'channels_middle')


@pytest.mark.parametrize('data_format', ['channels_last', 'channels_first'])
def test_resize_volumes(both, data_format):
    x = arr(1, 2, 3, 2, 2)
    axes = (1, 2, 3) if data_format == 'channels_last' else (2, 3, 4)
    expected = x
    for axis, factor in zip(axes, (2, 1, 3)):
        expected = np.repeat(expected, factor, axis=axis)
    np.testing.assert_allclose(
        both(lambda t: K.resize_volumes(t, 2, 1, 3, data_format), x),
        expected)


# --------------------------------------------------------------------------
# Random tensors.

def test_random_tensors_shapes_dtypes_and_distributions():
    u = K.eval(K.random_uniform((200, 50), -2., 3., seed=1))
    assert u.shape == (200, 50) and u.dtype == np.float32
    assert u.min() >= -2. and u.max() < 3. and abs(u.mean() - .5) < .1
    n = K.eval(K.random_normal((200, 50), 1., 2., dtype='float64'))
    assert n.dtype == np.float64
    assert abs(n.mean() - 1.) < .1 and abs(n.std() - 2.) < .1
    t = K.eval(K.truncated_normal((200, 50), 0., 1.))
    assert np.abs(t).max() <= 2. and abs(t.std() - .88) < .05
    b = K.eval(K.random_binomial((200, 50), p=.3))
    assert set(np.unique(b)) <= {0., 1.} and abs(b.mean() - .3) < .03
    assert K.eval(K.random_binomial((10,), p=0.)).sum() == 0


def test_random_tensors_resampled_each_call():
    x = K.placeholder((None, 3))
    noise = K.random_normal(K.shape(x))
    assert is_symbolic(noise)
    f = K.function([x], [x + noise])
    a = f([np.zeros((4, 3))])[0]
    b = f([np.zeros((4, 3))])[0]
    assert a.shape == (4, 3) and not np.allclose(a, b)


@pytest.mark.parametrize('name', ['random_uniform', 'random_normal',
                                  'truncated_normal', 'random_binomial'])
def test_random_seeds_repeat_like_keras_2_2(name):
    fn = getattr(K, name)
    kwargs = {'p': .5} if name == 'random_binomial' else {}
    a = K.eval(fn((4, 5), seed=3, **kwargs))
    b = K.eval(fn((4, 5), seed=3, **kwargs))
    c = K.eval(fn((4, 5), seed=4, **kwargs))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    # without a seed, NumPy's generator picks one
    np.random.seed(7)
    d = K.eval(fn((4, 5), **kwargs))
    np.random.seed(7)
    np.testing.assert_array_equal(d, K.eval(fn((4, 5), **kwargs)))


def test_dropout_seed_repeats_eagerly():
    x = np.ones((20, 20), 'float32')
    np.testing.assert_array_equal(K.eval(K.dropout(x, .5, seed=1)),
                                  K.eval(K.dropout(x, .5, seed=1)))
    assert not np.array_equal(K.eval(K.dropout(x, .5, seed=1)),
                              K.eval(K.dropout(x, .5, seed=2)))
