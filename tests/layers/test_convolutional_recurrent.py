"""ConvLSTM2D / ConvLSTM2DCell / ConvRNN2D against a NumPy ConvLSTM on tiny
images, in both data formats; sequences, states, stateful layers, dropout,
configs, Keras 1 arguments and errors; the legacy ConvRecurrent2D."""
import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import layers
from keras22.layers import ConvLSTM2D, ConvLSTM2DCell, ConvRNN2D, Input
from keras22.models import Model
from keras22.utils.test_utils import layer_test

from rnn_reference import conv_lstm_step, random_weights, run

BATCH, STEPS, ROWS, COLS, CHANNELS, FILTERS = 2, 3, 5, 4, 2, 3
X_LAST = np.random.RandomState(2).uniform(
    -1, 1, (BATCH, STEPS, ROWS, COLS, CHANNELS)).astype('float32')
X_FIRST = X_LAST.transpose(0, 1, 4, 2, 3)


def to_first(frames):
    """Channels-last frames (any leading axes) to channels first."""
    axes = list(range(frames.ndim))
    return frames.transpose(axes[:-3] + [axes[-1]] + axes[-3:-1])


def reference(weights, padding, x_last, states=None, backwards=False):
    kernel, recurrent_kernel, bias = weights
    rows = ROWS if padding == 'same' else ROWS - kernel.shape[0] + 1
    cols = COLS if padding == 'same' else COLS - kernel.shape[1] + 1
    if states is None:
        states = [np.zeros((BATCH, rows, cols, FILTERS))] * 2
    return run(conv_lstm_step(kernel, recurrent_kernel, bias, padding),
               x_last, states, backwards=backwards)


@pytest.mark.parametrize('data_format', ['channels_last', 'channels_first'])
@pytest.mark.parametrize('padding', ['valid', 'same'])
def test_conv_lstm_matches_numpy(data_format, padding):
    layer = ConvLSTM2D(FILTERS, (3, 2), padding=padding,
                       data_format=data_format, return_sequences=True,
                       return_state=True)
    x_data = X_LAST if data_format == 'channels_last' else X_FIRST
    x = Input(x_data.shape[1:])
    model = Model(x, layer(x))
    weights = random_weights(layer)
    expected, states = reference(weights, padding, X_LAST)
    got = model.predict(x_data)
    if data_format == 'channels_first':
        expected = to_first(expected)
        states = [to_first(s) for s in states]
    assert_allclose(got[0], expected, atol=1e-5)
    assert_allclose(got[1], states[0], atol=1e-5)
    assert_allclose(got[2], states[1], atol=1e-5)
    assert [K.int_shape(w) for w in layer.weights] == [
        (3, 2, CHANNELS, 4 * FILTERS), (3, 2, FILTERS, 4 * FILTERS),
        (4 * FILTERS,)]
    assert layer.compute_output_shape((None,) + x_data.shape[1:])[0] == \
        (None,) + expected.shape[1:]


def test_last_output_go_backwards_and_unknown_sizes():
    layer = ConvLSTM2D(FILTERS, 3, padding='same', go_backwards=True)
    x = Input((None, None, None, CHANNELS))
    y = layer(x)
    assert K.int_shape(y) == (None, None, None, FILTERS)
    model = Model(x, y)
    weights = random_weights(layer)
    expected, _ = reference(weights, 'same', X_LAST, backwards=True)
    assert_allclose(model.predict(X_LAST), expected[:, -1], atol=1e-5)
    # Bias starts with ones on the forget gate.
    fresh = ConvLSTM2D(FILTERS, 3)
    fresh(Input((STEPS, ROWS, COLS, CHANNELS)))
    assert_allclose(fresh.get_weights()[2],
                    np.repeat([0., 1., 0., 0.], FILTERS))


def test_initial_state_and_stateful():
    x = Input((STEPS, ROWS, COLS, CHANNELS))
    h0, c0 = Input((ROWS, COLS, FILTERS)), Input((ROWS, COLS, FILTERS))
    layer = ConvLSTM2D(FILTERS, 3, padding='same', return_sequences=True)
    model = Model([x, h0, c0], layer(x, initial_state=[h0, c0]))
    weights = random_weights(layer)
    rng = np.random.RandomState(5)
    states = [rng.uniform(-1, 1, (BATCH, ROWS, COLS, FILTERS))
              for _ in range(2)]
    expected, _ = reference(weights, 'same', X_LAST, states=states)
    assert_allclose(model.predict([X_LAST] + states), expected, atol=1e-5)
    with pytest.raises(ValueError, match=r'initial_state\[0\]'):
        ConvLSTM2D(FILTERS, 3, padding='same')(
            x, initial_state=[Input((ROWS, COLS, 7))] * 2)

    stateful = ConvLSTM2D(FILTERS, 3, stateful=True, return_sequences=True)
    half_input = Input(batch_shape=(BATCH, 1, ROWS, COLS, CHANNELS))
    half = Model(half_input, stateful(half_input))
    weights = random_weights(stateful)
    whole, _ = reference(weights, 'valid', X_LAST)
    parts = [half.predict(X_LAST[:, t:t + 1], batch_size=BATCH)
             for t in range(STEPS)]
    assert_allclose(np.concatenate(parts, 1), whole, atol=1e-5)
    assert K.int_shape(stateful.states[0]) == (BATCH, 3, 2, FILTERS)
    values = [np.ones((BATCH, 3, 2, FILTERS))] * 2
    stateful.reset_states(values)
    assert_allclose(K.get_value(stateful.states[1]), 1.)
    with pytest.raises(ValueError, match='State 0 is incompatible'):
        stateful.reset_states([np.ones((BATCH, 3, 3, FILTERS))] * 2)
    with pytest.raises(ValueError, match='(?s)is stateful.*batch_shape'):
        ConvLSTM2D(2, 3, stateful=True)(x)


def test_dropout_only_in_training_and_training_runs():
    dropped = ConvLSTM2D(FILTERS, 3, dropout=0.5, recurrent_dropout=0.5)
    plain = ConvLSTM2D(FILTERS, 3)
    x = Input((STEPS, ROWS, COLS, CHANNELS))
    y = dropped(x)
    plain_model = Model(x, plain(x))
    plain.set_weights(random_weights(dropped))
    fn = K.function([x, K.learning_phase()], [y])
    assert_allclose(fn([X_LAST, 0])[0], plain_model.predict(X_LAST),
                    atol=1e-6)
    assert not np.allclose(fn([X_LAST, 1])[0], plain_model.predict(X_LAST))
    model = Model(x, y)
    model.compile('sgd', 'mse')
    before = model.get_weights()
    model.fit(X_LAST, np.ones((BATCH, 3, 2, FILTERS)), epochs=1, verbose=0)
    assert not np.allclose(before[0], model.get_weights()[0])


def test_conv_rnn2d_with_cell_and_config_round_trips():
    cell = ConvLSTM2DCell(FILTERS, 2, strides=(2, 1), dilation_rate=1)
    layer = ConvRNN2D(cell, return_sequences=True)
    x = Input((STEPS, ROWS, COLS, CHANNELS))
    assert K.int_shape(layer(x)) == (None, STEPS, 2, 3, FILTERS)
    config = layer.get_config()
    assert config['cell']['class_name'] == 'ConvLSTM2DCell'
    clone = layers.deserialize({'class_name': 'ConvRNN2D', 'config': config})
    assert clone.cell.strides == (2, 1)

    conv = ConvLSTM2D(FILTERS, (3, 3), padding='same', return_sequences=True,
                      recurrent_dropout=0.1, activity_regularizer='l2')
    config = conv.get_config()
    assert 'cell' not in config and config['kernel_size'] == (3, 3)
    assert config['recurrent_dropout'] == 0.1
    assert ConvLSTM2D.from_config(config).get_config() == config
    assert conv.filters == FILTERS and conv.padding == 'same'
    layer_test(ConvLSTM2D, kwargs={'filters': 2, 'kernel_size': (2, 2),
                                   'return_sequences': True},
               input_shape=(1, 2, 3, 3, 1))


def test_keras1_arguments_and_errors():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        layer = ConvLSTM2D(4, 3, 2, border_mode='same', subsample=(1, 1),
                           dim_ordering='th', init='uniform',
                           inner_activation='sigmoid', dropout_W=0.1,
                           forget_bias_init='one', bias=True)
        other = ConvLSTM2D(nb_filter=2, nb_row=2, nb_col=3)
    assert any('Keras 2 API' in str(w.message) for w in caught)
    assert layer.kernel_size == (3, 2) and layer.padding == 'same'
    assert layer.data_format == 'channels_first' and layer.dropout == 0.1
    assert other.filters == 2 and other.kernel_size == (2, 3)
    with pytest.raises(TypeError, match='only 2 positional'):
        ConvLSTM2D(4, (3, 3), (1, 1))
    with pytest.raises(ValueError, match='ConvLSTM2DCell: `padding`'):
        ConvLSTM2D(4, 3, padding='full')
    with pytest.raises(ValueError, match='ConvLSTM2DCell: `kernel_size`'):
        ConvLSTM2D(4, (3, 3, 3))
    with pytest.raises(TypeError, match='unrolling'):
        ConvRNN2D(ConvLSTM2DCell(2, 3), unroll=True)
    with pytest.raises(TypeError, match='stacked'):
        ConvRNN2D([ConvLSTM2DCell(2, 3), ConvLSTM2DCell(2, 3)])
    with pytest.raises(ValueError, match='conv_lst_m2d_3.*ndim=5'):
        ConvLSTM2D(2, 3)(Input((STEPS, ROWS, COLS)))
    # strides with dilation: built as in Keras 2.2, refused when called
    layer = ConvLSTM2D(2, 3, strides=2, dilation_rate=2)
    assert layer.get_config()['dilation_rate'] == (2, 2)
    with pytest.raises(ValueError, match='ConvLSTM2DCell: `strides` > 1 '
                                         'cannot be combined'):
        layer(Input((STEPS, 9, 9, 1)))


def test_legacy_conv_recurrent_base():
    from keras22.layers import ConvRecurrent2D

    class TinyConvRNN(ConvRecurrent2D):
        def build(self, input_shape):
            self.kernel = self.add_weight(
                'kernel', self.kernel_size + (input_shape[-1], self.filters),
                initializer='ones')
            self.states = [None]
            self.built = True

        def get_initial_state(self, inputs):
            frame = K.zeros_like(inputs[:, 0])
            return [K.conv2d(frame, K.zeros(K.int_shape(self.kernel)),
                             padding=self.padding)]

        def step(self, inputs, states):
            out = K.conv2d(inputs, self.kernel, padding=self.padding) + \
                states[0]
            return out, [out]

    layer = TinyConvRNN(1, 2, padding='valid')
    x = Input((STEPS, ROWS, COLS, 1))
    y = layer(x)
    assert K.int_shape(y) == (None, ROWS - 1, COLS - 1, 1)
    frames = np.ones((1, STEPS, ROWS, COLS, 1), 'float32')
    assert_allclose(Model(x, y).predict(frames), 4. * STEPS)
    assert layer.get_config()['kernel_size'] == (2, 2)
