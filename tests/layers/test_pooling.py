"""Pooling layers: outputs against NumPy in both data formats, masking,
configs, Keras 1 call forms and argument errors."""
import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import layers
from keras22.layers import (AveragePooling1D, AveragePooling2D,
                            AveragePooling3D, Embedding,
                            GlobalAveragePooling1D, GlobalAveragePooling2D,
                            GlobalAveragePooling3D, GlobalMaxPooling1D,
                            GlobalMaxPooling2D, GlobalMaxPooling3D, Input,
                            MaxPooling1D, MaxPooling2D, MaxPooling3D)
from keras22.models import Model, Sequential
from keras22.utils.test_utils import layer_test

from reference import from_channels_last, np_pool, to_channels_last

FORMATS = ['channels_last', 'channels_first']
BASE_KEYS = {'name', 'trainable', 'dtype', 'batch_input_shape'}


def make_input(spatial, channels, data_format, batch=2):
    x = np.random.uniform(-1, 1, (batch,) + tuple(spatial) + (channels,))
    return from_channels_last(x, data_format).astype('float32')


def apply(layer, x):
    """The layer's output on `x`, through a model; the declared output
    shapes must agree with it."""
    inputs = Input(shape=x.shape[1:])
    model = Model(inputs, layer(inputs))
    output = model.predict(x)
    assert model.output_shape == (None,) + output.shape[1:]
    assert tuple(layer.compute_output_shape((None,) + x.shape[1:])) == \
        (None,) + output.shape[1:]
    return output


# (spatial input shape, arguments, spatial output shape by hand)
WINDOW_CASES = {
    1: [((7,), {}, (3,)),
        ((7,), dict(pool_size=3, strides=2, padding='same'), (4,)),
        ((7,), dict(pool_size=2, strides=1), (6,))],
    2: [((5, 4), {}, (2, 2)),
        ((5, 4), dict(pool_size=3, strides=(2, 1), padding='same'), (3, 4)),
        ((5, 4), dict(pool_size=(2, 3), strides=1), (4, 2))],
    3: [((4, 3, 5), {}, (2, 1, 2)),
        ((4, 3, 5), dict(pool_size=2, strides=(1, 2, 2), padding='same'),
         (4, 2, 3))],
}
WINDOW_LAYERS = [(MaxPooling1D, 1, 'max'), (AveragePooling1D, 1, 'avg'),
                 (MaxPooling2D, 2, 'max'), (AveragePooling2D, 2, 'avg'),
                 (MaxPooling3D, 3, 'max'), (AveragePooling3D, 3, 'avg')]


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('cls, rank, mode', WINDOW_LAYERS,
                         ids=lambda v: getattr(v, '__name__', ''))
def test_window_pooling_matches_numpy(cls, rank, mode, data_format):
    for spatial, kwargs, expected in WINDOW_CASES[rank]:
        x = make_input(spatial, 3, data_format)
        y = apply(cls(data_format=data_format, **kwargs), x)
        assert to_channels_last(y, data_format).shape[1:-1] == expected
        pool_size = kwargs.get('pool_size', 2)
        reference = np_pool(x, pool_size, kwargs.get('strides'),
                            kwargs.get('padding', 'valid'), mode, data_format)
        assert_allclose(y, reference, rtol=1e-5, atol=1e-6)


def test_same_average_pooling_ignores_the_padding():
    x = np.arange(1., 6.).reshape((1, 5, 1)).astype('float32')
    y = apply(AveragePooling1D(2, padding='same'), x)
    # the last window holds only the 5
    assert_allclose(y[0, :, 0], [1.5, 3.5, 5.])
    y = apply(MaxPooling1D(2, padding='same'), -x)
    assert_allclose(y[0, :, 0], [-1., -3., -5.])


GLOBAL_LAYERS = [(GlobalMaxPooling1D, 1, np.max),
                 (GlobalAveragePooling1D, 1, np.mean),
                 (GlobalMaxPooling2D, 2, np.max),
                 (GlobalAveragePooling2D, 2, np.mean),
                 (GlobalMaxPooling3D, 3, np.max),
                 (GlobalAveragePooling3D, 3, np.mean)]


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('cls, rank, reduce', GLOBAL_LAYERS,
                         ids=lambda v: getattr(v, '__name__', ''))
def test_global_pooling_matches_numpy(cls, rank, reduce, data_format):
    x = make_input((4, 3, 2)[:rank], 5, data_format)
    y = apply(cls(data_format=data_format), x)
    axes = tuple(range(1, rank + 1))
    expected = reduce(to_channels_last(x, data_format), axis=axes)
    assert y.shape == (2, 5)
    assert_allclose(y, expected, rtol=1e-5, atol=1e-6)


def test_global_average_pooling_1d_averages_unmasked_steps():
    indices = np.array([[3, 1, 0, 0], [2, 0, 0, 0], [0, 0, 0, 0]])
    inputs = Input(shape=(4,))
    embedding = Embedding(5, 3, mask_zero=True)
    pooled = GlobalAveragePooling1D()(embedding(inputs))
    model = Model(inputs, pooled)
    table = embedding.get_weights()[0]
    out = model.predict(indices)
    assert_allclose(out[0], table[[3, 1]].mean(axis=0), rtol=1e-5)
    assert_allclose(out[1], table[2], rtol=1e-5)
    # nothing left to average: zeros (Keras 2.2 gave NaN)
    assert_allclose(out[2], np.zeros(3))
    assert model.layers[-1].compute_mask(None, None) is None


@pytest.mark.parametrize('data_format', FORMATS)
def test_global_average_pooling_1d_mask_in_both_formats(data_format):
    x = make_input((4,), 3, data_format)
    mask = np.array([[1, 1, 0, 1], [0, 1, 0, 0]], dtype=bool)
    layer = GlobalAveragePooling1D(data_format=data_format)
    y = K.eval(layer(K.constant(x), mask=K.constant(mask, dtype='bool')))
    steps = to_channels_last(x, data_format)
    expected = [steps[i][mask[i]].mean(axis=0) for i in range(2)]
    assert_allclose(y, expected, rtol=1e-5)


def test_global_max_pooling_refuses_masks():
    inputs = Input(shape=(4,))
    masked = Embedding(5, 3, mask_zero=True)(inputs)
    with pytest.raises(TypeError, match='does not support masking'):
        GlobalMaxPooling1D()(masked)


LAYER_TEST_CASES = [
    (MaxPooling1D, dict(pool_size=3, strides=1, padding='same'), (2, 5, 3)),
    (AveragePooling1D, dict(data_format='channels_first'), (2, 3, 6)),
    (MaxPooling2D, dict(pool_size=(2, 3), data_format='channels_first'),
     (2, 2, 4, 6)),
    (AveragePooling2D, dict(strides=(1, 2), padding='same'), (2, 3, 5, 2)),
    (MaxPooling3D, dict(pool_size=(1, 2, 2)), (2, 2, 4, 4, 2)),
    (AveragePooling3D, dict(padding='same', data_format='channels_first'),
     (2, 2, 3, 3, 3)),
    (GlobalMaxPooling1D, {}, (2, 4, 3)),
    (GlobalAveragePooling1D, dict(data_format='channels_first'), (2, 3, 4)),
    (GlobalMaxPooling2D, dict(data_format='channels_first'), (2, 3, 4, 5)),
    (GlobalAveragePooling2D, {}, (2, 4, 5, 3)),
    (GlobalMaxPooling3D, {}, (2, 2, 3, 2, 3)),
    (GlobalAveragePooling3D, dict(data_format='channels_first'),
     (2, 3, 2, 3, 2)),
]


@pytest.mark.parametrize('cls, kwargs, input_shape', LAYER_TEST_CASES,
                         ids=lambda v: getattr(v, '__name__', ''))
def test_layer_test(cls, kwargs, input_shape):
    output = layer_test(cls, kwargs=kwargs, input_shape=input_shape)
    assert output.shape == tuple(cls(**kwargs).compute_output_shape(
        input_shape))


def test_unknown_sizes():
    model = Sequential([MaxPooling2D(input_shape=(None, None, 2))])
    assert model.output_shape == (None, None, None, 2)
    assert model.predict(np.ones((1, 6, 5, 2))).shape == (1, 3, 2, 2)
    model = Sequential([GlobalAveragePooling1D(input_shape=(None, 3))])
    assert model.output_shape == (None, 3)


@pytest.mark.parametrize('layer, keys', [
    (MaxPooling1D(), {'pool_size', 'strides', 'padding', 'data_format'}),
    (AveragePooling2D(), {'pool_size', 'strides', 'padding', 'data_format'}),
    (MaxPooling3D(), {'pool_size', 'strides', 'padding', 'data_format'}),
    (GlobalAveragePooling1D(), {'data_format'}),
    (GlobalMaxPooling2D(), {'data_format'}),
    (GlobalAveragePooling3D(), {'data_format'}),
], ids=lambda v: type(v).__name__ if isinstance(v, layers.Layer) else '')
def test_config(layer, keys):
    config = layer.get_config()
    assert set(config) - BASE_KEYS == keys
    assert type(layer).from_config(config).get_config() == config
    assert layers.deserialize(layers.serialize(layer)).get_config() == config


def test_config_values():
    config = MaxPooling1D(3).get_config()
    assert config['pool_size'] == (3,) and config['strides'] == (3,)
    config = AveragePooling2D(3, strides=1, padding='SAME').get_config()
    assert config['pool_size'] == (3, 3) and config['strides'] == (1, 1)
    assert config['padding'] == 'same'
    assert MaxPooling1D().get_config()['data_format'] == 'channels_last'


def test_default_data_format():
    K.set_image_data_format('channels_first')
    assert MaxPooling2D().data_format == 'channels_first'
    assert GlobalAveragePooling3D().data_format == 'channels_first'
    # temporal layers stay channels-last, as in Keras 2.2
    assert MaxPooling1D().data_format == 'channels_last'
    assert GlobalMaxPooling1D().data_format == 'channels_last'


def test_aliases():
    assert layers.MaxPool1D is MaxPooling1D
    assert layers.MaxPool2D is MaxPooling2D
    assert layers.MaxPool3D is MaxPooling3D
    assert layers.AvgPool1D is AveragePooling1D
    assert layers.AvgPool2D is AveragePooling2D
    assert layers.AvgPool3D is AveragePooling3D
    assert layers.GlobalMaxPool1D is GlobalMaxPooling1D
    assert layers.GlobalMaxPool2D is GlobalMaxPooling2D
    assert layers.GlobalMaxPool3D is GlobalMaxPooling3D
    assert layers.GlobalAvgPool1D is GlobalAveragePooling1D
    assert layers.GlobalAvgPool2D is GlobalAveragePooling2D
    assert layers.GlobalAvgPool3D is GlobalAveragePooling3D


def _keras1(factory):
    with pytest.warns(UserWarning, match='Keras 2 API'):
        return factory()


def test_keras1_forms():
    layer = _keras1(lambda: MaxPooling1D(pool_length=3, stride=1,
                                         border_mode='same'))
    assert (layer.pool_size, layer.strides, layer.padding) == \
        ((3,), (1,), 'same')
    layer = _keras1(lambda: AveragePooling2D((2, 2), (1, 1), 'valid',
                                             dim_ordering='th'))
    assert layer.strides == (1, 1) and layer.data_format == 'channels_first'
    layer = _keras1(lambda: MaxPooling3D(border_mode='same',
                                         dim_ordering='tf'))
    assert layer.padding == 'same' and layer.data_format == 'channels_last'
    layer = _keras1(lambda: GlobalAveragePooling2D(dim_ordering='th'))
    assert layer.data_format == 'channels_first'
    layer = _keras1(lambda: GlobalMaxPooling3D(dim_ordering='default'))
    assert layer.data_format == K.image_data_format()
    with pytest.raises(TypeError, match='positional'):
        MaxPooling2D((2, 2), (1, 1), 'same', 'channels_first')


@pytest.mark.parametrize('factory, message', [
    (lambda: MaxPooling2D(0), r'MaxPooling2D: `pool_size` must be'),
    (lambda: MaxPooling1D((2, 2)), r'MaxPooling1D: `pool_size` must be .*1'),
    (lambda: AveragePooling3D(strides=(1, 0, 1)),
     r'AveragePooling3D: `strides`'),
    (lambda: AveragePooling1D(padding='causal'),
     r'AveragePooling1D: `padding` must be "valid" or "same", got '
     r'\'causal\''),
    (lambda: MaxPooling2D(data_format='th'), r'MaxPooling2D: `data_format`'),
    (lambda: GlobalAveragePooling2D(data_format='NHWC'),
     r'GlobalAveragePooling2D: `data_format`'),
])
def test_bad_arguments(factory, message):
    with pytest.raises(ValueError, match=message):
        factory()


def test_window_larger_than_input():
    with pytest.raises(ValueError, match=r'MaxPooling2D: with padding '
                                         r'"valid" the pool_size \(3, 3\)'):
        MaxPooling2D(3)(Input(shape=(2, 5, 1)))
    with pytest.raises(ValueError, match='AveragePooling1D'):
        AveragePooling1D(4, data_format='channels_first')(
            Input(shape=(2, 3)))
    # with 'same' padding any size works
    model = Sequential([MaxPooling2D(3, padding='same',
                                     input_shape=(2, 2, 1))])
    assert model.output_shape == (None, 1, 1, 1)
