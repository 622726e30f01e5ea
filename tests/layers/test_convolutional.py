"""Convolution layers, and the cropping, zero-padding and upsampling layers:
outputs against NumPy references in both data formats, weights, configs,
Keras 1 call forms and argument errors."""
import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import layers
from keras22.layers import (Conv1D, Conv2D, Conv2DTranspose, Conv3D,
                            Conv3DTranspose, Cropping1D, Cropping2D,
                            Cropping3D, Dense, DepthwiseConv2D, Flatten,
                            Input, SeparableConv1D, SeparableConv2D,
                            UpSampling1D, UpSampling2D, UpSampling3D,
                            ZeroPadding1D, ZeroPadding2D, ZeroPadding3D)
from keras22.models import Model, Sequential
from keras22.utils.test_utils import layer_test

from reference import (from_channels_last, np_conv, np_conv_transpose,
                       np_depthwise_conv, np_resize_bilinear,
                       np_separable_conv, to_channels_last)

FORMATS = ['channels_last', 'channels_first']
BASE_KEYS = {'name', 'trainable', 'dtype', 'batch_input_shape'}


# ----------------------------------------------------------------------
# Helpers.

def make_input(spatial, channels, data_format, batch=2):
    """Random data of a channels-last shape, laid out in `data_format`."""
    x = np.random.uniform(-1, 1, (batch,) + tuple(spatial) + (channels,))
    return from_channels_last(x, data_format).astype('float32')


def apply(layer, x, randomize=True):
    """Runs `layer` on `x` in a model (after giving it random weights) and
    checks the declared output shapes against the output. Returns the
    output and the weights."""
    inputs = Input(shape=x.shape[1:])
    model = Model(inputs, layer(inputs))
    if randomize:
        layer.set_weights([np.random.uniform(-1, 1, w.shape)
                           for w in layer.get_weights()])
    output = model.predict(x)
    assert model.output_shape == (None,) + output.shape[1:]
    declared = layer.compute_output_shape((None,) + x.shape[1:])
    assert tuple(declared) == (None,) + output.shape[1:]
    return output, layer.get_weights()


def add_bias(y, bias, data_format):
    if data_format == 'channels_first':
        bias = bias.reshape((-1,) + (1,) * (y.ndim - 2))
    return y + bias


def spatial_shape(y, data_format):
    return y.shape[2:] if data_format == 'channels_first' else y.shape[1:-1]


# ----------------------------------------------------------------------
# Outputs against NumPy, in both data formats. Each case: the layer, the
# input's spatial shape, constructor arguments, and the output's spatial
# shape worked out by hand.

CONV_CASES = [
    (Conv1D, (7,), dict(filters=4, kernel_size=3), (5,)),
    (Conv1D, (7,), dict(filters=4, kernel_size=3, padding='same',
                        strides=2), (4,)),
    (Conv1D, (7,), dict(filters=2, kernel_size=2, padding='causal',
                        dilation_rate=2), (7,)),
    (Conv2D, (6, 5), dict(filters=3, kernel_size=(3, 2)), (4, 4)),
    (Conv2D, (6, 5), dict(filters=3, kernel_size=3, padding='same',
                          strides=(2, 1)), (3, 5)),
    (Conv2D, (6, 5), dict(filters=3, kernel_size=2, dilation_rate=(2, 1),
                          activation='relu'), (4, 4)),
    (Conv3D, (4, 5, 3), dict(filters=2, kernel_size=(2, 3, 1)), (3, 3, 3)),
    (Conv3D, (4, 5, 3), dict(filters=2, kernel_size=3, padding='same',
                             strides=2), (2, 3, 2)),
]


def _reference_args(kwargs):
    return {key: kwargs[key] for key in ('strides', 'padding',
                                         'dilation_rate') if key in kwargs}


def _activate(y, kwargs):
    return np.maximum(y, 0.) if kwargs.get('activation') == 'relu' else y


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('cls, spatial, kwargs, expected', CONV_CASES)
def test_conv_matches_numpy(cls, spatial, kwargs, expected, data_format):
    x = make_input(spatial, 3, data_format)
    y, (kernel, bias) = apply(cls(data_format=data_format, **kwargs), x)
    assert tuple(spatial_shape(y, data_format)) == expected
    reference = np_conv(x, kernel, data_format=data_format,
                        **_reference_args(kwargs))
    reference = _activate(add_bias(reference, bias, data_format), kwargs)
    assert_allclose(y, reference, rtol=1e-4, atol=1e-5)


SEPARABLE_CASES = [
    (SeparableConv1D, (7,), dict(filters=3, kernel_size=3,
                                 depth_multiplier=2), (5,)),
    (SeparableConv1D, (7,), dict(filters=3, kernel_size=3, padding='causal',
                                 strides=2), (4,)),
    (SeparableConv2D, (6, 5), dict(filters=3, kernel_size=3,
                                   depth_multiplier=2), (4, 3)),
    (SeparableConv2D, (6, 5), dict(filters=2, kernel_size=(2, 3),
                                   padding='same', strides=2), (3, 3)),
    (SeparableConv2D, (6, 5), dict(filters=2, kernel_size=2,
                                   dilation_rate=2), (4, 3)),
]


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('cls, spatial, kwargs, expected', SEPARABLE_CASES)
def test_separable_conv_matches_numpy(cls, spatial, kwargs, expected,
                                      data_format):
    x = make_input(spatial, 2, data_format)
    y, (depthwise, pointwise, bias) = apply(
        cls(data_format=data_format, **kwargs), x)
    assert tuple(spatial_shape(y, data_format)) == expected
    reference = np_separable_conv(x, depthwise, pointwise,
                                  data_format=data_format,
                                  **_reference_args(kwargs))
    assert_allclose(y, add_bias(reference, bias, data_format), rtol=1e-4,
                    atol=1e-5)


DEPTHWISE_CASES = [
    (dict(kernel_size=3, depth_multiplier=2), (4, 3)),
    (dict(kernel_size=(2, 3), padding='same', strides=2), (3, 3)),
    (dict(kernel_size=2, dilation_rate=2, depth_multiplier=3), (4, 3)),
]


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('kwargs, expected', DEPTHWISE_CASES)
def test_depthwise_conv_matches_numpy(kwargs, expected, data_format):
    x = make_input((6, 5), 2, data_format)
    y, (kernel, bias) = apply(DepthwiseConv2D(data_format=data_format,
                                              **kwargs), x)
    assert tuple(spatial_shape(y, data_format)) == expected
    channels = y.shape[1 if data_format == 'channels_first' else -1]
    assert channels == 2 * kwargs.get('depth_multiplier', 1)
    reference = np_depthwise_conv(x, kernel, data_format=data_format,
                                  **_reference_args(kwargs))
    assert_allclose(y, add_bias(reference, bias, data_format), rtol=1e-4,
                    atol=1e-5)


TRANSPOSE_CASES = [
    (Conv2DTranspose, (4, 3), dict(filters=3, kernel_size=3, strides=2),
     (9, 7)),
    (Conv2DTranspose, (4, 3), dict(filters=3, kernel_size=3, strides=2,
                                   padding='same'), (8, 6)),
    (Conv2DTranspose, (4, 3), dict(filters=3, kernel_size=3, strides=2,
                                   padding='same', output_padding=1),
     (8, 6)),
    (Conv2DTranspose, (4, 3), dict(filters=3, kernel_size=3, strides=(3, 2),
                                   output_padding=(2, 1)), (14, 8)),
    (Conv2DTranspose, (4, 3), dict(filters=2, kernel_size=(2, 3),
                                   dilation_rate=2), (6, 7)),
    (Conv2DTranspose, (4, 3), dict(filters=2, kernel_size=(2, 4),
                                   strides=2, padding='same',
                                   output_padding=1), (7, 5)),
    (Conv3DTranspose, (3, 2, 3), dict(filters=2, kernel_size=2, strides=2),
     (6, 4, 6)),
    (Conv3DTranspose, (3, 2, 3), dict(filters=2, kernel_size=3,
                                      strides=(2, 1, 2), padding='same',
                                      output_padding=(1, 0, 1)), (6, 2, 6)),
]


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('cls, spatial, kwargs, expected', TRANSPOSE_CASES)
def test_conv_transpose_matches_numpy(cls, spatial, kwargs, expected,
                                      data_format):
    x = make_input(spatial, 2, data_format)
    y, (kernel, bias) = apply(cls(data_format=data_format, **kwargs), x)
    assert tuple(spatial_shape(y, data_format)) == expected
    reference = np_conv_transpose(x, kernel, expected,
                                  data_format=data_format,
                                  **_reference_args(kwargs))
    assert_allclose(y, add_bias(reference, bias, data_format), rtol=1e-4,
                    atol=1e-5)


@pytest.mark.parametrize('padding', ['valid', 'same'])
def test_conv2d_transpose_is_the_adjoint_of_conv2d(padding):
    # <T x, y> == <x, C y>: checks the transposed layer against the plain
    # NumPy convolution, independently of np_conv_transpose
    layer = Conv2DTranspose(3, (3, 2), strides=2, padding=padding,
                            use_bias=False)
    x = make_input((4, 3), 2, 'channels_last')
    tx, (kernel,) = apply(layer, x)
    y = np.random.uniform(-1, 1, tx.shape)
    cy = np_conv(y, kernel, strides=2, padding=padding)
    assert cy.shape == x.shape
    assert_allclose(np.sum(tx * y), np.sum(x * cy), rtol=1e-4)


def test_transposed_conv_with_unknown_spatial_size():
    # output sizes come from the input's runtime shape
    inputs = Input(shape=(None, None, 2))
    layer = Conv2DTranspose(3, 3, strides=2, padding='same')
    outputs = layer(inputs)
    assert K.int_shape(outputs) == (None, None, None, 3)
    model = Model(inputs, outputs)
    assert model.predict(np.ones((1, 4, 5, 2))).shape == (1, 8, 10, 3)
    assert model.predict(np.ones((2, 3, 2, 2))).shape == (2, 6, 4, 3)


def test_conv_with_unknown_spatial_size():
    model = Sequential([Conv1D(2, 3, input_shape=(None, 4))])
    assert model.output_shape == (None, None, 2)
    assert model.predict(np.ones((1, 9, 4))).shape == (1, 7, 2)


def test_causal_conv1d_ignores_the_future():
    layer = Conv1D(1, 3, padding='causal', dilation_rate=2)
    x = np.random.uniform(size=(1, 8, 1)).astype('float32')
    y, _ = apply(layer, x)
    changed = x.copy()
    changed[0, 5:] += 1.
    y_changed, _ = apply(layer, changed, randomize=False)
    assert_allclose(y[0, :5], y_changed[0, :5], rtol=1e-6)
    assert not np.allclose(y[0, 5:], y_changed[0, 5:])


@pytest.mark.parametrize('data_format', FORMATS)
def test_cropping_matches_numpy(data_format):
    x1 = np.random.uniform(size=(2, 6, 3)).astype('float32')
    y, _ = apply(Cropping1D((1, 2)), x1)
    assert_allclose(y, x1[:, 1:-2])
    y, _ = apply(Cropping1D(0), x1)
    assert_allclose(y, x1)
    x2 = make_input((5, 6), 2, data_format)
    y, _ = apply(Cropping2D(((1, 0), (2, 1)), data_format=data_format), x2)
    last = to_channels_last(x2, data_format)
    assert_allclose(to_channels_last(y, data_format), last[:, 1:, 2:-1])
    y, _ = apply(Cropping2D((2, 1), data_format=data_format), x2)
    assert_allclose(to_channels_last(y, data_format), last[:, 2:-2, 1:-1])
    x3 = make_input((4, 3, 5), 2, data_format)
    y, _ = apply(Cropping3D(data_format=data_format), x3)
    last = to_channels_last(x3, data_format)
    assert_allclose(to_channels_last(y, data_format), last[:, 1:-1, 1:-1,
                                                           1:-1])
    y, _ = apply(Cropping3D(((0, 1), (1, 0), (2, 2)),
                            data_format=data_format), x3)
    assert_allclose(to_channels_last(y, data_format),
                    last[:, :-1, 1:, 2:-2])


@pytest.mark.parametrize('data_format', FORMATS)
def test_zero_padding_matches_numpy(data_format):
    x1 = np.random.uniform(size=(2, 4, 3)).astype('float32')
    y, _ = apply(ZeroPadding1D((1, 2)), x1)
    assert_allclose(y, np.pad(x1, [(0, 0), (1, 2), (0, 0)]))
    y, _ = apply(ZeroPadding1D(), x1)
    assert_allclose(y, np.pad(x1, [(0, 0), (1, 1), (0, 0)]))
    x2 = make_input((3, 4), 2, data_format)
    last = to_channels_last(x2, data_format)
    y, _ = apply(ZeroPadding2D(((1, 0), (2, 1)), data_format=data_format),
                 x2)
    assert_allclose(to_channels_last(y, data_format),
                    np.pad(last, [(0, 0), (1, 0), (2, 1), (0, 0)]))
    y, _ = apply(ZeroPadding2D((2, 1), data_format=data_format), x2)
    assert_allclose(to_channels_last(y, data_format),
                    np.pad(last, [(0, 0), (2, 2), (1, 1), (0, 0)]))
    x3 = make_input((2, 3, 2), 2, data_format)
    y, _ = apply(ZeroPadding3D(((0, 1), (1, 0), (2, 2)),
                               data_format=data_format), x3)
    assert_allclose(to_channels_last(y, data_format),
                    np.pad(to_channels_last(x3, data_format),
                           [(0, 0), (0, 1), (1, 0), (2, 2), (0, 0)]))


@pytest.mark.parametrize('data_format', FORMATS)
def test_upsampling_matches_numpy(data_format):
    x1 = np.random.uniform(size=(2, 3, 2)).astype('float32')
    y, _ = apply(UpSampling1D(3), x1)
    assert_allclose(y, np.repeat(x1, 3, axis=1))
    x2 = make_input((3, 2), 2, data_format)
    last = to_channels_last(x2, data_format)
    y, _ = apply(UpSampling2D((2, 3), data_format=data_format), x2)
    assert_allclose(to_channels_last(y, data_format),
                    np.repeat(np.repeat(last, 2, axis=1), 3, axis=2))
    y, _ = apply(UpSampling2D((2, 3), data_format=data_format,
                              interpolation='bilinear'), x2)
    assert_allclose(y, np_resize_bilinear(x2, (2, 3), data_format),
                    rtol=1e-5, atol=1e-6)
    x3 = make_input((2, 1, 2), 2, data_format)
    y, _ = apply(UpSampling3D((2, 3, 1), data_format=data_format), x3)
    expected = to_channels_last(x3, data_format)
    for axis, factor in zip((1, 2, 3), (2, 3, 1)):
        expected = np.repeat(expected, factor, axis=axis)
    assert_allclose(to_channels_last(y, data_format), expected)


# ----------------------------------------------------------------------
# layer_test with representative arguments.

LAYER_TEST_CASES = [
    (Conv1D, dict(filters=2, kernel_size=3, padding='causal',
                  dilation_rate=2, kernel_regularizer='l2',
                  activity_regularizer='l1'), (2, 6, 3)),
    (Conv1D, dict(filters=2, kernel_size=2, strides=2,
                  data_format='channels_first', activation='tanh'),
     (2, 3, 6)),
    (Conv2D, dict(filters=2, kernel_size=(2, 3), padding='same',
                  strides=(2, 1), kernel_constraint='max_norm',
                  bias_constraint='non_neg'), (2, 5, 4, 3)),
    (Conv2D, dict(filters=2, kernel_size=2, dilation_rate=2,
                  data_format='channels_first', use_bias=False),
     (2, 3, 5, 4)),
    (Conv3D, dict(filters=2, kernel_size=2, padding='same', strides=2),
     (2, 4, 3, 4, 2)),
    (SeparableConv1D, dict(filters=2, kernel_size=2, depth_multiplier=2,
                           depthwise_regularizer='l2',
                           pointwise_constraint='unit_norm'), (2, 5, 3)),
    (SeparableConv2D, dict(filters=2, kernel_size=(2, 2), strides=2,
                           padding='same', data_format='channels_first'),
     (2, 3, 5, 4)),
    (DepthwiseConv2D, dict(kernel_size=2, depth_multiplier=2,
                           depthwise_regularizer='l2'), (2, 4, 5, 3)),
    (Conv2DTranspose, dict(filters=2, kernel_size=3, strides=2,
                           padding='same', output_padding=1),
     (2, 3, 4, 2)),
    (Conv2DTranspose, dict(filters=2, kernel_size=2, dilation_rate=2,
                           data_format='channels_first'), (2, 3, 3, 2)),
    (Conv3DTranspose, dict(filters=2, kernel_size=2, strides=(2, 1, 2)),
     (2, 2, 3, 2, 2)),
    (Cropping1D, dict(cropping=(1, 2)), (2, 5, 2)),
    (Cropping2D, dict(cropping=((1, 0), (0, 2))), (2, 4, 4, 2)),
    (Cropping3D, dict(cropping=1, data_format='channels_first'),
     (2, 2, 3, 4, 3)),
    (ZeroPadding1D, dict(padding=(0, 2)), (2, 3, 2)),
    (ZeroPadding2D, dict(padding=((1, 0), (0, 2)),
                         data_format='channels_first'), (2, 2, 3, 3)),
    (ZeroPadding3D, dict(padding=(1, 0, 2)), (2, 2, 2, 2, 2)),
    (UpSampling1D, dict(size=2), (2, 3, 2)),
    (UpSampling2D, dict(size=(2, 1), interpolation='bilinear'),
     (2, 2, 3, 2)),
    (UpSampling3D, dict(size=2, data_format='channels_first'),
     (2, 2, 2, 1, 2)),
]


@pytest.mark.parametrize('cls, kwargs, input_shape', LAYER_TEST_CASES,
                         ids=lambda v: getattr(v, '__name__', ''))
def test_layer_test(cls, kwargs, input_shape):
    output = layer_test(cls, kwargs=kwargs, input_shape=input_shape)
    expected = cls(**kwargs).compute_output_shape(input_shape)
    assert output.shape == tuple(expected)


# ----------------------------------------------------------------------
# Training.

TRAINABLE = [
    (Conv1D, dict(filters=3, kernel_size=3), (8, 2)),
    (Conv2D, dict(filters=3, kernel_size=2), (5, 5, 2)),
    (Conv3D, dict(filters=2, kernel_size=2), (3, 3, 3, 2)),
    (SeparableConv1D, dict(filters=3, kernel_size=3), (8, 2)),
    (SeparableConv2D, dict(filters=3, kernel_size=2), (5, 5, 2)),
    (DepthwiseConv2D, dict(kernel_size=2, depth_multiplier=2), (5, 5, 2)),
    (Conv2DTranspose, dict(filters=2, kernel_size=2, strides=2), (3, 3, 2)),
    (Conv3DTranspose, dict(filters=2, kernel_size=2), (2, 2, 2, 2)),
]


@pytest.mark.parametrize('cls, kwargs, input_shape', TRAINABLE,
                         ids=lambda v: getattr(v, '__name__', ''))
def test_learns(cls, kwargs, input_shape):
    x = np.random.uniform(-1, 1, (32,) + input_shape).astype('float32')
    y = x.reshape(32, -1).sum(axis=1, keepdims=True) ** 2 / 10.
    layer = cls(input_shape=input_shape, **kwargs)
    model = Sequential([layer, Flatten(), Dense(1)])
    model.compile('adam', 'mse')
    before = [w.copy() for w in layer.get_weights()]
    history = model.fit(x, y, epochs=6, batch_size=8, verbose=0)
    losses = history.history['loss']
    assert losses[-1] < losses[0]
    assert all(not np.allclose(a, b)
               for a, b in zip(before, layer.get_weights()))


# ----------------------------------------------------------------------
# Weights, configs and serialization.

WEIGHT_CASES = [
    (Conv1D(4, 3), (7, 2), [('kernel', (3, 2, 4)), ('bias', (4,))]),
    (Conv2D(4, (3, 2), data_format='channels_first'), (2, 5, 5),
     [('kernel', (3, 2, 2, 4)), ('bias', (4,))]),
    (Conv3D(4, 2, use_bias=False), (3, 3, 3, 2), [('kernel', (2, 2, 2, 2,
                                                               4))]),
    (SeparableConv1D(4, 3, depth_multiplier=2), (7, 3),
     [('depthwise_kernel', (3, 3, 2)), ('pointwise_kernel', (1, 6, 4)),
      ('bias', (4,))]),
    (SeparableConv2D(4, (3, 2), depth_multiplier=2), (5, 5, 3),
     [('depthwise_kernel', (3, 2, 3, 2)), ('pointwise_kernel', (1, 1, 6, 4)),
      ('bias', (4,))]),
    (DepthwiseConv2D(3, depth_multiplier=2), (5, 5, 3),
     [('depthwise_kernel', (3, 3, 3, 2)), ('bias', (6,))]),
    (Conv2DTranspose(4, (3, 2)), (5, 5, 3),
     [('kernel', (3, 2, 4, 3)), ('bias', (4,))]),
    (Conv3DTranspose(4, 2), (2, 2, 2, 3),
     [('kernel', (2, 2, 2, 4, 3)), ('bias', (4,))]),
]


@pytest.mark.parametrize('layer, input_shape, expected', WEIGHT_CASES,
                         ids=lambda v: type(v).__name__)
def test_weight_names_shapes_and_order(layer, input_shape, expected):
    layer(Input(shape=input_shape))
    names = [w.name.split('/')[-1].split(':')[0] for w in layer.weights]
    shapes = [w.shape for w in layer.get_weights()]
    assert list(zip(names, shapes)) == expected
    assert all(w.name.startswith(layer.name + '/') for w in layer.weights)
    assert layer.count_params() == sum(int(np.prod(s)) for _, s in expected)


CONV_KEYS = {'filters', 'kernel_size', 'strides', 'padding', 'data_format',
             'dilation_rate', 'activation', 'use_bias', 'kernel_initializer',
             'bias_initializer', 'kernel_regularizer', 'bias_regularizer',
             'activity_regularizer', 'kernel_constraint', 'bias_constraint'}
KERNEL_KEYS = {'kernel_initializer', 'kernel_regularizer',
               'kernel_constraint'}
DEPTHWISE_KEYS = {'depth_multiplier', 'depthwise_initializer',
                  'depthwise_regularizer', 'depthwise_constraint'}
POINTWISE_KEYS = {'pointwise_initializer', 'pointwise_regularizer',
                  'pointwise_constraint'}


@pytest.mark.parametrize('layer, keys', [
    (Conv1D(2, 3), CONV_KEYS),
    (Conv2D(2, 3), CONV_KEYS),
    (Conv3D(2, 3), CONV_KEYS),
    (Conv2DTranspose(2, 3), CONV_KEYS | {'output_padding'}),
    (Conv3DTranspose(2, 3), CONV_KEYS - {'dilation_rate'} |
     {'output_padding'}),
    (SeparableConv1D(2, 3), CONV_KEYS - KERNEL_KEYS | DEPTHWISE_KEYS |
     POINTWISE_KEYS),
    (SeparableConv2D(2, 3), CONV_KEYS - KERNEL_KEYS | DEPTHWISE_KEYS |
     POINTWISE_KEYS),
    (DepthwiseConv2D(3), CONV_KEYS - KERNEL_KEYS - {'filters'} |
     DEPTHWISE_KEYS),
    (Cropping1D(), {'cropping'}),
    (Cropping2D(), {'cropping', 'data_format'}),
    (Cropping3D(), {'cropping', 'data_format'}),
    (ZeroPadding1D(), {'padding'}),
    (ZeroPadding2D(), {'padding', 'data_format'}),
    (ZeroPadding3D(), {'padding', 'data_format'}),
    (UpSampling1D(), {'size'}),
    (UpSampling2D(), {'size', 'data_format', 'interpolation'}),
    (UpSampling3D(), {'size', 'data_format'}),
], ids=lambda v: type(v).__name__ if isinstance(v, layers.Layer) else '')
def test_config_keys(layer, keys):
    config = layer.get_config()
    assert set(config) - BASE_KEYS == keys
    clone = type(layer).from_config(config)
    assert clone.get_config() == config


def test_config_values_are_normalized():
    assert Conv2D(2, 3, strides=2).get_config()['strides'] == (2, 2)
    assert Conv1D(2, 3).get_config()['kernel_size'] == (3,)
    assert Conv2D(2, 3, padding='SAME').get_config()['padding'] == 'same'
    assert Conv2DTranspose(2, 3).get_config()['output_padding'] is None
    assert Conv2DTranspose(2, 3, strides=3, output_padding=2).get_config()[
        'output_padding'] == (2, 2)
    assert Cropping1D(2).get_config()['cropping'] == (2, 2)
    assert Cropping2D(1).get_config()['cropping'] == ((1, 1), (1, 1))
    assert Cropping3D((1, 2, 3)).get_config()['cropping'] == \
        ((1, 1), (2, 2), (3, 3))
    assert ZeroPadding1D(3).get_config()['padding'] == (3, 3)
    assert ZeroPadding2D((1, 2)).get_config()['padding'] == ((1, 1), (2, 2))
    assert UpSampling1D(3).get_config()['size'] == 3
    assert UpSampling2D(3).get_config()['size'] == (3, 3)


def test_serialize_round_trip_keeps_everything():
    layer = Conv2D(3, (2, 3), strides=(1, 2), padding='same',
                   activation='relu', kernel_initializer='he_normal',
                   kernel_regularizer='l2', bias_constraint='non_neg',
                   name='my_conv')
    config = layers.serialize(layer)
    assert config['class_name'] == 'Conv2D'
    clone = layers.deserialize(config)
    assert type(clone) is Conv2D and clone.name == 'my_conv'
    assert clone.get_config() == layer.get_config()
    x = make_input((4, 5), 2, 'channels_last')
    y, weights = apply(layer, x)
    clone(Input(shape=x.shape[1:]))
    clone.set_weights(weights)
    assert_allclose(apply(clone, x, randomize=False)[0], y, rtol=1e-6)


def test_keras_2_2_configs_load():
    # configs as Keras 2.2.4 wrote them to JSON (lists for tuples);
    # DepthwiseConv2D's carried the dilation_rate it does not take by name
    config = {
        'name': 'dw', 'trainable': True, 'kernel_size': [3, 3],
        'strides': [1, 1], 'padding': 'valid', 'data_format': 'channels_last',
        'dilation_rate': [1, 1], 'activation': 'linear', 'use_bias': True,
        'bias_initializer': {'class_name': 'Zeros', 'config': {}},
        'bias_regularizer': None, 'activity_regularizer': None,
        'bias_constraint': None, 'depth_multiplier': 2,
        'depthwise_initializer': {'class_name': 'VarianceScaling', 'config': {
            'scale': 1.0, 'mode': 'fan_avg', 'distribution': 'uniform',
            'seed': None}},
        'depthwise_regularizer': None, 'depthwise_constraint': None}
    depthwise = layers.deserialize({'class_name': 'DepthwiseConv2D',
                                    'config': config})
    assert depthwise.kernel_size == (3, 3) and depthwise.depth_multiplier == 2
    transpose = layers.deserialize({'class_name': 'Conv2DTranspose',
                                    'config': {
                                        'filters': 4, 'kernel_size': [3, 3],
                                        'strides': [2, 2], 'padding': 'same',
                                        'output_padding': [1, 1],
                                        'data_format': 'channels_first'}})
    assert transpose.output_padding == (1, 1)
    assert transpose.data_format == 'channels_first'


def test_regularizers_add_losses():
    layer = SeparableConv2D(2, 2, depthwise_regularizer='l2',
                            pointwise_regularizer='l1',
                            bias_regularizer='l2')
    layer(Input(shape=(4, 4, 2)))
    assert len(layer.losses) == 3
    layer = Conv1D(2, 2, activity_regularizer='l2')
    layer(Input(shape=(4, 2)))
    assert len(layer.losses) == 1


def test_default_data_format_follows_the_backend():
    K.set_image_data_format('channels_first')
    assert Conv2D(2, 3).data_format == 'channels_first'
    assert Conv3D(2, 3).data_format == 'channels_first'
    assert ZeroPadding2D().data_format == 'channels_first'
    # temporal layers stay channels-last, as in Keras 2.2
    assert Conv1D(2, 3).data_format == 'channels_last'
    assert SeparableConv1D(2, 3).data_format == 'channels_last'
    model = Sequential([Conv2D(2, 3, input_shape=(1, 5, 5))])
    assert model.output_shape == (None, 2, 3, 3)


def test_aliases():
    assert layers.Convolution1D is Conv1D
    assert layers.Convolution2D is Conv2D
    assert layers.Convolution3D is Conv3D
    assert layers.SeparableConvolution1D is SeparableConv1D
    assert layers.SeparableConvolution2D is SeparableConv2D
    assert layers.Convolution2DTranspose is Conv2DTranspose
    assert layers.Deconvolution2D is layers.Deconv2D is Conv2DTranspose
    assert layers.Deconvolution3D is layers.Deconv3D is Conv3DTranspose
    from keras22.layers import convolutional, pooling
    assert convolutional.MaxPooling2D is pooling.MaxPooling2D
    assert convolutional.AtrousConvolution2D is layers.AtrousConv2D


# ----------------------------------------------------------------------
# Keras 1 call forms.

def _keras1(factory):
    with pytest.warns(UserWarning, match='Keras 2 API'):
        return factory()


def test_keras1_conv2d_forms():
    layer = _keras1(lambda: layers.Convolution2D(
        8, 3, 2, border_mode='same', subsample=(2, 2), dim_ordering='th',
        init='he_normal', W_regularizer='l2', b_constraint='non_neg',
        bias=False))
    assert (layer.filters, layer.kernel_size, layer.strides) == \
        (8, (3, 2), (2, 2))
    assert layer.padding == 'same' and layer.data_format == 'channels_first'
    assert type(layer.kernel_initializer).__name__ == 'VarianceScaling'
    assert layer.kernel_regularizer is not None
    assert layer.bias_constraint is not None and not layer.use_bias
    layer = _keras1(lambda: Conv2D(nb_filter=4, nb_row=2, nb_col=3,
                                   dim_ordering='tf'))
    assert (layer.filters, layer.kernel_size) == (4, (2, 3))
    assert layer.data_format == 'channels_last'
    layer = _keras1(lambda: Conv2D(4, 2, nb_col=3))
    assert layer.kernel_size == (2, 3)
    layer = _keras1(lambda: Conv2D(4, nb_row=1, nb_col=3))
    assert layer.kernel_size == (1, 3)


def test_keras1_conv1d_and_conv3d_forms():
    layer = _keras1(lambda: Conv1D(nb_filter=4, filter_length=3,
                                   subsample_length=2, border_mode='same',
                                   input_dim=5, input_length=7))
    assert (layer.filters, layer.kernel_size, layer.strides) == \
        (4, (3,), (2,))
    assert layer.batch_input_shape == (None, 7, 5)
    layer = _keras1(lambda: layers.Convolution3D(4, 3, 2, 1,
                                                 subsample=(1, 1, 2)))
    assert layer.kernel_size == (3, 2, 1) and layer.strides == (1, 1, 2)
    layer = _keras1(lambda: Conv3D(4, 3, kernel_dim2=2, kernel_dim3=1))
    assert layer.kernel_size == (3, 2, 1)
    layer = _keras1(lambda: Conv3D(nb_filter=4, kernel_dim1=1,
                                   kernel_dim2=2, kernel_dim3=3))
    assert layer.kernel_size == (1, 2, 3)


def test_keras1_deconvolution_and_separable_forms():
    layer = _keras1(lambda: layers.Deconvolution2D(
        4, 3, 3, (None, 8, 8, 4), border_mode='same', subsample=(2, 2)))
    assert (layer.filters, layer.kernel_size, layer.strides) == \
        (4, (3, 3), (2, 2))
    layer = _keras1(lambda: Conv2DTranspose(4, 3, 3, output_shape=(None, 8,
                                                                   8, 4)))
    assert layer.kernel_size == (3, 3)
    layer = _keras1(lambda: SeparableConv2D(4, 3, 3, init='he_normal',
                                            border_mode='same'))
    assert layer.kernel_size == (3, 3) and layer.padding == 'same'
    assert type(layer.depthwise_initializer).__name__ == 'VarianceScaling'
    assert type(layer.pointwise_initializer).__name__ == 'VarianceScaling'


def test_keras1_resizing_forms():
    layer = _keras1(lambda: ZeroPadding2D(padding={'top_pad': 1,
                                                   'right_pad': 2}))
    assert layer.padding == ((1, 0), (0, 2))
    layer = _keras1(lambda: ZeroPadding2D({'left_pad': 3}))
    assert layer.padding == ((0, 0), (3, 0))
    assert _keras1(lambda: UpSampling1D(length=3)).size == (3,)
    layer = _keras1(lambda: UpSampling2D((2, 2), dim_ordering='th'))
    assert layer.data_format == 'channels_first'
    layer = _keras1(lambda: Cropping2D(((1, 1), (2, 2)), dim_ordering='tf'))
    assert layer.data_format == 'channels_last'
    layer = _keras1(lambda: ZeroPadding3D(1, dim_ordering='th'))
    assert layer.data_format == 'channels_first'


def _atrous(factory):
    """The layer, after checking both warnings: the deprecation, and the
    Keras 1 arguments converted by the convolution it returns."""
    with pytest.warns(UserWarning) as record:
        layer = factory()
    messages = ' '.join(str(w.message) for w in record)
    assert 'has been deprecated' in messages
    assert 'Keras 2 API' in messages
    return layer


def test_keras1_atrous_convolutions():
    layer = _atrous(lambda: layers.AtrousConvolution1D(
        nb_filter=4, filter_length=3, atrous_rate=2, border_mode='same'))
    assert type(layer) is Conv1D
    assert layer.dilation_rate == (2,) and layer.padding == 'same'
    layer = _atrous(lambda: layers.AtrousConv2D(4, 3, 3, atrous_rate=(2, 2)))
    assert type(layer) is Conv2D
    assert layer.kernel_size == (3, 3) and layer.dilation_rate == (2, 2)
    with pytest.warns(UserWarning, match='deprecated'):
        layer = layers.AtrousConvolution2D(4, (3, 3))
    assert layer.dilation_rate == (1, 1)
    with pytest.raises(TypeError, match='atrous_rate'):
        layers.AtrousConvolution1D(4, 3, atrous_rate=2, dilation_rate=2)
    # the dilated layer computes a dilated convolution
    x = make_input((9,), 2, 'channels_last')
    with pytest.warns(UserWarning):
        layer = layers.AtrousConvolution1D(3, 2, atrous_rate=3)
    y, (kernel, bias) = apply(layer, x)
    assert_allclose(y, np_conv(x, kernel, dilation_rate=3) + bias,
                    rtol=1e-4, atol=1e-5)


def test_keras1_forms_that_stay_errors():
    # Keras 2.2 refused these too
    with pytest.raises(ValueError, match='Conv2D: .*kernel size'):
        Conv2D(32, 3, 3, padding='same')
    with pytest.raises(TypeError, match='positional'):
        Conv2D(32, (3, 3), 2)
    with pytest.raises(TypeError, match='positional'):
        Conv2D(32, 3, 3, 3, 3)
    with pytest.raises(TypeError, match='both'):
        Conv2D(4, 3, border_mode='same', padding='valid')


# ----------------------------------------------------------------------
# Errors.

@pytest.mark.parametrize('factory, message', [
    (lambda: Conv2D(0, 3), r'Conv2D: `filters` must be a positive integer'),
    (lambda: Conv2D(2.5, 3), r'Conv2D: `filters`'),
    (lambda: Conv2D(4, 0), r'Conv2D: `kernel_size` must be .* positive'),
    (lambda: Conv2D(4, (3, -1)), r'Conv2D: `kernel_size`.*\(3, -1\)'),
    (lambda: Conv3D(4, (3, 3)), r'Conv3D: `kernel_size` must be .*3'),
    (lambda: Conv1D(4, 3, strides=0), r'Conv1D: `strides`'),
    (lambda: Conv2D(4, 3, dilation_rate=(1, 0)), r'Conv2D: `dilation_rate`'),
    (lambda: Conv2D(4, 3, padding='full'),
     r'Conv2D: `padding` must be "valid" or "same", got \'full\''),
    (lambda: Conv2D(4, 3, padding='causal'), r'Conv2D: `padding`'),
    (lambda: SeparableConv2D(4, 3, padding='causal'),
     r'SeparableConv2D: `padding`'),
    (lambda: Conv2DTranspose(4, 3, padding='causal'),
     r'Conv2DTranspose: `padding`'),
    (lambda: Conv2D(4, 3, data_format='channels_middle'),
     r'Conv2D: `data_format` must be "channels_last" or "channels_first", '
     r'got \'channels_middle\''),
    (lambda: SeparableConv2D(4, 3, depth_multiplier=0),
     r'SeparableConv2D: `depth_multiplier`'),
    (lambda: DepthwiseConv2D(3, depth_multiplier=-1),
     r'DepthwiseConv2D: `depth_multiplier`'),
    (lambda: Conv2DTranspose(4, 3, strides=2, output_padding=2),
     r'Conv2DTranspose: each `output_padding` must be smaller than the '
     r'stride'),
    (lambda: Conv2DTranspose(4, (3, 2), strides=2, padding='same',
                             output_padding=(1, 0)),
     r'Conv2DTranspose: with padding "same", an even kernel size and '
     r'`output_padding` 0'),
    (lambda: Conv3DTranspose(4, 3, output_padding=-1),
     r'Conv3DTranspose: `output_padding`.*non-negative'),
    (lambda: Cropping1D(-1), r'Cropping1D: `cropping`'),
    (lambda: Cropping2D(((1, 2), (3,))), r'Cropping2D: `cropping`'),
    (lambda: Cropping3D((1, 1)), r'Cropping3D: `cropping`'),
    (lambda: ZeroPadding1D((1, 2, 3)), r'ZeroPadding1D: `padding`'),
    (lambda: ZeroPadding2D('same'), r'ZeroPadding2D: `padding`'),
    (lambda: ZeroPadding3D(data_format='th'), r'ZeroPadding3D: `data_format`'),
    (lambda: UpSampling1D(0), r'UpSampling1D: `size`'),
    (lambda: UpSampling2D((2, 0)), r'UpSampling2D: `size`'),
    (lambda: UpSampling2D(interpolation='bicubic'),
     r'UpSampling2D: `interpolation` must be "nearest" or "bilinear"'),
])
def test_bad_arguments(factory, message):
    with pytest.raises(ValueError, match=message):
        factory()


@pytest.mark.parametrize('layer, input_shape, message', [
    (Conv2D(2, 5), (4, 6, 1),
     r'Conv2D: with padding "valid" the kernel_size \(5, 5\) must fit'),
    (Conv1D(2, 3, dilation_rate=3), (6, 1),
     r'Conv1D: .*kernel_size \(3,\) \(dilated to 7\) must fit'),
    (Conv3D(2, (1, 1, 4), data_format='channels_first'), (1, 3, 3, 3),
     r'Conv3D: .*must fit'),
    (SeparableConv1D(2, 4), (3, 2), r'SeparableConv1D: .*must fit'),
    (DepthwiseConv2D(3), (2, 5, 1), r'DepthwiseConv2D: .*must fit'),
    (Conv2D(2, 3), (5, 5, None), r'Conv2D .*channel dimension'),
    (Conv1D(4, 3, strides=2, dilation_rate=2), (9, 1),
     r'Conv1D: `strides` > 1 cannot be combined with a `dilation_rate`'),
    (Conv2D(4, 3, strides=(1, 2), dilation_rate=(2, 1)), (9, 9, 1),
     r'Conv2D: `strides`'),
    (Conv2DTranspose(2, 3, data_format='channels_first'), (None, 5, 5),
     r'Conv2DTranspose .*channel dimension'),
])
def test_bad_inputs_at_build(layer, input_shape, message):
    with pytest.raises(ValueError, match=message):
        layer(Input(shape=input_shape))


def test_strides_with_dilation_construct_and_keep_their_config():
    # Keras 2.2 built these layers (the Keras 1 AtrousConvolution layers
    # with a subsample did), refusing them only when TensorFlow ran them
    layer = Conv2D(4, 3, strides=2, dilation_rate=2, name='c')
    config = layer.get_config()
    assert config['strides'] == (2, 2)
    assert config['dilation_rate'] == (2, 2)
    assert Conv2D.from_config(config).get_config() == config


def test_small_inputs_are_fine_with_same_padding():
    # 'same' (and 'causal') padding and transposed convolutions accept
    # inputs smaller than the kernel
    assert Sequential([Conv2D(2, 5, padding='same',
                              input_shape=(2, 2, 1))]).output_shape == \
        (None, 2, 2, 2)
    assert Sequential([Conv1D(2, 5, padding='causal',
                              input_shape=(2, 1))]).output_shape == \
        (None, 2, 2)
    assert Sequential([Conv2DTranspose(2, 5, input_shape=(1, 1, 1))]
                      ).output_shape == (None, 5, 5, 2)


def test_cropping_more_than_everything_is_an_error():
    with pytest.raises(ValueError, match=r'Cropping2D: cropping \(3, 2\) '
                                         r'removes more than the 4 entries'):
        Cropping2D(((0, 0), (3, 2)))(Input(shape=(5, 4, 1)))
    with pytest.raises(ValueError, match='Cropping1D'):
        Cropping1D((3, 1))(Input(shape=(3, 1)))


def test_cropping_everything_gives_an_empty_axis():
    # as in Keras 2.2: the static shape and the result agree on length 0
    model = Sequential([Cropping1D((2, 2), input_shape=(4, 3))])
    assert model.output_shape == (None, 0, 3)
    assert model.predict(np.ones((2, 4, 3))).shape == (2, 0, 3)
    layer = Cropping2D(((0, 0), (2, 2)))
    assert K.int_shape(layer(Input(shape=(5, 4, 1)))) == (None, 5, 0, 1)


def test_wrong_rank_input():
    with pytest.raises(ValueError, match='expected ndim=4'):
        Conv2D(2, 3)(Input(shape=(5, 5)))
    with pytest.raises(ValueError, match='expected ndim=3'):
        UpSampling1D()(Input(shape=(5, 5, 2)))
