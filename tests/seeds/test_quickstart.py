"""Seed 001 (快速开始：30s上手Keras), section #1: the 30-second quickstart.

The seven blocks of the section continue each other; each test runs the
blocks before it as set-up, as a reader of the page would have. Arrays the
page leaves undefined (`x_train`, `x_batch`, ...) are small random ones of
the shapes the model expects."""
import numpy as np


def _data(n=64):
    x = np.random.random((n, 100))
    y = np.eye(10)[np.random.randint(10, size=n)]
    return x, y


def test_sequential_constructor():
    from keras22.models import Sequential

    model = Sequential()

    assert len(model.layers) == 0


def test_add_layers():
    from keras22.models import Sequential

    model = Sequential()

    from keras22.layers import Dense, Activation

    model.add(Dense(units=64, input_dim=100))
    model.add(Activation("relu"))
    model.add(Dense(units=10))
    model.add(Activation("softmax"))

    assert len(model.layers) == 4
    assert model.input_shape == (None, 100)
    assert model.output_shape == (None, 10)
    assert model.count_params() == 100 * 64 + 64 + 64 * 10 + 10


def _quickstart_model():
    from keras22.models import Sequential
    from keras22.layers import Dense, Activation
    model = Sequential()
    model.add(Dense(units=64, input_dim=100))
    model.add(Activation("relu"))
    model.add(Dense(units=10))
    model.add(Activation("softmax"))
    return model


def test_compile_with_names():
    model = _quickstart_model()

    model.compile(loss='categorical_crossentropy', optimizer='sgd', metrics=['accuracy'])

    assert model.metrics_names == ['loss', 'acc']


def test_compile_with_sgd_instance_then_fit_train_evaluate_predict():
    model = _quickstart_model()
    x_train, y_train = _data(64)
    x_batch, y_batch = _data(32)
    x_test, y_test = _data(16)

    from keras22.optimizers import SGD
    model.compile(loss='categorical_crossentropy', optimizer=SGD(lr=0.01, momentum=0.9, nesterov=True))

    history = model.fit(x_train, y_train, epochs=5, batch_size=32)

    before = model.get_weights()
    result = model.train_on_batch(x_batch, y_batch)
    after = model.get_weights()

    loss_and_metrics = model.evaluate(x_test, y_test, batch_size=128)

    classes = model.predict(x_test, batch_size=128)

    assert list(history.history) == ['loss']
    assert len(history.history['loss']) == 5
    assert np.isscalar(result) or np.ndim(result) == 0
    assert any(not np.allclose(b, a) for b, a in zip(before, after))
    # No metrics in the second compile: evaluate gives the scalar loss.
    assert np.ndim(loss_and_metrics) == 0 and np.isfinite(loss_and_metrics)
    assert classes.shape == (16, 10)
    np.testing.assert_allclose(classes.sum(axis=1), 1.0, rtol=1e-5)
