"""CuDNNGRU and CuDNNLSTM on the CPU: the CuDNN equations on the CuDNN
weight layout (NumPy reference), equality with GRU(reset_after=True) and
LSTM through the weight converters, conversions and their round trips,
states, configs and errors."""
import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import layers
from keras22.layers import (GRU, LSTM, Bidirectional, CuDNNGRU, CuDNNLSTM,
                            Input, Masking)
from keras22.layers.cudnn_recurrent import (convert_cudnn_to_plain_weights,
                                            convert_plain_to_cudnn_weights,
                                            convert_rnn_weights)
from keras22.models import Model, Sequential
from keras22.utils.test_utils import layer_test

from rnn_reference import random_weights, run, sigmoid

BATCH, STEPS, DIM, UNITS = 2, 4, 3, 5
X = np.random.RandomState(3).uniform(-1, 1, (BATCH, STEPS, DIM)).astype(
    'float32')


def canonical(block, units):
    """A CuDNN kernel block read as the canonical CuDNN matrix: the block's
    values, row after row, form W of shape (units, rows), applied as
    W . x (what the TensorFlow CuDNN op Keras 2.2 called did with them)."""
    return block.reshape(-1).reshape(units, -1)


def cudnn_gru_step(kernel, recurrent_kernel, bias):
    u = UNITS
    blocks = [slice(k * u, (k + 1) * u) for k in range(3)]
    w = [canonical(kernel[:, b], u) for b in blocks]
    r = [canonical(recurrent_kernel[:, b], u) for b in blocks]
    b_in, b_rec = bias[:3 * u], bias[3 * u:]

    def step(x, states):
        h = states[0]
        z = sigmoid(x @ w[0].T + b_in[blocks[0]] + h @ r[0].T +
                    b_rec[blocks[0]])
        reset = sigmoid(x @ w[1].T + b_in[blocks[1]] + h @ r[1].T +
                        b_rec[blocks[1]])
        candidate = np.tanh(x @ w[2].T + b_in[blocks[2]] +
                            reset * (h @ r[2].T + b_rec[blocks[2]]))
        h = z * h + (1 - z) * candidate
        return h, [h]
    return step


def cudnn_lstm_step(kernel, recurrent_kernel, bias):
    u = UNITS
    blocks = [slice(k * u, (k + 1) * u) for k in range(4)]
    w = [canonical(kernel[:, b], u) for b in blocks]
    r = [canonical(recurrent_kernel[:, b], u) for b in blocks]
    b = bias[:4 * u] + bias[4 * u:]

    def step(x, states):
        h, c = states
        pre = [x @ w[k].T + h @ r[k].T + b[blocks[k]] for k in range(4)]
        i, f, o = sigmoid(pre[0]), sigmoid(pre[1]), sigmoid(pre[3])
        c = f * c + i * np.tanh(pre[2])
        h = o * np.tanh(c)
        return h, [h, c]
    return step


CASES = [(CuDNNGRU, cudnn_gru_step, GRU,
          {'reset_after': True, 'recurrent_activation': 'sigmoid'}),
         (CuDNNLSTM, cudnn_lstm_step, LSTM,
          {'recurrent_activation': 'sigmoid'})]


def model_of(layer, timesteps=STEPS):
    x = Input((timesteps, DIM))
    return Model(x, layer(x))


@pytest.mark.parametrize('cls,step,plain_cls,plain_kwargs', CASES)
@pytest.mark.parametrize('go_backwards', [False, True])
def test_cudnn_equations_and_plain_equivalent(cls, step, plain_cls,
                                              plain_kwargs, go_backwards):
    layer = cls(UNITS, return_sequences=True, go_backwards=go_backwards)
    model = model_of(layer)
    weights = random_weights(layer)
    states = [np.zeros((BATCH, UNITS)) for _ in layer.states]
    expected, _ = run(step(*weights), X, states, backwards=go_backwards)
    assert_allclose(model.predict(X), expected, atol=1e-5)
    plain = plain_cls(UNITS, return_sequences=True, go_backwards=go_backwards,
                      **plain_kwargs)
    plain_model = model_of(plain)
    plain.set_weights(convert_cudnn_to_plain_weights(cls.__name__, weights))
    assert_allclose(plain_model.predict(X), expected, atol=1e-5)


@pytest.mark.parametrize('cls,n_gates,bias', [(CuDNNGRU, 3, 6),
                                              (CuDNNLSTM, 4, 8)])
def test_weight_layout(cls, n_gates, bias):
    layer = cls(UNITS)
    model_of(layer)
    assert [K.int_shape(w) for w in layer.weights] == [
        (DIM, n_gates * UNITS), (UNITS, n_gates * UNITS), (bias * UNITS,)]
    assert layer.trainable_weights == layer.weights
    layer.trainable = False
    assert layer.trainable_weights == [] and len(
        layer.non_trainable_weights) == 3


def test_lstm_unit_forget_bias():
    layer = CuDNNLSTM(UNITS)
    model_of(layer)
    bias = layer.get_weights()[2]
    assert_allclose(bias[5 * UNITS:6 * UNITS], 1.)
    assert_allclose(np.delete(bias, np.s_[5 * UNITS:6 * UNITS]), 0.)
    summed = convert_cudnn_to_plain_weights('CuDNNLSTM',
                                            layer.get_weights())[2]
    assert_allclose(summed[UNITS:2 * UNITS], 1.)


def keras22_loader_transform(kernel, n_gates, from_cudnn):
    """Keras 2.2's saving.py conversion of input kernels, gate by gate."""
    order = 'F' if from_cudnn else 'C'
    return np.hstack([k.T.reshape(k.shape, order=order)
                      for k in np.hsplit(kernel, n_gates)])


@pytest.mark.parametrize('name,n_gates', [('GRU', 3), ('LSTM', 4)])
def test_conversions_follow_keras22_loader(name, n_gates):
    rng = np.random.RandomState(0)
    kernel = rng.rand(DIM, n_gates * UNITS)
    recurrent = rng.rand(UNITS, n_gates * UNITS)
    bias = rng.rand(2 * n_gates * UNITS)
    plain = convert_cudnn_to_plain_weights('CuDNN' + name,
                                           [kernel, recurrent, bias])
    assert_allclose(plain[0], keras22_loader_transform(kernel, n_gates, True))
    assert_allclose(plain[1], np.hstack([k.T for k in np.hsplit(
        recurrent, n_gates)]))
    if name == 'GRU':
        assert_allclose(plain[2], bias.reshape(2, -1))
    else:
        assert_allclose(plain[2], bias[:4 * UNITS] + bias[4 * UNITS:])
    back = convert_plain_to_cudnn_weights(name, plain)
    assert_allclose(back[0], kernel)
    assert_allclose(back[1], recurrent)
    assert_allclose(back[0], keras22_loader_transform(plain[0], n_gates,
                                                      False))
    if name == 'GRU':
        assert_allclose(back[2], bias)
    else:
        assert_allclose(back[2], np.tile(0.5 * plain[2], 2))
    again = convert_cudnn_to_plain_weights(name, back)
    for a, b in zip(again, plain):
        assert_allclose(a, b)


@pytest.mark.parametrize('cls,step,plain_cls,plain_kwargs', CASES)
def test_plain_weights_load_into_cudnn(cls, step, plain_cls, plain_kwargs):
    plain = plain_cls(UNITS, **plain_kwargs)
    plain_model = model_of(plain)
    random_weights(plain, seed=4)
    cudnn = cls(UNITS)
    cudnn_model = model_of(cudnn)
    cudnn.set_weights(convert_rnn_weights(cudnn, plain.get_weights()))
    assert_allclose(cudnn_model.predict(X), plain_model.predict(X),
                    atol=1e-5)
    # Weights already in the target's layout pass through.
    same = convert_rnn_weights(cudnn, cudnn.get_weights())
    for a, b in zip(same, cudnn.get_weights()):
        assert_allclose(a, b)
    back = convert_rnn_weights(plain, cudnn.get_weights())
    for a, b in zip(back, plain.get_weights()):
        assert_allclose(a, b, atol=1e-6)


def test_convert_rnn_weights_for_bidirectional_and_errors():
    x = Input((STEPS, DIM))
    wrapped = Bidirectional(CuDNNLSTM(UNITS))
    wrapped(x)
    plain = Bidirectional(LSTM(UNITS, recurrent_activation='sigmoid'))
    plain(x)
    random_weights(wrapped)
    converted = convert_rnn_weights(plain, wrapped.get_weights())
    assert [w.shape for w in converted] == [w.shape for w in
                                            plain.get_weights()]
    reset_before = GRU(UNITS)
    reset_before(x)
    cudnn_gru = CuDNNGRU(UNITS)
    cudnn_gru(x)
    with pytest.raises(ValueError, match='reset_after=False'):
        convert_rnn_weights(reset_before, cudnn_gru.get_weights())
    with pytest.raises(ValueError, match='not compatible with CuDNNGRU'):
        convert_rnn_weights(cudnn_gru, reset_before.get_weights())
    with pytest.raises(ValueError, match='not compatible with CuDNNGRU'):
        convert_plain_to_cudnn_weights('GRU', reset_before.get_weights())
    with pytest.raises(ValueError, match='layer_class_name'):
        convert_cudnn_to_plain_weights('SimpleRNN', [])
    no_bias = LSTM(UNITS, use_bias=False)
    no_bias(x)
    cudnn = convert_plain_to_cudnn_weights('LSTM', no_bias.get_weights())
    assert_allclose(cudnn[2], np.zeros(8 * UNITS))
    with pytest.raises(ValueError, match='no bias'):
        convert_rnn_weights(no_bias, cudnn)


def test_return_state_initial_state_and_stateful():
    x = Input((STEPS, DIM))
    h0, c0 = Input((UNITS,)), Input((UNITS,))
    layer = CuDNNLSTM(UNITS, return_state=True)
    outputs = layer(x, initial_state=[h0, c0])
    assert [K.int_shape(t) for t in outputs] == [(None, UNITS)] * 3
    model = Model([x, h0, c0], outputs)
    weights = random_weights(layer)
    states = [np.full((BATCH, UNITS), 0.3), np.full((BATCH, UNITS), -0.2)]
    _, expected = run(cudnn_lstm_step(*weights), X, states)
    got = model.predict([X] + states)
    assert_allclose(got[1], expected[0], atol=1e-5)
    assert_allclose(got[2], expected[1], atol=1e-5)

    stateful = CuDNNGRU(UNITS, stateful=True, return_sequences=True)
    half_input = Input(batch_shape=(BATCH, 2, DIM))
    half = Model(half_input, stateful(half_input))
    weights = random_weights(stateful)
    whole, _ = run(cudnn_gru_step(*weights), X, [np.zeros((BATCH, UNITS))])
    first = half.predict(X[:, :2], batch_size=BATCH)
    second = half.predict(X[:, 2:], batch_size=BATCH)
    assert_allclose(np.concatenate([first, second], 1), whole, atol=1e-5)
    stateful.reset_states()
    assert_allclose(K.get_value(stateful.states[0]), 0.)


def test_masks_are_refused_and_stateful_needs_batch_size():
    x = Input((STEPS, DIM))
    with pytest.raises(ValueError, match='cu_dnnlstm_1: masking is not '
                                         'supported'):
        CuDNNLSTM(2)(Masking()(x))
    with pytest.raises(ValueError, match='(?s)cu_dnngru_1 is stateful.*'
                                         'batch_shape'):
        CuDNNGRU(2, stateful=True)(x)


@pytest.mark.parametrize('cls', [CuDNNGRU, CuDNNLSTM])
def test_config_round_trip_and_layer_test(cls):
    layer = cls(UNITS, return_sequences=True, go_backwards=True,
                kernel_regularizer='l2')
    config = layer.get_config()
    assert config['go_backwards'] and config['units'] == UNITS
    assert 'unroll' not in config and 'cell' not in config
    assert ('unit_forget_bias' in config) == (cls is CuDNNLSTM)
    clone = layers.deserialize(layers.serialize(layer))
    assert type(clone) is cls and clone.get_config() == config
    layer_test(cls, kwargs={'units': UNITS, 'return_sequences': True},
               input_shape=(2, STEPS, DIM))


def test_training_on_cpu():
    model = Sequential([CuDNNLSTM(3, return_sequences=True,
                                  input_shape=(STEPS, DIM)),
                        CuDNNGRU(1)])
    model.compile('sgd', 'mse')
    before = model.get_weights()
    model.fit(X, np.ones((BATCH, 1)), epochs=1, verbose=0)
    assert not np.allclose(before[0], model.get_weights()[0])
