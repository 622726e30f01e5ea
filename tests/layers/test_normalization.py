"""BatchNormalization."""
import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import optimizers
from keras22.layers import (BatchNormalization, Dense, Embedding, Input,
                            add)
from keras22.models import Model, Sequential
from keras22.utils.test_utils import layer_test

from reference import np_batch_moments, np_batch_normalization


def _weight_names(layer):
    return [w.name.split('/')[-1].split(':')[0] for w in layer.weights]


def _set_random_weights(layer):
    """Random gamma, beta and moving statistics (variance positive)."""
    values = []
    for name, value in zip(_weight_names(layer), layer.get_weights()):
        if name in ('gamma', 'moving_variance'):
            values.append(np.random.uniform(0.5, 2., value.shape))
        else:
            values.append(np.random.randn(*value.shape))
    layer.set_weights([v.astype('float32') for v in values])
    return dict(zip(_weight_names(layer), layer.get_weights()))


def _phase_function(layer, shape, **call_kwargs):
    """`f([x, phase])` -> the layer's output in that learning phase."""
    x = Input(shape=shape)
    return K.function([x, K.learning_phase()],
                      [layer(x, **call_kwargs)])


@pytest.mark.parametrize('axis, shape', [
    (-1, (4,)),           # the fast path: statistics over all other axes
    (-1, (3, 5, 4)),      # channels last
    (1, (4, 3, 5)),       # channels first: the broadcasting path
    (2, (3, 4, 5)),
    (-2, (3, 4, 2)),
])
@pytest.mark.parametrize('center, scale', [(True, True), (False, True),
                                           (True, False), (False, False)])
def test_values_match_numpy(axis, shape, center, scale):
    layer = BatchNormalization(axis=axis, center=center, scale=scale,
                               epsilon=1e-2)
    f = _phase_function(layer, shape)
    weights = _set_random_weights(layer)
    x = (np.random.randn(6, *shape) * 3. + 2.).astype('float32')
    axis_index = axis % x.ndim
    gamma, beta = weights.get('gamma'), weights.get('beta')
    mean, var = np_batch_moments(x, axis_index)
    expected = np_batch_normalization(x, mean, var, beta, gamma,
                                      axis=axis_index, epsilon=1e-2)
    assert_allclose(f([x, 1])[0], expected, rtol=1e-4, atol=1e-4)
    expected = np_batch_normalization(
        x, weights['moving_mean'], weights['moving_variance'], beta, gamma,
        axis=axis_index, epsilon=1e-2)
    assert_allclose(f([x, 0])[0], expected, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize('kwargs, input_shape', [
    ({}, (3, 4)),
    ({'momentum': 0.9, 'epsilon': 0.1}, (3, 4)),
    ({'center': False, 'scale': False}, (3, 4)),
    ({'beta_initializer': 'ones', 'gamma_initializer': 'zeros',
      'moving_mean_initializer': 'ones',
      'moving_variance_initializer': 'zeros',
      'beta_regularizer': 'l2', 'gamma_regularizer': 'l1',
      'beta_constraint': 'max_norm', 'gamma_constraint': 'non_neg'},
     (3, 4)),
])
def test_layer_test(kwargs, input_shape):
    layer_test(BatchNormalization, kwargs=kwargs, input_shape=input_shape)


@pytest.mark.parametrize('data_format', ['channels_first', 'channels_last'])
def test_both_data_formats_in_a_model(data_format):
    axis = 1 if data_format == 'channels_first' else -1
    shape = (3, 4, 4) if data_format == 'channels_first' else (4, 4, 3)
    x = np.random.randn(5, *shape).astype('float32')
    out = layer_test(BatchNormalization, kwargs={'axis': axis},
                     input_data=x)
    weights = np.ones(3), np.zeros(3)
    expected = np_batch_normalization(x, weights[1], weights[0], None, None,
                                      axis=axis % 4)
    # the weights are freshly initialized: moving mean 0, variance 1
    assert_allclose(out, expected, rtol=1e-5)


def test_weights_order_and_shapes():
    layer = BatchNormalization(axis=1)
    layer(Input(shape=(5, 2)))
    assert _weight_names(layer) == ['gamma', 'beta', 'moving_mean',
                                    'moving_variance']
    assert [w.shape for w in layer.get_weights()] == [(5,)] * 4
    assert [_weight_names(layer)[i] for i in (2, 3)] == \
        [w.name.split('/')[-1].split(':')[0]
         for w in layer.non_trainable_weights]
    assert len(layer.trainable_weights) == 2
    for center, scale, names in [
            (False, True, ['gamma', 'moving_mean', 'moving_variance']),
            (True, False, ['beta', 'moving_mean', 'moving_variance']),
            (False, False, ['moving_mean', 'moving_variance'])]:
        layer = BatchNormalization(center=center, scale=scale)
        layer(Input(shape=(3,)))
        assert _weight_names(layer) == names
        assert layer.get_weights()[-1].tolist() == [1., 1., 1.]


def test_moving_statistics_after_one_training_step():
    momentum = 0.8
    model = Sequential([BatchNormalization(momentum=momentum,
                                           input_shape=(2, 3))])
    model.compile('sgd', 'mse')
    layer = model.layers[0]
    x = (np.random.randn(8, 2, 3) * 2. + 1.).astype('float32')
    mean, var = np_batch_moments(x, -1)
    model.train_on_batch(x, np.zeros_like(x))
    moving_mean, moving_var = layer.get_weights()[2:]
    # a plain exponential moving average; the variance corrected by
    # n / (n - 1 - epsilon) as Keras 2.2.4 did (n = 16 values per feature)
    n = 16.
    unbiased = var * n / (n - (1. + 1e-3))
    assert_allclose(moving_mean, (1. - momentum) * mean, rtol=1e-4)
    assert_allclose(moving_var, momentum + (1. - momentum) * unbiased,
                    rtol=1e-4)


def test_predict_and_evaluate_leave_moving_statistics_alone():
    model = Sequential([BatchNormalization(input_shape=(3,))])
    model.compile('sgd', 'mse')
    x = np.random.randn(16, 3).astype('float32') + 4.
    before = model.get_weights()
    model.predict(x)
    model.evaluate(x, x, verbose=0)
    model.test_on_batch(x, x)
    model.predict_on_batch(x)
    for a, b in zip(before, model.get_weights()):
        assert_allclose(a, b)
    model.fit(x, x, epochs=1, verbose=0)
    moving_mean = model.layers[0].get_weights()[2]
    assert np.all(moving_mean > 0.)


def test_normalizes_data_of_mean_5_std_10():
    model = Sequential([BatchNormalization(momentum=0.8, input_shape=(10,))])
    model.compile('sgd', 'mse')
    x = np.random.normal(loc=5., scale=10., size=(1000, 10))
    model.fit(x, x, epochs=4, batch_size=32, verbose=0)
    gamma, beta = model.layers[0].get_weights()[:2]
    out = (model.predict(x) - beta) / gamma
    # the moving statistics follow noisy batch statistics: each feature
    # is close, the average over features closer
    assert_allclose(out.mean(axis=0), 0., atol=0.25)
    assert_allclose(out.std(axis=0), 1., atol=0.25)
    assert abs(out.mean()) < 0.1 and abs(out.std() - 1.) < 0.1


def test_frozen_layer_uses_batch_statistics_but_is_not_updated():
    layer = BatchNormalization(trainable=False)
    inputs = Input(shape=(3,))
    outputs = Dense(3, kernel_initializer='identity')(layer(inputs))
    model = Model(inputs, outputs)
    model.compile('sgd', 'mse')
    assert layer.updates == [] and model.updates == []
    assert layer.trainable_weights == []
    x = (np.random.randn(16, 3) * 4. + 3.).astype('float32')
    before = layer.get_weights()
    model.fit(x, np.zeros_like(x), epochs=2, batch_size=8, verbose=0)
    for a, b in zip(before, layer.get_weights()):
        assert_allclose(a, b)
    # the training phase still normalizes with the batch's statistics
    train = K.function([inputs, K.learning_phase()], [layer.output])
    mean, var = np_batch_moments(x)
    assert_allclose(train([x, 1])[0],
                    np_batch_normalization(x, mean, var, None, None),
                    rtol=1e-4, atol=1e-5)
    assert_allclose(train([x, 0])[0],
                    np_batch_normalization(x, 0., 1., None, None),
                    rtol=1e-5)


def test_unfreezing_brings_the_updates_back():
    layer = BatchNormalization(trainable=False)
    layer(Input(shape=(3,)))
    assert layer.updates == []
    layer.trainable = True
    assert len(layer.updates) == 2


def test_frozen_layer_shared_between_inputs_is_not_updated():
    layer = BatchNormalization(trainable=False)
    a, b = Input(shape=(2,)), Input(shape=(2,))
    model = Model([a, b], add([layer(a), layer(b)]))
    assert model.updates == []
    trained = BatchNormalization()
    model = Model([a, b], add([trained(a), trained(b)]))
    assert len(model.updates) == 4


def test_frozen_inner_model_is_not_updated():
    inner = Sequential([BatchNormalization(input_shape=(3,))])
    x = Input(shape=(3,))
    outer = Model(x, inner(x))
    assert len(outer.updates) == 2
    inner.trainable = False
    assert outer.updates == []
    outer.compile('sgd', 'mse')
    data = np.random.randn(8, 3).astype('float32') + 5.
    outer.fit(data, data, epochs=1, verbose=0)
    assert_allclose(inner.layers[0].get_weights()[2], np.zeros(3))


def test_training_argument():
    x = (np.random.randn(8, 3) + 2.).astype('float32')
    mean, var = np_batch_moments(x)
    # training=False: moving statistics even in the training phase
    f = _phase_function(BatchNormalization(), (3,), training=False)
    assert_allclose(f([x, 1])[0], np_batch_normalization(x, 0., 1., None,
                                                         None), rtol=1e-5)
    # training=True: batch statistics even in the test phase
    f = _phase_function(BatchNormalization(), (3,), training=True)
    assert_allclose(f([x, 0])[0], np_batch_normalization(x, mean, var, None,
                                                         None),
                    rtol=1e-4, atol=1e-5)


def test_eager_call_uses_moving_statistics():
    layer = BatchNormalization()
    x = (np.random.randn(4, 3) + 2.).astype('float32')
    out = K.eval(layer(K.constant(x)))
    assert_allclose(out, x / np.sqrt(1. + 1e-3), rtol=1e-5)
    assert layer.updates == []


def test_learns_gamma_and_beta():
    # after normalization, a scale of 3 and an offset of -1 fit the targets
    x = np.random.randn(256, 2).astype('float32')
    model = Sequential([BatchNormalization(input_shape=(2,))])
    model.compile(optimizers.SGD(lr=0.1), 'mse')
    y = 3. * (x - x.mean(0)) / x.std(0) - 1.
    model.fit(x, y, epochs=100, batch_size=256, verbose=0)
    gamma, beta = model.layers[0].get_weights()[:2]
    assert_allclose(gamma, [3., 3.], atol=0.3)
    assert_allclose(beta, [-1., -1.], atol=0.3)


def test_masks_pass_through():
    inputs = Input(shape=(3,))
    layer = BatchNormalization()
    layer(Embedding(4, 2, mask_zero=True)(inputs))
    mask = K.function([inputs], [layer.output_mask])([np.array([[2, 0, 1]])])
    assert mask[0].tolist() == [[True, False, True]]


def test_regularizers_add_losses():
    layer = BatchNormalization(beta_regularizer='l2', gamma_regularizer='l1')
    layer(Input(shape=(3,)))
    assert len(layer.losses) == 2


def test_config_round_trip():
    layer = BatchNormalization(axis=1, momentum=0.9, epsilon=0.01,
                               center=False, gamma_regularizer='l2',
                               moving_variance_initializer='zeros')
    config = layer.get_config()
    assert config['axis'] == 1 and config['momentum'] == 0.9
    assert config['epsilon'] == 0.01 and config['center'] is False
    assert config['moving_variance_initializer']['class_name'] == 'Zeros'
    assert BatchNormalization.from_config(config).get_config() == config


def test_keras1_arguments():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        layer = BatchNormalization(beta_init='ones', gamma_init='zeros',
                                   mode=0)
    messages = ' '.join(str(w.message) for w in caught)
    assert 'beta_initializer' in messages and 'gamma_initializer' in messages
    config = layer.get_config()
    assert config['beta_initializer']['class_name'] == 'Ones'
    assert config['gamma_initializer']['class_name'] == 'Zeros'
    with pytest.raises(TypeError, match='mode'):
        BatchNormalization(mode=2)
    with pytest.raises(TypeError, match='positional'):
        BatchNormalization(1)


@pytest.mark.parametrize('kwargs, argument', [
    ({'axis': 1.5}, 'axis'),
    ({'axis': None}, 'axis'),
    ({'momentum': 1.5}, 'momentum'),
    ({'momentum': -0.1}, 'momentum'),
    ({'epsilon': -1e-3}, 'epsilon'),
])
def test_bad_arguments(kwargs, argument):
    with pytest.raises(ValueError, match='BatchNormalization.*%s' % argument):
        BatchNormalization(**kwargs)


def test_bad_axis_for_the_input():
    with pytest.raises(ValueError, match='BatchNormalization.*axis'):
        BatchNormalization(axis=3)(Input(shape=(4,)))
    with pytest.raises(ValueError, match='Axis 1 .*defined dimension'):
        BatchNormalization(axis=1)(Input(shape=(None, 4)))


def test_saved_weights_in_keras22_order(tmp_path):
    import h5py
    from keras22.models import load_model
    model = Sequential([BatchNormalization(input_shape=(3,), name='bn')])
    model.compile('sgd', 'mse')
    x = np.random.randn(8, 3).astype('float32') + 2.
    model.fit(x, x, epochs=1, verbose=0)
    path = str(tmp_path / 'bn.h5')
    model.save(path)
    with h5py.File(path, 'r') as f:
        names = [n.decode() if isinstance(n, bytes) else n
                 for n in f['model_weights/bn'].attrs['weight_names']]
    assert names == ['bn/gamma:0', 'bn/beta:0', 'bn/moving_mean:0',
                     'bn/moving_variance:0']
    loaded = load_model(path)
    assert_allclose(loaded.predict(x), model.predict(x), rtol=1e-6)
