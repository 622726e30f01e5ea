"""Locally connected layers: outputs against NumPy in both data formats,
Keras 2.2 weight layouts, training, configs, Keras 1 call forms, errors."""
import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import layers
from keras22.layers import (Dense, Flatten, Input, LocallyConnected1D,
                            LocallyConnected2D)
from keras22.models import Model, Sequential
from keras22.utils.test_utils import layer_test

from reference import from_channels_last, np_local_conv

FORMATS = ['channels_last', 'channels_first']


def make_input(spatial, channels, data_format, batch=2):
    x = np.random.uniform(-1, 1, (batch,) + tuple(spatial) + (channels,))
    return from_channels_last(x, data_format).astype('float32')


def apply(layer, x):
    """The layer's output on `x` through a model, after random weights;
    the declared output shapes must agree with it."""
    inputs = Input(shape=x.shape[1:])
    model = Model(inputs, layer(inputs))
    layer.set_weights([np.random.uniform(-1, 1, w.shape)
                       for w in layer.get_weights()])
    output = model.predict(x)
    assert model.output_shape == (None,) + output.shape[1:]
    assert tuple(layer.compute_output_shape((None,) + x.shape[1:])) == \
        (None,) + output.shape[1:]
    return output, layer.get_weights()


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('kwargs, expected', [
    (dict(kernel_size=3), (5,)),
    (dict(kernel_size=2, strides=2, activation='relu'), (3,)),
])
def test_locally_connected_1d_matches_numpy(kwargs, expected, data_format):
    x = make_input((7,), 3, data_format)
    y, (kernel, bias) = apply(LocallyConnected1D(
        4, data_format=data_format, **kwargs), x)
    steps = y.shape[2] if data_format == 'channels_first' else y.shape[1]
    assert (steps,) == expected
    assert kernel.shape == (expected[0], kwargs['kernel_size'] * 3, 4)
    reference = np_local_conv(x, kernel, bias, kwargs['kernel_size'],
                              kwargs.get('strides', 1), data_format)
    if kwargs.get('activation') == 'relu':
        reference = np.maximum(reference, 0.)
    assert_allclose(y, reference, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('kwargs, expected', [
    (dict(kernel_size=(2, 3)), (4, 2)),
    (dict(kernel_size=2, strides=(2, 1)), (2, 3)),
])
def test_locally_connected_2d_matches_numpy(kwargs, expected, data_format):
    x = make_input((5, 4), 2, data_format)
    y, (kernel, bias) = apply(LocallyConnected2D(
        3, data_format=data_format, **kwargs), x)
    spatial = y.shape[2:] if data_format == 'channels_first' else \
        y.shape[1:3]
    assert tuple(spatial) == expected
    reference = np_local_conv(x, kernel, bias, kwargs['kernel_size'],
                              kwargs.get('strides', 1), data_format)
    assert_allclose(y, reference, rtol=1e-4, atol=1e-5)


def test_without_bias():
    x = make_input((5, 4), 2, 'channels_last')
    layer = LocallyConnected2D(3, 2, use_bias=False)
    y, (kernel,) = apply(layer, x)
    assert_allclose(y, np_local_conv(x, kernel, None, 2, 1), rtol=1e-4,
                    atol=1e-5)


def test_weights_differ_per_position():
    # unlike a convolution, moving the input moves nothing along with it
    layer = LocallyConnected1D(1, 2, use_bias=False)
    x = np.zeros((1, 4, 1), 'float32')
    x[0, 0, 0] = 1.
    y, (kernel,) = apply(layer, x)
    assert_allclose(y[0, :, 0], [kernel[0, 0, 0], 0., 0.], atol=1e-6)


@pytest.mark.parametrize('layer, input_shape, expected', [
    (LocallyConnected1D(4, 3, strides=2), (7, 3),
     [('kernel', (3, 9, 4)), ('bias', (3, 4))]),
    (LocallyConnected1D(4, 3, data_format='channels_first'), (3, 7),
     [('kernel', (5, 9, 4)), ('bias', (5, 4))]),
    (LocallyConnected2D(3, (2, 3)), (5, 4, 2),
     [('kernel', (8, 12, 3)), ('bias', (4, 2, 3))]),
    (LocallyConnected2D(3, (2, 3), data_format='channels_first'), (2, 5, 4),
     [('kernel', (8, 12, 3)), ('bias', (4, 2, 3))]),
], ids=lambda v: type(v).__name__)
def test_weight_names_shapes_and_order(layer, input_shape, expected):
    layer(Input(shape=input_shape))
    names = [w.name.split('/')[-1].split(':')[0] for w in layer.weights]
    assert list(zip(names, [w.shape for w in layer.get_weights()])) == \
        expected
    if isinstance(layer, LocallyConnected2D):
        assert (layer.output_row, layer.output_col) == expected[1][1][:2]


@pytest.mark.parametrize('cls, kwargs, input_shape', [
    (LocallyConnected1D, dict(filters=2, kernel_size=2, strides=2,
                              kernel_regularizer='l2',
                              activity_regularizer='l1'), (2, 5, 3)),
    (LocallyConnected1D, dict(filters=2, kernel_size=3,
                              data_format='channels_first',
                              bias_constraint='non_neg'), (2, 3, 5)),
    (LocallyConnected2D, dict(filters=2, kernel_size=(2, 1),
                              kernel_constraint='max_norm'), (2, 4, 3, 2)),
    (LocallyConnected2D, dict(filters=2, kernel_size=2, strides=(1, 2),
                              data_format='channels_first'), (2, 2, 4, 5)),
], ids=lambda v: getattr(v, '__name__', ''))
def test_layer_test(cls, kwargs, input_shape):
    output = layer_test(cls, kwargs=kwargs, input_shape=input_shape)
    assert output.shape == tuple(cls(**kwargs).compute_output_shape(
        input_shape))


@pytest.mark.parametrize('cls, input_shape', [
    (LocallyConnected1D, (8, 2)),
    (LocallyConnected2D, (5, 5, 2)),
], ids=lambda v: getattr(v, '__name__', ''))
def test_learns(cls, input_shape):
    x = np.random.uniform(-1, 1, (32,) + input_shape).astype('float32')
    y = x.reshape(32, -1).sum(axis=1, keepdims=True) ** 2 / 10.
    layer = cls(3, 2, input_shape=input_shape)
    model = Sequential([layer, Flatten(), Dense(1)])
    model.compile('adam', 'mse')
    before = layer.get_weights()
    losses = model.fit(x, y, epochs=6, batch_size=8,
                       verbose=0).history['loss']
    assert losses[-1] < losses[0]
    assert not np.allclose(before[0], layer.get_weights()[0])


def test_config():
    layer = LocallyConnected2D(3, (2, 3), strides=(1, 2), activation='relu',
                               kernel_regularizer='l2',
                               data_format='channels_first')
    config = layer.get_config()
    assert set(config) - {'name', 'trainable', 'dtype'} == {
        'filters', 'kernel_size', 'strides', 'padding', 'data_format',
        'activation', 'use_bias', 'kernel_initializer', 'bias_initializer',
        'kernel_regularizer', 'bias_regularizer', 'activity_regularizer',
        'kernel_constraint', 'bias_constraint'}
    assert config['kernel_size'] == (2, 3) and config['strides'] == (1, 2)
    clone = layers.deserialize(layers.serialize(layer))
    assert type(clone) is LocallyConnected2D
    assert clone.get_config() == config
    assert LocallyConnected1D(2, 3).get_config()['kernel_size'] == (3,)


def test_data_format_defaults():
    K.set_image_data_format('channels_first')
    assert LocallyConnected2D(2, 2).data_format == 'channels_first'
    # Keras 2.2 read 1-D inputs as channels-last whatever the setting
    layer = LocallyConnected1D(2, 2)
    assert layer.data_format == 'channels_last'
    model = Sequential([LocallyConnected1D(2, 2, input_shape=(5, 3))])
    assert model.output_shape == (None, 4, 2)


def _keras1(factory):
    with pytest.warns(UserWarning, match='Keras 2 API'):
        return factory()


def test_keras1_forms():
    layer = _keras1(lambda: LocallyConnected1D(
        nb_filter=4, filter_length=3, subsample_length=2, input_dim=3,
        input_length=7, init='he_normal', bias=False))
    assert (layer.filters, layer.kernel_size, layer.strides) == \
        (4, (3,), (2,))
    assert layer.batch_input_shape == (None, 7, 3) and not layer.use_bias
    layer = _keras1(lambda: LocallyConnected2D(4, 2, 3, subsample=(2, 1),
                                               dim_ordering='th',
                                               W_regularizer='l2'))
    assert (layer.kernel_size, layer.strides) == ((2, 3), (2, 1))
    assert layer.data_format == 'channels_first'
    assert layer.kernel_regularizer is not None


@pytest.mark.parametrize('factory, message', [
    (lambda: LocallyConnected1D(0, 3), r'LocallyConnected1D: `filters`'),
    (lambda: LocallyConnected1D(2, 3, padding='same'),
     r'LocallyConnected1D: `padding` must be "valid", got \'same\''),
    (lambda: LocallyConnected2D(2, (2, 0)),
     r'LocallyConnected2D: `kernel_size`'),
    (lambda: LocallyConnected2D(2, 2, strides=-1),
     r'LocallyConnected2D: `strides`'),
    (lambda: LocallyConnected2D(2, 2, data_format='last'),
     r'LocallyConnected2D: `data_format`'),
])
def test_bad_arguments(factory, message):
    with pytest.raises(ValueError, match=message):
        factory()


@pytest.mark.parametrize('layer, input_shape, message', [
    (LocallyConnected1D(2, 3), (None, 3),
     r'LocallyConnected1D .*must be known'),
    (LocallyConnected2D(2, 2), (4, 4, None),
     r'LocallyConnected2D .*must be known'),
    (LocallyConnected2D(2, (2, 5)), (4, 4, 1),
     r'LocallyConnected2D: with padding "valid" the kernel_size \(2, 5\)'),
])
def test_bad_inputs(layer, input_shape, message):
    with pytest.raises(ValueError, match=message):
        layer(Input(shape=input_shape))
