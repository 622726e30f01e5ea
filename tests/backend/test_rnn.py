"""K.rnn against a NumPy step loop; map_fn, foldl, foldr."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22.backend.graph import is_symbolic, keras_graph_scope

RNG = np.random.RandomState(4)
SAMPLES, STEPS, FEATURES, UNITS = 3, 5, 2, 4


def arr(*shape):
    return RNG.uniform(-1, 1, size=shape).astype('float32')


W_VALUE = arr(FEATURES, UNITS)
U_VALUE = arr(UNITS, UNITS) * .5


def np_rnn(x, h0, mask=None, backwards=False, constant=None):
    """A cell whose output (2 * h) differs from its state (h), with a
    counter as second state, stepped in NumPy."""
    steps = range(x.shape[1])
    if backwards:
        steps = reversed(steps)
    h, count = h0, np.zeros((x.shape[0], 1), 'float32')
    previous = np.zeros_like(h0)
    outputs = []
    for t in steps:
        new_h = np.tanh(x[:, t] @ W_VALUE + h @ U_VALUE)
        if constant is not None:
            new_h = new_h + constant
        output, new_count = 2 * new_h, count + 1
        if mask is not None:
            on = mask[:, t][:, None].astype(bool)
            output = np.where(on, output, previous)
            new_h = np.where(on, new_h, h)
            new_count = np.where(on, new_count, count)
        outputs.append(output)
        h, count, previous = new_h, new_count, output
    return outputs[-1], np.stack(outputs, 1), [h, count]


def make_step(with_constant=False):
    w, u = K.variable(W_VALUE), K.variable(U_VALUE)

    def step(x_t, states):
        h, count = states[0], states[1]
        new_h = K.tanh(K.dot(x_t, w) + K.dot(h, u))
        if with_constant:
            assert len(states) == 3
            new_h = new_h + states[2]
        return 2 * new_h, [new_h, count + 1]
    return step, (w, u)


MASK = np.array([[1, 1, 0, 1, 0],
                 [0, 1, 1, 1, 1],
                 [1, 1, 1, 1, 1]], 'float32')


@pytest.mark.parametrize('unroll', [False, True])
@pytest.mark.parametrize('go_backwards', [False, True])
@pytest.mark.parametrize('use_mask', [False, True])
def test_rnn_matches_numpy_symbolic(unroll, go_backwards, use_mask):
    x_value, h0_value = arr(SAMPLES, STEPS, FEATURES), arr(SAMPLES, UNITS)
    x = K.placeholder((None, STEPS, FEATURES))
    h0 = K.placeholder((None, UNITS))
    mask = K.placeholder((None, STEPS)) if use_mask else None
    step, _ = make_step()
    count0 = K.sum(K.zeros_like(h0), axis=1, keepdims=True)
    last, outputs, states = K.rnn(step, x, [h0, count0],
                                  go_backwards=go_backwards, mask=mask,
                                  unroll=unroll)
    assert K.int_shape(last) == (None, UNITS)
    assert K.int_shape(outputs) == (None, STEPS, UNITS)
    assert [K.int_shape(s) for s in states] == [(None, UNITS), (None, 1)]
    feeds = [x, h0] + ([mask] if use_mask else [])
    values = [x_value, h0_value] + ([MASK] if use_mask else [])
    got = K.function(feeds, [last, outputs] + states)(values)
    expected = np_rnn(x_value, h0_value, MASK if use_mask else None,
                      go_backwards)
    np.testing.assert_allclose(got[0], expected[0], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(got[1], expected[1], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(got[2], expected[2][0], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(got[3], expected[2][1])


def test_masked_steps_keep_output_and_states():
    x_value, h0_value = arr(SAMPLES, STEPS, FEATURES), arr(SAMPLES, UNITS)
    step, _ = make_step()
    count0 = np.zeros((SAMPLES, 1), 'float32')
    _, outputs, states = K.rnn(step, x_value, [h0_value, count0],
                               mask=MASK.astype(bool))
    outputs = K.eval(outputs)
    # sample 0 is masked at steps 2 and 4: the previous output repeats
    np.testing.assert_allclose(outputs[0, 2], outputs[0, 1])
    np.testing.assert_allclose(outputs[0, 4], outputs[0, 3])
    # sample 1 is masked at step 0: zeros before its first step
    np.testing.assert_allclose(outputs[1, 0], 0.)
    # the counter state only advanced on unmasked steps
    np.testing.assert_allclose(K.eval(states[1])[:, 0], MASK.sum(1))


def test_rnn_eager_matches_numpy_and_unroll_equals_loop():
    x_value, h0_value = arr(SAMPLES, STEPS, FEATURES), arr(SAMPLES, UNITS)
    count0 = np.zeros((SAMPLES, 1), 'float32')
    step, _ = make_step()
    results = []
    for unroll in (False, True):
        last, outputs, states = K.rnn(step, x_value, [h0_value, count0],
                                      mask=MASK, unroll=unroll)
        assert not is_symbolic(outputs)
        results.append([K.eval(t) for t in [last, outputs] + states])
    expected = np_rnn(x_value, h0_value, MASK)
    for loop_value, unrolled_value in zip(*results):
        np.testing.assert_allclose(loop_value, unrolled_value, rtol=1e-6)
    np.testing.assert_allclose(results[0][1], expected[1], rtol=1e-5,
                               atol=1e-6)


def test_rnn_constants_are_passed_after_the_states():
    x_value, h0_value = arr(SAMPLES, STEPS, FEATURES), arr(SAMPLES, UNITS)
    constant_value = arr(SAMPLES, UNITS)
    x = K.placeholder((None, STEPS, FEATURES))
    h0 = K.placeholder((None, UNITS))
    constant = K.placeholder((None, UNITS))
    step, _ = make_step(with_constant=True)
    count0 = K.sum(K.zeros_like(h0), axis=1, keepdims=True)
    for unroll in (False, True):
        last, outputs, _ = K.rnn(step, x, [h0, count0],
                                 constants=[constant], unroll=unroll)
        got = K.function([x, h0, constant], [outputs])(
            [x_value, h0_value, constant_value])[0]
        expected = np_rnn(x_value, h0_value, constant=constant_value)[1]
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)


def test_rnn_gradients_compile_and_match_unroll_and_finite_differences():
    x_value, h0_value = arr(SAMPLES, STEPS, FEATURES), arr(SAMPLES, UNITS)
    x = K.placeholder((None, STEPS, FEATURES))
    h0 = K.placeholder((None, UNITS))
    count0 = K.sum(K.zeros_like(h0), axis=1, keepdims=True)
    grads = []
    for unroll in (False, True):
        step, (w, u) = make_step()
        _, outputs, _ = K.rnn(step, x, [h0, count0], mask=K.constant(MASK),
                              unroll=unroll)
        loss = K.sum(K.square(outputs))
        f = K.function([x, h0], K.gradients(loss, [w, u, x]) + [loss])
        grads.append(f([x_value, h0_value]))
    for a, b in zip(*grads):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-5)

    def np_loss(w_value):
        global W_VALUE
        saved, W_VALUE = W_VALUE, w_value
        try:
            return float(np.sum(np_rnn(x_value, h0_value, MASK)[1] ** 2))
        finally:
            W_VALUE = saved
    delta = 1e-3
    bumped = W_VALUE.astype('float64').copy()
    bumped[1, 2] += delta
    lowered = W_VALUE.astype('float64').copy()
    lowered[1, 2] -= delta
    numeric = (np_loss(bumped) - np_loss(lowered)) / (2 * delta)
    np.testing.assert_allclose(grads[0][0][1, 2], numeric, rtol=1e-2)


def test_rnn_step_using_the_learning_phase():
    x = K.placeholder((None, STEPS, FEATURES))
    w = K.variable(np.ones((FEATURES, 50)))

    def step(x_t, states):
        h = K.dot(x_t, w)
        h = K.in_train_phase(K.dropout(h, .5), h)
        return h, [states[0] + 1]
    count0 = K.sum(K.zeros_like(x), axis=(1, 2))[:, None]
    last, outputs, _ = K.rnn(step, x, [count0])
    assert getattr(outputs, '_uses_learning_phase', False)
    f = K.function([x, K.learning_phase()], [outputs])
    value = np.ones((2, STEPS, FEATURES), 'float32')
    np.testing.assert_allclose(f([value, 0])[0], 2.)
    trained = f([value, 1])[0]
    assert set(np.unique(trained)) == {0., 4.}


def test_rnn_inside_the_keras_graph_as_a_layer_calls_it():
    x = K.placeholder((None, None, FEATURES))  # unknown number of steps
    step, _ = make_step()
    with keras_graph_scope():
        h0 = K.zeros_like(K.dot(x[:, 0], K.variable(W_VALUE)))
        count0 = K.sum(h0, axis=1, keepdims=True) * 0
        last, outputs, _ = K.rnn(step, x, [h0, count0])
    assert K.int_shape(outputs) == (None, None, UNITS)
    value = arr(2, 7, FEATURES)
    got = K.function([x], [outputs])([value])[0]
    np.testing.assert_allclose(
        got, np_rnn(value, np.zeros((2, UNITS), 'float32'))[1], rtol=1e-5,
        atol=1e-6)


def test_rnn_higher_rank_inputs_and_states():
    # (samples, time, rows, cols) with a state per pixel, as ConvLSTM2D does
    x_value = arr(2, 3, 4, 2)
    mask = np.array([[1, 0, 1], [1, 1, 0]], 'float32')

    def step(x_t, states):
        new = states[0] * .5 + x_t
        return new * 3, [new]
    _, outputs, states = K.rnn(step, x_value, [np.zeros((2, 4, 2), 'f4')],
                               mask=mask)
    state = np.zeros((2, 4, 2), 'float32')
    previous = np.zeros_like(state)
    expected = []
    for t in range(3):
        new = state * .5 + x_value[:, t]
        on = mask[:, t][:, None, None].astype(bool)
        out = np.where(on, new * 3, previous)
        state = np.where(on, new, state)
        expected.append(out)
        previous = out
    np.testing.assert_allclose(K.eval(outputs), np.stack(expected, 1),
                               rtol=1e-6)
    np.testing.assert_allclose(K.eval(states[0]), state, rtol=1e-6)


def test_rnn_errors():
    step, _ = make_step()
    h0 = K.placeholder((None, UNITS))
    with pytest.raises(ValueError, match='K.rnn.*at least 3-D'):
        K.rnn(step, K.placeholder((None, FEATURES)), [h0, h0])
    with pytest.raises(ValueError, match='K.rnn.*unroll.*time steps'):
        K.rnn(step, K.placeholder((None, None, FEATURES)), [h0, h0],
              unroll=True)
    with pytest.raises(ValueError, match='K.rnn.*returned 2 state'):
        K.rnn(lambda x_t, states: (x_t, [states[0], states[0]]),
              K.placeholder((None, STEPS, FEATURES)), [h0])
    with pytest.raises(ValueError, match='K.rnn.*mask'):
        K.rnn(step, K.placeholder((None, STEPS, FEATURES)), [h0, h0],
              mask=K.placeholder((None, STEPS, 3)))


def test_rnn_unroll_with_input_length():
    step, _ = make_step()
    x = K.placeholder((None, None, FEATURES))
    h0 = K.placeholder((None, UNITS))
    _, outputs, _ = K.rnn(step, x, [h0, h0[:, :1]], unroll=True,
                          input_length=STEPS)
    assert K.int_shape(outputs) == (None, STEPS, UNITS)


# --------------------------------------------------------------------------
# map_fn, foldl, foldr.

def test_map_fn(both):
    x = arr(3, 4)
    np.testing.assert_allclose(both(lambda t: K.map_fn(K.sum, t), x),
                               x.sum(1), rtol=1e-6)
    out = K.map_fn(lambda row: K.cast(K.argmax(row), 'int32'), x,
                   dtype='int32')
    np.testing.assert_array_equal(K.eval(out), x.argmax(1))


def test_foldl_foldr(both):
    x = np.array([1., 2., 3.], 'float32')
    np.testing.assert_allclose(
        both(lambda t: K.foldl(lambda acc, v: acc * 10 + v, t), x,
             batch_free=False), 123.)
    np.testing.assert_allclose(
        both(lambda t: K.foldr(lambda acc, v: acc * 10 + v, t), x,
             batch_free=False), 321.)
    np.testing.assert_allclose(
        K.eval(K.foldl(lambda acc, v: acc - v, x, initializer=10.)), 4.)
    np.testing.assert_allclose(
        K.eval(K.foldr(lambda acc, v: acc - v, x, initializer=10.)), 4.)
