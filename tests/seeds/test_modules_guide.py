"""Seed 001, #19 to #22 and #27, #28: losses, metrics, optimizers,
activations, regularizers, model visualization and the training-history
plot.

Changes to the examples: `keras` imports become `keras22` ones; where a
fragment uses a `model` it never creates, a small `Sequential` model is
created above it; matplotlib and IPython (not keras22 dependencies) are
stand-ins that record what they are given (see conftest.py)."""
import shutil

import numpy as np
import pytest


# Drawing needs Graphviz's `dot` program (`.ci/run` installs it).
needs_dot = pytest.mark.skipif(
    shutil.which('dot') is None,
    reason="Graphviz's `dot` program is not installed (apt-get install "
           "graphviz)")


def _model(input_dim=10):
    from keras22.models import Sequential
    from keras22.layers import Dense
    return Sequential([Dense(3, activation='softmax', input_dim=input_dim)])


def test_compile_with_loss_name_or_function():
    model = _model()
    x = np.random.random((8, 10))
    y = np.eye(3)[np.random.randint(3, size=8)]

    model.compile(loss='mean_squared_error', optimizer='sgd')
    by_name = model.evaluate(x, y, verbose=0)

    from keras22 import losses
    model.compile(loss=losses.mean_squared_error, optimizer='sgd')
    by_function = model.evaluate(x, y, verbose=0)

    np.testing.assert_allclose(by_name, by_function, rtol=1e-6)
    np.testing.assert_allclose(by_name, np.mean((model.predict(x) - y) ** 2),
                               rtol=1e-5)


def test_available_losses():
    from keras22.losses import (
        mean_squared_error, mean_absolute_error,
        mean_absolute_percentage_error, mean_squared_logarithmic_error,
        squared_hinge, hinge, categorical_hinge, logcosh,
        categorical_crossentropy, sparse_categorical_crossentropy,
        binary_crossentropy, kullback_leibler_divergence, poisson,
        cosine_proximity)
    from keras22 import backend as K
    y_true = K.constant([[0., 1., 0.], [1., 0., 0.]])
    y_pred = K.constant([[0.2, 0.7, 0.1], [0.6, 0.3, 0.1]])

    mean_squared_error

    mean_squared_error(y_true, y_pred)
    mean_absolute_error

    mean_absolute_error(y_true, y_pred)
    mean_absolute_percentage_error

    mean_absolute_percentage_error(y_true, y_pred)
    mean_squared_logarithmic_error

    mean_squared_logarithmic_error(y_true, y_pred)
    squared_hinge

    squared_hinge(y_true, y_pred)
    hinge

    hinge(y_true, y_pred)
    categorical_hinge

    categorical_hinge(y_true, y_pred)
    logcosh

    logcosh(y_true, y_pred)

    categorical_crossentropy

    categorical_crossentropy(y_true, y_pred)

    binary_crossentropy

    binary_crossentropy(y_true, y_pred)
    kullback_leibler_divergence

    kullback_leibler_divergence(y_true, y_pred)
    poisson

    poisson(y_true, y_pred)
    cosine_proximity

    cosine_proximity(y_true, y_pred)

    # sparse_categorical_crossentropy takes class indices as targets.
    sparse = K.eval(sparse_categorical_crossentropy(K.constant([[1.], [0.]]),
                                                    y_pred))
    dense = K.eval(categorical_crossentropy(y_true, y_pred))
    np.testing.assert_allclose(sparse, dense, rtol=1e-5)
    np.testing.assert_allclose(dense, -np.log([0.7, 0.6]), rtol=1e-5)
    np.testing.assert_allclose(K.eval(mean_squared_error(y_true, y_pred)),
                               [(0.04 + 0.09 + 0.01) / 3,
                                (0.16 + 0.09 + 0.01) / 3], rtol=1e-5)


def test_to_categorical():
    int_labels = np.array([0, 2, 1, 2])

    from keras22.utils.np_utils import to_categorical

    categorical_labels = to_categorical(int_labels, num_classes=None)

    np.testing.assert_array_equal(categorical_labels, np.eye(3)[int_labels])


def test_metrics():
    model = _model()
    x = np.random.random((8, 10))
    y = np.eye(3)[np.random.randint(3, size=8)]

    model.compile(loss='mean_squared_error',
                  optimizer='sgd',
                  metrics=['mae', 'acc'])
    assert model.metrics_names == ['loss', 'mean_absolute_error', 'acc']
    loss, mae, acc = model.evaluate(x, y, verbose=0)
    p = model.predict(x)
    np.testing.assert_allclose(mae, np.abs(p - y).mean(), rtol=1e-5)
    np.testing.assert_allclose(acc, np.mean(p.argmax(1) == y.argmax(1)))

    from keras22 import metrics

    model.compile(loss='mean_squared_error',
                  optimizer='sgd',
                  metrics=[metrics.mae, metrics.categorical_accuracy])

    assert model.metrics_names == ['loss', 'mean_absolute_error',
                                   'categorical_accuracy']
    history = model.fit(x, y, epochs=1, verbose=0)
    assert sorted(history.history) == ['categorical_accuracy', 'loss',
                                       'mean_absolute_error']


def test_optimizer_instance():
    from keras22.models import Sequential
    from keras22.layers import Dense, Activation

    from keras22 import optimizers

    model = Sequential()
    model.add(Dense(64, kernel_initializer='uniform', input_shape=(10,)))
    model.add(Activation('softmax'))

    sgd = optimizers.SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)
    model.compile(loss='mean_squared_error', optimizer=sgd)

    assert model.optimizer is sgd
    config = sgd.get_config()
    np.testing.assert_allclose([config['lr'], config['decay'],
                                config['momentum']], [0.01, 1e-6, 0.9],
                               rtol=1e-6)
    assert config['nesterov'] is True

    # 传入优化器名称: 默认参数将被采用
    model.compile(loss='mean_squared_error', optimizer='sgd')

    assert isinstance(model.optimizer, optimizers.SGD)
    np.testing.assert_allclose(model.optimizer.get_config()['lr'], 0.01)
    assert model.optimizer.get_config()['momentum'] == 0.0


def test_gradient_clipping():
    from keras22 import optimizers

    # 所有参数梯度将被裁剪，让其l2范数最大为1：g * 1 / max(1, l2_norm)
    sgd = optimizers.SGD(lr=0.01, clipnorm=1.)

    assert sgd.clipnorm == 1.

    # 所有参数d 梯度将被裁剪到数值范围内：
    # 最大值0.5
    # 最小值-0.5
    sgd = optimizers.SGD(lr=0.01, clipvalue=0.5)

    assert sgd.clipvalue == 0.5
    # One SGD step with a huge gradient moves each weight by lr * 0.5.
    from keras22.models import Sequential
    from keras22.layers import Dense
    model = Sequential([Dense(1, input_dim=1, use_bias=False,
                              kernel_initializer='zeros')])
    model.compile(loss='mse', optimizer=sgd)
    model.train_on_batch(np.array([[1.]]), np.array([[1000.]]))
    np.testing.assert_allclose(model.get_weights()[0], [[0.01 * 0.5]],
                               rtol=1e-5)


@pytest.mark.parametrize('name,config', [
    ('SGD', dict(lr=0.01, momentum=0.0, decay=0.0, nesterov=False)),
    ('RMSprop', dict(lr=0.001, rho=0.9, epsilon=None, decay=0.0)),
    ('Adagrad', dict(lr=0.01, epsilon=None, decay=0.0)),
    ('Adadelta', dict(lr=1.0, rho=0.95, epsilon=None, decay=0.0)),
    ('Adam', dict(lr=0.001, beta_1=0.9, beta_2=0.999, epsilon=None,
                  decay=0.0, amsgrad=False)),
])
def test_optimizer_signatures(name, config):
    # 21.2-21.6: `keras.optimizers.SGD(lr=0.01, momentum=0.0, ...)` &c.
    import inspect
    import keras22 as keras
    cls = getattr(keras.optimizers, name)
    params = inspect.signature(cls.__init__).parameters
    for arg, default in config.items():
        assert params[arg].default == default, (name, arg)
    cls(**config)


def test_activation_layer_or_argument():
    from keras22.models import Sequential
    from keras22.layers import InputLayer
    model = Sequential([InputLayer(input_shape=(4,))])

    from keras22.layers import Activation, Dense

    model.add(Dense(64))
    model.add(Activation('tanh'))

    model.add(Dense(64, activation='tanh'))

    from keras22 import backend as K

    model.add(Dense(64, activation=K.tanh))
    model.add(Activation(K.tanh))

    x = np.random.random((2, 4))
    w = model.get_weights()
    h = np.tanh(x.dot(w[0]) + w[1])
    h = np.tanh(h.dot(w[2]) + w[3])
    h = np.tanh(np.tanh(h.dot(w[4]) + w[5]))
    np.testing.assert_allclose(model.predict(x), h, rtol=1e-5, atol=1e-6)


def test_predefined_activations():
    import keras22 as keras
    x = np.array([[-3., -1., 0., 0.5, 3.]], dtype='float32')
    K = keras.backend
    a = keras.activations
    np.testing.assert_allclose(K.eval(a.softmax(K.constant(x), axis=-1)),
                               np.exp(x) / np.exp(x).sum(), rtol=1e-5)
    np.testing.assert_allclose(K.eval(a.elu(K.constant(x), alpha=1.0)),
                               np.where(x > 0, x, np.exp(x) - 1), rtol=1e-5)
    np.testing.assert_allclose(K.eval(a.softplus(K.constant(x))),
                               np.log(np.exp(x) + 1), rtol=1e-5)
    np.testing.assert_allclose(K.eval(a.softsign(K.constant(x))),
                               x / (np.abs(x) + 1), rtol=1e-5)
    np.testing.assert_allclose(
        K.eval(a.relu(K.constant(x), alpha=0.0, max_value=None,
                      threshold=0.0)), np.maximum(x, 0))
    np.testing.assert_allclose(K.eval(a.relu(K.constant(x), max_value=2.)),
                               np.clip(x, 0, 2))
    np.testing.assert_allclose(K.eval(a.tanh(K.constant(x))), np.tanh(x),
                               rtol=1e-5)
    np.testing.assert_allclose(K.eval(a.sigmoid(K.constant(x))),
                               1 / (1 + np.exp(-x)), rtol=1e-5)
    # "如果 x < -2.5，返回 0。如果 x > 2.5，返回 1。否则 0.2 * x + 0.5"
    np.testing.assert_allclose(K.eval(a.hard_sigmoid(K.constant(x))),
                               np.clip(0.2 * x + 0.5, 0, 1), rtol=1e-5)
    np.testing.assert_allclose(K.eval(a.exponential(K.constant(x))),
                               np.exp(x), rtol=1e-5)
    np.testing.assert_array_equal(K.eval(a.linear(K.constant(x))), x)
    selu = K.eval(a.selu(K.constant(x)))
    alpha, scale = 1.6732632423543772, 1.0507009873554805
    np.testing.assert_allclose(
        selu, scale * np.where(x > 0, x, alpha * (np.exp(x) - 1)), rtol=1e-5)


def test_regularizers():
    from keras22.models import Sequential
    from keras22.layers import Dense
    model = Sequential()

    from keras22 import regularizers
    model.add(Dense(64, input_dim=64,
                    kernel_regularizer=regularizers.l2(0.01),
                    activity_regularizer=regularizers.l1(0.01)))

    assert len(model.losses) == 2

    import keras22 as keras
    keras.regularizers.l1(0.)
    keras.regularizers.l2(0.)
    keras.regularizers.l1_l2(l1=0.01, l2=0.01)

    model.compile(optimizer='sgd', loss='mse')
    x = np.zeros((4, 64))
    kernel = model.get_weights()[0]
    # Zero input: zero activity; the loss is the kernel penalty alone.
    np.testing.assert_allclose(model.evaluate(x, np.zeros((4, 64)),
                                              verbose=0),
                               0.01 * np.sum(kernel ** 2), rtol=1e-4)


def test_custom_regularizer():
    from keras22.models import Sequential
    model = Sequential()
    from keras22.layers import Dense

    from keras22 import backend as K

    def l1_reg(weight_matrix):
        return 0.01 * K.sum(K.abs(weight_matrix))

    model.add(Dense(64, input_dim=64,
                    kernel_regularizer=l1_reg))

    assert len(model.losses) == 1
    np.testing.assert_allclose(
        K.eval(model.losses[0]) if not callable(model.losses[0])
        else model.losses[0](),
        0.01 * np.abs(model.get_weights()[0]).sum(), rtol=1e-5)


@needs_dot
def test_plot_model(workdir):
    model = _model()

    from keras22.utils import plot_model
    plot_model(model, to_file='model.png')

    assert (workdir / 'model.png').read_bytes()[:8] == b'\x89PNG\r\n\x1a\n'


@needs_dot
def test_model_to_dot_svg(fake_ipython):
    model = _model()

    from IPython.display import SVG
    from keras22.utils.vis_utils import model_to_dot

    svg = SVG(model_to_dot(model).create(prog='dot', format='svg'))

    assert b'<svg' in svg.data
    assert model.layers[0].name.encode() in svg.data


def test_training_history_plot(fake_pyplot):
    from keras22.models import Sequential
    from keras22.layers import Dense
    model = Sequential([Dense(1, activation='sigmoid', input_dim=5)])
    model.compile(optimizer='sgd', loss='binary_crossentropy',
                  metrics=['accuracy'])
    x = np.random.random((32, 5))
    y = np.random.randint(2, size=(32, 1))

    import matplotlib.pyplot as plt

    history = model.fit(x, y, validation_split=0.25, epochs=2, batch_size=16, verbose=1)

    # 绘制训练 & 验证的准确率值
    plt.plot(history.history['acc'])
    plt.plot(history.history['val_acc'])
    plt.title('Model accuracy')
    plt.ylabel('Accuracy')
    plt.xlabel('Epoch')
    plt.legend(['Train', 'Test'], loc='upper left')
    plt.show()

    # 绘制训练 & 验证的损失值
    plt.plot(history.history['loss'])
    plt.plot(history.history['val_loss'])
    plt.title('Model loss')
    plt.ylabel('Loss')
    plt.xlabel('Epoch')
    plt.legend(['Train', 'Test'], loc='upper left')
    plt.show()

    plotted = [c[1][0] for c in fake_pyplot.calls if c[0] == 'plot']
    assert [len(p) for p in plotted] == [2, 2, 2, 2]
    assert all(0.0 <= v <= 1.0 for v in plotted[0] + plotted[1])
