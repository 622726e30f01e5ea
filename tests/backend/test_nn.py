"""Activations, dropout, crossentropies, bias and batch normalization."""
import numpy as np
import pytest

from keras22 import backend as K

RNG = np.random.RandomState(2)
EPS = 1e-7


def arr(*shape, dtype='float32'):
    return RNG.uniform(-1, 1, size=shape).astype(dtype)


def np_softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def np_sigmoid(x):
    return 1. / (1. + np.exp(-x))


# --------------------------------------------------------------------------
# Activations.

@pytest.mark.parametrize('name,reference', [
    ('sigmoid', np_sigmoid),
    ('tanh', np.tanh),
    ('softplus', lambda x: np.log(np.exp(x) + 1.)),
    ('softsign', lambda x: x / (np.abs(x) + 1.)),
    ('hard_sigmoid', lambda x: np.clip(.2 * x + .5, 0., 1.)),
    ('elu', lambda x: np.where(x > 0, x, np.exp(x) - 1.)),
    ('softmax', np_softmax),
    ('relu', lambda x: np.maximum(x, 0.)),
])
def test_activations(both, name, reference):
    x = arr(3, 5) * 4
    np.testing.assert_allclose(both(getattr(K, name), x), reference(x),
                               rtol=1e-5, atol=1e-6)


def test_softmax_axis_and_elu_alpha(both):
    x = arr(2, 3, 4)
    np.testing.assert_allclose(both(lambda t: K.softmax(t, axis=1), x),
                               np_softmax(x, 1), rtol=1e-5)
    np.testing.assert_allclose(both(lambda t: K.elu(t, .5), x),
                               np.where(x > 0, x, .5 * (np.exp(x) - 1)),
                               rtol=1e-5, atol=1e-7)


def np_relu(x, alpha=0., max_value=None, threshold=0.):
    """Keras 2.2.4's relu, written out."""
    y = np.where(x > threshold, x, 0.)
    if max_value is not None:
        y = np.clip(y, 0., max_value)
    return y - alpha * np.maximum(threshold - x, 0.)


@pytest.mark.parametrize('kwargs', [
    dict(alpha=.1), dict(max_value=.5), dict(max_value=6.),
    dict(threshold=.3), dict(alpha=.2, threshold=.3, max_value=.8),
    dict(alpha=.2, threshold=-.5),
])
def test_relu_variants(both, kwargs):
    x = np.linspace(-3., 8., 23, dtype='float32').reshape(1, -1)
    np.testing.assert_allclose(both(lambda t: K.relu(t, **kwargs), x),
                               np_relu(x, **kwargs), rtol=1e-6, atol=1e-6)


def test_relu_documented_points():
    out = K.eval(K.relu(np.array([-2., 0., .5, 1., 8.]), alpha=.5,
                        max_value=6., threshold=1.))
    # below the threshold: alpha * (x - threshold); at it: 0
    np.testing.assert_allclose(out, [-1.5, -.5, -.25, 0., 6.])


# --------------------------------------------------------------------------
# Dropout.

def test_dropout_follows_the_learning_phase_with_in_train_phase():
    inp = K.placeholder(shape=(None, 200))
    out = K.in_train_phase(K.dropout(inp, 0.5), inp)
    f = K.function([inp, K.learning_phase()], [out])
    x = np.ones((4, 200), 'float32')
    np.testing.assert_allclose(f([x, 0])[0], x)
    trained = f([x, 1])[0]
    assert not np.allclose(trained, x)
    assert set(np.unique(trained)) == {0., 2.}  # kept values scaled by 2
    assert .35 < (trained == 0).mean() < .65


def test_dropout_alone_always_drops_and_checks_level():
    x = np.ones((50, 40), 'float32')
    out = K.eval(K.dropout(x, .25))
    assert set(np.unique(out)) == {0., np.float32(1 / .75)}
    np.testing.assert_allclose(K.eval(K.dropout(x, 0.)), x)
    for level in (-.1, 1., 1.5):
        with pytest.raises(ValueError, match=r'K.dropout.*level.*\[0, 1\)'):
            K.dropout(x, level)


def test_dropout_noise_shape_with_unknown_dimensions():
    inp = K.placeholder(shape=(None, 30, 8))
    out = K.dropout(inp, .5, noise_shape=(None, 1, 8))
    assert K.int_shape(out) == (None, 30, 8)
    value = K.function([inp], [out])([np.ones((3, 30, 8))])[0]
    # one mask per sample and feature, shared over time
    assert np.all(value == value[:, :1, :])


# --------------------------------------------------------------------------
# Crossentropies.

def np_categorical_crossentropy(target, output, axis=-1):
    output = output / output.sum(axis=axis, keepdims=True)
    output = np.clip(output, EPS, 1 - EPS)
    return -np.sum(target * np.log(output), axis=axis)


def test_categorical_crossentropy(both):
    logits = arr(4, 3) * 3
    target = np.eye(3, dtype='float32')[[0, 2, 1, 1]]
    probs = np_softmax(logits) * 2  # unnormalized on purpose
    out = both(K.categorical_crossentropy, target, probs)
    np.testing.assert_allclose(out, np_categorical_crossentropy(target, probs),
                               rtol=1e-5)
    out = both(lambda t, o: K.categorical_crossentropy(t, o, from_logits=True),
               target, logits)
    np.testing.assert_allclose(
        out, -np.sum(target * np.log(np_softmax(logits)), -1), rtol=1e-5)
    # classes along axis 1 of a 3-D output
    probs3 = np_softmax(arr(2, 3, 4), axis=1)
    target3 = np.eye(3, dtype='float32')[[[0, 1, 2, 0], [2, 2, 1, 0]]]
    target3 = target3.transpose(0, 2, 1)
    out = both(lambda t, o: K.categorical_crossentropy(t, o, axis=1),
               target3, probs3)
    np.testing.assert_allclose(
        out, np_categorical_crossentropy(target3, probs3, 1), rtol=1e-5)
    out = both(lambda t, o: K.categorical_crossentropy(t, o, True, axis=1),
               target3, np.log(probs3))
    np.testing.assert_allclose(
        out, np_categorical_crossentropy(target3, probs3, 1), rtol=1e-5)
    with pytest.raises(ValueError, match='K.categorical_crossentropy.*axis'):
        K.categorical_crossentropy(target, probs, axis=4)


def test_categorical_crossentropy_clips_zero_probabilities():
    out = K.eval(K.categorical_crossentropy(np.array([[1., 0.]]),
                                            np.array([[0., 1.]])))
    np.testing.assert_allclose(out, [-np.log(EPS)], rtol=1e-3)


def np_sparse_crossentropy(labels, probs):
    probs = np.clip(probs, EPS, 1 - EPS)
    probs = probs / probs.sum(-1, keepdims=True)
    picked = np.take_along_axis(probs, labels[..., None].astype(int), -1)
    return -np.log(picked[..., 0])


def test_sparse_categorical_crossentropy(both):
    probs = np_softmax(arr(4, 3) * 3)
    labels = np.array([0, 2, 1, 1])
    out = both(K.sparse_categorical_crossentropy,
               labels[:, None].astype('float32'), probs)
    assert out.shape == (4,)
    np.testing.assert_allclose(out, np_sparse_crossentropy(labels, probs),
                               rtol=1e-4)
    out = both(lambda t, o: K.sparse_categorical_crossentropy(t, o, True),
               labels.astype('int32'), np.log(probs))
    np.testing.assert_allclose(out, np_sparse_crossentropy(labels, probs),
                               rtol=1e-4)
    # a sequence output: the result has the output's shape without classes
    probs3 = np_softmax(arr(2, 5, 3))
    labels3 = RNG.randint(0, 3, size=(2, 5))
    out = both(K.sparse_categorical_crossentropy,
               labels3[..., None].astype('float32'), probs3)
    assert out.shape == (2, 5)
    np.testing.assert_allclose(out, np_sparse_crossentropy(labels3, probs3),
                               rtol=1e-5)
    sym = K.sparse_categorical_crossentropy(K.placeholder((None, 5, 1)),
                                            K.placeholder((None, 5, 3)))
    assert K.int_shape(sym) == (None, 5)
    # classes along axis 1
    out = both(lambda t, o: K.sparse_categorical_crossentropy(t, o, axis=1),
               labels3.astype('float32'), probs3.transpose(0, 2, 1))
    np.testing.assert_allclose(out, np_sparse_crossentropy(labels3, probs3),
                               rtol=1e-5)


def test_binary_crossentropy(both):
    probs = np_sigmoid(arr(4, 3) * 3)
    probs[0, 0] = 0.  # clipped to epsilon
    target = (RNG.rand(4, 3) > .5).astype('float32')
    clipped = np.clip(probs, EPS, 1 - EPS)
    expected = -(target * np.log(clipped) +
                 (1 - target) * np.log(1 - clipped))
    out = both(K.binary_crossentropy, target, probs, rtol=1e-4)
    np.testing.assert_allclose(out, expected, rtol=1e-3, atol=1e-5)
    logits = arr(4, 3) * 3
    out = both(lambda t, o: K.binary_crossentropy(t, o, from_logits=True),
               target, logits)
    p = np_sigmoid(logits)
    np.testing.assert_allclose(
        out, -(target * np.log(p) + (1 - target) * np.log(1 - p)),
        rtol=1e-5, atol=1e-6)


# --------------------------------------------------------------------------
# Bias and batch normalization.

@pytest.mark.parametrize('rank', [2, 3, 4, 5])
@pytest.mark.parametrize('data_format', ['channels_last', 'channels_first'])
def test_bias_add_vector(both, rank, data_format):
    shape = (2, 3, 4, 2, 3)[:rank]
    x = arr(*shape)
    channels_axis = 1 if data_format == 'channels_first' and rank > 2 else -1
    bias = arr(shape[channels_axis])
    out = both(lambda t, b: K.bias_add(t, b, data_format), x, bias,
               batch_free=(True, False))
    bshape = [1] * rank
    bshape[channels_axis] = -1
    np.testing.assert_allclose(out, x + bias.reshape(bshape), rtol=1e-6)


@pytest.mark.parametrize('rank', [3, 4, 5])
def test_bias_add_full_bias(both, rank):
    x = arr(*(2, 3, 4, 2, 3)[:rank])
    bias = arr(*x.shape[1:])
    out = both(lambda t, b: K.bias_add(t, b, 'channels_last'), x, bias,
               batch_free=(True, False))
    np.testing.assert_allclose(out, x + bias[None], rtol=1e-6)
    # channels_first: the bias is given channels-last and reshaped as in
    # Keras 2.2 (so 2.2 weights keep their meaning)
    first_bias = arr(*(x.shape[2:] + x.shape[1:2]))
    out = both(lambda t, b: K.bias_add(t, b, 'channels_first'), x, first_bias,
               batch_free=(True, False))
    expected = x + first_bias.reshape((1, x.shape[1]) + x.shape[2:])
    np.testing.assert_allclose(out, expected, rtol=1e-6)


def test_bias_add_errors():
    with pytest.raises(ValueError, match='K.bias_add.*bias'):
        K.bias_add(K.placeholder((2, 3, 4)), K.placeholder((3, 4, 5)))
    with pytest.raises(ValueError, match='data_format'):
        K.bias_add(K.placeholder((2, 3)), K.placeholder((3,)), 'nchw')


def test_batch_normalization(both):
    x = arr(4, 3, 5)
    mean, var = arr(5), np.abs(arr(5)) + .5
    beta, gamma = arr(5), arr(5)
    out = both(lambda *t: K.batch_normalization(*t, epsilon=1e-3),
               x, mean, var, beta, gamma, batch_free=False)
    expected = (x - mean) / np.sqrt(var + 1e-3) * gamma + beta
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-5)
    # statistics for axis 1 given as vectors
    mean1, var1 = arr(3), np.abs(arr(3)) + .5
    out = K.eval(K.batch_normalization(x, mean1, var1, None, None, axis=1))
    expected = (x - mean1[:, None]) / np.sqrt(var1[:, None] + 1e-3)
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize('axes', [[0, 1, 2], [0, 2, 3], [0, 2]])
def test_normalize_batch_in_training(both, axes):
    x = arr(4, 3, 2, 5) * 3 + 1
    kept = [i for i in range(4) if i not in axes]
    stat_shape = tuple(x.shape[i] for i in kept)
    gamma, beta = arr(*stat_shape), arr(*stat_shape)
    normed, mean, var = both(
        lambda t, g, b: K.normalize_batch_in_training(t, g, b, axes,
                                                      epsilon=1e-3),
        x, gamma, beta, batch_free=False)
    expected_mean = x.mean(axis=tuple(axes))
    expected_var = x.var(axis=tuple(axes))
    np.testing.assert_allclose(mean, expected_mean, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(var, expected_var, rtol=1e-4)
    bshape = [x.shape[i] if i in kept else 1 for i in range(4)]
    m = expected_mean.reshape(bshape)
    v = expected_var.reshape(bshape)
    expected = ((x - m) / np.sqrt(v + 1e-3) * gamma.reshape(bshape) +
                beta.reshape(bshape))
    np.testing.assert_allclose(normed, expected, rtol=1e-4, atol=1e-5)
