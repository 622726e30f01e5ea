"""GaussianNoise, GaussianDropout and AlphaDropout: random in the training
phase, the identity otherwise."""
import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22.layers import (AlphaDropout, Embedding, GaussianDropout,
                            GaussianNoise, Input)
from keras22.models import Model, Sequential
from keras22.utils.test_utils import layer_test

from reference import np_alpha_dropout, SELU_ALPHA, SELU_SCALE

NOISE_LAYERS = [
    (GaussianNoise, {'stddev': 0.5}),
    (GaussianDropout, {'rate': 0.3}),
    (AlphaDropout, {'rate': 0.3}),
    (AlphaDropout, {'rate': 0.3, 'noise_shape': (None, 1), 'seed': 3}),
]


def _dropped_value(rate):
    """What AlphaDropout outputs for a dropped entry."""
    saturation = -SELU_ALPHA * SELU_SCALE
    a = ((1. - rate) * (1. + rate * saturation ** 2)) ** -0.5
    return a * saturation - a * saturation * rate


def _phase_function(layer, shape, **call_kwargs):
    """`f([x, phase])` -> the layer's output in that learning phase."""
    x = Input(shape=shape)
    return K.function([x, K.learning_phase()],
                      [layer(x, **call_kwargs)])


@pytest.mark.parametrize('cls, kwargs', NOISE_LAYERS)
def test_layer_test(cls, kwargs):
    x = np.random.randn(3, 4).astype('float32')
    # predict runs in the test phase: the layer is the identity
    out = layer_test(cls, kwargs=kwargs, input_data=x)
    assert_allclose(out, x)


@pytest.mark.parametrize('cls, kwargs', NOISE_LAYERS)
def test_identity_in_test_phase_random_in_training(cls, kwargs):
    x = np.random.randn(8, 5).astype('float32')
    f = _phase_function(cls(**kwargs), (5,))
    assert_allclose(f([x, 0])[0], x)
    first, second = f([x, 1])[0], f([x, 1])[0]
    assert first.shape == x.shape
    assert not np.allclose(first, x)
    # a symbolic random op draws anew at every run
    assert not np.allclose(first, second)


def test_gaussian_noise_statistics():
    x = np.random.randn(200, 50).astype('float32')
    f = _phase_function(GaussianNoise(0.5), (50,))
    noise = f([x, 1])[0] - x
    assert abs(noise.mean()) < 0.02
    assert abs(noise.std() - 0.5) < 0.02


def test_gaussian_dropout_statistics():
    x = np.random.uniform(1., 2., size=(200, 50)).astype('float32')
    f = _phase_function(GaussianDropout(0.2), (50,))
    factor = f([x, 1])[0] / x
    assert abs(factor.mean() - 1.) < 0.02
    assert abs(factor.std() - np.sqrt(0.2 / 0.8)) < 0.02


def test_alpha_dropout_matches_numpy():
    rate = 0.3
    x = np.random.randn(200, 50).astype('float32')
    out = _phase_function(AlphaDropout(rate), (50,))([x, 1])[0]
    # a dropped entry takes one value; recover the keep pattern from it
    kept = (~np.isclose(out, _dropped_value(rate), atol=1e-6)).astype(
        'float32')
    assert abs(1. - kept.mean() - rate) < 0.03
    assert_allclose(out, np_alpha_dropout(x, kept, rate), rtol=1e-5,
                    atol=1e-5)
    # it keeps zero mean and unit variance
    assert abs(out.mean()) < 0.05
    assert abs(out.std() - 1.) < 0.05


def test_alpha_dropout_noise_shape():
    x = np.random.randn(400, 6).astype('float32')
    layer = AlphaDropout(0.5, noise_shape=(None, 1))
    out = _phase_function(layer, (6,))([x, 1])[0]
    dropped = np.isclose(out, _dropped_value(0.5), atol=1e-6)
    dropped_rows = dropped.all(axis=1)
    # whole samples are dropped or kept
    assert np.all(dropped.any(axis=1) == dropped_rows)
    assert 0.35 < dropped_rows.mean() < 0.65


def test_explicit_training_argument():
    x = np.random.randn(4, 3).astype('float32')
    inputs = Input(shape=(3,))
    model = Model(inputs, GaussianNoise(1.)(inputs, training=True))
    assert not np.allclose(model.predict(x), x)
    model = Model(inputs, GaussianNoise(1.)(inputs, training=False))
    assert_allclose(model.predict(x), x)


@pytest.mark.parametrize('layer', [GaussianDropout(0.), GaussianDropout(1.),
                                   AlphaDropout(0.), AlphaDropout(1.),
                                   GaussianNoise(0.)])
def test_degenerate_rates_are_the_identity(layer):
    x = np.random.randn(4, 3).astype('float32')
    assert_allclose(_phase_function(layer, (3,))([x, 1])[0], x)


def test_eager_call_is_the_identity():
    x = np.random.randn(4, 3).astype('float32')
    assert_allclose(K.eval(GaussianNoise(1.)(K.constant(x))), x)
    noisy = K.eval(GaussianNoise(1.)(K.constant(x), training=True))
    assert not np.allclose(noisy, x)


def test_noise_during_fit_only():
    # a model of one noise layer: fit sees noise (the loss against the
    # clean targets is positive), evaluate does not
    x = np.random.randn(64, 4).astype('float32')
    model = Sequential([GaussianNoise(1., input_shape=(4,))])
    model.compile('sgd', 'mse')
    history = model.fit(x, x, epochs=1, batch_size=64, verbose=0)
    assert history.history['loss'][0] > 0.5
    assert model.evaluate(x, x, verbose=0) == 0.


def test_masks_pass_through():
    inputs = Input(shape=(3,))
    embedded = Embedding(4, 2, mask_zero=True)(inputs)
    for layer in (GaussianNoise(1.), GaussianDropout(0.5),
                  AlphaDropout(0.5)):
        layer(embedded)
        mask = K.function([inputs], [layer.output_mask])(
            [np.array([[0, 1, 2]])])[0]
        assert mask.tolist() == [[False, True, True]]


@pytest.mark.parametrize('cls, kwargs', NOISE_LAYERS)
def test_config_round_trip(cls, kwargs):
    layer = cls(**kwargs)
    config = layer.get_config()
    for key, value in kwargs.items():
        assert config[key] == value
    assert cls.from_config(config).get_config() == config


def test_keras1_arguments():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        noise = GaussianNoise(sigma=0.2)
        dropout = GaussianDropout(p=0.4)
    messages = ' '.join(str(w.message) for w in caught)
    assert 'stddev=0.2' in messages and 'rate=0.4' in messages
    assert noise.stddev == 0.2 and dropout.rate == 0.4
    with pytest.raises(TypeError, match='positional'):
        GaussianNoise(0.1, 0.2)


@pytest.mark.parametrize('cls, kwargs, argument', [
    (GaussianNoise, {'stddev': -0.1}, 'stddev'),
    (GaussianNoise, {'stddev': 'big'}, 'stddev'),
    (GaussianDropout, {'rate': -0.1}, 'rate'),
    (GaussianDropout, {'rate': 1.5}, 'rate'),
    (AlphaDropout, {'rate': -0.5}, 'rate'),
    (AlphaDropout, {'rate': 'half'}, 'rate'),
])
def test_bad_arguments(cls, kwargs, argument):
    with pytest.raises(ValueError, match='%s.*%s' % (cls.__name__, argument)):
        cls(**kwargs)
