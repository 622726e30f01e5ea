"""Keras 1 recurrent base classes that Keras 2.2 kept for old custom layers:
`Recurrent` and `ConvRecurrent2D`.

Before cells existed, a custom recurrent layer subclassed `Recurrent`,
created its weights and `self.states` in `build`, and implemented
`step(inputs, states)`; `get_constants` and `preprocess_input` let it
prepare tensors once per batch. These classes keep that contract.
"""
import numpy as np

from .. import backend as K
from ..backend import graph as graph_lib
from ..engine.base_layer import InputSpec, Layer
from ..utils import conv_utils
from ..utils.generic_utils import to_list

__all__ = ['Recurrent', 'ConvRecurrent2D']


def _stateful_error(layer, shape):
    return ValueError(
        'Layer %s is stateful, so it needs to know its batch size; its '
        'input shape is %s. Specify the batch size of your inputs:\n'
        '- with a Sequential model, pass a `batch_input_shape` argument to '
        'the first layer;\n'
        '- with the functional API, pass a `batch_shape` argument to your '
        'Input layer.' % (layer.name, shape))


class Recurrent(Layer):
    """The Keras 1 base class of recurrent layers; do not use it directly.

    A subclass creates its weights in `build`, sets `self.states` to a
    list with one `None` per state (calling `self.reset_states()` when
    stateful), defines `units`, and implements `step`. The layers of Keras
    2 (`SimpleRNN`, `GRU`, `LSTM`) are `RNN`s driven by cells instead.

    # Arguments
        return_sequences: return the output of every step rather than only
            the last one.
        return_state: return the final states after the output.
        go_backwards: read the sequence backwards.
        stateful: carry the final states of a batch over to the next batch
            (needs a fixed batch size).
        unroll: build one copy of the step per time step instead of a loop.
        implementation: kept for subclasses (0, 1 or 2).

    # Input shape
        `(batch_size, timesteps, input_dim)`

    # Output shape
        `(batch_size, units)`, or `(batch_size, timesteps, units)` with
        `return_sequences`; with `return_state`, the output and the states.

    # Raises
        ValueError: for a wrong number of initial states, `unroll` with an
            unknown number of steps, or a stateful layer without a batch
            size.

    # Example
    ```python
        class MinimalRNN(Recurrent):
            def __init__(self, units, **kwargs):
                super(MinimalRNN, self).__init__(**kwargs)
                self.units = units

            def build(self, input_shape):
                self.kernel = self.add_weight('kernel',
                                              (input_shape[-1], self.units))
                self.states = [None]
                self.built = True

            def step(self, inputs, states):
                output = K.dot(inputs, self.kernel) + states[0]
                return output, [output]
    ```
    """

    def __init__(self, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, unroll=False,
                 implementation=0, **kwargs):
        super(Recurrent, self).__init__(**kwargs)
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.unroll = unroll
        self.implementation = implementation
        self.supports_masking = True
        self.input_spec = [InputSpec(ndim=3)]
        self.state_spec = None
        self.dropout = 0
        self.recurrent_dropout = 0
        self.states = [None]

    def compute_output_shape(self, input_shape):
        if isinstance(input_shape, list):
            input_shape = input_shape[0]
        if self.return_sequences:
            output_shape = (input_shape[0], input_shape[1], self.units)
        else:
            output_shape = (input_shape[0], self.units)
        if self.return_state:
            return [output_shape] + [(input_shape[0], self.units)
                                     for _ in self.states]
        return output_shape

    def compute_mask(self, inputs, mask):
        if isinstance(mask, list):
            mask = mask[0]
        output_mask = mask if self.return_sequences else None
        if self.return_state:
            return [output_mask] + [None] * len(self.states)
        return output_mask

    def step(self, inputs, states):
        """One time step: returns `(output, new_states)`.

        `states` holds the current states followed by `get_constants`'s
        tensors.
        """
        raise NotImplementedError

    def get_constants(self, inputs, training=None):
        """Tensors computed once per batch and handed to every step."""
        return []

    def get_initial_state(self, inputs):
        """Zero states `(batch, units)`, one per entry of `self.states`."""
        column = K.zeros_like(inputs[:, 0, :1])
        return [K.tile(column, [1, self.units]) for _ in self.states]

    def preprocess_input(self, inputs, training=None):
        """A transformation of the whole input sequence before the loop."""
        return inputs

    def __call__(self, inputs, initial_state=None, **kwargs):
        if isinstance(inputs, (list, tuple)) and len(inputs) > 1 and \
                initial_state is None:
            initial_state = list(inputs[1:])
            inputs = inputs[0]
        if initial_state is None:
            return super(Recurrent, self).__call__(inputs, **kwargs)
        initial_state = to_list(initial_state, allow_tuple=True)
        kinds = set(hasattr(s, '_keras_history') for s in initial_state)
        if len(kinds) > 1:
            raise ValueError('Layer %s: the initial state of an RNN layer '
                             'cannot be a mix of Keras tensors and other '
                             'tensors.' % self.name)
        if kinds == {True}:
            input_spec = to_list(self.input_spec)
            state_spec = to_list(self.state_spec) if self.state_spec \
                else [None] * len(initial_state)
            self.input_spec = input_spec + state_spec
            try:
                return super(Recurrent, self).__call__(
                    [inputs] + initial_state, **kwargs)
            finally:
                self.input_spec = self.input_spec[:len(input_spec)]
        kwargs['initial_state'] = initial_state
        return super(Recurrent, self).__call__(inputs, **kwargs)

    def call(self, inputs, mask=None, training=None, initial_state=None):
        full_inputs = inputs
        if isinstance(inputs, list):
            initial_state = inputs[1:]
            inputs = inputs[0]
        elif initial_state is None:
            initial_state = (self.states if self.stateful
                             else self.get_initial_state(inputs))
        if isinstance(mask, list):
            mask = mask[0]
        if len(initial_state) != len(self.states):
            raise ValueError('Layer %s has %d states but was passed %d '
                             'initial states.' % (self.name, len(self.states),
                                                  len(initial_state)))
        initial_state = [K.identity(s) if hasattr(s, 'assign') else s
                         for s in initial_state]
        timesteps = K.int_shape(inputs)[1]
        if self.unroll and timesteps is None:
            raise ValueError('Layer %s: cannot unroll an RNN whose time '
                             'dimension is undefined; give the input a '
                             'known number of timesteps.' % self.name)
        constants = self.get_constants(inputs, training=training)
        preprocessed = self.preprocess_input(inputs, training=training)
        last_output, outputs, states = K.rnn(
            self.step, preprocessed, initial_state,
            go_backwards=self.go_backwards, mask=mask, constants=constants,
            unroll=self.unroll, input_length=timesteps)
        states = list(states)
        if self.stateful:
            if graph_lib.is_symbolic(states[0]):
                self.add_update([K.update(var, new) for var, new in
                                 zip(self.states, states)], full_inputs)
            else:
                for var, new in zip(self.states, states):
                    var.assign(new)
        if 0 < self.dropout + self.recurrent_dropout:
            last_output._uses_learning_phase = True
            outputs._uses_learning_phase = True
        output = outputs if self.return_sequences else last_output
        if self.return_state:
            return [output] + states
        return output

    def _state_shapes(self):
        spec = to_list(self.input_spec)[0]
        batch_size = spec.shape[0] if spec is not None and spec.shape \
            else None
        if not batch_size:
            raise _stateful_error(self, spec.shape if spec else None)
        return [(batch_size, self.units) for _ in self.states]

    def reset_states(self, states=None):
        """Zeros the states of a stateful layer, or sets them to `states`
        (one array per state).

        # Raises
            AttributeError: if the layer is not stateful.
            ValueError: without a batch size, or for a wrong number or
                shape of arrays.
        """
        if not self.stateful:
            raise AttributeError('Layer %s must be stateful.' % self.name)
        shapes = self._state_shapes()
        if self.states[0] is None:
            self.states = [K.zeros(shape) for shape in shapes]
        if states is None:
            K.batch_set_value([(var, np.zeros(shape)) for var, shape in
                               zip(self.states, shapes)])
            return
        states = to_list(states, allow_tuple=True)
        if len(states) != len(self.states):
            raise ValueError('Layer %s expects %d states, but it received %d '
                             'state values.' % (self.name, len(self.states),
                                                len(states)))
        for index, (value, shape) in enumerate(zip(states, shapes)):
            if np.shape(value) != tuple(shape):
                raise ValueError('State %d is incompatible with layer %s: '
                                 'expected shape=%s, found shape=%s.'
                                 % (index, self.name, tuple(shape),
                                    np.shape(value)))
        K.batch_set_value(list(zip(self.states, states)))

    def get_config(self):
        config = {'return_sequences': self.return_sequences,
                  'return_state': self.return_state,
                  'go_backwards': self.go_backwards,
                  'stateful': self.stateful,
                  'unroll': self.unroll,
                  'implementation': self.implementation}
        base = super(Recurrent, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class ConvRecurrent2D(Recurrent):
    """The Keras 1 base class of convolutional recurrent layers; do not use
    it directly.

    Like `Recurrent`, for sequences of images: a subclass builds its
    kernels and states and implements `step`.

    # Arguments
        filters: the number of output channels.
        kernel_size: an integer or a tuple of 2 integers.
        strides: an integer or a tuple of 2 integers.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` (frames `(rows, cols, channels)`)
            or `'channels_first'` (default: `image_data_format()`).
        dilation_rate: an integer or a tuple of 2 integers.
        return_sequences: return the output of every step.
        go_backwards: read the sequence backwards.
        stateful: carry the final states over to the next batch.

    # Input shape
        `(batch, timesteps, channels, rows, cols)` (channels first) or
        `(batch, timesteps, rows, cols, channels)` (channels last).

    # Output shape
        The convolution's output frames, one per step with
        `return_sequences`, else only the last.

    # Raises
        ValueError: for malformed convolution arguments.
    """

    def __init__(self, filters, kernel_size, strides=(1, 1), padding='valid',
                 data_format=None, dilation_rate=(1, 1),
                 return_sequences=False, go_backwards=False, stateful=False,
                 **kwargs):
        super(ConvRecurrent2D, self).__init__(**kwargs)
        name = type(self).__name__
        self.filters = filters
        self.kernel_size = conv_utils._check_int_tuple(
            name, 'kernel_size', kernel_size, 2)
        self.strides = conv_utils._check_int_tuple(name, 'strides', strides,
                                                   2)
        self.padding = conv_utils._check_padding(name, padding)
        self.data_format = conv_utils._check_data_format(name, data_format)
        self.dilation_rate = conv_utils._check_int_tuple(
            name, 'dilation_rate', dilation_rate, 2)
        self.return_sequences = return_sequences
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.input_spec = [InputSpec(ndim=5)]
        self.state_spec = None

    def compute_output_shape(self, input_shape):
        if isinstance(input_shape, list):
            input_shape = input_shape[0]
        first = self.data_format == 'channels_first'
        rows, cols = input_shape[3:5] if first else input_shape[2:4]
        rows, cols = [conv_utils.conv_output_length(length, k, self.padding,
                                                    s, d)
                      for length, k, s, d in zip(
                          (rows, cols), self.kernel_size, self.strides,
                          self.dilation_rate)]
        frame = ((self.filters, rows, cols) if first
                 else (rows, cols, self.filters))
        if self.return_sequences:
            output_shape = (input_shape[0], input_shape[1]) + frame
        else:
            output_shape = (input_shape[0],) + frame
        if self.return_state:
            return [output_shape] + [(input_shape[0],) + frame
                                     for _ in range(2)]
        return output_shape

    def get_config(self):
        config = {'filters': self.filters,
                  'kernel_size': self.kernel_size,
                  'strides': self.strides,
                  'padding': self.padding,
                  'data_format': self.data_format,
                  'dilation_rate': self.dilation_rate,
                  'return_sequences': self.return_sequences,
                  'go_backwards': self.go_backwards,
                  'stateful': self.stateful}
        base = super(ConvRecurrent2D, self).get_config()
        return dict(list(base.items()) + list(config.items()))
