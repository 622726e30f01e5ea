"""RNN, StackedRNNCells, SimpleRNN/GRU/LSTM and their cells against NumPy
step-by-step references; masks, directions, unrolling, states, constants,
stateful layers, dropout, configs, Keras 1 arguments and errors."""
import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import layers, regularizers
from keras22.engine.base_layer import Layer
from keras22.layers import (GRU, GRUCell, LSTM, LSTMCell, RNN, Dense,
                            Embedding, Input, Masking, SimpleRNN,
                            SimpleRNNCell, StackedRNNCells)
from keras22.models import Model, Sequential, model_from_json
from keras22.utils.test_utils import layer_test

from rnn_reference import (gru_step, hard_sigmoid, lstm_step, random_weights,
                           run, simple_step)

BATCH, STEPS, DIM, UNITS = 3, 4, 3, 5


def data(*shape, seed=1):
    return np.random.RandomState(seed).uniform(-1, 1, shape).astype(
        'float32')


X = data(BATCH, STEPS, DIM)


def reference_step(layer, weights):
    """The NumPy step of a built SimpleRNN / GRU / LSTM layer."""
    name = type(layer).__name__
    bias = weights[2] if len(weights) == 3 else None
    if name == 'SimpleRNN':
        return simple_step(weights[0], weights[1], bias)
    if name == 'GRU':
        return gru_step(weights[0], weights[1], bias, layer.reset_after)
    return lstm_step(weights[0], weights[1], bias)


def zero_states(layer, batch=BATCH):
    return [np.zeros((batch, UNITS)) for _ in layer.states]


def build_model(layer, timesteps=STEPS):
    x = Input((timesteps, DIM))
    return Model(x, layer(x))


LAYER_CASES = [
    (SimpleRNN, {}),
    (GRU, {}),
    (GRU, {'reset_after': True}),
    (GRU, {'implementation': 2}),
    (GRU, {'implementation': 2, 'reset_after': True}),
    (LSTM, {}),
    (LSTM, {'implementation': 2}),
    (LSTM, {'use_bias': False}),
]


@pytest.mark.parametrize('cls,kwargs', LAYER_CASES)
def test_layers_match_numpy_reference(cls, kwargs):
    layer = cls(UNITS, return_sequences=True, **kwargs)
    model = build_model(layer)
    weights = random_weights(layer)
    expected, _ = run(reference_step(layer, weights), X, zero_states(layer))
    assert_allclose(model.predict(X), expected, atol=1e-5)


@pytest.mark.parametrize('cls', [SimpleRNN, GRU, LSTM])
def test_weight_shapes_and_order(cls):
    layer = cls(UNITS)
    build_model(layer)
    gates = {SimpleRNN: 1, GRU: 3, LSTM: 4}[cls]
    assert [K.int_shape(w) for w in layer.weights] == [
        (DIM, gates * UNITS), (UNITS, gates * UNITS), (gates * UNITS,)]
    # Named after the layer, as Keras 2.2 named them ('lstm_1/kernel:0').
    assert [w.name for w in layer.weights] == [
        '%s/%s:0' % (layer.name, name)
        for name in ('kernel', 'recurrent_kernel', 'bias')]
    assert layer.trainable_weights == layer.weights


def test_gru_reset_after_bias_shape_and_lstm_forget_bias():
    gru = GRU(UNITS, reset_after=True)
    build_model(gru)
    assert gru.get_weights()[2].shape == (2, 3 * UNITS)
    lstm = LSTM(UNITS)
    build_model(lstm)
    bias = lstm.get_weights()[2]
    assert_allclose(bias[UNITS:2 * UNITS], 1.)
    assert_allclose(bias[:UNITS], 0.)
    assert_allclose(bias[2 * UNITS:], 0.)
    plain = LSTM(UNITS, unit_forget_bias=False)
    build_model(plain)
    assert_allclose(plain.get_weights()[2], 0.)


@pytest.mark.parametrize('cls', [SimpleRNN, GRU, LSTM])
def test_go_backwards(cls):
    layer = cls(UNITS, go_backwards=True, return_sequences=True)
    model = build_model(layer)
    weights = random_weights(layer)
    expected, _ = run(reference_step(layer, weights), X, zero_states(layer),
                      backwards=True)
    assert_allclose(model.predict(X), expected, atol=1e-5)


@pytest.mark.parametrize('cls', [SimpleRNN, GRU, LSTM])
def test_unroll_equals_loop(cls):
    looped = cls(UNITS, return_sequences=True)
    unrolled = cls(UNITS, return_sequences=True, unroll=True)
    model_a, model_b = build_model(looped), build_model(unrolled)
    unrolled.set_weights(random_weights(looped))
    assert_allclose(model_a.predict(X), model_b.predict(X), atol=1e-6)


def test_unroll_needs_known_timesteps():
    with pytest.raises(ValueError, match='simple_rnn_1.*unroll'):
        SimpleRNN(2, unroll=True)(Input((None, DIM)))


MASK = np.array([[1, 1, 0, 1],
                 [0, 1, 1, 0],
                 [1, 1, 1, 1]], 'float32')


@pytest.mark.parametrize('cls', [SimpleRNN, GRU, LSTM])
def test_masked_steps_keep_the_state(cls):
    padded = X * MASK[:, :, None]
    x = Input((STEPS, DIM))
    layer = cls(UNITS, return_sequences=True, return_state=True)
    outputs = layer(Masking(0.)(x))
    model = Model(x, outputs)
    weights = random_weights(layer)
    expected, states = run(reference_step(layer, weights), padded,
                           zero_states(layer), mask=MASK)
    result = model.predict(padded)
    assert_allclose(result[0], expected, atol=1e-5)
    for got, want in zip(result[1:], states):
        assert_allclose(got, want, atol=1e-5)
    # The sequence mask passes through; the states have none.
    assert layer.output_mask[0] is not None
    assert layer.output_mask[1:] == [None] * len(layer.states)


def test_embedding_mask_zero_skips_padding():
    tokens = np.array([[3, 1, 4, 0, 0], [2, 7, 1, 8, 2]])
    x = Input((5,), dtype='int32')
    lstm = LSTM(4)
    model = Model(x, lstm(Embedding(10, 3, mask_zero=True)(x)))
    short = Input((3,), dtype='int32')
    embedding = model.layers[1]
    model_short = Model(short, lstm(embedding(short)))
    assert_allclose(model.predict(tokens)[0],
                    model_short.predict(tokens[:1, :3])[0], atol=1e-6)


def test_return_state_shapes_and_values():
    layer = LSTM(UNITS, return_state=True)
    x = Input((STEPS, DIM))
    output, h, c = layer(x)
    assert K.int_shape(output) == (None, UNITS)
    assert layer.compute_output_shape((None, STEPS, DIM)) == [
        (None, UNITS), (None, UNITS), (None, UNITS)]
    model = Model(x, [output, h, c])
    weights = random_weights(layer)
    _, states = run(reference_step(layer, weights), X, zero_states(layer))
    got = model.predict(X)
    assert_allclose(got[0], got[1])
    assert_allclose(got[1], states[0], atol=1e-5)
    assert_allclose(got[2], states[1], atol=1e-5)


def test_initial_state_from_keras_inputs():
    x = Input((STEPS, DIM))
    h0, c0 = Input((UNITS,)), Input((UNITS,))
    layer = LSTM(UNITS, return_sequences=True)
    y = layer(x, initial_state=[h0, c0])
    model = Model([x, h0, c0], y)
    # The states are inputs of the layer's node.
    assert len(layer._inbound_nodes[0].input_tensors) == 3
    weights = random_weights(layer)
    states = [data(BATCH, UNITS, seed=2), data(BATCH, UNITS, seed=3)]
    expected, _ = run(reference_step(layer, weights), X, states)
    assert_allclose(model.predict([X] + states), expected, atol=1e-5)
    # The model rebuilds from its config with the states as inputs.
    clone = Model.from_config(model.get_config())
    clone.set_weights(model.get_weights())
    assert_allclose(clone.predict([X] + states), expected, atol=1e-5)
    clone = model_from_json(model.to_json())
    clone.set_weights(model.get_weights())
    assert_allclose(clone.predict([X] + states), expected, atol=1e-5)


def test_initial_state_from_plain_tensors():
    states = [data(BATCH, UNITS, seed=4)]
    x = Input(batch_shape=(BATCH, STEPS, DIM))
    layer = GRU(UNITS, return_sequences=True)
    y = layer(x, initial_state=[K.variable(states[0])])
    model = Model(x, y)
    weights = random_weights(layer)
    expected, _ = run(reference_step(layer, weights), X, states)
    assert_allclose(model.predict(X, batch_size=BATCH), expected, atol=1e-5)


def test_initial_state_in_input_list():
    x, h0 = Input((STEPS, DIM)), Input((UNITS,))
    layer = SimpleRNN(UNITS)
    model = Model([x, h0], layer([x, h0]))
    weights = random_weights(layer)
    state = data(BATCH, UNITS, seed=5)
    expected, _ = run(reference_step(layer, weights), X, [state])
    assert_allclose(model.predict([X, state]), expected[:, -1], atol=1e-5)


def test_eager_call_with_initial_state():
    layer = SimpleRNN(UNITS)
    state = data(BATCH, UNITS, seed=6)
    out = layer(K.constant(X), initial_state=[K.constant(state)])
    weights = layer.get_weights()
    expected, _ = run(reference_step(layer, weights), X, [state])
    assert_allclose(K.eval(out), expected[:, -1], atol=1e-5)


def test_initial_state_errors_name_the_layer():
    x = Input((STEPS, DIM))
    with pytest.raises(ValueError, match='lstm_1 has 2 state'):
        LSTM(UNITS)(x, initial_state=[Input((UNITS,))])
    with pytest.raises(ValueError, match=r'gru_1: initial_state\[0\] has '
                                         r'shape \(None, 7\)'):
        GRU(UNITS)(x, initial_state=[Input((7,))])
    with pytest.raises(ValueError, match='mix of Keras tensors'):
        LSTM(UNITS, name='mixed')(x, initial_state=[Input((UNITS,)),
                                                    K.zeros((1, UNITS))])


def test_wrong_input_rank_names_the_layer():
    with pytest.raises(ValueError, match='simple_rnn_1.*ndim=3'):
        SimpleRNN(2)(Input((DIM,)))


class AttentionCell(Layer):
    """A cell adding a projection of a constant to its state."""

    def __init__(self, units, **kwargs):
        self.units = units
        self.state_size = units
        super(AttentionCell, self).__init__(**kwargs)

    def build(self, input_shape):
        step_shape, constant_shape = input_shape
        self.kernel = self.add_weight('kernel', (step_shape[-1], self.units),
                                      initializer='uniform')
        self.constant_kernel = self.add_weight(
            'constant_kernel', (constant_shape[-1], self.units),
            initializer='uniform')
        self.recurrent_kernel = self.add_weight(
            'recurrent_kernel', (self.units, self.units),
            initializer='uniform')
        self.built = True

    def call(self, inputs, states, constants):
        h = (K.dot(inputs, self.kernel) +
             K.dot(states[0], self.recurrent_kernel) +
             K.dot(constants[0], self.constant_kernel))
        return h, [h]

    def get_config(self):
        config = {'units': self.units}
        base = super(AttentionCell, self).get_config()
        return dict(list(base.items()) + list(config.items()))


def test_constants_reach_the_cell():
    x, memory = Input((STEPS, DIM)), Input((2,))
    layer = RNN(AttentionCell(UNITS), return_sequences=True)
    model = Model([x, memory], layer(x, constants=memory))
    weights = random_weights(layer)
    context = data(BATCH, 2, seed=7)

    def step(x_t, states):
        h = x_t @ weights[0] + states[0] @ weights[2] + context @ weights[1]
        return h, [h]
    expected, _ = run(step, X, [np.zeros((BATCH, UNITS))])
    assert_allclose(model.predict([X, context]), expected, atol=1e-5)
    assert layer.get_config()['num_constants'] == 1
    clone = Model.from_config(model.get_config(),
                              custom_objects={'AttentionCell': AttentionCell})
    clone.set_weights(model.get_weights())
    assert_allclose(clone.predict([X, context]), expected, atol=1e-5)


def test_constants_and_initial_state_together():
    x, memory, h0 = Input((STEPS, DIM)), Input((2,)), Input((UNITS,))
    layer = RNN(AttentionCell(UNITS))
    model = Model([x, memory, h0],
                  layer(x, initial_state=h0, constants=memory))
    weights = random_weights(layer)
    context, state = data(BATCH, 2, seed=8), data(BATCH, UNITS, seed=9)

    def step(x_t, states):
        h = x_t @ weights[0] + states[0] @ weights[2] + context @ weights[1]
        return h, [h]
    expected, _ = run(step, X, [state])
    assert_allclose(model.predict([X, context, state]), expected[:, -1],
                    atol=1e-5)


def test_constants_need_a_cell_that_takes_them():
    with pytest.raises(ValueError, match='does not accept a `constants`'):
        LSTM(UNITS)(Input((STEPS, DIM)), constants=Input((2,)))


class MinimalCell(Layer):
    """The user cell of Keras 2.2's RNN documentation."""

    def __init__(self, units, **kwargs):
        self.units = units
        self.state_size = units
        super(MinimalCell, self).__init__(**kwargs)

    def build(self, input_shape):
        self.kernel = self.add_weight('kernel', (input_shape[-1], self.units),
                                      initializer='uniform')
        self.recurrent_kernel = self.add_weight(
            'recurrent_kernel', (self.units, self.units),
            initializer='uniform')
        self.built = True

    def call(self, inputs, states):
        output = K.dot(inputs, self.kernel) + K.dot(states[0],
                                                    self.recurrent_kernel)
        return output, [output]

    def get_config(self):
        base = super(MinimalCell, self).get_config()
        base['units'] = self.units
        return base


@pytest.mark.parametrize('reverse', [False, True])
def test_user_cell_and_stacked_cells(reverse):
    x = Input((STEPS, DIM))
    if reverse:
        with pytest.warns(UserWarning, match='reverse_state_order'):
            cell = StackedRNNCells([MinimalCell(4), MinimalCell(UNITS)],
                                   reverse_state_order=True)
    else:
        cell = [MinimalCell(4), MinimalCell(UNITS)]
    layer = RNN(cell, return_state=True)
    outputs = layer(x)
    assert isinstance(layer.cell, StackedRNNCells)
    # States in cell order, as in Keras 2.2.4; reverse_state_order gives
    # the reverse order of Keras 2.2.0 to 2.2.2.
    sizes = (UNITS, 4) if reverse else (4, UNITS)
    assert layer.cell.state_size == sizes
    assert [K.int_shape(t) for t in outputs] == [
        (None, UNITS), (None, sizes[0]), (None, sizes[1])]
    model = Model(x, outputs)
    w = random_weights(layer)

    def step(x_t, states):
        h1 = x_t @ w[0] + states[0] @ w[1]
        h2 = h1 @ w[2] + states[1] @ w[3]
        return h2, [h1, h2]
    _, states = run(step, X, [np.zeros((BATCH, 4)),
                              np.zeros((BATCH, UNITS))])
    if reverse:
        states = states[::-1]
    got = model.predict(X)
    assert_allclose(got[1], states[0], atol=1e-5)
    assert_allclose(got[2], states[1], atol=1e-5)
    config = layer.get_config()
    assert config['cell']['class_name'] == 'StackedRNNCells'
    assert ('reverse_state_order' in config['cell']['config']) == reverse
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')  # the deprecation, again
        clone = RNN.from_config(config, custom_objects={
            'MinimalCell': MinimalCell})
    assert [c.units for c in clone.cell.cells] == [4, UNITS]
    assert clone.cell.state_size == sizes


def test_stacked_lstm_states_in_cell_order():
    layer = RNN([LSTMCell(3), LSTMCell(6)], return_state=True,
                return_sequences=True)
    assert layer.compute_output_shape((None, STEPS, DIM)) == [
        (None, STEPS, 6), (None, 3), (None, 3), (None, 6), (None, 6)]


def test_stacked_lstm_cells_match_stacked_layers():
    x = Input((STEPS, DIM))
    stacked = RNN([LSTMCell(4), LSTMCell(UNITS)], return_sequences=True)
    model = Model(x, stacked(x))
    first, second = LSTM(4, return_sequences=True), LSTM(
        UNITS, return_sequences=True)
    model_layers = Model(x, second(first(x)))
    weights = random_weights(stacked)
    first.set_weights(weights[:3])
    second.set_weights(weights[3:])
    assert_allclose(model.predict(X), model_layers.predict(X), atol=1e-5)
    # Stacked cells with dropout run in training too.
    dropped = RNN([LSTMCell(4, dropout=0.3), GRUCell(3,
                                                     recurrent_dropout=0.3)])
    fn = K.function([x, K.learning_phase()], [dropped(x)])
    assert not np.allclose(fn([X, 1])[0], fn([X, 0])[0])
    assert dropped.cell.get_weights()[0].shape == (DIM, 16)
    dropped.cell.set_weights(dropped.cell.get_weights())


def test_cell_without_state_size_is_refused():
    class NoState(Layer):
        def call(self, inputs, states):
            return inputs, states
    with pytest.raises(ValueError, match='RNN: a cell must have a '
                                         '`state_size`'):
        RNN(NoState())


# ----------------------------------------------------------------------
# Stateful layers.

def stateful_pair(cls, return_sequences=True):
    """A stateful layer on half sequences and the same layer (weights
    shared by copy) on whole sequences."""
    half = cls(UNITS, stateful=True, return_sequences=return_sequences)
    x_half = Input(batch_shape=(BATCH, STEPS // 2, DIM))
    model_half = Model(x_half, half(x_half))
    whole = cls(UNITS, return_sequences=return_sequences)
    model_whole = build_model(whole)
    whole.set_weights(random_weights(half))
    return half, model_half, model_whole


@pytest.mark.parametrize('cls', [SimpleRNN, GRU, LSTM])
def test_stateful_halves_equal_the_whole(cls):
    half, model_half, model_whole = stateful_pair(cls)
    whole = model_whole.predict(X)
    first = model_half.predict(X[:, :2], batch_size=BATCH)
    second = model_half.predict(X[:, 2:], batch_size=BATCH)
    assert_allclose(np.concatenate([first, second], 1), whole, atol=1e-5)
    model_half.reset_states()
    assert_allclose(model_half.predict(X[:, :2], batch_size=BATCH), first,
                    atol=1e-6)
    half.reset_states()
    for state in half.states:
        assert_allclose(K.get_value(state), 0.)
    # States are not weights: the weight list is that of Keras 2.2.
    assert len(half.weights) == 3


def test_reset_states_with_values():
    half, model_half, _ = stateful_pair(LSTM)
    h0, c0 = data(BATCH, UNITS, seed=10), data(BATCH, UNITS, seed=11)
    half.reset_states([h0, c0])
    assert_allclose(K.get_value(half.states[0]), h0)
    weights = half.get_weights()
    expected, _ = run(reference_step(half, weights), X[:, :2], [h0, c0])
    assert_allclose(model_half.predict(X[:, :2], batch_size=BATCH), expected,
                    atol=1e-5)
    with pytest.raises(ValueError, match='lstm_1 expects 2 states, but it '
                                         'received 1'):
        half.reset_states([h0])
    with pytest.raises(ValueError, match=r'State 1 is incompatible with '
                                         r'layer lstm_1: expected '
                                         r'shape=\(3, 5\)'):
        half.reset_states([h0, np.zeros((2, UNITS))])
    with pytest.raises(AttributeError, match='stateful'):
        LSTM(2).reset_states()


def test_stateful_training_carries_states():
    half, model_half, _ = stateful_pair(GRU, return_sequences=False)
    model_half.compile('sgd', 'mse')
    model_half.fit(X[:, :2], np.zeros((BATCH, UNITS)), batch_size=BATCH,
                   epochs=1, shuffle=False, verbose=0)
    assert np.abs(K.get_value(half.states[0])).sum() > 0
    model_half.reset_states()
    assert_allclose(K.get_value(half.states[0]), 0.)


def test_stateful_needs_the_batch_size():
    model = Sequential()
    with pytest.raises(ValueError, match='(?s)lstm_1 is stateful.*'
                                         'batch_input_shape'):
        model.add(LSTM(2, stateful=True, input_shape=(STEPS, DIM)))
    with pytest.raises(ValueError, match='(?s)gru_1 is stateful.*batch_shape'):
        GRU(2, stateful=True)(Input((STEPS, DIM)))


def test_stateful_rejects_another_batch_size():
    layer = SimpleRNN(2, stateful=True)
    layer(Input(batch_shape=(4, STEPS, DIM)))
    with pytest.raises(ValueError, match='simple_rnn_1'):
        layer(Input(batch_shape=(2, STEPS, DIM)))
    model = Sequential([SimpleRNN(2, stateful=True,
                                  batch_input_shape=(4, STEPS, DIM))])
    with pytest.raises(ValueError):
        model.predict(np.zeros((2, STEPS, DIM)), batch_size=2)


def test_eager_stateful_call_carries_states():
    layer = SimpleRNN(UNITS, stateful=True, batch_input_shape=(BATCH, 2, DIM))
    first = K.eval(layer(K.constant(X[:, :2])))
    second = K.eval(layer(K.constant(X[:, 2:])))
    weights = layer.get_weights()
    expected, _ = run(reference_step(layer, weights), X,
                      zero_states(layer))
    assert_allclose(first, expected[:, 1], atol=1e-5)
    assert_allclose(second, expected[:, 3], atol=1e-5)


# ----------------------------------------------------------------------
# Dropout.

def test_dropout_masks_are_fixed_over_time_and_only_in_training():
    layer = SimpleRNN(4, activation=None, use_bias=False, dropout=0.5,
                      recurrent_dropout=0.5, return_sequences=True)
    x = Input((6, 4))
    y = layer(x)
    layer.set_weights([np.eye(4), np.eye(4)])
    fn = K.function([x, K.learning_phase()], [y])
    ones = np.ones((8, 6, 4), 'float32')
    train = fn([ones, 1])[0]
    # h_t = x_t * m + h_{t-1} * r, with m and r the (scaled, 0 or 2)
    # input and recurrent masks: h_1 shows m, and every later step must
    # show the same r wherever h_{t-1} is not zero.
    m = train[:, 0]
    assert set(np.unique(m)) <= {0., 2.}
    assert 0 < (m == 0).mean() < 1
    r = None
    for t in range(1, 6):
        previous = train[:, t - 1]
        known = previous != 0
        ratio = np.zeros_like(previous)
        ratio[known] = (train[:, t][known] - m[known]) / previous[known]
        if r is None:
            r = ratio
            assert set(np.unique(r[known])) <= {0., 2.}
            assert 0 < (r[known] == 0).mean() < 1
        assert_allclose(ratio[known], r[known], atol=1e-5)
    test = fn([ones, 0])[0]
    assert_allclose(test, np.cumsum(ones, 1))


@pytest.mark.parametrize('cls', [GRU, LSTM])
@pytest.mark.parametrize('implementation', [1, 2])
def test_gated_dropout_only_in_training(cls, implementation):
    dropped = cls(UNITS, dropout=0.4, recurrent_dropout=0.4,
                  implementation=implementation, return_sequences=True)
    plain = cls(UNITS, return_sequences=True)
    x = Input((STEPS, DIM))
    y = dropped(x)
    plain_model = Model(x, plain(x))
    plain.set_weights(random_weights(dropped))
    assert y._uses_learning_phase
    fn = K.function([x, K.learning_phase()], [y])
    assert_allclose(fn([X, 0])[0], plain_model.predict(X), atol=1e-6)
    assert not np.allclose(fn([X, 1])[0], plain_model.predict(X))



@pytest.mark.parametrize('cls,cell_cls,gates', [(GRU, GRUCell, 3),
                                                (LSTM, LSTMCell, 4)])
def test_layer_loop_keeps_each_gates_masks(cls, cell_cls, gates,
                                           monkeypatch):
    # The layers compute the input products of implementation 1 for all
    # steps before the loop; with the same per-gate masks they must give
    # what the cell's own step gives inside a plain RNN loop.
    from keras22.layers import recurrent
    rng = np.random.RandomState(3)

    def fixed_masks(ones, rate, training=None, count=1):
        shape = K.int_shape(ones)
        masks = [K.constant(rng.randint(0, 2, (BATCH,) + shape[1:]) * 2.)
                 for _ in range(count)]
        return masks[0] if count == 1 else masks
    monkeypatch.setattr(recurrent, '_generate_dropout_mask', fixed_masks)
    kwargs = dict(dropout=0.5, recurrent_dropout=0.5, implementation=1)
    layer = cls(UNITS, return_sequences=True, **kwargs)
    x = Input(batch_shape=(BATCH, STEPS, DIM))
    y_layer = layer(x)
    weights = random_weights(layer)
    rng.seed(3)
    generic = RNN(cell_cls(UNITS, **kwargs), return_sequences=True)
    y_generic = generic(x)
    generic.set_weights(weights)
    fn = K.function([x, K.learning_phase()], [y_layer, y_generic])
    from_layer, from_cell = fn([X, 1])
    assert_allclose(from_layer, from_cell, atol=1e-5)
    assert layer.cell._mask_count == gates


def test_training_with_dropout():
    model = Sequential([LSTM(UNITS, dropout=0.3, recurrent_dropout=0.3,
                             input_shape=(STEPS, DIM))])
    model.compile('sgd', 'mse')
    before = model.get_weights()
    model.fit(X, np.ones((BATCH, UNITS)), epochs=1, verbose=0)
    assert not np.allclose(before[0], model.get_weights()[0])


def test_dropout_with_explicit_training_argument():
    layer = LSTM(UNITS, dropout=0.5)
    model_out = layer(Input((STEPS, DIM)), training=True)
    fn = K.function([layer.input], [model_out])
    assert not np.allclose(fn([X])[0], fn([X])[0])


@pytest.mark.parametrize('cls', [SimpleRNN, GRU, LSTM])
def test_learning_phase_flag_is_always_set(cls):
    # Keras 2.2 flagged every output, eager ones included; legacy code
    # reads `_uses_learning_phase` without a default
    x = K.ones((BATCH, STEPS, DIM))
    layer = cls(UNITS, dropout=0.5, recurrent_dropout=0.5,
                return_state=True)
    outputs = layer(x)
    assert all(t._uses_learning_phase is True for t in outputs)
    outputs = layer(x, training=True)
    assert all(t._uses_learning_phase is False for t in outputs)
    assert cls(UNITS)(x)._uses_learning_phase is False
    assert cls(UNITS)(Input((STEPS, DIM)))._uses_learning_phase is False


# ----------------------------------------------------------------------
# Configs, Keras 1 arguments, layer_test.

@pytest.mark.parametrize('cls,kwargs', [
    (SimpleRNN, {}), (GRU, {'reset_after': True}),
    (LSTM, {'implementation': 2})])
def test_layer_test(cls, kwargs):
    layer_test(cls, kwargs=dict(units=UNITS, return_sequences=True,
                                **kwargs),
               input_shape=(2, STEPS, DIM))


@pytest.mark.parametrize('cls,kwargs', LAYER_CASES)
def test_config_round_trip(cls, kwargs):
    layer = cls(UNITS, activity_regularizer='l2', dropout=0.1, **kwargs)
    config = layer.get_config()
    assert 'cell' not in config
    assert config['units'] == UNITS
    assert config['dropout'] == 0.1
    clone = cls.from_config(config)
    assert clone.get_config() == config
    serialized = layers.serialize(layer)
    assert type(layers.deserialize(serialized)) is cls


def test_rnn_config_round_trip_with_cell():
    layer = RNN(LSTMCell(UNITS, recurrent_dropout=0.2), go_backwards=True,
                return_sequences=True)
    config = layer.get_config()
    assert config['cell']['class_name'] == 'LSTMCell'
    assert config['cell']['config']['recurrent_dropout'] == 0.2
    clone = layers.deserialize({'class_name': 'RNN', 'config': config})
    assert isinstance(clone.cell, LSTMCell) and clone.go_backwards
    assert clone.get_config() == config
    layer_test(RNN, kwargs={'cell': SimpleRNNCell(2)},
               input_shape=(2, STEPS, DIM))


def test_keras2_defaults():
    gru = GRU(3)
    assert gru.recurrent_activation is not None
    assert gru.get_config()['recurrent_activation'] == 'hard_sigmoid'
    assert gru.get_config()['activation'] == 'tanh'
    assert gru.get_config()['recurrent_initializer']['class_name'] == \
        'Orthogonal'
    assert gru.implementation == 1 and not gru.reset_after
    lstm = LSTM(3)
    assert lstm.unit_forget_bias and lstm.implementation == 1
    assert SimpleRNN(3).get_config()['activation'] == 'tanh'


def test_keras1_arguments():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        layer = LSTM(output_dim=4, init='uniform', inner_init='zeros',
                     inner_activation='sigmoid', W_regularizer='l2',
                     U_regularizer='l1', b_regularizer='l2', dropout_W=0.1,
                     dropout_U=0.2, consume_less='gpu',
                     forget_bias_init='one', input_dim=3, input_length=7)
    assert any('Keras 2 API' in str(w.message) for w in caught)
    assert layer.units == 4 and layer.implementation == 2
    assert layer.dropout == 0.1 and layer.recurrent_dropout == 0.2
    assert layer.get_config()['kernel_initializer']['class_name'] == \
        'RandomUniform'
    assert layer.get_config()['recurrent_activation'] == 'sigmoid'
    assert layer.batch_input_shape == (None, 7, 3)
    assert isinstance(layer.kernel_regularizer, regularizers.L1L2)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        assert GRU(3, consume_less='cpu').implementation == 1
        assert GRU(3, consume_less='mem').implementation == 1
        assert SimpleRNN(3, implementation=2).units == 3
        assert LSTM(3, implementation=0).implementation == 1
    with pytest.raises(TypeError, match='positional'):
        LSTM(3, 'tanh')


def test_argument_errors():
    with pytest.raises(ValueError, match='LSTMCell: `units`'):
        LSTM(0)
    with pytest.raises(ValueError, match='GRUCell: `recurrent_dropout`'):
        GRU(3, recurrent_dropout=1.5)
    with pytest.raises(ValueError, match='`implementation` must be 1 or 2'):
        GRU(3, implementation=3)
    with pytest.raises(TypeError):
        LSTM(3, not_an_argument=1)


def test_regularizer_losses_reach_the_model():
    layer = GRU(UNITS, kernel_regularizer='l2', recurrent_regularizer='l1',
                bias_regularizer='l2', activity_regularizer='l1')
    model = build_model(layer)
    assert len(layer.losses) == 4
    assert len(model.losses) == 4


def test_frozen_layer_moves_weights():
    layer = LSTM(UNITS, trainable=False)
    build_model(layer)
    assert layer.trainable_weights == []
    assert len(layer.non_trainable_weights) == 3


def test_sequential_training_reduces_loss():
    model = Sequential([GRU(8, input_shape=(STEPS, DIM)), Dense(1)])
    model.compile('adam', 'mse')
    x = data(32, STEPS, DIM)
    y = x.sum(axis=(1, 2))[:, None] / 4
    history = model.fit(x, y, epochs=4, batch_size=8, verbose=0)
    assert history.history['loss'][-1] < history.history['loss'][0]


def test_hard_sigmoid_reference_matches_backend():
    values = np.linspace(-4, 4, 17).astype('float32')
    assert_allclose(K.eval(K.hard_sigmoid(K.constant(values))),
                    hard_sigmoid(values), atol=1e-6)


# ----------------------------------------------------------------------
# The Keras 1 base class.

class Keras1RNN(layers.Recurrent):
    """A custom layer written for Keras 1's `Recurrent` contract."""

    def __init__(self, units, **kwargs):
        super(Keras1RNN, self).__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        batch_size = input_shape[0] if self.stateful else None
        self.input_spec = [layers.InputSpec(shape=(batch_size, None,
                                                   input_shape[2]))]
        self.kernel = self.add_weight('kernel', (input_shape[2], self.units),
                                      initializer='uniform')
        self.recurrent_kernel = self.add_weight(
            'recurrent_kernel', (self.units, self.units),
            initializer='uniform')
        self.states = [None]
        if self.stateful:
            self.reset_states()
        self.built = True

    def get_constants(self, inputs, training=None):
        return [K.constant(0.5)]

    def step(self, inputs, states):
        h_tm1, scale = states
        h = K.tanh(K.dot(inputs, self.kernel) +
                   K.dot(h_tm1, self.recurrent_kernel)) * scale
        return h, [h]


def test_keras1_recurrent_subclass():
    x = Input((STEPS, DIM))
    layer = Keras1RNN(UNITS, return_sequences=True)
    model = Model(x, layer(x))
    w, u = random_weights(layer)

    def step(x_t, states):
        h = np.tanh(x_t @ w + states[0] @ u) * 0.5
        return h, [h]
    expected, _ = run(step, X, [np.zeros((BATCH, UNITS))])
    assert_allclose(model.predict(X), expected, atol=1e-5)
    assert layer.get_config()['return_sequences'] is True

    stateful = Keras1RNN(UNITS, stateful=True)
    half_input = Input(batch_shape=(BATCH, 2, DIM))
    half = Model(half_input, stateful(half_input))
    stateful.set_weights([w, u])
    half.predict(X[:, :2], batch_size=BATCH)
    assert_allclose(half.predict(X[:, 2:], batch_size=BATCH),
                    expected[:, -1], atol=1e-5)
    stateful.reset_states()
    assert_allclose(K.get_value(stateful.states[0]), 0.)
    with pytest.raises(ValueError, match='(?s)keras1rnn_3 is stateful.*'
                                         'batch size'):
        Keras1RNN(2, stateful=True)(Input((STEPS, DIM)))
