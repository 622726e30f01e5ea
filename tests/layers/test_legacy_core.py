"""The Keras 1 dense-type layers Keras 2.2 kept: Highway and MaxoutDense."""
import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import layers
from keras22 import optimizers
from keras22.layers import Highway, Input, MaxoutDense
from keras22.models import Model, Sequential
from keras22.utils.test_utils import layer_test

from reference import np_highway, np_maxout_dense

pytestmark = pytest.mark.filterwarnings('ignore:The `(Highway|MaxoutDense)`')


def _weight_names(layer):
    return [w.name.split('/')[-1].split(':')[0] for w in layer.weights]


def _build(layer, input_dim):
    inputs = Input(shape=(input_dim,))
    return Model(inputs, layer(inputs))


def _random_weights(layer):
    values = [np.random.randn(*w.shape).astype('float32') * 0.5
              for w in layer.get_weights()]
    layer.set_weights(values)
    return values


@pytest.mark.parametrize('kwargs', [
    {}, {'activation': 'tanh'}, {'bias': False},
    {'W_regularizer': 'l2', 'b_regularizer': 'l1',
     'activity_regularizer': 'l2', 'W_constraint': 'max_norm',
     'b_constraint': 'non_neg', 'init': 'he_normal'},
])
def test_highway_layer_test(kwargs):
    layer_test(Highway, kwargs=kwargs, input_shape=(3, 4))


@pytest.mark.parametrize('kwargs', [
    {'output_dim': 3}, {'output_dim': 2, 'nb_feature': 2, 'bias': False},
    {'output_dim': 3, 'W_regularizer': 'l2', 'b_regularizer': 'l1',
     'activity_regularizer': 'l2', 'W_constraint': 'max_norm',
     'b_constraint': 'non_neg'},
])
def test_maxout_dense_layer_test(kwargs):
    layer_test(MaxoutDense, kwargs=kwargs, input_shape=(3, 4))


@pytest.mark.parametrize('activation, np_activation', [
    (None, lambda v: v), ('tanh', np.tanh)])
def test_highway_values(activation, np_activation):
    layer = Highway(activation=activation)
    model = _build(layer, 4)
    W, W_carry, b, b_carry = _random_weights(layer)
    x = np.random.randn(5, 4).astype('float32')
    expected = np_highway(x, W, W_carry, b, b_carry, np_activation)
    assert_allclose(model.predict(x), expected, rtol=1e-5, atol=1e-6)


def test_highway_without_bias():
    layer = Highway(bias=False)
    model = _build(layer, 3)
    assert _weight_names(layer) == ['W', 'W_carry']
    W, W_carry = _random_weights(layer)
    x = np.random.randn(5, 3).astype('float32')
    assert_allclose(model.predict(x), np_highway(x, W, W_carry),
                    rtol=1e-5, atol=1e-6)


def test_highway_weights_order_and_initial_values():
    layer = Highway()
    _build(layer, 3)
    assert _weight_names(layer) == ['W', 'W_carry', 'b', 'b_carry']
    shapes = [w.shape for w in layer.get_weights()]
    assert shapes == [(3, 3), (3, 3), (3,), (3,)]
    assert layer.get_weights()[2].tolist() == [0., 0., 0.]
    assert layer.get_weights()[3].tolist() == [1., 1., 1.]


def test_maxout_dense_values():
    layer = MaxoutDense(3, nb_feature=5)
    model = _build(layer, 4)
    W, b = _random_weights(layer)
    assert W.shape == (5, 4, 3) and b.shape == (5, 3)
    assert _weight_names(layer) == ['W', 'b']
    x = np.random.randn(6, 4).astype('float32')
    assert model.output_shape == (None, 3)
    assert_allclose(model.predict(x), np_maxout_dense(x, W, b), rtol=1e-5,
                    atol=1e-6)


def test_maxout_dense_without_bias():
    layer = MaxoutDense(2, nb_feature=3, bias=False)
    model = _build(layer, 4)
    W, = _random_weights(layer)
    x = np.random.randn(6, 4).astype('float32')
    assert_allclose(model.predict(x), np_maxout_dense(x, W), rtol=1e-5,
                    atol=1e-6)


def test_initial_weights_argument():
    W = np.random.randn(2, 3, 2).astype('float32')
    b = np.random.randn(2, 2).astype('float32')
    layer = MaxoutDense(2, nb_feature=2, weights=[W, b])
    model = _build(layer, 3)
    x = np.random.randn(4, 3).astype('float32')
    assert_allclose(model.predict(x), np_maxout_dense(x, W, b), rtol=1e-5,
                    atol=1e-6)
    values = [np.eye(2, dtype='float32')] * 2 + [np.zeros(2, 'float32')] * 2
    layer = Highway(weights=values)
    _build(layer, 2)
    for a, b in zip(layer.get_weights(), values):
        assert_allclose(a, b)


def test_input_dim_gives_the_input_shape():
    model = Sequential([Highway(input_dim=5), MaxoutDense(2, input_dim=5)])
    assert model.input_shape == (None, 5)
    assert model.output_shape == (None, 2)


def test_regularizers_add_losses():
    layer = Highway(W_regularizer='l2', b_regularizer='l1')
    _build(layer, 3)
    # W and b only: the carry weights are never regularized
    assert len(layer.losses) == 2
    layer = MaxoutDense(2, W_regularizer='l2', b_regularizer='l1')
    _build(layer, 3)
    assert len(layer.losses) == 2


def test_maxout_dense_learns():
    # |x| is the maximum of two linear maps: x and -x
    x = np.random.randn(256, 1).astype('float32')
    model = Sequential([MaxoutDense(1, nb_feature=2, input_dim=1)])
    model.compile(optimizers.Adam(lr=0.05), 'mse')
    before = model.evaluate(x, np.abs(x), verbose=0)
    model.fit(x, np.abs(x), epochs=40, batch_size=64, verbose=0)
    after = model.evaluate(x, np.abs(x), verbose=0)
    assert after < 0.05 * before


def test_highway_learns():
    x = np.random.randn(256, 3).astype('float32')
    y = np.tanh(x[:, ::-1])
    model = Sequential([Highway(activation='tanh', input_dim=3)])
    model.compile(optimizers.Adam(lr=0.05), 'mse')
    before = model.evaluate(x, y, verbose=0)
    model.fit(x, y, epochs=30, batch_size=64, verbose=0)
    assert model.evaluate(x, y, verbose=0) < 0.3 * before


def test_deprecation_warnings():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        Highway(transform_bias=-2)
        MaxoutDense(2)
    messages = [str(w.message) for w in caught]
    assert any('`Highway` layer is deprecated' in m for m in messages)
    assert any('transform_bias' in m for m in messages)
    assert any('`MaxoutDense` layer is deprecated' in m for m in messages)
    assert all(w.filename == __file__ for w in caught)


@pytest.mark.parametrize('make', [
    lambda: Highway(activation='relu', W_regularizer='l2', bias=False,
                    input_dim=3),
    lambda: MaxoutDense(4, nb_feature=3, init='zeros',
                        b_constraint='non_neg', input_dim=3),
])
def test_config_round_trip(make):
    layer = make()
    config = layer.get_config()
    for key in ('init', 'W_regularizer', 'b_regularizer',
                'activity_regularizer', 'W_constraint', 'b_constraint',
                'bias', 'input_dim'):
        assert key in config
    assert config['input_dim'] == 3
    clone = layer.__class__.from_config(config)
    assert clone.get_config() == config
    assert clone.batch_input_shape == (None, 3)


@pytest.mark.parametrize('kwargs, argument', [
    ({'output_dim': 0}, 'output_dim'), ({'output_dim': 2.5}, 'output_dim'),
    ({'output_dim': 2, 'nb_feature': 0}, 'nb_feature')])
def test_maxout_dense_bad_arguments(kwargs, argument):
    with pytest.raises(ValueError, match='MaxoutDense.*%s' % argument):
        MaxoutDense(**kwargs)


def test_input_rank_and_size():
    with pytest.raises(ValueError, match='ndim=2'):
        Highway()(Input(shape=(3, 4)))
    with pytest.raises(ValueError, match='Highway.*defined'):
        Highway()(K.placeholder(shape=(None, None)))
    layer = MaxoutDense(2)
    layer(Input(shape=(3,)))
    with pytest.raises(ValueError, match='axis 1'):
        layer(Input(shape=(4,)))


def test_exported_from_layers():
    assert layers.Highway is Highway and layers.MaxoutDense is MaxoutDense
    from keras22.legacy import layers as legacy_layers
    assert legacy_layers.Highway is Highway
