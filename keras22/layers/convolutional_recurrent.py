"""Convolutional recurrent layers: `ConvRNN2D`, the generic layer running a
convolutional cell over sequences of images, and the convolutional LSTM
(`ConvLSTM2DCell`, `ConvLSTM2D`; Shi et al., 2015).
"""
from .. import activations
from .. import backend as K
from .. import regularizers
from ..engine.base_layer import InputSpec, check_positive_int
from ..legacy.interfaces import DIM_ORDERING_VALUES, legacy_support
from ..legacy.recurrent_layers import ConvRecurrent2D  # noqa: F401 (2.2)
from ..utils import conv_utils
from .recurrent import (RNN, _FlatCellConfig, _DropoutRNNCell, _masked,
                        _state_sizes, _add_recurrent_weights, _cell_property,
                        _convert_forget_bias_init, _forget_bias_initializer,
                        _lstm_update, _serialize_fields, _set_weight_options,
                        _split_gates)

__all__ = ['ConvRNN2D', 'ConvLSTM2DCell', 'ConvLSTM2D']


class ConvRNN2D(RNN):
    """Runs a convolutional cell over a sequence of images.

    The cell's states are images too (e.g. `[h, c]` of a `ConvLSTM2DCell`),
    and it must describe its convolution through the attributes `filters`,
    `kernel_size`, `strides`, `padding`, `data_format`, `dilation_rate`,
    `kernel_shape` and an `input_conv(x, w, b=None, padding='valid')`
    method, as `ConvLSTM2DCell` does.

    # Arguments
        cell: a convolutional cell (stacks of cells are not supported).
        return_sequences: return the output of every step.
        return_state: return the final states after the output.
        go_backwards: read the sequence backwards.
        stateful: carry the final states over to the next batch (needs a
            fixed batch size).
        unroll: must be `False`; convolutional RNNs are not unrolled.

    # Input shape
        `(samples, time, channels, rows, cols)` (channels first) or
        `(samples, time, rows, cols, channels)` (channels last).

    # Output shape
        The output frames `(samples, [time,] filters, new_rows, new_cols)`
        (channels first) or `(samples, [time,] new_rows, new_cols,
        filters)`; with `return_state`, followed by the states, shaped as
        one output frame.

    # Raises
        TypeError: for `unroll=True` or a list of cells.
        ValueError: as `RNN`.
    """

    _state_ndim = 4

    def __init__(self, cell, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, unroll=False, **kwargs):
        if unroll:
            raise TypeError('%s: unrolling is not possible with '
                            'convolutional RNNs.' % type(self).__name__)
        if isinstance(cell, (list, tuple)):
            raise TypeError('%s: convolutional cells cannot be stacked.'
                            % type(self).__name__)
        super(ConvRNN2D, self).__init__(cell, return_sequences,
                                        return_state, go_backwards, stateful,
                                        unroll, **kwargs)
        self.input_spec = [InputSpec(ndim=5)]

    def _channel_axis(self):
        return 1 if self.cell.data_format == 'channels_first' else 3

    def _state_dim(self, shape):
        return shape[self._channel_axis()]

    def _frame_shape(self, input_shape, channels):
        """The shape of one output frame (with the batch axis)."""
        cell = self.cell
        first = cell.data_format == 'channels_first'
        rows, cols = input_shape[3:5] if first else input_shape[2:4]
        rows, cols = [conv_utils.conv_output_length(length, k, cell.padding,
                                                    s, d)
                      for length, k, s, d in zip(
                          (rows, cols), cell.kernel_size, cell.strides,
                          cell.dilation_rate)]
        if first:
            return (input_shape[0], channels, rows, cols)
        return (input_shape[0], rows, cols, channels)

    def _state_shapes(self, batch_input_shape):
        if len(batch_input_shape) < 5:
            return [(batch_input_shape[0],) + (None,) * 3
                    for _ in _state_sizes(self.cell)]
        return [self._frame_shape(batch_input_shape, dim)
                for dim in _state_sizes(self.cell)]

    def _expected_state_str(self, dim):
        if self.cell.data_format == 'channels_first':
            return str((None, dim, 'rows', 'cols'))
        return str((None, 'rows', 'cols', dim))

    def compute_output_shape(self, input_shape):
        if isinstance(input_shape, list):
            input_shape = input_shape[0]
        input_shape = tuple(input_shape)
        frame = self._frame_shape(input_shape, self.cell.filters)
        if self.return_sequences:
            output_shape = frame[:1] + (input_shape[1],) + frame[1:]
        else:
            output_shape = frame
        if self.return_state:
            return [output_shape] + [frame for _ in _state_sizes(self.cell)]
        return output_shape

    def get_initial_state(self, inputs):
        """Zero states shaped like one output frame, for a batch of inputs
        (found by convolving a zero frame, so unknown sizes work too)."""
        frame = K.zeros_like(inputs[:, 0])
        shape = list(self.cell.kernel_shape)
        shape[-1] = self.cell.filters
        state = self.cell.input_conv(frame, K.zeros(tuple(shape)),
                                     padding=self.cell.padding)
        return [state for _ in _state_sizes(self.cell)]

    def __call__(self, inputs, initial_state=None, constants=None, **kwargs):
        return super(ConvRNN2D, self).__call__(
            inputs, initial_state=initial_state, constants=constants,
            **kwargs)

    def call(self, inputs, mask=None, training=None, initial_state=None,
             constants=None):
        return super(ConvRNN2D, self).call(inputs, mask=mask,
                                           training=training,
                                           initial_state=initial_state,
                                           constants=constants)

    def build(self, input_shape):
        super(ConvRNN2D, self).build(input_shape)

    def reset_states(self, states=None):
        super(ConvRNN2D, self).reset_states(states)


class ConvLSTM2DCell(_DropoutRNNCell):
    """The cell of a convolutional LSTM: an LSTM whose products are
    convolutions, over images.

    Each gate is `activation(conv(x, Wg) + conv(h, Ug) + bg)` (the input
    convolution with the layer's strides, padding and dilation, the
    recurrent one with stride 1 and `'same'` padding); then
    `c = f * c_tm1 + i * cc` and `h = o * activation(c)`.

    # Arguments
        filters: the number of output channels.
        kernel_size: an integer or a tuple of 2 integers.
        strides: an integer or a tuple of 2 integers.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        dilation_rate: an integer or a tuple of 2 integers.
        activation: activation of the candidate and of the carry.
        recurrent_activation: activation of the gates.
        use_bias: whether to add a bias.
        kernel_initializer, recurrent_initializer, bias_initializer: for
            the input kernel, the recurrent kernel and the bias.
        unit_forget_bias: start the forget gate's bias at one.
        kernel_regularizer, recurrent_regularizer, bias_regularizer,
        kernel_constraint, recurrent_constraint, bias_constraint: for the
            three weights.
        dropout: fraction of the input units to drop (training only).
        recurrent_dropout: fraction of the state units to drop (training
            only).

    # Weights
        `kernel kernel_size + (input_channels, 4 * filters)`,
        `recurrent_kernel kernel_size + (filters, 4 * filters)`,
        `bias (4 * filters,)`, gates i, f, c, o along the last axis.

    # Raises
        ValueError: for malformed convolution arguments, non-positive
            `filters`, fractions outside [0, 1], or an input whose channel
            dimension is unknown.
    """

    _mask_count = 4
    _fields = ('filters', 'kernel_size', 'strides', 'padding', 'data_format',
               'dilation_rate', 'activation', 'recurrent_activation',
               'use_bias', 'kernel_initializer', 'recurrent_initializer',
               'bias_initializer', 'unit_forget_bias', 'kernel_regularizer',
               'recurrent_regularizer', 'bias_regularizer',
               'kernel_constraint', 'recurrent_constraint', 'bias_constraint',
               'dropout', 'recurrent_dropout')

    def __init__(self, filters, kernel_size, strides=(1, 1), padding='valid',
                 data_format=None, dilation_rate=(1, 1), activation='tanh',
                 recurrent_activation='hard_sigmoid', use_bias=True,
                 kernel_initializer='glorot_uniform',
                 recurrent_initializer='orthogonal',
                 bias_initializer='zeros', unit_forget_bias=True,
                 kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None,
                 dropout=0., recurrent_dropout=0., **kwargs):
        super(ConvLSTM2DCell, self).__init__(**kwargs)
        name = type(self).__name__
        self.filters = check_positive_int(name, 'filters', filters)
        self.kernel_size = conv_utils._check_int_tuple(
            name, 'kernel_size', kernel_size, 2)
        self.strides = conv_utils._check_int_tuple(name, 'strides', strides,
                                                   2)
        self.padding = conv_utils._check_padding(name, padding)
        self.data_format = conv_utils._check_data_format(name, data_format)
        self.dilation_rate = conv_utils._check_int_tuple(
            name, 'dilation_rate', dilation_rate, 2)
        self.activation = activations.get(activation)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.use_bias = use_bias
        _set_weight_options(self, kernel_initializer, recurrent_initializer,
                           bias_initializer, kernel_regularizer,
                           recurrent_regularizer, bias_regularizer,
                           kernel_constraint, recurrent_constraint,
                           bias_constraint)
        self.unit_forget_bias = unit_forget_bias
        self._init_dropout(dropout, recurrent_dropout)
        self.state_size = (self.filters, self.filters)

    def build(self, input_shape):
        # at build, as for the convolution layers: Keras 2.2 accepted the
        # arguments and failed only when TensorFlow ran the layer
        conv_utils._check_strides_and_dilation(type(self).__name__,
                                               self.strides,
                                               self.dilation_rate)
        channel_axis = 1 if self.data_format == 'channels_first' else -1
        input_dim = input_shape[channel_axis]
        if input_dim is None:
            raise ValueError('%s %s: the channel dimension of the inputs '
                             'should be defined, got input shape %s.'
                             % (type(self).__name__, self.name,
                                tuple(input_shape)))
        self.kernel_shape = self.kernel_size + (input_dim, 4 * self.filters)
        bias_initializer = None
        if self.use_bias and self.unit_forget_bias:
            bias_initializer = _forget_bias_initializer(
                self.bias_initializer, self.filters, before=1, after=2)
        _add_recurrent_weights(
            self, self.kernel_shape,
            self.kernel_size + (self.filters, 4 * self.filters),
            (4 * self.filters,) if self.use_bias else None,
            bias_initializer)
        self.built = True

    def call(self, inputs, states, training=None):
        h_tm1, c_tm1 = states[0], states[1]
        dp, rec_dp = self._step_masks(inputs, states, training)
        biases = (_split_gates(self.bias, 4) if self.bias is not None
                  else [None] * 4)
        pre = [self.input_conv(_masked(inputs, m), k, b, padding=self.padding)
               + self.recurrent_conv(_masked(h_tm1, rm), r)
               for m, rm, k, r, b in zip(
                   dp, rec_dp, _split_gates(self.kernel, 4),
                   _split_gates(self.recurrent_kernel, 4), biases)]
        h, c = _lstm_update(pre[0], pre[1], pre[2], pre[3], c_tm1,
                           self.activation, self.recurrent_activation)
        self._flag_learning_phase(h, training)
        return h, [h, c]

    def input_conv(self, x, w, b=None, padding='valid'):
        """The convolution of an input frame (with the cell's strides and
        dilation), plus the bias `b` if given."""
        out = K.conv2d(x, w, strides=self.strides, padding=padding,
                       data_format=self.data_format,
                       dilation_rate=self.dilation_rate)
        if b is not None:
            out = K.bias_add(out, b, data_format=self.data_format)
        return out

    def recurrent_conv(self, x, w):
        """The convolution of a state (stride 1, `'same'` padding, so the
        state keeps its size)."""
        return K.conv2d(x, w, strides=(1, 1), padding='same',
                        data_format=self.data_format)

    def get_config(self):
        config = _serialize_fields(self, self._fields)
        base = super(ConvLSTM2DCell, self).get_config()
        return dict(list(base.items()) + list(config.items()))


def _convlstm2d_keras1_args(args, kwargs):
    """Keras 1 forms of ConvLSTM2D calls: `ConvLSTM2D(filters, rows,
    cols)`, `nb_row`/`nb_col`, `forget_bias_init`; then at most the two
    positional arguments of Keras 2."""
    args = list(args)
    converted = []
    if len(args) == 3 and all(isinstance(a, int) for a in args[1:]):
        args = [args[0], (args[1], args[2])]
        converted.append(('kernel_size', args[1]))
    elif 'nb_row' in kwargs and 'nb_col' in kwargs:
        kernel_size = (kwargs.pop('nb_row'), kwargs.pop('nb_col'))
        if len(args) >= 2:
            raise TypeError('ConvLSTM2D got both a `kernel_size` and '
                            '`nb_row`/`nb_col`.')
        kwargs['kernel_size'] = kernel_size
        converted.append(('kernel_size', kernel_size))
    elif len(args) == 2 and 'nb_col' in kwargs and isinstance(args[1], int):
        args[1] = (args[1], kwargs.pop('nb_col'))
        converted.append(('kernel_size', args[1]))
    if len(args) > 2:
        raise TypeError('The `ConvLSTM2D` layer can accept only 2 positional '
                        'arguments (\'filters\', \'kernel_size\'), but you '
                        'passed the following positional arguments: %s'
                        % (args,))
    return tuple(args), kwargs, converted + _convert_forget_bias_init(kwargs)


class ConvLSTM2D(_FlatCellConfig, ConvRNN2D):
    """A convolutional LSTM layer (Shi et al., 2015): an LSTM over
    sequences of images whose products are convolutions; see
    `ConvLSTM2DCell` for the equations.

    # Arguments
        filters: the number of output channels.
        kernel_size: an integer or a tuple of 2 integers.
        strides: an integer or a tuple of 2 integers.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        dilation_rate: an integer or a tuple of 2 integers.
        activation: activation of the candidate and of the carry.
        recurrent_activation: activation of the gates.
        use_bias: whether to add a bias.
        kernel_initializer, recurrent_initializer, bias_initializer: for
            the input kernel, the recurrent kernel and the bias.
        unit_forget_bias: start the forget gate's bias at one.
        kernel_regularizer, recurrent_regularizer, bias_regularizer,
        kernel_constraint, recurrent_constraint, bias_constraint: for the
            three weights.
        activity_regularizer: regularizer of the output.
        return_sequences: return the output of every step.
        go_backwards: read the sequence backwards.
        stateful: carry the final states over to the next batch (needs a
            fixed batch size).
        dropout: fraction of the input units to drop (training only; the
            same masks at every step of a batch).
        recurrent_dropout: fraction of the state units to drop (training
            only).

    `return_state=True` may be given as a keyword. Keras 1 names
    (`nb_filter`, `nb_row`/`nb_col`, `subsample`, `border_mode`,
    `dim_ordering`, `init`, `inner_init`, `inner_activation`,
    `W_regularizer`, `U_regularizer`, `b_regularizer`, `dropout_W`,
    `dropout_U`, `bias`, `forget_bias_init`) are accepted with a warning.

    # Input shape
        `(samples, time, channels, rows, cols)` (channels first) or
        `(samples, time, rows, cols, channels)` (channels last).

    # Output shape
        `(samples, [time,] filters, new_rows, new_cols)` (channels first)
        or `(samples, [time,] new_rows, new_cols, filters)`, the time axis
        with `return_sequences`.

    # Weights
        `kernel kernel_size + (channels, 4 * filters)`, `recurrent_kernel
        kernel_size + (filters, 4 * filters)`, `bias (4 * filters,)`.

    # Raises
        ValueError: see `ConvLSTM2DCell` and `RNN`.

    # Example
    ```python
        model = Sequential()
        model.add(ConvLSTM2D(8, (3, 3), padding='same',
                             return_sequences=True,
                             input_shape=(None, 16, 16, 1)))
    ```
    """

    @legacy_support(renamed={'nb_filter': 'filters',
                             'subsample': 'strides',
                             'border_mode': 'padding',
                             'dim_ordering': 'data_format',
                             'init': 'kernel_initializer',
                             'inner_init': 'recurrent_initializer',
                             'inner_activation': 'recurrent_activation',
                             'W_regularizer': 'kernel_regularizer',
                             'U_regularizer': 'recurrent_regularizer',
                             'b_regularizer': 'bias_regularizer',
                             'dropout_W': 'dropout',
                             'dropout_U': 'recurrent_dropout',
                             'bias': 'use_bias'},
                    value_renamed={'dim_ordering': DIM_ORDERING_VALUES},
                    preprocess=_convlstm2d_keras1_args)
    def __init__(self, filters, kernel_size, strides=(1, 1), padding='valid',
                 data_format=None, dilation_rate=(1, 1), activation='tanh',
                 recurrent_activation='hard_sigmoid', use_bias=True,
                 kernel_initializer='glorot_uniform',
                 recurrent_initializer='orthogonal',
                 bias_initializer='zeros', unit_forget_bias=True,
                 kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, return_sequences=False,
                 go_backwards=False, stateful=False, dropout=0.,
                 recurrent_dropout=0., **kwargs):
        cell = ConvLSTM2DCell(
            filters=filters, kernel_size=kernel_size, strides=strides,
            padding=padding, data_format=data_format,
            dilation_rate=dilation_rate, activation=activation,
            recurrent_activation=recurrent_activation, use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer,
            unit_forget_bias=unit_forget_bias,
            kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer,
            bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint,
            bias_constraint=bias_constraint, dropout=dropout,
            recurrent_dropout=recurrent_dropout)
        super(ConvLSTM2D, self).__init__(cell,
                                         return_sequences=return_sequences,
                                         go_backwards=go_backwards,
                                         stateful=stateful, **kwargs)
        self.activity_regularizer = regularizers.get(activity_regularizer)

    def call(self, inputs, mask=None, training=None, initial_state=None):
        return super(ConvLSTM2D, self).call(inputs, mask=mask,
                                            training=training,
                                            initial_state=initial_state)


for _name in ConvLSTM2DCell._fields:
    setattr(ConvLSTM2D, _name, _cell_property(_name))
