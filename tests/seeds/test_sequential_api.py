"""Seed 003 ("Sequential 模型 API"), the same methods in seeds 000 and 002,
and seed 001 #18 ("Sequential模型接口"): the one complete example (#18's
compile) and the behaviour the pages state in prose (errors raised,
`get_layer` preferring `index`, return values). The generator example is
in test_generators_guide.py, the signatures in test_signatures.py."""
import numpy as np
import pytest


def test_compile_example():
    # seed 001 #18
    from keras22.models import Sequential
    from keras22.layers import Dense

    model = Sequential()
    model.add(Dense(32, input_shape=(500,)))
    model.add(Dense(10, activation='softmax'))
    model.compile(optimizer='rmsprop',
          loss='categorical_crossentropy',
          metrics=['accuracy'])

    assert model.metrics_names == ['loss', 'acc']
    x = np.random.random((4, 500))
    y = np.eye(10)[[0, 1, 2, 3]]
    loss, acc = model.train_on_batch(x, y)
    assert np.isfinite(loss) and 0.0 <= acc <= 1.0


def _model():
    from keras22.models import Sequential
    from keras22.layers import Dense
    model = Sequential()
    model.add(Dense(8, input_shape=(5,), name='first'))
    model.add(Dense(3, activation='softmax', name='second'))
    return model


def test_fit_before_compile_raises_runtime_error():
    # "RuntimeError: 如果模型从未编译。"
    model = _model()
    with pytest.raises(RuntimeError):
        model.fit(np.zeros((2, 5)), np.zeros((2, 3)))


def test_fit_with_mismatched_data_raises_value_error():
    # "ValueError: 在提供的输入数据与模型期望的不匹配的情况下。"
    model = _model()
    model.compile('sgd', 'mse')
    with pytest.raises(ValueError):
        model.fit(np.zeros((2, 6)), np.zeros((2, 3)))


def test_return_values():
    model = _model()
    model.compile('sgd', 'categorical_crossentropy', metrics=['accuracy'])
    x, y = np.random.random((6, 5)), np.eye(3)[[0, 1, 2, 0, 1, 2]]
    history = model.fit(x, y, epochs=2, verbose=0, validation_data=(x, y))
    # "一个 History 对象。其 History.history 属性是连续 epoch 训练损失和评估值..."
    assert sorted(history.history) == ['acc', 'loss', 'val_acc', 'val_loss']
    assert all(len(v) == 2 for v in history.history.values())
    # "标量列表（如果模型具有多个输出和/或指标）"
    assert len(model.evaluate(x, y, verbose=0)) == 2
    assert len(model.test_on_batch(x, y)) == 2
    model.compile('sgd', 'categorical_crossentropy')
    # "标量测试误差（如果模型只有单个输出且没有评估指标）"
    assert np.ndim(model.evaluate(x, y, verbose=0)) == 0
    assert np.ndim(model.train_on_batch(x, y)) == 0
    assert model.predict(x).shape == model.predict_on_batch(x).shape == (6, 3)
    # initial_epoch: "到第 epochs 轮停止训练"
    history = model.fit(x, y, epochs=3, initial_epoch=1, verbose=0)
    assert history.epoch == [1, 2]


def test_get_layer():
    model = _model()
    # "如果同时提供了 name 和 index，则 index 将优先。"
    assert model.get_layer(name='first').name == 'first'
    assert model.get_layer(index=1).name == 'second'
    assert model.get_layer(name='first', index=1).name == 'second'
    # "ValueError: 如果层的名称或索引不正确。"
    with pytest.raises(ValueError):
        model.get_layer(name='missing')
    with pytest.raises(ValueError):
        model.get_layer(index=5)


def test_generator_methods_with_sequence():
    # "keras.utils.Sequence 的使用可以保证数据的顺序" ... "可选参数 Sequence：
    # 如果未指定，将使用 len(generator) 作为步数。"
    import keras22 as keras
    model = _model()
    model.compile('sgd', 'categorical_crossentropy', metrics=['accuracy'])

    class Batches(keras.utils.Sequence):
        def __len__(self):
            return 3

        def __getitem__(self, index):
            x = np.full((2, 5), float(index))
            return x, np.eye(3)[[index, index]]

    history = model.fit_generator(Batches(), epochs=1, verbose=0)
    assert sorted(history.history) == ['acc', 'loss']
    assert len(model.evaluate_generator(Batches())) == 2
    predictions = model.predict_generator(
        (b[0] for b in (Batches()[i] for i in range(3))), steps=3)
    assert predictions.shape == (6, 3)
    np.testing.assert_allclose(predictions[4],
                               model.predict(np.full((1, 5), 2.))[0],
                               rtol=1e-5)
