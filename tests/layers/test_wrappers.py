"""TimeDistributed and Bidirectional against NumPy: reshape and loop paths,
unknown time dimensions, inner models, masks; merge modes, states,
stateful use, weight order, configs and errors."""
import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import layers
from keras22.layers import (GRU, LSTM, Bidirectional, Dense, Dropout,
                            Embedding, Input, Masking, SimpleRNN,
                            TimeDistributed, Wrapper)
from keras22.models import Model, Sequential, model_from_json
from keras22.utils.test_utils import layer_test

from rnn_reference import (gru_step, lstm_step, random_weights, run,
                           simple_step)

BATCH, STEPS, DIM, UNITS = 3, 4, 3, 2
X = np.random.RandomState(7).uniform(-1, 1, (BATCH, STEPS, DIM)).astype(
    'float32')


# ----------------------------------------------------------------------
# TimeDistributed.

def test_time_distributed_dense_matches_numpy():
    layer = TimeDistributed(Dense(UNITS, activation='tanh'))
    x = Input((STEPS, DIM))
    model = Model(x, layer(x))
    kernel, bias = random_weights(layer)
    assert_allclose(model.predict(X), np.tanh(X @ kernel + bias), atol=1e-6)
    assert layer.compute_output_shape((None, STEPS, DIM)) == (
        None, STEPS, UNITS)
    assert layer.trainable_weights == layer.layer.trainable_weights


def test_time_distributed_unknown_time_dimension():
    x = Input((None, DIM))
    layer = TimeDistributed(Dense(UNITS))
    y = layer(x)
    assert K.int_shape(y) == (None, None, UNITS)
    model = Model(x, y)
    kernel, bias = random_weights(layer)
    for steps in (2, 5):
        data = np.ones((2, steps, DIM), 'float32')
        assert_allclose(model.predict(data), data @ kernel + bias, atol=1e-6)


def test_time_distributed_model_with_unknown_time():
    inner_input = Input((DIM,))
    hidden = Dense(4, activation='relu')(inner_input)
    inner = Model(inner_input, Dense(UNITS)(Dropout(0.5)(hidden)))
    x = Input((None, DIM))
    y = TimeDistributed(inner)(x)
    model = Model(x, y)
    w1, b1, w2, b2 = random_weights(inner)
    expected = np.maximum(X @ w1 + b1, 0) @ w2 + b2
    assert_allclose(model.predict(X), expected, atol=1e-5)
    # The inner model's weights are shared, once.
    assert len(model.get_weights()) == 4
    model.compile('sgd', 'mse')
    model.fit(X, np.zeros((BATCH, STEPS, UNITS)), epochs=1, verbose=0)


def test_time_distributed_fixed_batch_uses_the_loop():
    x = Input(batch_shape=(BATCH, STEPS, DIM))
    layer = TimeDistributed(Dense(UNITS))
    model = Model(x, layer(x))
    kernel, bias = random_weights(layer)
    assert_allclose(model.predict(X, batch_size=BATCH), X @ kernel + bias,
                    atol=1e-6)
    # Stateful models keep their fixed batch: TimeDistributed before a
    # stateful LSTM, as in Keras 2.2's examples.
    model = Sequential([
        TimeDistributed(Dense(4), batch_input_shape=(BATCH, STEPS, DIM)),
        LSTM(UNITS, stateful=True)])
    model.compile('sgd', 'mse')
    model.fit(X, np.zeros((BATCH, UNITS)), batch_size=BATCH, epochs=1,
              shuffle=False, verbose=0)


def test_time_distributed_model_with_fixed_batch():
    inner_input = Input((DIM,))
    inner = Model(inner_input, Dense(UNITS, activation='relu')(inner_input))
    x = Input(batch_shape=(BATCH, STEPS, DIM))
    model = Model(x, TimeDistributed(inner)(x))
    kernel, bias = random_weights(inner)
    assert_allclose(model.predict(X, batch_size=BATCH),
                    np.maximum(X @ kernel + bias, 0), atol=1e-6)


def test_time_distributed_masks():
    x = Input((STEPS, DIM))
    masked = Masking(0.)(x)
    dense = TimeDistributed(Dense(UNITS))
    y = dense(masked)
    assert dense.output_mask is not None
    lstm = LSTM(UNITS)
    model = Model(x, lstm(y))
    data = X.copy()
    data[0, 2:] = 0.
    short_input = Input((2, DIM))
    short = Model(short_input, lstm(dense(short_input)))
    assert_allclose(model.predict(data)[0], short.predict(data[:1, :2])[0],
                    atol=1e-6)
    # An inner layer that makes masks: Embedding(mask_zero) per step.
    tokens = Input((None, 2), dtype='int32')
    wrapped = TimeDistributed(Embedding(5, 3, mask_zero=True))
    wrapped(tokens)
    assert K.int_shape(wrapped.output_mask) == (None, None, 2)
    mask = K.function([tokens], [wrapped.output_mask])(
        [np.array([[[1, 0]] * STEPS])])[0]
    assert mask.shape == (1, STEPS, 2)
    assert mask[0, 0].tolist() == [True, False]


def test_time_distributed_errors_and_config():
    with pytest.raises(ValueError, match='time_distributed_1.*3-D'):
        TimeDistributed(Dense(2))(Input((DIM,)))
    with pytest.raises(TypeError, match='Layer instance'):
        TimeDistributed('dense')
    layer = TimeDistributed(Dense(UNITS, kernel_regularizer='l2'))
    config = layer.get_config()
    assert config['layer']['class_name'] == 'Dense'
    clone = layers.deserialize(layers.serialize(layer))
    assert isinstance(clone.layer, Dense) and clone.layer.units == UNITS
    layer_test(TimeDistributed, kwargs={'layer': Dense(2)},
               input_shape=(2, STEPS, DIM))


def test_wrapper_keeps_the_inner_layer_frozen():
    inner = Dense(2, trainable=False)
    wrapped = TimeDistributed(inner)
    assert not wrapped.trainable and not inner.trainable
    wrapped(Input((STEPS, DIM)))
    assert wrapped.trainable_weights == []
    assert len(wrapped.non_trainable_weights) == 2
    assert isinstance(wrapped, Wrapper)


def test_time_distributed_regularization_counted_once():
    layer = TimeDistributed(Dense(UNITS, activity_regularizer='l1',
                                  kernel_regularizer='l2'))
    x = Input((STEPS, DIM))
    model = Model(x, layer(x))
    # The kernel penalty, and the activity penalty of the whole output
    # (Keras 2.2 dropped it).
    assert len(model.losses) == 2
    wrapper = Bidirectional(LSTM(UNITS, activity_regularizer='l2',
                                 recurrent_regularizer='l1'))
    Model(x, wrapper(x))
    assert len(wrapper.losses) == 3


# ----------------------------------------------------------------------
# Bidirectional.

def np_layer(layer, weights):
    name = type(layer).__name__
    if name == 'SimpleRNN':
        return simple_step(*weights)
    if name == 'GRU':
        return gru_step(*weights, reset_after=layer.reset_after)
    return lstm_step(*weights)


def bidirectional_reference(wrapper, weights, x, states=None):
    half = len(weights) // 2
    forward, backward = wrapper.forward_layer, wrapper.backward_layer
    n_states = len(forward.states)
    if states is None:
        states = [np.zeros((x.shape[0], UNITS))] * (2 * n_states)
    y, fwd_states = run(np_layer(forward, weights[:half]), x,
                        states[:n_states])
    y_rev, bwd_states = run(np_layer(backward, weights[half:]), x,
                            states[n_states:], backwards=True)
    return y, y_rev, fwd_states + bwd_states


MERGES = {'concat': lambda a, b: np.concatenate([a, b], -1),
          'sum': lambda a, b: a + b,
          'mul': lambda a, b: a * b,
          'ave': lambda a, b: (a + b) / 2}


@pytest.mark.parametrize('merge_mode', ['concat', 'sum', 'mul', 'ave', None])
def test_bidirectional_merge_modes(merge_mode):
    wrapper = Bidirectional(GRU(UNITS, return_sequences=True),
                            merge_mode=merge_mode)
    x = Input((STEPS, DIM))
    model = Model(x, wrapper(x))
    weights = random_weights(wrapper)
    y, y_rev, _ = bidirectional_reference(wrapper, weights, X)
    y_rev = y_rev[:, ::-1]
    got = model.predict(X)
    if merge_mode is None:
        assert_allclose(got[0], y, atol=1e-5)
        assert_allclose(got[1], y_rev, atol=1e-5)
    else:
        assert_allclose(got, MERGES[merge_mode](y, y_rev), atol=1e-5)
        expected_shape = (None, STEPS, 2 * UNITS if merge_mode == 'concat'
                          else UNITS)
        assert wrapper.compute_output_shape((None, STEPS, DIM)) == \
            expected_shape


def test_bidirectional_last_output_and_weights_order():
    wrapper = Bidirectional(LSTM(UNITS))
    x = Input((STEPS, DIM))
    model = Model(x, wrapper(x))
    weights = random_weights(wrapper)
    assert wrapper.weights[:3] == wrapper.forward_layer.weights
    assert wrapper.weights[3:] == wrapper.backward_layer.weights
    assert wrapper.forward_layer.name.startswith('forward_')
    assert wrapper.backward_layer.name.startswith('backward_')
    assert wrapper.backward_layer.go_backwards
    y, y_rev, _ = bidirectional_reference(wrapper, weights, X)
    assert_allclose(model.predict(X),
                    np.concatenate([y[:, -1], y_rev[:, -1]], -1), atol=1e-5)


def test_bidirectional_return_state_and_initial_states():
    wrapper = Bidirectional(LSTM(UNITS, return_state=True))
    x = Input((STEPS, DIM))
    states_in = [Input((UNITS,)) for _ in range(4)]
    outputs = wrapper(x, initial_state=states_in)
    assert len(outputs) == 5
    assert wrapper.compute_output_shape((None, STEPS, DIM)) == [
        (None, 2 * UNITS)] + [(None, UNITS)] * 4
    model = Model([x] + states_in, outputs)
    weights = random_weights(wrapper)
    rng = np.random.RandomState(1)
    states = [rng.uniform(-1, 1, (BATCH, UNITS)) for _ in range(4)]
    y, y_rev, final = bidirectional_reference(wrapper, weights, X, states)
    got = model.predict([X] + states)
    assert_allclose(got[0], np.concatenate([y[:, -1], y_rev[:, -1]], -1),
                    atol=1e-5)
    for g, e in zip(got[1:], final):
        assert_allclose(g, e, atol=1e-5)
    clone = Model.from_config(model.get_config())
    clone.set_weights(model.get_weights())
    assert_allclose(clone.predict([X] + states)[0], got[0], atol=1e-6)
    with pytest.raises(ValueError, match='even number'):
        Bidirectional(GRU(UNITS))(x, initial_state=[Input((UNITS,))])


def test_bidirectional_with_plain_initial_states():
    wrapper = Bidirectional(SimpleRNN(UNITS), merge_mode='sum')
    rng = np.random.RandomState(2)
    states = [rng.uniform(-1, 1, (BATCH, UNITS)).astype('float32')
              for _ in range(2)]
    out = wrapper(K.constant(X), initial_state=[K.constant(s)
                                                for s in states])
    y, y_rev, _ = bidirectional_reference(wrapper, wrapper.get_weights(), X,
                                          states)
    assert_allclose(K.eval(out), y[:, -1] + y_rev[:, -1], atol=1e-5)


def test_bidirectional_masks():
    x = Input((STEPS, DIM))
    wrapper = Bidirectional(LSTM(UNITS, return_sequences=True),
                            merge_mode=None)
    outputs = wrapper(Masking(0.)(x))
    assert all(m is not None for m in wrapper.output_mask)
    model = Model(x, outputs)
    weights = random_weights(wrapper)
    data = X.copy()
    data[:, -1] = 0.
    half = len(weights) // 2
    # A masked last step: the backward layer starts at step 3.
    y_rev, _ = run(lstm_step(*weights[half:]), data[:, :-1],
                   [np.zeros((BATCH, UNITS))] * 2, backwards=True)
    got = model.predict(data)[1]
    assert_allclose(got[:, :-1], y_rev[:, ::-1], atol=1e-5)


def test_bidirectional_stateful():
    layer = LSTM(UNITS, stateful=True, return_sequences=True)
    model = Sequential([Bidirectional(layer, batch_input_shape=(BATCH, 2,
                                                                 DIM))])
    wrapper = model.layers[0]
    assert wrapper.stateful and model.stateful
    random_weights(wrapper)
    first = model.predict(X[:, :2], batch_size=BATCH)
    second = model.predict(X[:, :2], batch_size=BATCH)
    assert not np.allclose(first, second)
    model.reset_states()
    assert_allclose(model.predict(X[:, :2], batch_size=BATCH), first,
                    atol=1e-6)


def test_bidirectional_config_weights_and_trainable():
    wrapper = Bidirectional(GRU(UNITS, reset_after=True), merge_mode='ave',
                            input_shape=(STEPS, DIM))
    model = Sequential([wrapper])
    config = wrapper.get_config()
    assert config['merge_mode'] == 'ave'
    assert config['layer']['config']['reset_after'] is True
    clone = model_from_json(model.to_json())
    clone.set_weights(model.get_weights())
    assert_allclose(clone.predict(X), model.predict(X), atol=1e-6)
    values = [np.full(w.shape, 0.1) for w in wrapper.get_weights()]
    given = Bidirectional(GRU(UNITS, reset_after=True), weights=values)
    given(Input((STEPS, DIM)))
    for got, want in zip(given.get_weights(), values):
        assert_allclose(got, want)
    wrapper.trainable = False
    assert wrapper.trainable_weights == []
    assert len(wrapper.non_trainable_weights) == 6
    assert not wrapper.forward_layer.trainable
    with pytest.raises(ValueError, match='merge mode'):
        Bidirectional(GRU(2), merge_mode='max')
    layer_test(Bidirectional, kwargs={'layer': SimpleRNN(2),
                                      'merge_mode': 'sum'},
               input_shape=(2, STEPS, DIM))


def test_bidirectional_constants():
    from test_recurrent import AttentionCell
    from keras22.utils import CustomObjectScope
    x, memory = Input((STEPS, DIM)), Input((2,))
    with CustomObjectScope({'AttentionCell': AttentionCell}):
        wrapper = Bidirectional(layers.RNN(AttentionCell(UNITS)))
    y = wrapper(x, constants=memory)
    model = Model([x, memory], y)
    assert K.int_shape(y) == (None, 2 * UNITS)
    config = wrapper.get_config()
    assert config['num_constants'] == 1
    weights = random_weights(wrapper)
    context = np.random.RandomState(3).uniform(-1, 1, (BATCH, 2))

    def step_with(w):
        def step(x_t, states):
            h = x_t @ w[0] + states[0] @ w[2] + context @ w[1]
            return h, [h]
        return step
    zeros = [np.zeros((BATCH, UNITS))]
    y_fwd, _ = run(step_with(weights[:3]), X, zeros)
    y_bwd, _ = run(step_with(weights[3:]), X, zeros, backwards=True)
    assert_allclose(model.predict([X, context]),
                    np.concatenate([y_fwd[:, -1], y_bwd[:, -1]], -1),
                    atol=1e-5)
