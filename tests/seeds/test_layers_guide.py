"""Seed 001, #6 to #16: layers (config round trips, core layers, Embedding,
merge layers, recurrent layers, wrappers).

Changes to the examples: `keras` imports become `keras22` ones (`import
keras` becomes `import keras22 as keras`); where a fragment adds to a
`model` it never creates, a `Sequential()` (with an input layer when the
fragment's first layer has no input shape) is created above it; other
undefined names (`timesteps`, `features`, `K`) are defined above it."""
import numpy as np
import pytest

from _seedutil import needs


def test_layer_config_round_trip():
    from keras22.layers import Dense

    layer = Dense(32)
    config = layer.get_config()
    reconstructed_layer = Dense.from_config(config)

    assert reconstructed_layer.get_config() == config

    from keras22 import layers

    config = layer.get_config()
    layer = layers.deserialize({'class_name': layer.__class__.__name__,
                                'config': config})

    assert isinstance(layer, Dense) and layer.get_config() == config


def test_dense_in_sequential():
    from keras22.models import Sequential
    from keras22.layers import Dense

    # as first layer in a sequential model:
    # as first layer in a sequential model:
    model = Sequential()
    model.add(Dense(32, input_shape=(16,)))
    # now the model will take as input arrays of shape (*, 16)
    # and output arrays of shape (*, 32)

    assert model.output_shape == (None, 32)

    # after the first layer, you don't need to specify
    # the size of the input anymore:
    model.add(Dense(32))

    assert model.output_shape == (None, 32)
    x = np.random.random((2, 16))
    w1, b1, w2, b2 = model.get_weights()
    np.testing.assert_allclose(model.predict(x), (x.dot(w1) + b1).dot(w2) + b2,
                               rtol=1e-5, atol=1e-6)


@needs('legacy_conv')
@pytest.mark.parametrize('data_format', ['channels_first', 'channels_last'])
def test_flatten_after_keras1_convolution2d(data_format):
    # The comments' shapes assume channels_first ("th") input (3, 32, 32);
    # with channels_last the same input is 3x32 pixels of 32 channels.
    from keras22 import backend as K
    K.set_image_data_format(data_format)
    from keras22.models import Sequential
    from keras22.layers import Convolution2D, Flatten

    model = Sequential()
    model.add(Convolution2D(64, 3, 3,
                border_mode='same',
                input_shape=(3, 32, 32)))
    # now: model.output_shape == (None, 64, 32, 32)

    if data_format == 'channels_first':
        assert model.output_shape == (None, 64, 32, 32)
    else:
        assert model.output_shape == (None, 3, 32, 64)

    model.add(Flatten())
    # now: model.output_shape == (None, 65536)

    if data_format == 'channels_first':
        assert model.output_shape == (None, 65536)
    else:
        assert model.output_shape == (None, 3 * 32 * 64)
    assert model.layers[0].get_config()['padding'] == 'same'
    assert model.layers[0].get_config()['kernel_size'] == (3, 3)


def test_reshape():
    from keras22.models import Sequential
    from keras22.layers import Reshape

    # as first layer in a Sequential model
    model = Sequential()
    model.add(Reshape((3, 4), input_shape=(12,)))
    # now: model.output_shape == (None, 3, 4)
    # note: `None` is the batch dimension
    assert model.output_shape == (None, 3, 4)

    # as intermediate layer in a Sequential model
    model.add(Reshape((6, 2)))
    # now: model.output_shape == (None, 6, 2)
    assert model.output_shape == (None, 6, 2)

    # also supports shape inference using `-1` as dimension
    model.add(Reshape((-1, 2, 2)))
    # now: model.output_shape == (None, 3, 2, 2)
    assert model.output_shape == (None, 3, 2, 2)

    x = np.arange(24, dtype='float32').reshape(2, 12)
    np.testing.assert_array_equal(model.predict(x), x.reshape(2, 3, 2, 2))


def test_permute():
    from keras22.models import Sequential
    from keras22.layers import Permute

    model = Sequential()
    model.add(Permute((2, 1), input_shape=(10, 64)))
    # now: model.output_shape == (None, 64, 10)
    # note: `None` is the batch dimension

    assert model.output_shape == (None, 64, 10)
    x = np.random.random((2, 10, 64))
    np.testing.assert_allclose(model.predict(x), x.transpose(0, 2, 1),
                               rtol=1e-6)


def test_repeat_vector():
    from keras22.models import Sequential
    from keras22.layers import Dense, RepeatVector

    model = Sequential()
    model.add(Dense(32, input_dim=32))
    # now: model.output_shape == (None, 32)
    # note: `None` is the batch dimension
    assert model.output_shape == (None, 32)

    model.add(RepeatVector(3))
    # now: model.output_shape == (None, 3, 32)
    assert model.output_shape == (None, 3, 32)

    out = model.predict(np.random.random((2, 32)))
    np.testing.assert_array_equal(out[:, 0], out[:, 2])


def test_lambda_layers():
    from keras22.models import Sequential
    from keras22.layers import Lambda, InputLayer
    from keras22 import backend as K
    model = Sequential()
    model.add(InputLayer(input_shape=(5,)))

    # add a x -> x^2 layer
    model.add(Lambda(lambda x: x ** 2))
    # add a layer that returns the concatenation
    # of the positive part of the input and
    # the opposite of the negative part

    def antirectifier(x):
        x -= K.mean(x, axis=1, keepdims=True)
        x = K.l2_normalize(x, axis=1)
        pos = K.relu(x)
        neg = K.relu(-x)
        return K.concatenate([pos, neg], axis=1)

    def antirectifier_output_shape(input_shape):
        shape = list(input_shape)
        assert len(shape) == 2  # only valid for 2D tensors
        shape[-1] *= 2
        return tuple(shape)

    model.add(Lambda(antirectifier,
             output_shape=antirectifier_output_shape))

    assert model.output_shape == (None, 10)
    x = np.random.random((3, 5)) - 0.5
    sq = x ** 2
    centred = sq - sq.mean(axis=1, keepdims=True)
    unit = centred / np.linalg.norm(centred, axis=1, keepdims=True)
    expected = np.concatenate([np.maximum(unit, 0), np.maximum(-unit, 0)],
                              axis=1)
    np.testing.assert_allclose(model.predict(x), expected, rtol=1e-4,
                               atol=1e-5)


def test_activity_regularization():
    from keras22.models import Sequential
    from keras22.layers import ActivityRegularization, Dense
    import keras22 as keras
    layer = keras.layers.core.ActivityRegularization(l1=0.0, l2=0.0)
    assert layer.get_config()['l1'] == 0.0
    model = Sequential([Dense(4, input_dim=3),
                        ActivityRegularization(l1=0.5)])
    assert len(model.losses) == 1


@needs('rnn')
def test_masking():
    from keras22.models import Sequential
    from keras22.layers import Masking, LSTM
    timesteps, features = 6, 3
    x = np.random.random((2, timesteps, features))
    x[:, 3, :] = 0.
    x[:, 5, :] = 0.

    model = Sequential()
    model.add(Masking(mask_value=0., input_shape=(timesteps, features)))
    model.add(LSTM(32))

    assert model.output_shape == (None, 32)
    # Masked steps are skipped: dropping them changes nothing.
    kept = x[:, [0, 1, 2, 4], :]
    model2 = Sequential([LSTM(32, input_shape=(4, features))])
    model2.set_weights(model.get_weights())
    np.testing.assert_allclose(model.predict(x), model2.predict(kept),
                               rtol=1e-5, atol=1e-6)


def test_embedding():
    from keras22.models import Sequential
    from keras22.layers import Embedding

    model = Sequential()
    model.add(Embedding(1000, 64, input_length=10))
    # the model will take as input an integer matrix of size (batch, input_length).
    # the largest integer (i.e. word index) in the input should be no larger than 999 (vocabulary size).
    # now model.output_shape == (None, 10, 64), where None is the batch dimension.

    input_array = np.random.randint(1000, size=(32, 10))

    model.compile('rmsprop', 'mse')
    output_array = model.predict(input_array)
    assert output_array.shape == (32, 10, 64)

    assert model.output_shape == (None, 10, 64)
    np.testing.assert_allclose(output_array,
                               model.get_weights()[0][input_array])


def _two_inputs():
    return [np.random.random((2, 16)), np.random.random((2, 32))]


def test_add_layer():
    import keras22 as keras

    input1 = keras.layers.Input(shape=(16,))
    x1 = keras.layers.Dense(8, activation='relu')(input1)
    input2 = keras.layers.Input(shape=(32,))
    x2 = keras.layers.Dense(8, activation='relu')(input2)
    added = keras.layers.Add()([x1, x2])  # equivalent to added = keras.layers.add([x1, x2])

    out = keras.layers.Dense(4)(added)
    model = keras.models.Model(inputs=[input1, input2], outputs=out)

    assert model.output_shape == (None, 4)
    parts = keras.models.Model([input1, input2], [x1, x2, added]).predict(
        _two_inputs())
    np.testing.assert_allclose(parts[2], parts[0] + parts[1], rtol=1e-6)


def test_subtract_layer():
    import keras22 as keras

    input1 = keras.layers.Input(shape=(16,))
    x1 = keras.layers.Dense(8, activation='relu')(input1)
    input2 = keras.layers.Input(shape=(32,))
    x2 = keras.layers.Dense(8, activation='relu')(input2)
    # Equivalent to subtracted = keras.layers.subtract([x1, x2])
    subtracted = keras.layers.Subtract()([x1, x2])

    out = keras.layers.Dense(4)(subtracted)
    model = keras.models.Model(inputs=[input1, input2], outputs=out)

    assert model.output_shape == (None, 4)
    parts = keras.models.Model([input1, input2], [x1, x2, subtracted]).predict(
        _two_inputs())
    np.testing.assert_allclose(parts[2], parts[0] - parts[1], rtol=1e-6,
                               atol=1e-7)


def test_add_function():
    import keras22 as keras

    input1 = keras.layers.Input(shape=(16,))
    x1 = keras.layers.Dense(8, activation='relu')(input1)
    input2 = keras.layers.Input(shape=(32,))
    x2 = keras.layers.Dense(8, activation='relu')(input2)
    added = keras.layers.add([x1, x2])

    out = keras.layers.Dense(4)(added)
    model = keras.models.Model(inputs=[input1, input2], outputs=out)

    assert model.output_shape == (None, 4)
    assert type(model.layers[-2]).__name__ == 'Add'
    assert model.predict(_two_inputs()).shape == (2, 4)


def test_subtract_function():
    import keras22 as keras

    input1 = keras.layers.Input(shape=(16,))
    x1 = keras.layers.Dense(8, activation='relu')(input1)
    input2 = keras.layers.Input(shape=(32,))
    x2 = keras.layers.Dense(8, activation='relu')(input2)
    subtracted = keras.layers.subtract([x1, x2])

    out = keras.layers.Dense(4)(subtracted)
    model = keras.models.Model(inputs=[input1, input2], outputs=out)

    assert model.output_shape == (None, 4)
    assert type(model.layers[-2]).__name__ == 'Subtract'


def test_other_merge_layers_exist_with_documented_signatures():
    import keras22 as keras
    a = keras.layers.Input(shape=(4,))
    b = keras.layers.Input(shape=(4,))
    for cls in (keras.layers.Multiply(), keras.layers.Average(),
                keras.layers.Maximum(), keras.layers.Concatenate(axis=-1)):
        assert cls([a, b]) is not None
    for fn in (keras.layers.multiply, keras.layers.average,
               keras.layers.maximum):
        assert keras.backend.int_shape(fn([a, b])) == (None, 4)
    assert keras.backend.int_shape(
        keras.layers.concatenate([a, b], axis=-1)) == (None, 8)
    assert keras.backend.int_shape(
        keras.layers.Dot(axes=1, normalize=False)([a, b])) == (None, 1)
    assert keras.backend.int_shape(
        keras.layers.dot([a, b], axes=1, normalize=False)) == (None, 1)


@needs('rnn')
def test_recurrent_layer_examples():
    from keras22.models import Sequential
    from keras22.layers import LSTM

    # as the first layer in a Sequential model
    model = Sequential()
    model.add(LSTM(32, input_shape=(10, 64)))
    # now model.output_shape == (None, 32)
    # note: `None` is the batch dimension.
    assert model.output_shape == (None, 32)

    # the following is identical:
    model = Sequential()
    model.add(LSTM(32, input_dim=64, input_length=10))
    assert model.output_shape == (None, 32)
    assert model.input_shape == (None, 10, 64)

    # The page stacks LSTM(16) on the 2-D output of LSTM(32): Keras 2.2.4
    # rejected this too ("expected ndim=3, found ndim=2"); the page's next
    # example explains that `return_sequences=True` is needed.
    with pytest.raises(ValueError, match='expected ndim=3, found ndim=2'):
        # for subsequent layers, no need to specify the input size:
        model.add(LSTM(16))


@needs('rnn')
def test_recurrent_layer_examples_stacked():
    from keras22.models import Sequential
    from keras22.layers import LSTM

    # to stack recurrent layers, you must use return_sequences=True
    # on any recurrent layer that feeds into another recurrent layer.
    # note that you only need to specify the input size on the first layer.
    model = Sequential()
    model.add(LSTM(64, input_dim=64, input_length=10, return_sequences=True))
    model.add(LSTM(32, return_sequences=True))
    model.add(LSTM(10))

    assert [l.output_shape for l in model.layers] == [
        (None, 10, 64), (None, 10, 32), (None, 10)]


@needs('wrappers')
def test_time_distributed_dense():
    from keras22.models import Sequential
    from keras22.layers import TimeDistributed, Dense

    # as the first layer in a model
    model = Sequential()
    model.add(TimeDistributed(Dense(8), input_shape=(10, 16)))
    # now model.output_shape == (None, 10, 8)
    assert model.output_shape == (None, 10, 8)

    # subsequent layers: no need for input_shape
    model.add(TimeDistributed(Dense(32)))
    # now model.output_shape == (None, 10, 32)
    assert model.output_shape == (None, 10, 32)

    # "程序的输出数据shape为(32,10,32)"
    assert model.predict(np.random.random((32, 10, 16))).shape == (32, 10, 32)


@needs('wrappers', 'legacy_conv')
def test_time_distributed_convolution2d():
    from keras22 import backend as K
    K.set_image_data_format('channels_first')  # the page's (3, 299, 299)
    from keras22.models import Sequential
    from keras22.layers import TimeDistributed, Convolution2D

    model = Sequential()
    model.add(TimeDistributed(Convolution2D(64, 3, 3), input_shape=(10, 3, 299, 299)))

    assert model.output_shape == (None, 10, 64, 297, 297)


@needs('rnn', 'wrappers')
def test_bidirectional():
    from keras22.models import Sequential
    from keras22.layers import Bidirectional, LSTM, Dense, Activation

    model = Sequential()
    model.add(Bidirectional(LSTM(10, return_sequences=True), input_shape=(5, 10)))
    model.add(Bidirectional(LSTM(10)))
    model.add(Dense(5))
    model.add(Activation('softmax'))
    model.compile(loss='categorical_crossentropy', optimizer='rmsprop')

    assert [l.output_shape for l in model.layers] == [
        (None, 5, 20), (None, 20), (None, 5), (None, 5)]
    x = np.random.random((4, 5, 10))
    y = np.eye(5)[np.random.randint(5, size=4)]
    assert np.isfinite(model.train_on_batch(x, y))
