"""Model.compile/fit/evaluate/predict as Keras 2.2 documented them."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22 import callbacks
from keras22.layers import Dense, Dropout, Input, Masking, Lambda
from keras22.models import Model, Sequential
from keras22.engine.training import NotCompiledError


def separable_data(n=200, dim=4, seed=0):
    rng = np.random.RandomState(seed)
    x = rng.randn(n, dim).astype('float32')
    y = (x[:, 0] + x[:, 1] > 0).astype('int32')
    return x, y


def small_binary_model(dim=4):
    model = Sequential()
    model.add(Dense(16, activation='relu', input_dim=dim))
    model.add(Dense(1, activation='sigmoid'))
    return model


def test_learning_loss_falls_and_accuracy_rises():
    x, y = separable_data()
    model = small_binary_model()
    model.compile('adam', 'binary_crossentropy', metrics=['accuracy'])
    history = model.fit(x, y, epochs=15, batch_size=16, verbose=0)
    assert history.history['loss'][-1] < history.history['loss'][0] * 0.7
    assert history.history['acc'][-1] > 0.9
    loss, acc = model.evaluate(x, y, verbose=0)
    assert acc > 0.9 and loss < history.history['loss'][0]


def test_history_keys_single_and_multi_output():
    x, y = separable_data(64)
    model = small_binary_model()
    model.compile('sgd', 'binary_crossentropy', metrics=['acc', 'mse'])
    history = model.fit(x, y, epochs=2, verbose=0, validation_split=0.25)
    assert set(history.history) == {
        'loss', 'acc', 'mean_squared_error',
        'val_loss', 'val_acc', 'val_mean_squared_error'}
    assert history.epoch == [0, 1]
    assert model.metrics_names == ['loss', 'acc', 'mean_squared_error']

    a = Input(shape=(4,))
    h = Dense(8)(a)
    out1 = Dense(1, name='main')(h)
    out2 = Dense(3, activation='softmax', name='aux')(h)
    model = Model(a, [out1, out2])
    model.compile('rmsprop', loss={'main': 'mse',
                                   'aux': 'categorical_crossentropy'},
                  loss_weights={'main': 1., 'aux': 0.5}, metrics=['acc'])
    y2 = np.eye(3)[np.arange(64) % 3]
    history = model.fit(x, {'main': y[:, None], 'aux': y2}, epochs=1,
                        verbose=0, validation_data=(x, [y[:, None], y2]))
    assert set(history.history) == {
        'loss', 'main_loss', 'aux_loss', 'main_acc', 'aux_acc',
        'val_loss', 'val_main_loss', 'val_aux_loss', 'val_main_acc',
        'val_aux_acc'}
    loss, main_loss, aux_loss = model.evaluate(
        x, [y[:, None], y2], verbose=0)[:3]
    np.testing.assert_allclose(loss, main_loss + 0.5 * aux_loss, rtol=1e-4)


def test_accuracy_resolution_by_loss():
    x = np.random.rand(12, 3).astype('float32')
    labels = np.arange(12) % 3
    inp = Input(shape=(3,))
    out = Dense(3, activation='softmax')(inp)
    sparse = Model(inp, out)
    sparse.compile('sgd', 'sparse_categorical_crossentropy', metrics=['acc'])
    onehot = Model(inp, out)
    onehot.compile('sgd', 'categorical_crossentropy', metrics=['acc'])
    preds = sparse.predict(x)
    expected = np.mean(preds.argmax(-1) == labels)
    np.testing.assert_allclose(sparse.evaluate(x, labels, verbose=0)[1],
                               expected, rtol=1e-5)
    np.testing.assert_allclose(
        onehot.evaluate(x, np.eye(3)[labels], verbose=0)[1], expected,
        rtol=1e-5)


def test_validation_split_is_taken_from_the_end_before_shuffling():
    x = np.arange(20, dtype='float32').reshape(10, 2)
    y = np.arange(10, dtype='float32').reshape(10, 1)
    seen = {}

    class Spy(callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            # Keras 2.2 sets validation_data after on_train_begin.
            seen['val'] = self.validation_data

    model = Sequential([Dense(1, input_dim=2)])
    model.compile('sgd', 'mse')
    model.fit(x, y, epochs=1, validation_split=0.3, verbose=0,
              callbacks=[Spy()])
    np.testing.assert_array_equal(seen['val'][0], x[7:])
    np.testing.assert_array_equal(seen['val'][1], y[7:])


def test_sample_weight_zero_ignores_samples():
    x = np.ones((4, 1), 'float32')
    y = np.array([[0.], [0.], [10.], [10.]], 'float32')
    model = Sequential([Dense(1, input_dim=1, kernel_initializer='zeros',
                              bias_initializer='zeros')])
    model.compile('sgd', 'mse')
    weights = np.array([1., 1., 0., 0.])
    assert model.evaluate(x, y, sample_weight=weights, verbose=0) == \
        pytest.approx(0.)
    assert model.evaluate(x, y, verbose=0) == pytest.approx(50.)
    # class_weight maps labels to weights the same way
    yc = np.array([[0.], [0.], [1.], [1.]], 'float32')
    model.compile('sgd', 'binary_crossentropy')
    full = model.evaluate(x, yc, verbose=0)
    model.fit(x, yc, class_weight={0: 1., 1: 0.}, epochs=1, verbose=0)
    assert np.isfinite(full)


def test_temporal_sample_weights():
    x = np.random.rand(6, 5, 2).astype('float32')
    y = np.random.rand(6, 5, 1).astype('float32')
    inp = Input(shape=(5, 2))
    model = Model(inp, Dense(1)(inp))
    model.compile('sgd', 'mse', sample_weight_mode='temporal')
    weights = np.zeros((6, 5))
    weights[:, 0] = 1.
    loss = model.evaluate(x, y, sample_weight=weights, verbose=0)
    pred = model.predict(x)
    # Only the first timestep counts; its mean error is the loss.
    expected = np.mean((pred[:, 0] - y[:, 0]) ** 2)
    np.testing.assert_allclose(loss, expected, rtol=1e-4)
    with pytest.raises(ValueError, match='2D sample_weight'):
        model.fit(x, y, sample_weight=np.ones(6), verbose=0)


def test_on_batch_methods_and_return_types():
    x, y = separable_data(8)
    model = small_binary_model()
    model.compile('sgd', 'binary_crossentropy')
    loss = model.train_on_batch(x, y)
    assert np.ndim(loss) == 0
    assert np.ndim(model.test_on_batch(x, y)) == 0
    assert model.predict_on_batch(x).shape == (8, 1)
    model.compile('sgd', 'binary_crossentropy', metrics=['acc'])
    assert len(model.train_on_batch(x, y)) == 2
    assert len(model.test_on_batch(x, y)) == 2


def test_compiled_functions_traced_once_with_partial_batches():
    x, y = separable_data(50)
    model = small_binary_model()
    model.compile('adam', 'binary_crossentropy', metrics=['acc'])
    model.fit(x, y, batch_size=16, epochs=3, verbose=0,
              validation_data=(x[:7], y[:7]))
    model.predict(x, batch_size=16)
    model.predict(x[:3])
    assert model.train_function.trace_count == 1
    assert model.test_function.trace_count == 1
    assert model.predict_function.trace_count == 1


def test_initial_epoch_steps_and_batch_shuffle():
    x, y = separable_data(32)
    model = small_binary_model()
    model.compile('sgd', 'binary_crossentropy')
    history = model.fit(x, y, epochs=4, initial_epoch=2, verbose=0)
    assert history.epoch == [2, 3]
    history = model.fit(x, y, epochs=2, steps_per_epoch=3, verbose=0)
    assert len(history.history['loss']) == 2
    history = model.fit(x, y, epochs=1, shuffle='batch', batch_size=8,
                        verbose=0)
    assert len(history.history['loss']) == 1


def test_verbose_progress_output(capsys):
    x, y = separable_data(40)
    model = small_binary_model()
    model.compile('sgd', 'binary_crossentropy', metrics=['acc'])
    model.fit(x, y, epochs=2, batch_size=10, verbose=1)
    out = capsys.readouterr().out
    assert 'Epoch 1/2' in out and 'Epoch 2/2' in out
    assert '40/40 [==============================]' in out
    assert '- loss:' in out and '- acc:' in out
    model.fit(x, y, epochs=1, verbose=2)
    out = capsys.readouterr().out
    assert 'Epoch 1/1' in out and ' - loss:' in out and '[' not in out


def test_dropout_only_in_training():
    inp = Input(shape=(100,))
    model = Model(inp, Dropout(0.5)(inp))
    x = np.ones((4, 100), 'float32')
    np.testing.assert_allclose(model.predict(x), x)
    f = K.function([inp, K.learning_phase()], [model.output])
    out = f([x, 1])[0]
    assert set(np.unique(out)) <= {0., 2.} and (out == 0).any()


def test_trainable_change_takes_effect_at_next_compile():
    x, y = separable_data(16)
    model = small_binary_model()
    model.compile('sgd', 'binary_crossentropy')
    first = model.layers[0]
    first.trainable = False
    before = first.get_weights()[0].copy()
    with pytest.warns(UserWarning, match='Discrepancy'):
        model.fit(x, y, epochs=1, verbose=0)
    assert not np.allclose(before, first.get_weights()[0])
    model.compile('sgd', 'binary_crossentropy')
    before = first.get_weights()[0].copy()
    model.fit(x, y, epochs=1, verbose=0)
    np.testing.assert_allclose(before, first.get_weights()[0])
    assert len(model.trainable_weights) == 2


def test_masking_reaches_the_loss():
    x = np.random.rand(4, 3, 2).astype('float32')
    x[:, 2] = 0.
    y = np.random.rand(4, 3, 1).astype('float32')
    inp = Input(shape=(3, 2))
    masked = Masking(0.)(inp)
    out = Lambda(lambda t: t[:, :, :1], mask=lambda i, m: m)(masked)
    model = Model(inp, out)
    model.compile('sgd', 'mse')
    loss = model.evaluate(x, y, verbose=0)
    pred = model.predict(x)
    expected = np.mean((pred[:, :2] - y[:, :2]) ** 2)
    np.testing.assert_allclose(loss, expected, rtol=1e-4)


def test_add_loss_and_regularizers_join_total_loss():
    inp = Input(shape=(2,))
    dense = Dense(1, kernel_initializer='ones', kernel_regularizer='l2',
                  use_bias=False)
    model = Model(inp, dense(inp))
    model.compile('sgd', 'mse')
    x = np.zeros((3, 2), 'float32')
    y = np.zeros((3, 1), 'float32')
    np.testing.assert_allclose(model.evaluate(x, y, verbose=0), 0.02,
                               rtol=1e-5)  # 0.01 * (1 + 1)
    assert len(model.losses) == 1


def test_target_tensors():
    inp = Input(shape=(2,))
    model = Model(inp, Dense(1, kernel_initializer='zeros')(inp))
    target = K.variable(np.ones((4, 1)))
    model.compile('sgd', 'mse', target_tensors=[target])
    loss = model.train_on_batch(np.zeros((4, 2), 'float32'), None)
    np.testing.assert_allclose(loss, 1.)


def test_errors_before_work():
    x, y = separable_data(10)
    model = small_binary_model()
    with pytest.raises(RuntimeError, match='compile'):
        model.fit(x, y, verbose=0)
    with pytest.raises(NotCompiledError):
        model.evaluate(x, y, verbose=0)
    model.compile('sgd', 'binary_crossentropy')
    with pytest.raises(ValueError, match=r'expected dense_\d+_input to have '
                                         r'shape \(4,\) but got array with '
                                         r'shape \(3,\)'):
        model.fit(x[:, :3], y, verbose=0)
    with pytest.raises(ValueError, match='same number of samples'):
        model.fit(x, y[:5], verbose=0)
    with pytest.raises(ValueError, match='Expected to see 1 array'):
        model.fit([x, x], y, verbose=0)
    with pytest.raises(ValueError, match='Unknown loss function'):
        model.compile('sgd', 'no_such_loss')
    with pytest.raises(ValueError, match='Unknown optimizer'):
        model.compile('no_such_optimizer', 'mse')
    with pytest.raises(ValueError, match='Unknown metric'):
        model.compile('sgd', 'mse', metrics=['no_such_metric'])
    with pytest.raises(ValueError, match='Unknown activation'):
        Dense(2, activation='no_such_activation')
    with pytest.raises(ValueError, match="isn't a symbolic tensor"):
        Dense(2)(np.ones((2, 2)))
    with pytest.raises(ValueError, match='incompatible with layer'):
        dense = Dense(2)
        dense(Input(shape=(3,)))
        dense(Input(shape=(4,)))
    with pytest.raises(TypeError, match='not understood'):
        Dense(2, bogus_argument=1)
    with pytest.raises(ValueError, match='Error when checking target: '
                                         r'expected dense_\d+ to have shape'):
        clf = Sequential([Dense(3, activation='softmax', input_dim=4)])
        clf.compile('sgd', 'categorical_crossentropy')
        clf.fit(x, y, verbose=0)


def test_check_array_length_consistency_counts_missing_arrays_as_zero():
    from keras22.engine import training_utils
    a = np.zeros((4, 3))
    b = np.zeros((3, 2))
    training_utils.check_array_length_consistency(None, None, None)
    training_utils.check_array_length_consistency(a, a, a)
    training_utils.check_array_length_consistency([a, a], [a], [a])
    training_utils.check_array_length_consistency([None], [None], [None])
    for args in [(a, None, None), (a, a, None), ([a], [None], None),
                 ([a], [b], None), ([a], None, [b]), ([a, b], None, None)]:
        with pytest.raises(ValueError):
            training_utils.check_array_length_consistency(*args)


def test_sample_weight_mode_dict_must_name_every_output():
    a = Input(shape=(3,))
    model = Model(a, [Dense(2, name='out_a')(a), Dense(2, name='out_b')(a)])
    with pytest.raises(ValueError, match='"out_b" missing'):
        model.compile('sgd', 'mse', sample_weight_mode={'out_a': None})
    with pytest.raises(ValueError, match='Unknown entry'):
        model.compile('sgd', 'mse', sample_weight_mode={'nope': None})
    model.compile('sgd', 'mse', sample_weight_mode={'out_a': None,
                                                    'out_b': None})
    # An output without a loss needs no mode.
    with pytest.warns(UserWarning, match='missing from loss dictionary'):
        model.compile('sgd', loss={'out_a': 'mse'},
                      sample_weight_mode={'out_a': None})


def test_single_target_tensor_for_several_outputs_is_refused():
    a = Input(shape=(3,))
    model = Model(a, [Dense(2, name='out_a')(a), Dense(2, name='out_b')(a)])
    target = K.variable(np.zeros((4, 2)))
    with pytest.raises(ValueError, match='2 outputs, but you passed a single '
                                         'tensor as `target_tensors`'):
        model.compile('sgd', 'mse', target_tensors=target)
    model.compile('sgd', 'mse', target_tensors=[target, target])
    # The targets come from the tensors: no target arrays to feed.
    loss = model.train_on_batch(np.zeros((4, 3)), None)
    assert np.all(np.isfinite(loss))


def test_set_inputs_refuses_a_model_with_inputs_and_rebuilds_without():
    x = Input(shape=(4,))
    model = Model(x, Dense(2)(x))
    with pytest.raises(ValueError, match='already set'):
        model._set_inputs(model.inputs)
    reference = model.predict(np.ones((1, 4)))
    model.inputs = None
    model._set_inputs(x)
    np.testing.assert_allclose(model.predict(np.ones((1, 4))), reference,
                               rtol=1e-6)
