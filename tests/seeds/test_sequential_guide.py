"""The Sequential model guide: seed 000 (section "Sequential 模型" and its
"典型样例") and seed 001 (sections #5 "快速开始序贯（Sequential）模型" and
5.4 "例子"). Where the two pages give the same code, one test covers both
(see inventory.md).

Changes to the examples: `keras` imports become `keras22` ones (`import
keras` becomes `import keras22 as keras`); generated data have fewer
samples and `epochs=1`; names a fragment leaves undefined are defined just
above it."""
import numpy as np
import pytest

from _seedutil import needs


# ---------------------------------------------------------------------------
# 基本使用 / #5

def test_constructor_with_layer_list():
    # seed 000
    from keras22.models import Sequential
    from keras22.layers import Dense, Activation

    model = Sequential([Dense(32, input_shape=(784,)),
                        Activation('relu'),
                        Dense(10),
                        Activation('softmax')])

    assert [type(l).__name__ for l in model.layers] == [
        'Dense', 'Activation', 'Dense', 'Activation']
    assert model.input_shape == (None, 784)
    assert model.output_shape == (None, 10)


def test_constructor_with_units_twice_is_a_type_error():
    # seed 001 #5 writes `Dense(32, units=784)`: `units` given twice. Keras
    # 2.2.4 raised TypeError for this too (the page's typo for
    # `input_dim=784`); keras22 must raise it rather than guess.
    from keras22.models import Sequential
    from keras22.layers import Dense, Activation

    with pytest.raises(TypeError):
        model = Sequential([
        Dense(32, units=784),
        Activation('relu'),
        Dense(10),
        Activation('softmax'),
        ])


def test_add_method():
    from keras22.models import Sequential
    from keras22.layers import Dense, Activation

    model = Sequential()
    model.add(Dense(32, input_dim=784))
    model.add(Activation('relu'))

    assert model.output_shape == (None, 32)

    # seed 001 #5 spells the first layer with input_shape:
    model = Sequential()
    model.add(Dense(32, input_shape=(784,)))
    model.add(Activation('relu'))

    assert model.output_shape == (None, 32)


def test_input_shape_and_input_dim_are_equivalent():
    from keras22.models import Sequential
    from keras22.layers import Dense

    model = Sequential()
    model.add(Dense(32, input_shape=(784,)))
    first = model

    model = Sequential()
    model.add(Dense(32, input_dim=784))

    assert first.input_shape == model.input_shape == (None, 784)
    assert first.layers[0].batch_input_shape == (None, 784)
    assert model.layers[0].batch_input_shape == (None, 784)
    assert [w.shape for w in first.get_weights()] == \
        [w.shape for w in model.get_weights()]


def test_compilation_examples():
    from keras22.models import Sequential
    from keras22.layers import Dense, Activation
    model = Sequential([Dense(32, input_shape=(784,)),
                        Activation('relu'),
                        Dense(1),
                        Activation('sigmoid')])

    # 多分类问题
    model.compile(optimizer='rmsprop',
                  loss='categorical_crossentropy',
                  metrics=['accuracy'])
    assert model.metrics_names == ['loss', 'acc']

    # 二分类问题
    model.compile(optimizer='rmsprop',
                  loss='binary_crossentropy',
                  metrics=['accuracy'])
    assert model.metrics_names == ['loss', 'acc']

    # 均方误差回归问题
    model.compile(optimizer='rmsprop',
                  loss='mse')
    assert model.metrics_names == ['loss']

    # 自定义评估标准函数
    import keras22.backend as K

    def mean_pred(y_true, y_pred):
        return K.mean(y_pred)

    model.compile(optimizer='rmsprop',
                  loss='binary_crossentropy',
                  metrics=['accuracy', mean_pred])

    assert model.metrics_names == ['loss', 'acc', 'mean_pred']
    x = np.random.random((16, 784))
    y = np.random.randint(2, size=(16, 1))
    loss, acc, mean = model.evaluate(x, y, batch_size=16, verbose=0)
    np.testing.assert_allclose(mean, model.predict(x).mean(), rtol=1e-5)
    history = model.fit(x, y, epochs=1, verbose=0)
    assert sorted(history.history) == ['acc', 'loss', 'mean_pred']


def test_training_binary_classification():
    from keras22.models import Sequential
    from keras22.layers import Dense

    # 对于具有 2 个类的单输入模型（二进制分类）：

    model = Sequential()
    model.add(Dense(32, activation='relu', input_dim=100))
    model.add(Dense(1, activation='sigmoid'))
    model.compile(optimizer='rmsprop',
                  loss='binary_crossentropy',
                  metrics=['accuracy'])

    # 生成虚拟数据
    import numpy as np
    data = np.random.random((64, 100)) # 产生0~1之间的随机数，元组参数为数组维度
    labels = np.random.randint(2, size=(64, 1)) # 产生固定范围的随机整数，第一个参数是必须的[0,2)

    # 训练模型，以 32 个样本为一个 batch 进行迭代
    history = model.fit(data, labels, epochs=1, batch_size=32)

    assert sorted(history.history) == ['acc', 'loss']
    assert 0.0 <= history.history['acc'][0] <= 1.0


def test_training_categorical_classification():
    from keras22.models import Sequential
    from keras22.layers import Dense
    import keras22 as keras  # the page uses `keras.utils` without importing it

    # 对于具有 10 个类的单输入模型（多分类分类）：

    model = Sequential()
    model.add(Dense(32, activation='relu', input_dim=100))
    model.add(Dense(10, activation='softmax'))
    model.compile(optimizer='rmsprop',
                  loss='categorical_crossentropy',
                  metrics=['accuracy'])

    # 生成虚拟数据
    import numpy as np
    data = np.random.random((64, 100))
    labels = np.random.randint(10, size=(64, 1))

    # 将标签转换为分类的 one-hot 编码 (1000, 10)
    one_hot_labels = keras.utils.to_categorical(labels, num_classes=10)

    # 训练模型，以 32 个样本为一个 batch 进行迭代
    history = model.fit(data, one_hot_labels, epochs=1, batch_size=32)

    assert one_hot_labels.shape == (64, 10)
    np.testing.assert_array_equal(one_hot_labels.argmax(axis=1), labels[:, 0])
    assert sorted(history.history) == ['acc', 'loss']


# ---------------------------------------------------------------------------
# 典型样例 / 5.4 例子

def test_mlp_softmax_classification():
    # seed 000 (with `import keras`); seed 001 uses `keras.utils` unimported.
    import keras22 as keras
    from keras22.models import Sequential
    from keras22.layers import Dense, Dropout, Activation
    from keras22.optimizers import SGD

    # 生成虚拟数据
    import numpy as np
    x_train = np.random.random((64, 20))
    y_train = keras.utils.to_categorical(np.random.randint(10, size=(64, 1)), num_classes=10)
    x_test = np.random.random((16, 20))
    y_test = keras.utils.to_categorical(np.random.randint(10, size=(16, 1)), num_classes=10)

    model = Sequential()
    # Dense(64) 是一个具有 64 个隐藏神经元的全连接层。
    # 在第一层必须指定所期望的输入数据尺寸：
    # 在这里，是一个 20 维的向量。
    model.add(Dense(64, activation='relu', input_dim=20))
    model.add(Dropout(0.5))
    model.add(Dense(64, activation='relu'))
    model.add(Dropout(0.5))
    model.add(Dense(10, activation='softmax'))

    sgd = SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)
    model.compile(loss='categorical_crossentropy',
                  optimizer=sgd,
                  metrics=['accuracy'])

    model.fit(x_train, y_train,
              epochs=1,
              batch_size=128)
    score = model.evaluate(x_test, y_test, batch_size=128)

    assert len(score) == 2 and model.metrics_names == ['loss', 'acc']
    assert np.isfinite(score[0]) and 0.0 <= score[1] <= 1.0


def test_mlp_with_to_categorical_and_print(capsys):
    # seed 000 "基于多层感知器的二分类" (in fact 10 classes)
    from keras22.utils import to_categorical
    from keras22.models import Sequential
    from keras22.layers import Dense, Dropout
    from keras22.optimizers import SGD

    import numpy as np

    # 生成虚拟数据
    x_train = np.random.random((64, 20))
    y_train = to_categorical(np.random.randint(10, size=(64,1)),
                             num_classes=10)

    x_test = np.random.random((16,20))
    y_test = to_categorical(np.random.randint(10, size=(16,1)),
                             num_classes=10)

    # 创建模型
    model = Sequential()
    model.add(Dense(64, activation='relu', input_dim=20))
    model.add(Dropout(0.5))

    model.add(Dense(64, activation='relu'))
    model.add(Dropout(0.5))

    model.add(Dense(10, activation='softmax'))

    sgd = SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)

    # 编译模型
    model.compile(loss='categorical_crossentropy',
                 optimizer=sgd,
                 metrics=['accuracy'])

    # 拟合模型
    model.fit(x_train, y_train,
             epochs=1,
             batch_size=128)

    score = model.evaluate(x_test, y_test, batch_size=128)

    print(score)

    printed = capsys.readouterr().out.strip().splitlines()[-1]
    assert printed == str(score) and len(score) == 2


def test_mlp_binary_classification():
    # seed 001 "MLP的二分类"
    import numpy as np
    from keras22.models import Sequential
    from keras22.layers import Dense, Dropout

    # Generate dummy data
    x_train = np.random.random((64, 20))
    y_train = np.random.randint(2, size=(64, 1))
    x_test = np.random.random((16, 20))
    y_test = np.random.randint(2, size=(16, 1))

    model = Sequential()
    model.add(Dense(64, input_dim=20, activation='relu'))
    model.add(Dropout(0.5))
    model.add(Dense(64, activation='relu'))
    model.add(Dropout(0.5))
    model.add(Dense(1, activation='sigmoid'))

    model.compile(loss='binary_crossentropy',
                  optimizer='rmsprop',
                  metrics=['accuracy'])
    model.fit(x_train, y_train,
              epochs=1,
              batch_size=128)
    score = model.evaluate(x_test, y_test, batch_size=128)

    assert len(score) == 2 and 0.0 <= score[1] <= 1.0
    # Dropout is off at test time: predictions are deterministic.
    np.testing.assert_array_equal(model.predict(x_test), model.predict(x_test))


@needs('conv', 'pool')
def test_vgg_like_convnet():
    import numpy as np
    import keras22 as keras
    from keras22.models import Sequential
    from keras22.layers import Dense, Dropout, Flatten
    from keras22.layers import Conv2D, MaxPooling2D
    from keras22.optimizers import SGD

    # 生成虚拟数据
    x_train = np.random.random((8, 100, 100, 3))
    y_train = keras.utils.to_categorical(np.random.randint(10, size=(8, 1)), num_classes=10)
    x_test = np.random.random((4, 100, 100, 3))
    y_test = keras.utils.to_categorical(np.random.randint(10, size=(4, 1)), num_classes=10)

    model = Sequential()
    # 输入: 3 通道 100x100 像素图像 -> (100, 100, 3) 张量。
    # 使用 32 个大小为 3x3 的卷积滤波器。
    model.add(Conv2D(32, (3, 3), activation='relu', input_shape=(100, 100, 3)))
    model.add(Conv2D(32, (3, 3), activation='relu'))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.25))

    model.add(Conv2D(64, (3, 3), activation='relu'))
    model.add(Conv2D(64, (3, 3), activation='relu'))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.25))

    model.add(Flatten())
    model.add(Dense(256, activation='relu'))
    model.add(Dropout(0.5))
    model.add(Dense(10, activation='softmax'))

    sgd = SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)
    model.compile(loss='categorical_crossentropy', optimizer=sgd)

    model.fit(x_train, y_train, batch_size=32, epochs=1)
    score = model.evaluate(x_test, y_test, batch_size=32)

    # 100 -> 98 -> 96 -> 48 -> 46 -> 44 -> 22
    assert model.layers[8].output_shape == (None, 22 * 22 * 64)
    assert model.output_shape == (None, 10)
    assert np.ndim(score) == 0 and np.isfinite(score)


def _int_sequences(n, length, vocabulary):
    return np.random.randint(1, vocabulary, size=(n, length))


@needs('rnn')
def test_lstm_sequence_classification():
    from keras22.models import Sequential
    from keras22.layers import Dense, Dropout
    from keras22.layers import Embedding
    from keras22.layers import LSTM

    max_features = 1024

    # Undefined on the page: word-index sequences and binary labels.
    x_train = _int_sequences(32, 12, max_features)
    y_train = np.random.randint(2, size=(32, 1))
    x_test = _int_sequences(16, 12, max_features)
    y_test = np.random.randint(2, size=(16, 1))

    model = Sequential()
    model.add(Embedding(max_features, output_dim=256))
    model.add(LSTM(128))
    model.add(Dropout(0.5))
    model.add(Dense(1, activation='sigmoid'))

    model.compile(loss='binary_crossentropy',
                  optimizer='rmsprop',
                  metrics=['accuracy'])

    model.fit(x_train, y_train, batch_size=16, epochs=1)
    score = model.evaluate(x_test, y_test, batch_size=16)

    assert model.layers[0].output_shape == (None, None, 256)
    assert model.output_shape == (None, 1)
    assert len(score) == 2 and 0.0 <= score[1] <= 1.0


@needs('conv', 'pool')
def test_conv1d_sequence_classification():
    from keras22.models import Sequential
    from keras22.layers import Dense, Dropout
    from keras22.layers import Embedding
    from keras22.layers import Conv1D, GlobalAveragePooling1D, MaxPooling1D

    seq_length = 64

    x_train = np.random.random((16, seq_length, 100))
    y_train = np.random.randint(2, size=(16, 1))
    x_test = np.random.random((8, seq_length, 100))
    y_test = np.random.randint(2, size=(8, 1))

    model = Sequential()
    model.add(Conv1D(64, 3, activation='relu', input_shape=(seq_length, 100)))
    model.add(Conv1D(64, 3, activation='relu'))
    model.add(MaxPooling1D(3))
    model.add(Conv1D(128, 3, activation='relu'))
    model.add(Conv1D(128, 3, activation='relu'))
    model.add(GlobalAveragePooling1D())
    model.add(Dropout(0.5))
    model.add(Dense(1, activation='sigmoid'))

    model.compile(loss='binary_crossentropy',
                  optimizer='rmsprop',
                  metrics=['accuracy'])

    model.fit(x_train, y_train, batch_size=16, epochs=1)
    score = model.evaluate(x_test, y_test, batch_size=16)

    # 64 -> 62 -> 60 -> 20 -> 18 -> 16
    assert [l.output_shape for l in model.layers[:5]] == [
        (None, 62, 64), (None, 60, 64), (None, 20, 64), (None, 18, 128),
        (None, 16, 128)]
    assert len(score) == 2


@needs('rnn')
def test_stacked_lstm():
    from keras22.models import Sequential
    from keras22.layers import LSTM, Dense
    import numpy as np

    data_dim = 16
    timesteps = 8
    num_classes = 10

    # 期望输入数据尺寸: (batch_size, timesteps, data_dim)
    model = Sequential()
    model.add(LSTM(32, return_sequences=True,
                   input_shape=(timesteps, data_dim)))  # 返回维度为 32 的向量序列
    model.add(LSTM(32, return_sequences=True))  # 返回维度为 32 的向量序列
    model.add(LSTM(32))  # 返回维度为 32 的单个向量
    model.add(Dense(10, activation='softmax'))

    model.compile(loss='categorical_crossentropy',
                  optimizer='rmsprop',
                  metrics=['accuracy'])

    # 生成虚拟训练数据
    x_train = np.random.random((64, timesteps, data_dim))
    y_train = np.random.random((64, num_classes))

    # 生成虚拟验证数据
    x_val = np.random.random((16, timesteps, data_dim))
    y_val = np.random.random((16, num_classes))

    history = model.fit(x_train, y_train,
              batch_size=64, epochs=1,
              validation_data=(x_val, y_val))

    assert [l.output_shape for l in model.layers] == [
        (None, 8, 32), (None, 8, 32), (None, 32), (None, 10)]
    assert sorted(history.history) == ['acc', 'loss', 'val_acc', 'val_loss']


@needs('rnn')
def test_stateful_stacked_lstm():
    from keras22.models import Sequential
    from keras22.layers import LSTM, Dense
    import numpy as np

    data_dim = 16
    timesteps = 8
    num_classes = 10
    batch_size = 32

    # 期望输入数据尺寸: (batch_size, timesteps, data_dim)
    # 请注意，我们必须提供完整的 batch_input_shape，因为网络是有状态的。
    # 第 k 批数据的第 i 个样本是第 k-1 批数据的第 i 个样本的后续。
    model = Sequential()
    model.add(LSTM(32, return_sequences=True, stateful=True,
                   batch_input_shape=(batch_size, timesteps, data_dim)))
    model.add(LSTM(32, return_sequences=True, stateful=True))
    model.add(LSTM(32, stateful=True))
    model.add(Dense(10, activation='softmax'))

    model.compile(loss='categorical_crossentropy',
                  optimizer='rmsprop',
                  metrics=['accuracy'])

    # 生成虚拟训练数据
    x_train = np.random.random((batch_size * 2, timesteps, data_dim))
    y_train = np.random.random((batch_size * 2, num_classes))

    # 生成虚拟验证数据
    x_val = np.random.random((batch_size * 1, timesteps, data_dim))
    y_val = np.random.random((batch_size * 1, num_classes))

    history = model.fit(x_train, y_train,
              batch_size=batch_size, epochs=1, shuffle=False,
              validation_data=(x_val, y_val))

    assert model.input_shape == (32, 8, 16)
    assert model.output_shape == (32, 10)
    assert sorted(history.history) == ['acc', 'loss', 'val_acc', 'val_loss']
    # The states carry over between batches: the same batch twice in a row
    # gives different predictions until the states are reset.
    batch = x_val[:batch_size]
    model.reset_states()
    first = model.predict(batch, batch_size=batch_size)
    second = model.predict(batch, batch_size=batch_size)
    model.reset_states()
    again = model.predict(batch, batch_size=batch_size)
    assert not np.allclose(first, second)
    np.testing.assert_allclose(first, again, rtol=1e-5, atol=1e-6)
