"""Seed 001, #2 "常见问题" (the FAQ): saving, intermediate outputs, early
stopping, history, stateful RNNs, freezing layers, `pop`.

Changes to the examples: `keras` imports become `keras22` ones; the file
names stay as written and the tests run in a temporary directory; data
have a few samples; `model = ...` and other names the page leaves undefined
are defined just above the example."""
import numpy as np

from _seedutil import lines_of, needs


def _compiled_model():
    from keras22.models import Sequential
    from keras22.layers import Dense
    model = Sequential()
    model.add(Dense(8, activation='relu', input_dim=4))
    model.add(Dense(3, activation='softmax'))
    model.compile(optimizer='adam', loss='categorical_crossentropy',
                  metrics=['accuracy'])
    x = np.random.random((16, 4))
    y = np.eye(3)[np.random.randint(3, size=16)]
    model.fit(x, y, epochs=1, verbose=0)
    return model, x, y


def test_save_and_load_model(workdir):
    model, x, y = _compiled_model()
    expected = model.predict(x)
    weights = model.get_weights()
    optimizer_state = model.optimizer.get_weights()

    from keras22.models import load_model

    model.save('my_model.h5')  # creates a HDF5 file 'my_model.h5'
    del model  # deletes the existing model

    # returns a compiled model
    # identical to the previous one
    model = load_model('my_model.h5')

    assert (workdir / 'my_model.h5').is_file()
    np.testing.assert_allclose(model.predict(x), expected, rtol=1e-6)
    for a, b in zip(model.get_weights(), weights):
        np.testing.assert_array_equal(a, b)
    # Compiled, with the optimizer state: training goes on from there.
    assert model.optimizer.__class__.__name__ == 'Adam'
    for a, b in zip(model.optimizer.get_weights(), optimizer_state):
        np.testing.assert_array_equal(a, b)
    history = model.fit(x, y, epochs=1, verbose=0)
    assert sorted(history.history) == ['acc', 'loss']


def test_json_and_yaml_architecture():
    model, x, y = _compiled_model()
    config = model.get_config()

    # save as JSON
    json_string = model.to_json()

    # save as YAML
    yaml_string = model.to_yaml()

    # model reconstruction from JSON:
    from keras22.models import model_from_json
    model = model_from_json(json_string)

    assert model.get_config() == config
    assert model.predict(x).shape == (16, 3)

    from keras22.models import model_from_yaml  # not imported on the page

    # model reconstruction from YAML
    model = model_from_yaml(yaml_string)

    assert model.get_config() == config
    import json
    import yaml
    assert json.loads(json_string)['class_name'] == 'Sequential'
    assert yaml.safe_load(yaml_string) == json.loads(json_string)


def test_save_and_load_weights(workdir):
    model, x, y = _compiled_model()
    expected = model.predict(x)

    model.save_weights('my_model_weights.h5')

    for layer in model.layers:  # scramble, so that loading has to restore
        layer.set_weights([np.zeros_like(w) for w in layer.get_weights()])

    model.load_weights('my_model_weights.h5')

    np.testing.assert_allclose(model.predict(x), expected, rtol=1e-6)

    model.load_weights('my_model_weights.h5', by_name=True)

    np.testing.assert_allclose(model.predict(x), expected, rtol=1e-6)


def test_load_weights_by_name(tmp_path):
    from keras22.models import Sequential
    from keras22.layers import Dense
    fname = str(tmp_path / 'weights.h5')
    # The original model, as the page's docstring describes it:
    model = Sequential()
    model.add(Dense(2, input_dim=3, name="dense_1"))
    model.add(Dense(3, name="dense_2"))
    model.save_weights(fname)
    original = model.get_weights()

    """
    假如原模型为：
        model = Sequential()
        model.add(Dense(2, input_dim=3, name="dense_1"))
        model.add(Dense(3, name="dense_2"))
        ...
        model.save_weights(fname)
    """
    # new model
    model = Sequential()
    model.add(Dense(2, input_dim=3, name="dense_1"))  # will be loaded
    model.add(Dense(10, name="new_dense"))  # will not be loaded

    fresh = model.layers[1].get_weights()

    # load weights from first model; will only affect the first layer, dense_1.
    model.load_weights(fname, by_name=True)

    for a, b in zip(model.layers[0].get_weights(), original[:2]):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(model.layers[1].get_weights(), fresh):
        np.testing.assert_array_equal(a, b)


def _model_with_my_layer():
    from keras22.models import Sequential
    from keras22.layers import Dense
    model = Sequential()
    model.add(Dense(8, activation='relu', input_dim=4))
    model.add(Dense(5, activation='relu', name='my_layer'))
    model.add(Dense(3, activation='softmax'))
    return model


def test_intermediate_layer_model():
    data = np.random.random((6, 4))

    from keras22.models import Model

    model = _model_with_my_layer()  # create the original model

    layer_name = 'my_layer'
    intermediate_layer_model = Model(input=model.input,
                                     output=model.get_layer(layer_name).output)
    intermediate_output = intermediate_layer_model.predict(data)

    assert intermediate_output.shape == (6, 5)
    w1, b1, w2, b2 = model.get_weights()[:4]
    expected = np.maximum(np.maximum(data.dot(w1) + b1, 0).dot(w2) + b2, 0)
    np.testing.assert_allclose(intermediate_output, expected, rtol=1e-5,
                               atol=1e-6)


def _model_with_dropout():
    from keras22.models import Sequential
    from keras22.layers import Dense, Dropout
    model = Sequential()
    model.add(Dense(16, activation='relu', input_dim=4))
    model.add(Dense(16, activation='relu'))
    model.add(Dropout(0.5))
    model.add(Dense(16))
    model.add(Dense(3, activation='softmax'))
    return model


def test_intermediate_output_with_backend_function():
    model = _model_with_dropout()
    X = np.random.random((6, 4))

    from keras22 import backend as K

    # with a Sequential model
    get_3rd_layer_output = K.function([model.layers[0].input],
                                      [model.layers[3].output])
    layer_output = get_3rd_layer_output([X])[0]

    assert layer_output.shape == (6, 16)
    # Without a learning phase input, the function runs in test mode.
    np.testing.assert_allclose(layer_output, get_3rd_layer_output([X])[0])
    w = model.get_weights()
    expected = np.maximum(np.maximum(X.dot(w[0]) + w[1], 0).dot(w[2]) + w[3],
                          0).dot(w[4]) + w[5]
    np.testing.assert_allclose(layer_output, expected, rtol=1e-5, atol=1e-5)


def test_intermediate_output_with_learning_phase():
    model = _model_with_dropout()
    X = np.random.random((64, 4))
    from keras22 import backend as K

    get_3rd_layer_output = K.function([model.layers[0].input, K.learning_phase()],
                                      [model.layers[3].output])

    # output in test mode = 0
    layer_output = get_3rd_layer_output([X, 0])[0]
    test_output = layer_output

    # output in train mode = 1
    layer_output = get_3rd_layer_output([X, 1])[0]

    assert test_output.shape == layer_output.shape == (64, 16)
    np.testing.assert_allclose(test_output, get_3rd_layer_output([X, 0])[0])
    # Dropout is active in train mode only.
    assert not np.allclose(test_output, layer_output)


def test_early_stopping():
    from keras22.models import Sequential
    from keras22.layers import Dense
    model = Sequential([Dense(1, input_dim=3)])
    model.compile(optimizer='sgd', loss='mse')
    X = np.random.random((20, 3))
    y = np.random.random((20, 1))

    from keras22.callbacks import EarlyStopping
    early_stopping = EarlyStopping(monitor='val_loss', patience=2)
    history = model.fit(X, y, validation_split=0.2, callbacks=[early_stopping])

    assert sorted(history.history) == ['loss', 'val_loss']
    assert early_stopping.patience == 2 and early_stopping.monitor == 'val_loss'


def test_history_after_fit(capsys):
    from keras22.models import Sequential
    from keras22.layers import Dense
    model = Sequential([Dense(2, input_dim=3, activation='softmax')])
    model.compile(optimizer='sgd', loss='categorical_crossentropy',
                  metrics=['accuracy'])
    X = np.random.random((20, 3))
    y = np.eye(2)[np.random.randint(2, size=20)]

    hist = model.fit(X, y, validation_split=0.2)
    print(hist.history)

    assert sorted(hist.history) == ['acc', 'loss', 'val_acc', 'val_loss']
    assert all(len(v) == 1 for v in hist.history.values())
    printed = lines_of(capsys.readouterr().out)[-1]
    assert printed == str(hist.history)


@needs('rnn')
def test_stateful_rnn():
    from keras22.models import Sequential
    from keras22.layers import LSTM, Dense
    X = np.random.random((32, 21, 16))

    X  # this is our input data, of shape (32, 21, 16)
    # we will feed it to our model in sequences of length 10

    model = Sequential()
    model.add(LSTM(32, input_shape=(10, 16), batch_size=32, stateful=True))
    model.add(Dense(16, activation='softmax'))

    model.compile(optimizer='rmsprop', loss='categorical_crossentropy')

    # we train the network to predict the 11th timestep given the first 10:
    model.train_on_batch(X[:, :10, :], np.reshape(X[:, 10, :], (32, 16)))

    # the state of the network has changed. We can feed the follow-up sequences:
    model.train_on_batch(X[:, 10:20, :], np.reshape(X[:, 20, :], (32, 16)))

    states = [K_get(s) for s in model.layers[0].states]
    assert all(np.abs(s).sum() > 0 for s in states)

    # let's reset the states of the LSTM layer:
    model.reset_states()

    assert all(np.abs(K_get(s)).sum() == 0 for s in model.layers[0].states)
    model.predict(X[:, :10, :], batch_size=32)
    assert all(np.abs(K_get(s)).sum() > 0 for s in model.layers[0].states)

    # another way to do it in this case:
    model.layers[0].reset_states()

    assert all(np.abs(K_get(s)).sum() == 0 for s in model.layers[0].states)
    assert model.input_shape == (32, 10, 16)


def K_get(variable):
    from keras22 import backend as K
    return K.get_value(variable)


def test_frozen_layer_argument():
    from keras22.layers import Dense

    frozen_layer = Dense(32,trainable=False)

    assert frozen_layer.trainable is False
    frozen_layer.build((None, 4))
    assert frozen_layer.trainable_weights == []
    assert len(frozen_layer.non_trainable_weights) == 2


def test_freezing_layers():
    from keras22.layers import Input, Dense
    from keras22.models import Model
    data = np.random.random((16, 32))
    labels = np.random.random((16, 32))

    x = Input(shape=(32,))
    layer = Dense(32)
    layer.trainable = False
    y = layer(x)

    frozen_model = Model(x, y)
    # in the model below, the weights of `layer` will not be updated during training
    frozen_model.compile(optimizer='rmsprop', loss='mse')

    layer.trainable = True
    trainable_model = Model(x, y)
    # with this model the weights of the layer will be updated during training
    # (which will also affect the above model since it uses the same layer instance)
    trainable_model.compile(optimizer='rmsprop', loss='mse')

    before = layer.get_weights()
    frozen_model.fit(data, labels)  # this does NOT update the weights of `layer`
    after_frozen = layer.get_weights()
    trainable_model.fit(data, labels)  # this updates the weights of `layer`
    after_trainable = layer.get_weights()

    for a, b in zip(before, after_frozen):
        np.testing.assert_array_equal(a, b)
    assert not np.allclose(before[0], after_trainable[0])


def test_pop(capsys):
    from keras22.models import Sequential
    from keras22.layers import Dense

    model = Sequential()
    model.add(Dense(32, activation='relu', input_dim=784))
    model.add(Dense(32, activation='relu'))

    print(len(model.layers))  # "2"

    model.pop()
    print(len(model.layers))  # "1"

    assert lines_of(capsys.readouterr().out) == ['2', '1']
    assert model.output_shape == (None, 32)
    model.add(Dense(4))
    assert model.output_shape == (None, 4)
    assert model.predict(np.zeros((2, 784))).shape == (2, 4)
