"""CuDNNGRU and CuDNNLSTM, and weight conversion to and from GRU and LSTM.

Keras 2.2 ran these layers only on a GPU, through NVIDIA's CuDNN kernels.
keras22 computes the same equations on any device, with the same weights,
so a model trained with them on a GPU runs and trains anywhere:

* `CuDNNGRU` is a GRU with the reset gate applied after the recurrent
  product, `sigmoid` gates and two biases: `GRU(reset_after=True,
  recurrent_activation='sigmoid')`.
* `CuDNNLSTM` is an LSTM with `sigmoid` gates and two biases whose sum
  acts as one: `LSTM(recurrent_activation='sigmoid')`.

Weight layout (as Keras 2.2 stored it, and as `.h5` files hold it): the
kernels have the plain layers' shapes and gate blocks (z, r, h for the
GRU; i, f, c, o for the LSTM), but each gate block holds the CuDNN matrix
`W` of shape `(units, rows)` written out row by row into a `(rows, units)`
array; the plain layers' block is `W.T`. So a block `b` of a CuDNN kernel
corresponds to `b.reshape(units, rows).T` in the plain layer (for the
square recurrent blocks, simply `b.T`). The bias is the input bias
followed by the recurrent bias: `(6 * units,)` for the GRU, `(8 * units,)`
for the LSTM.

The conversion helpers below turn weight lists from one layout into the
other, as Keras 2.2's model loader did (`keras/engine/saving.py`):

* `convert_cudnn_to_plain_weights(layer_class_name, weights)`
* `convert_plain_to_cudnn_weights(layer_class_name, weights)`
* `convert_rnn_weights(layer, weights)`: detects the layout of `weights`
  from the bias shape and converts them to the layout of `layer`.
"""
import collections

import numpy as np

from .. import backend as K
from .. import regularizers
from ..engine.base_layer import InputSpec, Layer, check_positive_int
from .recurrent import (RNN, _add_recurrent_weights, _forget_bias_initializer,
                        _gru_update, _lstm_update, _serialize_fields,
                        _set_weight_options, _split_gates)

__all__ = ['CuDNNGRU', 'CuDNNLSTM']


# ----------------------------------------------------------------------
# Weight layouts.

def _plain_block(block, units):
    """A CuDNN kernel gate block (tensor) in the plain layers' layout."""
    rows = K.int_shape(block)[0]
    return K.transpose(K.reshape(block, (units, rows)))


def _kernel_from_cudnn(kernel, units, n_gates):
    return K.concatenate([_plain_block(block, units)
                          for block in _split_gates(kernel, n_gates)])


def _blocks_from_cudnn(kernel, n_gates):
    units = kernel.shape[1] // n_gates
    return np.hstack([block.reshape(units, block.shape[0]).T
                      for block in np.hsplit(kernel, n_gates)])


def _blocks_to_cudnn(kernel, n_gates):
    return np.hstack([block.T.reshape(block.shape)
                      for block in np.hsplit(kernel, n_gates)])


_FAMILIES = {'GRU': 3, 'CuDNNGRU': 3, 'LSTM': 4, 'CuDNNLSTM': 4}


def _gate_count(function, layer_class_name):
    if layer_class_name not in _FAMILIES:
        raise ValueError('%s: `layer_class_name` must be one of %s, got %r.'
                         % (function, sorted(_FAMILIES), layer_class_name))
    return _FAMILIES[layer_class_name]


def _check_count(function, weights, counts):
    if len(weights) not in counts:
        raise ValueError('%s: expected %s weight arrays (kernel, recurrent '
                         'kernel[, bias]), got %d.'
                         % (function, ' or '.join(map(str, counts)),
                            len(weights)))


def convert_cudnn_to_plain_weights(layer_class_name, weights):
    """Converts CuDNNGRU or CuDNNLSTM weights for GRU or LSTM.

    The GRU weights fit `GRU(reset_after=True)` (its bias is `(2, 3 *
    units)`); the LSTM's two biases are summed into one.

    # Arguments
        layer_class_name: `'CuDNNGRU'` or `'CuDNNLSTM'` (`'GRU'` and
            `'LSTM'` name the same families).
        weights: `[kernel, recurrent_kernel, bias]` NumPy arrays in the
            CuDNN layout.

    # Returns
        The list of arrays in the plain layer's layout.

    # Raises
        ValueError: for an unknown class name or a wrong number of arrays.

    # Example
    ```python
        lstm.set_weights(convert_cudnn_to_plain_weights(
            'CuDNNLSTM', cudnn_lstm.get_weights()))
    ```
    """
    function = 'convert_cudnn_to_plain_weights'
    n_gates = _gate_count(function, layer_class_name)
    _check_count(function, weights, (3,))
    kernel, recurrent_kernel, bias = [np.asarray(w) for w in weights]
    kernel = _blocks_from_cudnn(kernel, n_gates)
    recurrent_kernel = _blocks_from_cudnn(recurrent_kernel, n_gates)
    if n_gates == 3:
        bias = bias.reshape((2, -1))
    else:
        bias = np.sum(np.split(bias, 2), axis=0)
    return [kernel, recurrent_kernel, bias]


def convert_plain_to_cudnn_weights(layer_class_name, weights):
    """Converts GRU(reset_after=True) or LSTM weights for CuDNNGRU or
    CuDNNLSTM.

    An LSTM bias is split in two equal halves (only their sum matters); a
    layer without bias gets zero biases.

    # Arguments
        layer_class_name: `'GRU'` or `'LSTM'` (`'CuDNNGRU'` and
            `'CuDNNLSTM'` name the same families).
        weights: `[kernel, recurrent_kernel]` or `[kernel,
            recurrent_kernel, bias]` NumPy arrays of the plain layer.

    # Returns
        `[kernel, recurrent_kernel, bias]` in the CuDNN layout.

    # Raises
        ValueError: for an unknown class name, a wrong number of arrays, or
            the weights of a `GRU(reset_after=False)`, which CuDNNGRU cannot
            represent.
    """
    function = 'convert_plain_to_cudnn_weights'
    n_gates = _gate_count(function, layer_class_name)
    _check_count(function, weights, (2, 3))
    kernel, recurrent_kernel = [np.asarray(w) for w in weights[:2]]
    units = recurrent_kernel.shape[0]
    if len(weights) == 2:
        bias = np.zeros((2 * n_gates * units,), kernel.dtype)
    else:
        bias = np.asarray(weights[2])
        if n_gates == 3:
            if bias.shape != (2, 3 * units):
                raise ValueError('%s: a GRU bias of shape %s comes from '
                                 'GRU(reset_after=False), which is not '
                                 'compatible with CuDNNGRU; use '
                                 'GRU(reset_after=True).'
                                 % (function, bias.shape))
            bias = bias.reshape(-1)
        else:
            bias = np.tile(0.5 * bias, 2)
    return [_blocks_to_cudnn(kernel, n_gates),
            _blocks_to_cudnn(recurrent_kernel, n_gates), bias]


def _layout_of(family, weights):
    """'cudnn', 'plain' or 'plain_reset_before' from the bias shape."""
    n_gates = _FAMILIES[family]
    if len(weights) == 2:
        return 'plain'
    units = np.shape(weights[1])[0]
    shape = np.shape(weights[2])
    if shape == (2 * n_gates * units,):
        return 'cudnn'
    if shape == (2, n_gates * units) and n_gates == 3:
        return 'plain'
    if shape == (n_gates * units,):
        return 'plain' if n_gates == 4 else 'plain_reset_before'
    raise ValueError('convert_rnn_weights: invalid bias shape %s for a %s '
                     'layer of %d units.' % (shape, family, units))


def convert_rnn_weights(layer, weights):
    """Converts RNN weights of either layout to the layout of `layer`.

    This is what Keras 2.2's loader did when a file saved from a CuDNN
    layer is loaded into a plain one, or the reverse. The layout of
    `weights` is told by the bias shape; weights already in the right
    layout, and weights of other layers, are returned unchanged.
    `Bidirectional` wrappers are converted half by half.

    # Arguments
        layer: the layer that will receive the weights.
        weights: the list of NumPy arrays to load.

    # Returns
        The list of arrays for `layer.set_weights`.

    # Raises
        ValueError: between `CuDNNGRU` and `GRU(reset_after=False)`, which
            compute different functions; for CuDNN weights loaded into a
            layer without bias; for an invalid bias shape.
    """
    name = layer.__class__.__name__
    if name == 'Bidirectional':
        half = len(weights) // 2
        return (convert_rnn_weights(layer.forward_layer, weights[:half]) +
                convert_rnn_weights(layer.backward_layer, weights[half:]))
    if name not in _FAMILIES or len(weights) not in (2, 3):
        return weights
    source = _layout_of(name, weights)
    target_cudnn = name.startswith('CuDNN')
    if name == 'GRU' and not layer.reset_after:
        if source == 'cudnn':
            raise ValueError('Layer %s: CuDNNGRU weights are not compatible '
                             'with GRU(reset_after=False); use '
                             'GRU(reset_after=True).' % layer.name)
        return weights
    if source == 'plain_reset_before':
        if target_cudnn or name == 'GRU':
            raise ValueError('Layer %s: GRU(reset_after=False) weights are '
                             'not compatible with %s.'
                             % (layer.name, 'CuDNNGRU' if target_cudnn
                                else 'GRU(reset_after=True)'))
    if target_cudnn and source != 'cudnn':
        return convert_plain_to_cudnn_weights(name, weights)
    if not target_cudnn and source == 'cudnn':
        if not getattr(layer, 'use_bias', True):
            raise ValueError('Layer %s has no bias, but the CuDNN weights '
                             'being loaded have one.' % layer.name)
        return convert_cudnn_to_plain_weights(name, weights)
    return weights


# ----------------------------------------------------------------------
# Layers.

class _CuDNNRNN(RNN):
    """What the CuDNN layers share: no cell object, no masking, no dropout,
    a fused computation of the input projections of every time step."""

    _n_gates = None

    def __init__(self, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, **kwargs):
        # RNN.__init__ expects a cell; these layers compute the steps
        # themselves and only describe their states through `cell`.
        Layer.__init__(self, **kwargs)
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.unroll = False
        self.supports_masking = False
        self.input_spec = [InputSpec(ndim=3)]
        self.state_spec = [InputSpec(shape=shape)
                           for shape in self._state_shapes((None,))]
        self.constants_spec = None
        self._states = None
        self._num_constants = None

    def _init_options(self, units, kernel_initializer, recurrent_initializer,
                      bias_initializer, kernel_regularizer,
                      recurrent_regularizer, bias_regularizer,
                      activity_regularizer, kernel_constraint,
                      recurrent_constraint, bias_constraint):
        self.units = check_positive_int(type(self).__name__, 'units', units)
        _set_weight_options(self, kernel_initializer, recurrent_initializer,
                           bias_initializer, kernel_regularizer,
                           recurrent_regularizer, bias_regularizer,
                           kernel_constraint, recurrent_constraint,
                           bias_constraint)
        self.activity_regularizer = regularizers.get(activity_regularizer)

    def build(self, input_shape):
        super(_CuDNNRNN, self).build(input_shape)
        if isinstance(input_shape, list):
            input_shape = input_shape[0]
        input_dim = input_shape[-1]
        if input_dim is None:
            raise ValueError('Layer %s: the last dimension of the inputs '
                             'must be known, got input shape %s.'
                             % (self.name, tuple(input_shape)))
        gates = self._n_gates * self.units
        _add_recurrent_weights(self, (input_dim, gates), (self.units, gates),
                              (2 * gates,), self._bias_initializer())
        self.built = True

    def _bias_initializer(self):
        return None

    def call(self, inputs, mask=None, training=None, initial_state=None):
        if isinstance(mask, list):
            mask = mask[0]
        if mask is not None:
            raise ValueError('Layer %s: masking is not supported by the '
                             'CuDNN recurrent layers (as in Keras 2.2); '
                             'use GRU(reset_after=True, recurrent_activation='
                             '"sigmoid") or LSTM(recurrent_activation='
                             '"sigmoid") with the converted weights '
                             'instead.' % self.name)
        full_inputs = inputs
        inputs, initial_state, _ = self._split_inputs(inputs, initial_state,
                                                      None)
        if initial_state is not None:
            initial_state = list(initial_state)
            self._check_initial_state(initial_state)
        elif self.stateful:
            initial_state = self.states
        else:
            initial_state = self.get_initial_state(inputs)
        initial_state = [K.identity(s) if hasattr(s, 'assign') else s
                         for s in initial_state]
        last_output, outputs, states = self._process_batch(inputs,
                                                           initial_state)
        if self.stateful:
            self._carry_states(states, full_inputs)
        output = outputs if self.return_sequences else last_output
        if self.return_state:
            return [output] + states
        return output

    def _run(self, step, projected, initial_state):
        last_output, outputs, states = K.rnn(
            step, projected, initial_state, go_backwards=self.go_backwards)
        return last_output, outputs, list(states)

    def get_config(self):
        config = {'return_sequences': self.return_sequences,
                  'return_state': self.return_state,
                  'go_backwards': self.go_backwards,
                  'stateful': self.stateful}
        config.update(_serialize_fields(self, self._fields))
        base = Layer.get_config(self)
        return dict(list(base.items()) + list(config.items()))

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    @property
    def trainable_weights(self):
        if self.trainable and self.built:
            return [self.kernel, self.recurrent_kernel, self.bias]
        return []

    @property
    def non_trainable_weights(self):
        if not self.trainable and self.built:
            return [self.kernel, self.recurrent_kernel, self.bias]
        return []

    @property
    def losses(self):
        return Layer.losses.fget(self)

    def get_losses_for(self, inputs=None):
        return Layer.get_losses_for(self, inputs)


_FIELDS = ('units', 'kernel_initializer', 'recurrent_initializer',
           'bias_initializer', 'kernel_regularizer', 'recurrent_regularizer',
           'bias_regularizer', 'activity_regularizer', 'kernel_constraint',
           'recurrent_constraint', 'bias_constraint')


class CuDNNGRU(_CuDNNRNN):
    """The GRU that NVIDIA's CuDNN computes, on any device.

    It equals `GRU(units, reset_after=True, recurrent_activation=
    'sigmoid')` with converted weights (see the module documentation and
    `convert_cudnn_to_plain_weights`). Keras 2.2 required a GPU; keras22
    computes the same results on the CPU.

    # Arguments
        units: positive integer, the size of the output.
        kernel_initializer, recurrent_initializer, bias_initializer,
        kernel_regularizer, recurrent_regularizer, bias_regularizer,
        kernel_constraint, recurrent_constraint, bias_constraint: for the
            input kernel, the recurrent kernel and the (double) bias.
        activity_regularizer: regularizer of the output.
        return_sequences: return the output of every step.
        return_state: return the final state after the output.
        stateful: carry the final state over to the next batch (needs a
            fixed batch size).
        go_backwards: read the sequence backwards (keyword only).

    # Input shape
        `(batch_size, timesteps, input_dim)`; no masks.

    # Output shape
        `(batch_size, units)`, or `(batch_size, timesteps, units)` with
        `return_sequences`; with `return_state`, the output and the state.

    # Weights
        `kernel (input_dim, 3 * units)`, `recurrent_kernel (units, 3 *
        units)` (gates z, r, h, CuDNN layout), `bias (6 * units,)` (input
        then recurrent biases).

    # Raises
        ValueError: for a mask, non-positive `units`, or see `RNN`.
    """

    _n_gates = 3
    _fields = _FIELDS

    def __init__(self, units, kernel_initializer='glorot_uniform',
                 recurrent_initializer='orthogonal',
                 bias_initializer='zeros', kernel_regularizer=None,
                 recurrent_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None,
                 return_sequences=False, return_state=False, stateful=False,
                 **kwargs):
        self.units = check_positive_int('CuDNNGRU', 'units', units)
        super(CuDNNGRU, self).__init__(return_sequences=return_sequences,
                                       return_state=return_state,
                                       stateful=stateful, **kwargs)
        self._init_options(units, kernel_initializer, recurrent_initializer,
                           bias_initializer, kernel_regularizer,
                           recurrent_regularizer, bias_regularizer,
                           activity_regularizer, kernel_constraint,
                           recurrent_constraint, bias_constraint)

    @property
    def cell(self):
        return collections.namedtuple('cell', 'state_size')(
            state_size=self.units)

    def _process_batch(self, inputs, initial_state):
        units = self.units
        kernel = _kernel_from_cudnn(self.kernel, units, 3)
        recurrent_kernel = _kernel_from_cudnn(self.recurrent_kernel, units, 3)
        input_bias, recurrent_bias = _split_gates(self.bias, 2)
        projected = K.bias_add(K.dot(inputs, kernel), input_bias)

        def step(x_t, states):
            h_tm1 = states[0]
            inner = K.bias_add(K.dot(h_tm1, recurrent_kernel),
                               recurrent_bias)
            x_z, x_r, x_h = _split_gates(x_t, 3)
            rec_z, rec_r, rec_h = _split_gates(inner, 3)
            h = _gru_update(x_z, x_r, x_h, rec_z, rec_r,
                           lambda r: r * rec_h, h_tm1, K.tanh, K.sigmoid)
            return h, [h]
        return self._run(step, projected, initial_state)


class CuDNNLSTM(_CuDNNRNN):
    """The LSTM that NVIDIA's CuDNN computes, on any device.

    It equals `LSTM(units, recurrent_activation='sigmoid')` with converted
    weights (the two biases summed; see the module documentation and
    `convert_cudnn_to_plain_weights`). Keras 2.2 required a GPU; keras22
    computes the same results on the CPU.

    # Arguments
        units: positive integer, the size of the output.
        kernel_initializer, recurrent_initializer, bias_initializer: for
            the input kernel, the recurrent kernel and the (double) bias.
        unit_forget_bias: start the recurrent forget-gate bias at one.
        kernel_regularizer, recurrent_regularizer, bias_regularizer,
        kernel_constraint, recurrent_constraint, bias_constraint: for the
            three weights.
        activity_regularizer: regularizer of the output.
        return_sequences: return the output of every step.
        return_state: return the final states `h`, `c` after the output.
        stateful: carry the final states over to the next batch (needs a
            fixed batch size).
        go_backwards: read the sequence backwards (keyword only).

    # Input shape
        `(batch_size, timesteps, input_dim)`; no masks.

    # Output shape
        `(batch_size, units)`, or `(batch_size, timesteps, units)` with
        `return_sequences`; with `return_state`, the output, `h` and `c`.

    # Weights
        `kernel (input_dim, 4 * units)`, `recurrent_kernel (units, 4 *
        units)` (gates i, f, c, o, CuDNN layout), `bias (8 * units,)`
        (input then recurrent biases).

    # Raises
        ValueError: for a mask, non-positive `units`, or see `RNN`.
    """

    _n_gates = 4
    _fields = _FIELDS[:4] + ('unit_forget_bias',) + _FIELDS[4:]

    def __init__(self, units, kernel_initializer='glorot_uniform',
                 recurrent_initializer='orthogonal',
                 bias_initializer='zeros', unit_forget_bias=True,
                 kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, return_sequences=False,
                 return_state=False, stateful=False, **kwargs):
        self.units = check_positive_int('CuDNNLSTM', 'units', units)
        super(CuDNNLSTM, self).__init__(return_sequences=return_sequences,
                                        return_state=return_state,
                                        stateful=stateful, **kwargs)
        self._init_options(units, kernel_initializer, recurrent_initializer,
                           bias_initializer, kernel_regularizer,
                           recurrent_regularizer, bias_regularizer,
                           activity_regularizer, kernel_constraint,
                           recurrent_constraint, bias_constraint)
        self.unit_forget_bias = unit_forget_bias

    @property
    def cell(self):
        return collections.namedtuple('cell', 'state_size')(
            state_size=(self.units, self.units))

    def _bias_initializer(self):
        if not self.unit_forget_bias:
            return None
        # The recurrent half's forget block (the sixth of eight) starts at
        # one, so the two biases sum to one there.
        return _forget_bias_initializer(self.bias_initializer, self.units,
                                       before=5, after=2)

    def _process_batch(self, inputs, initial_state):
        units = self.units
        kernel = _kernel_from_cudnn(self.kernel, units, 4)
        recurrent_kernel = _kernel_from_cudnn(self.recurrent_kernel, units, 4)
        input_bias, recurrent_bias = _split_gates(self.bias, 2)
        projected = K.bias_add(K.dot(inputs, kernel),
                               input_bias + recurrent_bias)

        def step(x_t, states):
            h_tm1, c_tm1 = states[0], states[1]
            z = x_t + K.dot(h_tm1, recurrent_kernel)
            pre_i, pre_f, pre_c, pre_o = _split_gates(z, 4)
            h, c = _lstm_update(pre_i, pre_f, pre_c, pre_o, c_tm1, K.tanh,
                               K.sigmoid)
            return h, [h, c]
        return self._run(step, projected, initial_state)
