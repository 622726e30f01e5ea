"""The Embedding layer."""
import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import optimizers
from keras22.engine.base_layer import Layer
from keras22.layers import Embedding, Flatten, Input
from keras22.models import Model, Sequential
from keras22.utils.test_utils import layer_test


class MaskedMean(Layer):
    """Averages over time the steps its input mask keeps."""

    def __init__(self, **kwargs):
        super(MaskedMean, self).__init__(**kwargs)
        self.supports_masking = True

    def call(self, inputs, mask=None):
        if mask is None:
            return K.mean(inputs, axis=1)
        weights = K.expand_dims(K.cast(mask, K.floatx()))
        return K.sum(inputs * weights, axis=1) / K.sum(weights, axis=1)

    def compute_mask(self, inputs, mask=None):
        return None

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[2])


def test_output_is_rows_of_the_embeddings():
    layer = Embedding(6, 3, input_length=4)
    model = Sequential([layer])
    table = np.random.randn(6, 3).astype('float32')
    layer.set_weights([table])
    indices = np.array([[0, 5, 2, 2], [1, 3, 4, 0]])
    assert_allclose(model.predict(indices), table[indices], rtol=1e-6)
    # float indices are truncated, as the layer casts them to int32
    assert_allclose(model.predict(indices + 0.7), table[indices], rtol=1e-6)


def test_weight_name_shape_and_dtype():
    layer = Embedding(7, 2)
    layer(Input(shape=(3,)))
    assert len(layer.weights) == 1
    assert layer.weights[0].name.startswith(layer.name + '/embeddings')
    assert layer.get_weights()[0].shape == (7, 2)
    assert K.dtype(layer.embeddings) == 'float32'
    values = layer.get_weights()[0]
    # 'uniform' initializer: within [-0.05, 0.05]
    assert np.all(np.abs(values) <= 0.05) and values.std() > 0


@pytest.mark.parametrize('kwargs, input_shape', [
    ({'input_dim': 10, 'output_dim': 3, 'input_length': 2}, (3, 2)),
    ({'input_dim': 10, 'output_dim': 3, 'mask_zero': True}, (3, 2)),
    ({'input_dim': 10, 'output_dim': 3, 'input_length': (2, 4)}, (3, 2, 4)),
    ({'input_dim': 10, 'output_dim': 3, 'input_length': (None, 4)},
     (3, 2, 4)),
    ({'input_dim': 10, 'output_dim': 3, 'embeddings_regularizer': 'l2',
      'activity_regularizer': 'l1', 'embeddings_constraint': 'unit_norm'},
     (3, 2)),
])
def test_layer_test(kwargs, input_shape):
    out = layer_test(Embedding, kwargs=kwargs, input_shape=input_shape,
                     input_dtype='int32', expected_output_dtype='float32')
    assert out.shape == input_shape + (3,)


def test_input_length_sets_the_model_input_shape():
    model = Sequential([Embedding(10, 4, input_length=5), Flatten()])
    assert model.output_shape == (None, 20)
    assert model.layers[0].batch_input_shape == (None, 5)
    assert Embedding(10, 4).batch_input_shape == (None, None)
    assert Embedding(10, 4, input_length=(2, 3)).batch_input_shape == \
        (None, 2, 3)
    assert Embedding(10, 4, batch_input_shape=(8, 3)).batch_input_shape == \
        (8, 3)


def test_compute_output_shape():
    assert Embedding(10, 4).compute_output_shape((None, 7)) == (None, 7, 4)
    layer = Embedding(10, 4, input_length=(None, 3))
    assert layer.compute_output_shape((2, 5, 3)) == (2, 5, 3, 4)
    with pytest.raises(ValueError, match='input_length'):
        Embedding(10, 4, input_length=3).compute_output_shape((None, 4))
    with pytest.raises(ValueError, match='input_length'):
        Embedding(10, 4, input_length=3).compute_output_shape((None, 3, 2))


def test_input_length_mismatch_fails_when_called():
    layer = Embedding(10, 4, input_length=3)
    with pytest.raises(ValueError, match='input_length.*shape'):
        layer(Input(shape=(5,)))


def test_mask_zero_reaches_the_next_layer():
    inputs = Input(shape=(4,))
    embedding = Embedding(5, 2, mask_zero=True)
    outputs = MaskedMean()(embedding(inputs))
    model = Model(inputs, outputs)
    table = np.arange(10, dtype='float32').reshape(5, 2)
    embedding.set_weights([table])
    indices = np.array([[1, 2, 0, 0], [3, 0, 4, 0]])
    expected = np.stack([table[[1, 2]].mean(axis=0),
                         table[[3, 4]].mean(axis=0)])
    assert_allclose(model.predict(indices), expected, rtol=1e-6)
    mask = K.function([inputs], [embedding.output_mask])([indices])[0]
    assert mask.tolist() == (indices != 0).tolist()


def test_no_mask_without_mask_zero():
    embedding = Embedding(5, 2)
    embedding(Input(shape=(4,)))
    assert embedding.output_mask is None


def test_embeddings_learn():
    # each index should learn its target value
    indices = np.arange(4).reshape(4, 1)
    targets = np.array([[1.], [-2.], [0.5], [3.]], dtype='float32')
    model = Sequential([Embedding(4, 1, input_length=1), Flatten()])
    model.compile(optimizers.SGD(lr=0.5), 'mse')
    model.fit(indices, targets, epochs=60, batch_size=4, verbose=0)
    assert_allclose(model.layers[0].get_weights()[0], targets, atol=0.05)


def test_regularizer_adds_a_loss():
    layer = Embedding(5, 2, embeddings_regularizer='l2')
    layer(Input(shape=(3,)))
    assert len(layer.losses) == 1


def test_keras1_arguments():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        layer = Embedding(input_dim=10, output_dim=3, init='normal',
                          W_regularizer='l2', W_constraint='max_norm',
                          dropout=0.2)
    messages = ' '.join(str(w.message) for w in caught)
    assert 'embeddings_initializer' in messages
    assert 'SpatialDropout1D' in messages
    config = layer.get_config()
    assert config['embeddings_initializer']['class_name'] == 'RandomNormal'
    assert config['embeddings_regularizer']['class_name'] == 'L1L2'
    assert config['embeddings_constraint']['class_name'] == 'MaxNorm'
    with pytest.raises(TypeError, match='positional'):
        Embedding(10, 3, 'uniform')


def test_config_round_trip():
    layer = Embedding(10, 3, mask_zero=True, input_length=(None, 4),
                      embeddings_regularizer='l2', name='words')
    config = layer.get_config()
    assert config['input_length'] == (None, 4)
    assert config['mask_zero'] is True
    clone = Embedding.from_config(config)
    assert clone.get_config() == config


@pytest.mark.parametrize('kwargs, argument', [
    ({'input_dim': 0, 'output_dim': 3}, 'input_dim'),
    ({'input_dim': 10, 'output_dim': -1}, 'output_dim'),
    ({'input_dim': 10.5, 'output_dim': 3}, 'input_dim'),
    ({'input_dim': 10, 'output_dim': 3, 'input_length': 0}, 'input_length'),
    ({'input_dim': 10, 'output_dim': 3, 'input_length': (2, -1)},
     'input_length'),
])
def test_bad_arguments(kwargs, argument):
    with pytest.raises(ValueError, match='Embedding.*%s' % argument):
        Embedding(**kwargs)
