"""HDF5 files move between tf_keras (its legacy `.h5` format) and keras22
with identical predictions, both ways. The files are made here, by
tf_keras and by keras22, for the layer families keras22 has."""
import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose

import keras22
from keras22.models import Model, Sequential, load_model

tf_keras = pytest.importorskip('tf_keras')


def _require(*names):
    missing = [n for n in names if not hasattr(keras22.layers, n)]
    if missing:
        pytest.skip('keras22.layers has no %s yet' % ', '.join(missing))


def _quietly(function, *args, **kwargs):
    with warnings.catch_warnings():
        # tf_keras calls HDF5 "legacy" and warns on every save.
        warnings.simplefilter('ignore')
        return function(*args, **kwargs)


def _assert_same_outputs(expected, actual):
    expected = expected if isinstance(expected, list) else [expected]
    actual = actual if isinstance(actual, list) else [actual]
    assert len(expected) == len(actual)
    for e, a in zip(expected, actual):
        assert_allclose(a, e, rtol=1e-5, atol=1e-6)


RNG = np.random.RandomState(4)
IMAGES = RNG.rand(6, 6, 6, 2).astype('float32')
TARGETS = np.eye(3, dtype='float32')[RNG.randint(0, 3, 6)]
VECTORS = RNG.rand(6, 4).astype('float32')
TOKENS = RNG.randint(1, 10, (6, 5)).astype('int32')


def _tf_keras_image_model():
    tk = tf_keras.layers
    model = tf_keras.Sequential([
        tk.Conv2D(3, (3, 3), padding='same', activation='relu',
                  input_shape=(6, 6, 2)),
        tk.MaxPooling2D(),
        tk.BatchNormalization(),
        tk.Flatten(),
        tk.Dense(3, activation='softmax', kernel_regularizer='l2')])
    # tf_keras's current Adam, whose state interleaves m and v.
    model.compile(tf_keras.optimizers.Adam(0.01),
                  'categorical_crossentropy', metrics=['accuracy'])
    model.fit(IMAGES, TARGETS, epochs=2, verbose=0)
    return model


def test_tf_keras_sequential_file_loads(tmp_path):
    _require('Conv2D', 'MaxPooling2D', 'BatchNormalization', 'Flatten')
    source = _tf_keras_image_model()
    path = str(tmp_path / 'tf_keras_seq.h5')
    _quietly(source.save, path)
    model = load_model(path)
    assert isinstance(model, Sequential)
    _assert_same_outputs(source.predict(IMAGES, verbose=0),
                         model.predict(IMAGES))
    assert model.loss == 'categorical_crossentropy'
    # tf_keras records 'accuracy' as the function it chose.
    assert model.metrics_names == ['loss', 'categorical_accuracy']
    # The optimizer state of tf_keras's Adam, laid out as Keras 2.2's:
    # iterations, the m's, the v's, the unused vhat's.
    assert model.optimizer.get_config()['lr'] == pytest.approx(0.01)
    state = model.optimizer.get_weights()
    saved = [v.numpy() for v in source.optimizer.variables()]
    count = (len(saved) - 1) // 2
    assert state[0] == saved[0] == 2
    assert len(state) == 1 + 3 * count
    for ours, theirs in zip(state[1:1 + 2 * count],
                            saved[1::2] + saved[2::2]):
        assert_allclose(ours, theirs)
    assert_allclose(model.test_on_batch(IMAGES, TARGETS),
                    source.test_on_batch(IMAGES, TARGETS), rtol=1e-5)


def test_tf_keras_functional_file_loads(tmp_path):
    _require('Embedding', 'LSTM', 'GRU', 'Conv1D', 'GlobalMaxPooling1D')
    tk = tf_keras.layers
    vectors = tf_keras.Input((4,), name='vectors')
    tokens = tf_keras.Input((5,), dtype='int32', name='tokens')
    inner = tf_keras.Sequential([tk.Dense(3, input_shape=(4,))],
                                name='inner')
    embedded = tk.Embedding(10, 3)(tokens)
    features = tk.concatenate([
        inner(vectors), tk.LSTM(2)(embedded), tk.GRU(2)(embedded),
        tk.GlobalMaxPooling1D()(tk.Conv1D(2, 3)(embedded))])
    first = tk.Dense(1, kernel_initializer='he_normal',
                     name='first')(features)
    source = tf_keras.Model([vectors, tokens], [first, inner(vectors)])
    source.compile(tf_keras.optimizers.legacy.SGD(0.1),
                   [tf_keras.losses.MeanSquaredError(), 'mae'],
                   metrics=[[tf_keras.metrics.MeanAbsoluteError()], []])
    path = str(tmp_path / 'tf_keras_functional.h5')
    _quietly(source.save, path)
    model = load_model(path)
    assert isinstance(model, Model)
    assert model.loss == ['mean_squared_error', 'mae']
    _assert_same_outputs(source.predict([VECTORS, TOKENS], verbose=0),
                         model.predict([VECTORS, TOKENS]))


def test_keras22_sequential_file_loads_in_tf_keras(tmp_path):
    _require('Conv2D', 'MaxPooling2D', 'BatchNormalization', 'Flatten')
    kl = keras22.layers
    model = Sequential([
        kl.Conv2D(3, (3, 3), padding='same', activation='relu',
                  input_shape=(6, 6, 2)),
        kl.MaxPooling2D(),
        kl.BatchNormalization(),
        kl.Flatten(),
        kl.Dense(3, activation='softmax')])
    model.compile('adam', 'categorical_crossentropy', metrics=['acc'])
    model.fit(IMAGES, TARGETS, epochs=2, verbose=0)
    path = str(tmp_path / 'keras22_seq.h5')
    model.save(path)
    loaded = _quietly(tf_keras.models.load_model, path)
    _assert_same_outputs(model.predict(IMAGES),
                         loaded.predict(IMAGES, verbose=0))
    config = loaded.optimizer.get_config()
    assert config['name'] == 'Adam' and \
        config['learning_rate'] == pytest.approx(0.001)


def test_keras22_functional_file_loads_in_tf_keras(tmp_path):
    _require('Embedding', 'LSTM', 'GRU', 'Bidirectional', 'TimeDistributed')
    kl = keras22.layers
    vectors = kl.Input((4,), name='vectors')
    tokens = kl.Input((5,), dtype='int32', name='tokens')
    inner = Sequential([kl.Dense(3, input_shape=(4,), activation='tanh')],
                       name='inner')
    embedded = kl.Embedding(10, 3)(tokens)
    features = kl.concatenate([
        inner(vectors), kl.LSTM(2)(embedded), kl.GRU(2)(embedded),
        kl.Bidirectional(kl.LSTM(2))(embedded),
        kl.Flatten()(kl.TimeDistributed(kl.Dense(1))(embedded))])
    model = Model([vectors, tokens],
                  [kl.Dense(1, name='first')(features), inner(vectors)])
    path = str(tmp_path / 'keras22_functional.h5')
    model.save(path)
    loaded = _quietly(tf_keras.models.load_model, path)
    _assert_same_outputs(model.predict([VECTORS, TOKENS]),
                         loaded.predict([VECTORS, TOKENS], verbose=0))
    # And back again, through tf_keras's writer.
    again = str(tmp_path / 'rewritten.h5')
    _quietly(loaded.save, again)
    _assert_same_outputs(model.predict([VECTORS, TOKENS]),
                         load_model(again).predict([VECTORS, TOKENS]))


def test_state_of_older_tf_keras_optimizers_is_rearranged():
    from keras22 import backend as K
    from keras22 import optimizers
    from keras22.engine.saving import _tf_keras_optimizer_state
    x = K.placeholder((None, 2))
    kernel = K.variable(np.zeros((2, 3)), name='kernel')
    bias = K.variable(np.zeros(3), name='bias')
    loss = K.sum(K.dot(x, kernel) + bias)
    values = [RNG.rand(*s).astype('float32') for s in [(2, 3), (3,)] * 2]
    # tf.keras 2.0 - 2.10 Adam: iterations, the m's, then the v's.
    adam = optimizers.Adam()
    adam.get_updates(loss, [kernel, bias])
    names = ['Adam/iter:0', 'Adam/kernel/m:0', 'Adam/bias/m:0',
             'Adam/kernel/v:0', 'Adam/bias/v:0']
    state = _tf_keras_optimizer_state(adam, names, [np.int64(7)] + values)
    adam.set_weights(state)
    assert K.get_value(adam.iterations) == 7
    for ours, theirs in zip(adam.get_weights()[1:5], values):
        assert_allclose(ours, theirs)
    # SGD without momentum keeps no slot; Keras 2.2's keeps unused ones.
    sgd = optimizers.SGD()
    sgd.get_updates(loss, [kernel, bias])
    sgd.set_weights(_tf_keras_optimizer_state(sgd, ['SGD/iter:0'],
                                              [np.int64(3)]))
    assert K.get_value(sgd.iterations) == 3
    # Unknown names: nothing to guess from.
    assert _tf_keras_optimizer_state(adam, ['a:0', 'b:0'], values[:2]) is None
