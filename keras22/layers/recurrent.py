"""Recurrent layers: the generic `RNN` driven by a cell, the cells of the
simple, gated-recurrent-unit and long-short-term-memory networks, the layers
built on them, and `StackedRNNCells`.

A cell computes one time step: `cell.call(inputs, states)` returns the step
output and the new states, and `cell.state_size` tells how many states it
keeps and how wide they are. `RNN` runs a cell over the time axis with
`K.rnn`, and handles what is common to every recurrent layer: masks,
`go_backwards`, `unroll`, initial states given as tensors or Keras inputs,
constants, returned states and stateful operation.
"""
import contextlib
import warnings

import numpy as np

from .. import activations
from .. import backend as K
from .. import constraints
from .. import initializers
from .. import regularizers
from ..backend import graph as graph_lib
from ..engine.base_layer import InputSpec, Layer, check_positive_int
from ..legacy.interfaces import legacy_support
from ..legacy.recurrent_layers import Recurrent  # noqa: F401 (2.2 export)
from ..utils.generic_utils import has_arg, to_list

__all__ = ['RNN', 'StackedRNNCells', 'SimpleRNNCell', 'GRUCell', 'LSTMCell',
           'SimpleRNN', 'GRU', 'LSTM']


# ----------------------------------------------------------------------
# Helpers shared by the recurrent layers of this package.

def _check_fraction(layer_name, argument, value):
    """A dropout fraction must be a number in [0, 1].

    Keras 2.2 clipped any value silently; keras22 refuses it.

    # Raises
        ValueError: naming the layer and the argument.
    """
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValueError('%s: `%s` must be a number between 0 and 1, got %r.'
                         % (layer_name, argument, value))
    if not 0. <= value <= 1.:
        raise ValueError('%s: `%s` must be between 0 and 1, got %r.'
                         % (layer_name, argument, value))
    return value


def _check_implementation(layer_name, implementation):
    """`implementation` is 1 or 2 (0, Keras 1's default, now means 1)."""
    if implementation == 0:
        warnings.warn('%s: `implementation=0` has been deprecated, and now '
                      'defaults to `implementation=1`. Please update your '
                      'layer call.' % layer_name, stacklevel=3)
        return 1
    if implementation not in (1, 2):
        raise ValueError('%s: `implementation` must be 1 or 2, got %r.'
                         % (layer_name, implementation))
    return int(implementation)


def _set_weight_options(owner, kernel_initializer, recurrent_initializer,
                       bias_initializer, kernel_regularizer,
                       recurrent_regularizer, bias_regularizer,
                       kernel_constraint, recurrent_constraint,
                       bias_constraint):
    """Resolves and stores the initializers, regularizers and constraints
    of a kernel, a recurrent kernel and a bias."""
    owner.kernel_initializer = initializers.get(kernel_initializer)
    owner.recurrent_initializer = initializers.get(recurrent_initializer)
    owner.bias_initializer = initializers.get(bias_initializer)
    owner.kernel_regularizer = regularizers.get(kernel_regularizer)
    owner.recurrent_regularizer = regularizers.get(recurrent_regularizer)
    owner.bias_regularizer = regularizers.get(bias_regularizer)
    owner.kernel_constraint = constraints.get(kernel_constraint)
    owner.recurrent_constraint = constraints.get(recurrent_constraint)
    owner.bias_constraint = constraints.get(bias_constraint)


def _add_recurrent_weights(owner, kernel_shape, recurrent_shape, bias_shape,
                          bias_initializer=None):
    """Creates `kernel`, `recurrent_kernel` and (when `bias_shape` is given)
    `bias`, in the order Keras 2.2 saved them."""
    owner.kernel = owner.add_weight(
        shape=kernel_shape, name='kernel',
        initializer=owner.kernel_initializer,
        regularizer=owner.kernel_regularizer,
        constraint=owner.kernel_constraint)
    owner.recurrent_kernel = owner.add_weight(
        shape=recurrent_shape, name='recurrent_kernel',
        initializer=owner.recurrent_initializer,
        regularizer=owner.recurrent_regularizer,
        constraint=owner.recurrent_constraint)
    if bias_shape is None:
        owner.bias = None
        return
    owner.bias = owner.add_weight(
        shape=bias_shape, name='bias',
        initializer=bias_initializer or owner.bias_initializer,
        regularizer=owner.bias_regularizer,
        constraint=owner.bias_constraint)


def _forget_bias_initializer(base, units, before, after):
    """An initializer for a concatenation of gate biases where the forget
    gate starts at one: `before` blocks of `base`, one block of ones, then
    `after` blocks of `base`, each block `units` wide."""
    def initializer(shape, dtype=None):
        return K.concatenate([
            base((units * before,), dtype=dtype),
            initializers.Ones()((units,), dtype=dtype),
            base((units * after,), dtype=dtype)])
    return initializer


def _split_gates(x, count, axis=-1):
    """Splits the last (or `axis`) dimension of `x` into `count` equal gate
    blocks, in the order the weights store them."""
    size = K.int_shape(x)[axis] // count
    blocks = []
    for index in range(count):
        where = [slice(None)] * len(K.int_shape(x))
        where[axis] = slice(index * size, (index + 1) * size)
        blocks.append(x[tuple(where)])
    return blocks


def _lstm_update(pre_i, pre_f, pre_c, pre_o, c_tm1, activation,
                recurrent_activation):
    """One LSTM update from the four gate pre-activations.

    # Returns
        The new output (and memory) `h` and the new carry `c`.
    """
    i = recurrent_activation(pre_i)
    f = recurrent_activation(pre_f)
    c = f * c_tm1 + i * activation(pre_c)
    o = recurrent_activation(pre_o)
    return o * activation(c), c


def _gru_update(x_z, x_r, x_h, rec_z, rec_r, recurrent_h, h_tm1, activation,
               recurrent_activation):
    """One GRU update.

    # Arguments
        x_z, x_r, x_h: the input's contributions to the update gate, the
            reset gate and the candidate.
        rec_z, rec_r: the previous state's contributions to the two gates.
        recurrent_h: a function of the reset gate giving the previous
            state's contribution to the candidate (so both "reset before"
            and "reset after" variants fit).
        h_tm1: the previous state.

    # Returns
        The new state.
    """
    z = recurrent_activation(x_z + rec_z)
    r = recurrent_activation(x_r + rec_r)
    candidate = activation(x_h + recurrent_h(r))
    return z * h_tm1 + (1 - z) * candidate


def _serialize_fields(owner, names):
    """The config entries of `names`, serialized according to their kind
    (activations, initializers, regularizers, constraints, plain values)."""
    config = {}
    for name in names:
        value = getattr(owner, name)
        if name.endswith('activation'):
            value = activations.serialize(value)
        elif name.endswith('_initializer'):
            value = initializers.serialize(value)
        elif name.endswith('_regularizer'):
            value = regularizers.serialize(value)
        elif name.endswith('_constraint'):
            value = constraints.serialize(value)
        config[name] = value
    return config


def _generate_dropout_mask(ones, rate, training=None, count=1):
    """Dropout masks shaped like `ones`: dropped in the training phase, all
    ones otherwise. One mask, or a list of `count` independent masks."""
    def dropped():
        return K.dropout(ones, rate)
    masks = [K.in_train_phase(dropped, ones, training=training)
             for _ in range(count)]
    return masks[0] if count == 1 else masks


def _gate_masks(mask, count):
    """A list of `count` masks (or `None`s) from what a cell stored."""
    if mask is None:
        return [None] * count
    if isinstance(mask, (list, tuple)):
        return list(mask)
    return [mask] * count


def _masked(x, mask):
    return x if mask is None else x * mask


def _state_sizes(cell):
    size = cell.state_size
    if hasattr(size, '__len__'):
        return list(size)
    return [size]


def _output_size(cell):
    size = getattr(cell, 'output_size', None)
    if size is not None:
        return size
    return _state_sizes(cell)[0]


def _is_keras_tensor(x):
    return K.is_tensor(x) and hasattr(x, '_keras_history')


def _static_shape(x):
    if K.is_tensor(x):
        try:
            return K.int_shape(x)
        except (TypeError, ValueError):
            return None
    return np.shape(x)


def _standardize_args(inputs, initial_state, constants, num_constants):
    """Separates the main input, the initial states and the constants.

    A layer rebuilt from a config receives initial states and constants as
    extra entries of its input list rather than as keyword arguments.

    # Returns
        `(inputs, initial_state, constants)`, the last two lists or `None`.

    # Raises
        ValueError: if a list of inputs comes with `initial_state` or
            `constants` as well.
    """
    if isinstance(inputs, (list, tuple)):
        if initial_state is not None or constants is not None:
            raise ValueError('When `initial_state` or `constants` are given '
                             'as keyword arguments, the layer input must be '
                             'a single tensor, not a list.')
        inputs = list(inputs)
        if num_constants:
            constants = inputs[len(inputs) - num_constants:]
            inputs = inputs[:len(inputs) - num_constants]
        if len(inputs) > 1:
            initial_state = inputs[1:]
        inputs = inputs[0]

    def as_list(value):
        if value is None or isinstance(value, list):
            return value
        if isinstance(value, tuple):
            return list(value)
        return [value]

    return inputs, as_list(initial_state), as_list(constants)


def _read(state):
    """A state as a tensor of the current graph (variables are read)."""
    if isinstance(state, np.ndarray):
        return K.constant(state)
    if hasattr(state, 'assign'):
        return K.identity(state)
    return state


def _all_cells(cell):
    if isinstance(cell, StackedRNNCells):
        result = []
        for sub in cell.cells:
            result.extend(_all_cells(sub))
        return result
    return [cell]


@contextlib.contextmanager
def _weights_named_after(layer, cells):
    """Names the weights the cells create after `layer` (`'lstm_1/kernel'`,
    as Keras 2.2 named them, rather than `'lstm_cell_1/kernel'`): weights
    take the name of the layer that adds them."""
    names = [(cell, cell.name) for cell in cells if isinstance(cell, Layer)]
    try:
        for cell, _ in names:
            cell.name = layer.name
        yield
    finally:
        for cell, name in names:
            cell.name = name


def _prime_dropout_masks(cell, step_input, states, training):
    """Draws the dropout masks of the cells before the time loop starts.

    The masks must be the same at every step of a batch; drawing them here,
    in the graph around the loop, makes them so without relying on the loop
    implementation. A stack of cells passes each cell a stand-in for the
    output of the cell below (its first state, which has the output's
    shape for every cell of this module).
    """
    if isinstance(cell, StackedRNNCells):
        x = step_input
        for sub, sub_states in zip(cell.cells, cell._nested_states(states)):
            _prime_dropout_masks(sub, x, sub_states, training)
            if _output_size(sub) != _state_sizes(sub)[0]:
                return
            x = sub_states[0]
    elif isinstance(cell, _DropoutRNNCell):
        cell._ensure_dropout_masks(step_input, states, training)


# ----------------------------------------------------------------------
# The generic recurrent layer.

class StackedRNNCells(Layer):
    """Makes a stack of cells behave as one cell.

    The output of each cell is the input of the next. As in Keras 2.2.4,
    the states of the stack form a flat list in cell order: with two LSTM
    cells the states are `[h1, c1, h2, c2]`.

    # Arguments
        cells: a list of cells (objects with `call(inputs, states)` and
            `state_size`).
        reverse_state_order: deprecated (Keras 2.2.4 kept it for code
            written for Keras 2.2.0 to 2.2.2): list the states in reverse
            cell order, `[h2, c2, h1, c1]` in the example above.

    # Raises
        ValueError: if a cell lacks `call` or `state_size`.

    # Example
    ```python
        cells = [LSTMCell(16), LSTMCell(8)]
        x = Input((None, 4))
        y = RNN(StackedRNNCells(cells))(x)   # same as RNN(cells)
    ```
    """

    def __init__(self, cells, **kwargs):
        for cell in cells:
            _check_cell('StackedRNNCells', cell)
        self.cells = list(cells)
        self.reverse_state_order = bool(kwargs.pop('reverse_state_order',
                                                   False))
        if self.reverse_state_order:
            warnings.warn('`reverse_state_order=True` in `StackedRNNCells` '
                          'is deprecated: update the code to work with the '
                          'states in cell order (e.g. those returned by '
                          '`RNN(return_state=True)`).', stacklevel=2)
        super(StackedRNNCells, self).__init__(**kwargs)

    def _state_order(self):
        """The cells in the order their states appear in the flat list."""
        return self.cells[::-1] if self.reverse_state_order else self.cells

    @property
    def state_size(self):
        sizes = []
        for cell in self._state_order():
            sizes.extend(_state_sizes(cell))
        return tuple(sizes)

    @property
    def output_size(self):
        return _output_size(self.cells[-1])

    def _nested_states(self, states):
        """The flat state list cut into one list per cell, in cell order."""
        states = list(states)
        nested = []
        for cell in self._state_order():
            count = len(_state_sizes(cell))
            nested.append(states[:count])
            states = states[count:]
        return nested[::-1] if self.reverse_state_order else nested

    def call(self, inputs, states, constants=None, **kwargs):
        new_nested = []
        for cell, cell_states in zip(self.cells, self._nested_states(states)):
            cell_kwargs = {}
            if 'training' in kwargs and has_arg(cell.call, 'training'):
                cell_kwargs['training'] = kwargs['training']
            if has_arg(cell.call, 'constants'):
                cell_kwargs['constants'] = constants
            inputs, cell_states = cell.call(inputs, cell_states,
                                            **cell_kwargs)
            new_nested.append(to_list(cell_states, allow_tuple=True))
        if self.reverse_state_order:
            new_nested = new_nested[::-1]
        new_states = []
        for cell_states in new_nested:
            new_states.extend(cell_states)
        return inputs, new_states

    def build(self, input_shape):
        constants_shape = []
        if isinstance(input_shape, list):
            constants_shape = input_shape[1:]
            input_shape = input_shape[0]
        for cell in self.cells:
            if isinstance(cell, Layer) and not cell.built:
                if constants_shape and has_arg(cell.call, 'constants'):
                    cell.build([input_shape] + constants_shape)
                else:
                    cell.build(input_shape)
                cell.built = True
            input_shape = (input_shape[0], _output_size(cell))
        self.built = True

    def get_config(self):
        cells = [{'class_name': cell.__class__.__name__,
                  'config': cell.get_config()} for cell in self.cells]
        config = super(StackedRNNCells, self).get_config()
        config['cells'] = cells
        if self.reverse_state_order:
            # only when set, so that other configs are those of Keras 2.2.4
            config['reverse_state_order'] = True
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from . import deserialize as deserialize_layer
        config = dict(config)
        cells = [deserialize_layer(cell, custom_objects=custom_objects)
                 for cell in config.pop('cells')]
        return cls(cells, **config)

    def _layer_cells(self):
        return [cell for cell in self.cells if isinstance(cell, Layer)]

    @property
    def trainable_weights(self):
        if not self.trainable:
            return []
        weights = []
        for cell in self._layer_cells():
            weights += cell.trainable_weights
        return weights

    @property
    def non_trainable_weights(self):
        weights = []
        for cell in self._layer_cells():
            weights += cell.non_trainable_weights
        if not self.trainable:
            frozen = []
            for cell in self._layer_cells():
                frozen += cell.trainable_weights
            return frozen + weights
        return weights

    def get_weights(self):
        """The weights of every cell, cell after cell."""
        weights = []
        for cell in self._layer_cells():
            weights += cell.weights
        return K.batch_get_value(weights)

    def set_weights(self, weights):
        """Sets the weights of every cell, cell after cell.

        # Raises
            ValueError: if the number of arrays differs from the number of
                weights.
        """
        params = []
        for cell in self._layer_cells():
            params += cell.weights
        if len(params) != len(weights):
            raise ValueError('StackedRNNCells %s: expected %d weight arrays, '
                             'got %d.' % (self.name, len(params),
                                          len(weights)))
        K.batch_set_value(list(zip(params, weights)))

    @property
    def losses(self):
        losses = []
        for cell in self._layer_cells():
            losses += cell.losses
        return losses + super(StackedRNNCells, self).losses

    def get_losses_for(self, inputs=None):
        losses = []
        for cell in self._layer_cells():
            losses += cell.get_losses_for(inputs)
        return losses + super(StackedRNNCells, self).get_losses_for(inputs)


def _check_cell(owner, cell):
    if not hasattr(cell, 'call'):
        raise ValueError('%s: a cell must have a `call(inputs, states)` '
                         'method; got %r.' % (owner, cell))
    if not hasattr(cell, 'state_size'):
        raise ValueError('%s: a cell must have a `state_size` attribute (an '
                         'integer, or one integer per state); got %r.'
                         % (owner, cell))


class RNN(Layer):
    """Runs a cell over the time axis of a batch of sequences.

    # Arguments
        cell: a cell (an object with `call(inputs, states)` returning
            `(output, new_states)`, a `state_size` attribute (an integer or
            one integer per state) and optionally `output_size`), or a list
            of cells, which are stacked.
            `call` may also take `training` and `constants` arguments.
        return_sequences: whether to return the output of every step
            `(batch, timesteps, output_size)` rather than only the last one.
        return_state: whether to return the final states too, after the
            output.
        go_backwards: whether to read the sequence backwards (the returned
            sequence is then in reverse order).
        stateful: whether the final states of a batch are the initial
            states of the next one (sample `i` of a batch continues sample
            `i` of the previous batch). The batch size must then be fixed:
            `batch_input_shape` on the first layer of a `Sequential` model,
            `batch_shape` on `Input`.
        unroll: whether to build one copy of the step per time step instead
            of a loop: faster for short sequences, needs a known length.

    # Call arguments
        inputs: the sequence, or a list `[sequence] + initial states +
            constants` (as a rebuilt model calls it).
        initial_state: the initial states, tensors or Keras tensors (a
            Keras tensor becomes an input of the model).
        constants: tensors handed unchanged to every step (e.g. an
            attention memory); the cell's `call` receives them as
            `constants=...`.
        mask: `(batch, timesteps)` booleans; a masked step leaves the
            states (and the output) as they were.
        training: the learning phase for dropout in the cell.

    # Input shape
        `(batch_size, timesteps, input_dim)`

    # Output shape
        `(batch_size, output_size)`, or `(batch_size, timesteps,
        output_size)` with `return_sequences`; with `return_state`, a list
        of that output followed by the states, each `(batch_size,
        state_size)`.

    # Raises
        ValueError: for a cell without `call` or `state_size`, an input of
            the wrong rank, initial states of the wrong number or shape,
            `unroll` with an unknown number of steps, constants for a cell
            that does not take them, or a stateful layer without a fixed
            batch size.

    # Example
    ```python
        class MinimalCell(Layer):
            def __init__(self, units, **kwargs):
                self.units = units
                self.state_size = units
                super(MinimalCell, self).__init__(**kwargs)

            def build(self, input_shape):
                self.kernel = self.add_weight('kernel',
                                              (input_shape[-1], self.units))
                self.built = True

            def call(self, inputs, states):
                output = K.dot(inputs, self.kernel) + states[0]
                return output, [output]

        y = RNN(MinimalCell(32))(Input((None, 5)))
        y = RNN([MinimalCell(32), MinimalCell(8)])(Input((None, 5)))
    ```
    """

    # Rank of the states and where their size is read.
    _state_ndim = 2

    def __init__(self, cell, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, unroll=False, **kwargs):
        if isinstance(cell, (list, tuple)):
            cell = StackedRNNCells(cell)
        _check_cell(type(self).__name__, cell)
        super(RNN, self).__init__(**kwargs)
        self.cell = cell
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.unroll = unroll
        self.supports_masking = True
        self.input_spec = [InputSpec(ndim=3)]
        self.state_spec = None
        self._states = None
        self.constants_spec = None
        self._num_constants = None

    # ------------------------------------------------------------------
    # States.

    @property
    def states(self):
        if self._states is None:
            return [None] * len(_state_sizes(self.cell))
        return self._states

    @states.setter
    def states(self, states):
        self._states = states

    def _state_dim(self, shape):
        """The size of a state of shape `shape` (as `state_size` counts)."""
        return shape[-1]

    def _state_shapes(self, batch_input_shape):
        """Full shapes of the states for a batch input shape."""
        return [(batch_input_shape[0], dim)
                for dim in _state_sizes(self.cell)]

    def _expected_state_str(self, dim):
        return str((None, dim))

    def _check_initial_state(self, initial_state):
        """Checks the number and sizes of user-given initial states."""
        sizes = _state_sizes(self.cell)
        if len(initial_state) != len(sizes):
            raise ValueError(
                'Layer %s has %d state(s) (cell state_size %s) but was '
                'passed %d initial state(s).'
                % (self.name, len(sizes), self.cell.state_size,
                   len(initial_state)))
        for index, (state, dim) in enumerate(zip(initial_state, sizes)):
            shape = _static_shape(state)
            if shape is None:
                continue
            if len(shape) != self._state_ndim or \
                    self._state_dim(shape) not in (None, dim):
                raise ValueError(
                    'Layer %s: initial_state[%d] has shape %s, but the cell '
                    'expects states of shape %s.'
                    % (self.name, index, tuple(shape),
                       self._expected_state_str(dim)))

    def get_initial_state(self, inputs):
        """All-zero initial states for a batch of inputs.

        # Arguments
            inputs: the input sequences `(batch, timesteps, ...)`.

        # Returns
            A list of tensors `(batch, size)`, one per state.
        """
        column = K.zeros_like(inputs[:, 0, :1])
        return [K.tile(column, [1, dim]) for dim in _state_sizes(self.cell)]

    def reset_states(self, states=None):
        """Sets the states of a stateful layer to zeros or to given values.

        # Arguments
            states: `None` for zeros, or one NumPy array per state, of the
                state's full shape `(batch_size, size)`.

        # Raises
            AttributeError: if the layer is not stateful.
            ValueError: if the batch size is unknown, or for a wrong number
                or shape of arrays.
        """
        if not self.stateful:
            raise AttributeError('Layer %s must be stateful to reset its '
                                 'states.' % self.name)
        batch_input_shape = self._batch_input_shape()
        shapes = self._state_shapes(batch_input_shape)
        if not batch_input_shape[0]:
            raise ValueError(
                'Layer %s is stateful, so it needs to know its batch size, '
                'but the batch size of its inputs is unknown. Specify it:\n'
                '- with a Sequential model, pass a `batch_input_shape` '
                'argument to the first layer, e.g. '
                '`batch_input_shape=(32, 10, 16)` (or `batch_size=32` with '
                '`input_shape`);\n'
                '- with the functional API, pass a `batch_shape` argument to '
                'your Input layer, e.g. `Input(batch_shape=(32, 10, 16))`.'
                % self.name)
        if any(d is None for shape in shapes for d in shape):
            raise ValueError('Layer %s is stateful, so the shapes of its '
                             'states must be known; they are %s for the '
                             'input shape %s.'
                             % (self.name, shapes, batch_input_shape))
        if self._states is None:
            self._states = [K.zeros(shape) for shape in shapes]
        if states is None:
            K.batch_set_value([(state, np.zeros(shape))
                               for state, shape in zip(self._states, shapes)])
            return
        states = to_list(states, allow_tuple=True)
        if len(states) != len(self._states):
            raise ValueError('Layer %s expects %d states, but it received %d '
                             'state values.' % (self.name, len(self._states),
                                                len(states)))
        values = []
        for index, (value, shape) in enumerate(zip(states, shapes)):
            value = np.asarray(value)
            if value.shape != tuple(shape):
                raise ValueError('State %d is incompatible with layer %s: '
                                 'expected shape=%s, found shape=%s.'
                                 % (index, self.name, tuple(shape),
                                    value.shape))
            values.append((self._states[index], value))
        K.batch_set_value(values)

    def _batch_input_shape(self):
        spec = self.input_spec[0] if self.input_spec else None
        if spec is not None and spec.shape is not None:
            return tuple(spec.shape)
        return tuple(getattr(self, 'batch_input_shape', None) or (None,))

    def _carry_states(self, new_states, inputs):
        """Makes the final states of a stateful layer its next initial
        states: an update applied after the model function's outputs, or
        at once when the layer runs eagerly."""
        if any(graph_lib.is_symbolic(s) for s in new_states):
            self.add_update([K.update(var, new)
                             for var, new in zip(self.states, new_states)],
                            inputs)
        else:
            for var, new in zip(self.states, new_states):
                var.assign(new)

    # ------------------------------------------------------------------
    # Shapes and masks.

    def compute_output_shape(self, input_shape):
        if isinstance(input_shape, list):
            input_shape = input_shape[0]
        output_dim = _output_size(self.cell)
        if self.return_sequences:
            output_shape = (input_shape[0], input_shape[1], output_dim)
        else:
            output_shape = (input_shape[0], output_dim)
        if self.return_state:
            return [output_shape] + [(input_shape[0], dim)
                                     for dim in _state_sizes(self.cell)]
        return output_shape

    def compute_mask(self, inputs, mask):
        if isinstance(mask, list):
            mask = mask[0]
        output_mask = mask if self.return_sequences else None
        if self.return_state:
            return [output_mask] + [None] * len(self.states)
        return output_mask

    def build(self, input_shape):
        constants_shape = None
        if self._num_constants is not None:
            constants_shape = list(input_shape[-self._num_constants:])
        if isinstance(input_shape, list):
            input_shape = input_shape[0]
        input_shape = tuple(input_shape)
        batch_size = input_shape[0] if self.stateful else None
        self.input_spec[0] = InputSpec(
            shape=(batch_size, None) + input_shape[2:])
        if isinstance(self.cell, Layer) and not self.cell.built:
            step_input_shape = (input_shape[0],) + input_shape[2:]
            if constants_shape is not None:
                step_input_shape = [step_input_shape] + constants_shape
            with _weights_named_after(self, _all_cells(self.cell)):
                self.cell.build(step_input_shape)
            self.cell.built = True
        if self.state_spec is None:
            self.state_spec = [InputSpec(shape=shape) for shape in
                               self._state_shapes((None,) + input_shape[1:])]
        if self.stateful:
            self.reset_states()
        self.built = True

    # ------------------------------------------------------------------
    # Calling.

    def __call__(self, inputs, initial_state=None, constants=None, **kwargs):
        inputs, initial_state, constants = _standardize_args(
            inputs, initial_state, constants, self._num_constants)
        if initial_state is None and constants is None:
            return super(RNN, self).__call__(inputs, **kwargs)
        extra_inputs, extra_specs = [], []
        if initial_state is not None:
            self._check_initial_state(initial_state)
            self.state_spec = [InputSpec(shape=_static_shape(state))
                               for state in initial_state]
            extra_inputs += initial_state
            extra_specs += self.state_spec
        if constants is not None:
            if not has_arg(self.cell.call, 'constants'):
                raise ValueError('Layer %s was given constants, but its cell '
                                 '(%s) does not accept a `constants` '
                                 'argument.' % (self.name,
                                                type(self.cell).__name__))
            self.constants_spec = [InputSpec(shape=_static_shape(c))
                                   for c in constants]
            self._num_constants = len(constants)
            extra_inputs += constants
            extra_specs += self.constants_spec
        kinds = set(_is_keras_tensor(x) for x in extra_inputs)
        if len(kinds) > 1:
            raise ValueError('Layer %s: the initial state or constants of an '
                             'RNN layer cannot be a mix of Keras tensors and '
                             'other tensors (a "Keras tensor" is returned by '
                             'a Keras layer or by `Input`).' % self.name)
        if kinds == {True}:
            # Keras tensors become extra inputs, so that the model graph
            # knows the layer depends on them.
            original = list(self.input_spec)
            self.input_spec = original + extra_specs
            try:
                return super(RNN, self).__call__([inputs] + extra_inputs,
                                                 **kwargs)
            finally:
                # `build` may have refined the sequence spec; keep that.
                self.input_spec = self.input_spec[:len(original)]
        if initial_state is not None:
            kwargs['initial_state'] = initial_state
        if constants is not None:
            kwargs['constants'] = constants
        return super(RNN, self).__call__(inputs, **kwargs)

    def _split_inputs(self, inputs, initial_state, constants):
        """The sequence, initial states and constants of a call."""
        if isinstance(inputs, (list, tuple)):
            inputs = list(inputs)
            count = self._num_constants or 0
            if count:
                constants = inputs[len(inputs) - count:]
                inputs = inputs[:len(inputs) - count]
            initial_state = inputs[1:] or None
            inputs = inputs[0]
        return inputs, initial_state, constants

    def _step_function(self, constants, training):
        kwargs = {}
        if has_arg(self.cell.call, 'training') or \
                isinstance(self.cell, StackedRNNCells):
            kwargs['training'] = training
        cell = self.cell
        if not constants:
            def step(x, states):
                return cell.call(x, states, **kwargs)
            return step
        if not has_arg(cell.call, 'constants'):
            raise ValueError('Layer %s was given constants, but its cell '
                             '(%s) does not accept a `constants` argument.'
                             % (self.name, type(cell).__name__))
        count = len(constants)

        def step_with_constants(x, states):
            return cell.call(x, states[:-count], constants=states[-count:],
                             **kwargs)
        return step_with_constants

    def call(self, inputs, mask=None, training=None, initial_state=None,
             constants=None):
        full_inputs = inputs
        inputs, initial_state, constants = self._split_inputs(
            inputs, initial_state, constants)
        if isinstance(mask, list):
            mask = mask[0]
        if initial_state is not None:
            initial_state = to_list(initial_state, allow_tuple=True)
            self._check_initial_state(initial_state)
        elif self.stateful:
            initial_state = self.states
        else:
            initial_state = self.get_initial_state(inputs)
        initial_state = [_read(state) for state in initial_state]
        constants = [_read(c) for c in constants] if constants else None
        timesteps = K.int_shape(inputs)[1]
        if self.unroll and timesteps is None:
            raise ValueError(
                'Layer %s: cannot unroll an RNN whose time dimension is '
                'undefined (input shape %s). With a Sequential model, pass '
                'an `input_shape` or `batch_input_shape` (or `input_length` '
                'to an Embedding) to the first layer; with the functional '
                'API, give `Input` a `shape` or `batch_shape` with the '
                'number of timesteps.' % (self.name, K.int_shape(inputs)))
        step = self._step_function(constants, training)
        for cell in _all_cells(self.cell):
            if isinstance(cell, _DropoutRNNCell):
                cell._reset_dropout_masks()
        if self._uses_dropout():
            _prime_dropout_masks(self.cell, inputs[:, 0], initial_state,
                                 training)
        inputs, step = self._loop_inputs(inputs, step, training)
        last_output, outputs, states = K.rnn(
            step, inputs, initial_state, constants=constants,
            go_backwards=self.go_backwards, mask=mask, unroll=self.unroll,
            input_length=timesteps)
        states = list(states)
        if self.stateful:
            self._carry_states(states, full_inputs)
        output = outputs if self.return_sequences else last_output
        # Always set, on eager results too: Keras 2.2 set the flag on every
        # output of a layer call, and legacy code reads it without a
        # default (False when `training` was given).
        uses_lp = training is None and (
            getattr(last_output, '_uses_learning_phase', False) or
            self._uses_dropout())
        for tensor in [output] + states:
            tensor._uses_learning_phase = bool(uses_lp)
        if self.return_state:
            return [output] + states
        return output

    def _loop_inputs(self, inputs, step, training):
        """What the time loop runs over, and its step function: here the
        inputs and the cell's step. The built-in layers move work out of
        the loop (see `_CellLayer`)."""
        return inputs, step

    def _uses_dropout(self):
        return any(isinstance(cell, _DropoutRNNCell) and
                   (0 < cell.dropout < 1 or 0 < cell.recurrent_dropout < 1)
                   for cell in _all_cells(self.cell))

    # ------------------------------------------------------------------
    # Configuration and weights.

    def get_config(self):
        config = {'return_sequences': self.return_sequences,
                  'return_state': self.return_state,
                  'go_backwards': self.go_backwards,
                  'stateful': self.stateful,
                  'unroll': self.unroll}
        if self._num_constants is not None:
            config['num_constants'] = self._num_constants
        config['cell'] = {'class_name': self.cell.__class__.__name__,
                          'config': self.cell.get_config()}
        base = super(RNN, self).get_config()
        return dict(list(base.items()) + list(config.items()))

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from . import deserialize as deserialize_layer
        config = dict(config)
        cell = deserialize_layer(config.pop('cell'),
                                 custom_objects=custom_objects)
        num_constants = config.pop('num_constants', None)
        layer = cls(cell, **config)
        layer._num_constants = num_constants
        return layer

    @property
    def trainable_weights(self):
        if not self.trainable or not isinstance(self.cell, Layer):
            return []
        return self.cell.trainable_weights

    @property
    def non_trainable_weights(self):
        if not isinstance(self.cell, Layer):
            return []
        if not self.trainable:
            return self.cell.weights
        return self.cell.non_trainable_weights

    @property
    def losses(self):
        own = super(RNN, self).losses
        if isinstance(self.cell, Layer):
            return self.cell.losses + own
        return own

    def get_losses_for(self, inputs=None):
        own = super(RNN, self).get_losses_for(inputs)
        if isinstance(self.cell, Layer):
            return self.cell.get_losses_for(inputs) + own
        return own


# ----------------------------------------------------------------------
# Cells.

class _DropoutRNNCell(Layer):
    """What the cells of keras22 share: dropout on the inputs and on the
    recurrent state, with masks drawn once per batch (by `RNN.call`, before
    the time loop) and kept for every step."""

    # How many independent masks of each kind: one per gate.
    _mask_count = 1

    def _init_dropout(self, dropout, recurrent_dropout):
        name = type(self).__name__
        self.dropout = _check_fraction(name, 'dropout', dropout)
        self.recurrent_dropout = _check_fraction(name, 'recurrent_dropout',
                                                recurrent_dropout)
        self._dropout_mask = None
        self._recurrent_dropout_mask = None

    def _reset_dropout_masks(self):
        self._dropout_mask = None
        self._recurrent_dropout_mask = None

    def _ensure_dropout_masks(self, inputs, states, training):
        if 0 < self.dropout < 1 and self._dropout_mask is None:
            self._dropout_mask = _generate_dropout_mask(
                K.ones_like(inputs), self.dropout, training,
                self._mask_count)
        if 0 < self.recurrent_dropout < 1 and \
                self._recurrent_dropout_mask is None:
            self._recurrent_dropout_mask = _generate_dropout_mask(
                K.ones_like(states[0]), self.recurrent_dropout, training,
                self._mask_count)

    def _step_masks(self, inputs, states, training):
        """The input and recurrent masks for this step, one per gate."""
        self._ensure_dropout_masks(inputs, states, training)
        return (_gate_masks(self._dropout_mask, self._mask_count),
                _gate_masks(self._recurrent_dropout_mask, self._mask_count))

    def _gate_products(self, x, masks, kernel, blocks=None):
        """`x` times `kernel`, the gates side by side on the last axis.

        Implementation 1 with dropout gives each gate its own mask, so the
        gates are multiplied one by one (by `blocks`, the kernel's gate
        blocks, when they are already split); otherwise one product does
        (the same numbers with fewer operations). `x` may be one step or a
        whole sequence (masks then broadcast over the time axis).
        """
        if (getattr(self, 'implementation', 1) == 1 and
                self._mask_count > 1 and any(m is not None for m in masks)):
            if blocks is None:
                blocks = _split_gates(kernel, self._mask_count)
            return K.concatenate([K.dot(_masked(x, m), k)
                                  for m, k in zip(masks, blocks)])
        return K.dot(_masked(x, masks[0]), kernel)

    def call(self, inputs, states, training=None):
        dp, rec_dp = self._step_masks(inputs, states, training)
        output, new_states = self._recurrent_step(
            self._input_products(inputs, dp), states, rec_dp,
            self._recurrent_weights())
        self._flag_learning_phase(output, training)
        return output, new_states

    def _input_products(self, inputs, masks):
        """The input half of a step: the input times the kernel plus the
        input bias, every gate side by side."""
        raise NotImplementedError

    def _recurrent_weights(self):
        """The weights the recurrent half reads, in the form it reads them
        (split into gate blocks where it needs them). The layers prepare
        them once, before their time loop, rather than at every step (a
        split inside the loop is redone, with its gradient, per step)."""
        return {'kernel': self.recurrent_kernel}

    def _recurrent_step(self, products, states, recurrent_masks, weights):
        """The rest of a step, from the input half and the prepared
        `weights`: `(output, states)`."""
        raise NotImplementedError

    def _flag_learning_phase(self, output, training):
        if training is None and (0 < self.dropout or
                                 0 < self.recurrent_dropout):
            output._uses_learning_phase = True


_COMMON_FIELDS = ('use_bias', 'kernel_initializer', 'recurrent_initializer',
                  'bias_initializer', 'kernel_regularizer',
                  'recurrent_regularizer', 'bias_regularizer',
                  'kernel_constraint', 'recurrent_constraint',
                  'bias_constraint', 'dropout', 'recurrent_dropout')


class SimpleRNNCell(_DropoutRNNCell):
    """The cell of a fully-connected RNN: `h = activation(x W + h_tm1 U +
    b)`; the output is the new state.

    # Arguments
        units: positive integer, the size of the output and state.
        activation: activation function (default `tanh`; `None` for
            none).
        use_bias: whether to add a bias.
        kernel_initializer: initializer of the input kernel `W`.
        recurrent_initializer: initializer of the recurrent kernel `U`.
        bias_initializer: initializer of the bias.
        kernel_regularizer: regularizer of `W`.
        recurrent_regularizer: regularizer of `U`.
        bias_regularizer: regularizer of the bias.
        kernel_constraint: constraint on `W`.
        recurrent_constraint: constraint on `U`.
        bias_constraint: constraint on the bias.
        dropout: fraction of the input units to drop (training only).
        recurrent_dropout: fraction of the state units to drop in the
            recurrent product (training only).

    # Weights
        `kernel (input_dim, units)`, `recurrent_kernel (units, units)`,
        `bias (units,)`.

    # Raises
        ValueError: for non-positive `units` or fractions outside [0, 1].
    """

    _fields = ('units', 'activation') + _COMMON_FIELDS

    def __init__(self, units, activation='tanh', use_bias=True,
                 kernel_initializer='glorot_uniform',
                 recurrent_initializer='orthogonal',
                 bias_initializer='zeros', kernel_regularizer=None,
                 recurrent_regularizer=None, bias_regularizer=None,
                 kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0., recurrent_dropout=0.,
                 **kwargs):
        super(SimpleRNNCell, self).__init__(**kwargs)
        self.units = check_positive_int(type(self).__name__, 'units', units)
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        _set_weight_options(self, kernel_initializer, recurrent_initializer,
                           bias_initializer, kernel_regularizer,
                           recurrent_regularizer, bias_regularizer,
                           kernel_constraint, recurrent_constraint,
                           bias_constraint)
        self._init_dropout(dropout, recurrent_dropout)
        self.state_size = self.units

    def build(self, input_shape):
        _add_recurrent_weights(self, (input_shape[-1], self.units),
                              (self.units, self.units),
                              (self.units,) if self.use_bias else None)
        self.built = True

    def _input_products(self, inputs, masks):
        h = K.dot(_masked(inputs, masks[0]), self.kernel)
        if self.bias is not None:
            h = K.bias_add(h, self.bias)
        return h

    def _recurrent_step(self, products, states, recurrent_masks, weights):
        output = products + K.dot(_masked(states[0], recurrent_masks[0]),
                                  weights['kernel'])
        if self.activation is not None:
            output = self.activation(output)
        return output, [output]

    def get_config(self):
        config = _serialize_fields(self, self._fields)
        base = super(SimpleRNNCell, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class GRUCell(_DropoutRNNCell):
    """The cell of a gated recurrent unit (Cho et al., 2014).

    With update gate `z`, reset gate `r` and candidate `hh`:
    `z = recurrent_activation(x Wz + h Uz + bz)`, likewise `r`, and
    `h_new = z * h + (1 - z) * hh`. The candidate applies the reset gate
    to the previous state before the recurrent product
    (`hh = activation(x Wh + (r * h) Uh + bh)`, the default), or to its
    result with `reset_after=True` (`hh = activation(x Wh + bh + r * (h Uh
    + bh'))`, the CuDNN form, which has a second, recurrent bias).

    # Arguments
        units: positive integer, the size of the output and state.
        activation: activation of the candidate (default `tanh`).
        recurrent_activation: activation of the gates (default
            `hard_sigmoid`).
        use_bias: whether to add biases.
        kernel_initializer, recurrent_initializer, bias_initializer,
        kernel_regularizer, recurrent_regularizer, bias_regularizer,
        kernel_constraint, recurrent_constraint, bias_constraint: for the
            input kernel, the recurrent kernel and the bias.
        dropout: fraction of the input units to drop (training only).
        recurrent_dropout: fraction of the state units to drop in the
            recurrent products (training only).
        implementation: 1 draws dropout masks for each gate, 2 one mask
            for all gates (without dropout both compute the gates with
            fused products, and give the same results).
        reset_after: apply the reset gate after the recurrent product.

    # Weights
        `kernel (input_dim, 3 * units)`, `recurrent_kernel (units, 3 *
        units)`, gates in the order z, r, h; `bias (3 * units,)`, or
        `(2, 3 * units)` (input bias, recurrent bias) with `reset_after`.

    # Raises
        ValueError: for non-positive `units`, fractions outside [0, 1] or
            an unknown `implementation`.
    """

    _mask_count = 3
    _fields = ('units', 'activation', 'recurrent_activation') + \
        _COMMON_FIELDS + ('implementation', 'reset_after')

    def __init__(self, units, activation='tanh',
                 recurrent_activation='hard_sigmoid', use_bias=True,
                 kernel_initializer='glorot_uniform',
                 recurrent_initializer='orthogonal',
                 bias_initializer='zeros', kernel_regularizer=None,
                 recurrent_regularizer=None, bias_regularizer=None,
                 kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0., recurrent_dropout=0.,
                 implementation=1, reset_after=False, **kwargs):
        super(GRUCell, self).__init__(**kwargs)
        name = type(self).__name__
        self.units = check_positive_int(name, 'units', units)
        self.activation = activations.get(activation)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.use_bias = use_bias
        _set_weight_options(self, kernel_initializer, recurrent_initializer,
                           bias_initializer, kernel_regularizer,
                           recurrent_regularizer, bias_regularizer,
                           kernel_constraint, recurrent_constraint,
                           bias_constraint)
        self._init_dropout(dropout, recurrent_dropout)
        self.implementation = _check_implementation(name, implementation)
        self.reset_after = reset_after
        self.state_size = self.units

    def build(self, input_shape):
        bias_shape = None
        if self.use_bias:
            # The (2, 3 * units) shape (rather than CuDNNGRU's flat
            # (6 * units,)) lets weight loading tell the two apart.
            bias_shape = ((2, 3 * self.units) if self.reset_after
                          else (3 * self.units,))
        _add_recurrent_weights(self, (input_shape[-1], 3 * self.units),
                              (self.units, 3 * self.units), bias_shape)
        self.built = True

    def _biases(self):
        """The input bias and the recurrent bias (or `None`s)."""
        if self.bias is None:
            return None, None
        if self.reset_after:
            return self.bias[0], self.bias[1]
        return self.bias, None

    def _input_products(self, inputs, masks):
        input_bias, _ = self._biases()
        x = self._gate_products(inputs, masks, self.kernel)
        return x if input_bias is None else K.bias_add(x, input_bias)

    def _recurrent_weights(self):
        _, recurrent_bias = self._biases()
        return {'kernels': _split_gates(self.recurrent_kernel, 3),
                'biases': (None if recurrent_bias is None
                           else _split_gates(recurrent_bias, 3))}

    def _recurrent_step(self, products, states, recurrent_masks, weights):
        h_tm1 = states[0]
        x_z, x_r, x_h = _split_gates(products, 3)
        if self.implementation == 1:
            h_parts = [_masked(h_tm1, m) for m in recurrent_masks]
        else:
            h_parts = [_masked(h_tm1, recurrent_masks[0])] * 3
        kernels = weights['kernels']
        rec_z, rec_r = [K.dot(h, k) for h, k in zip(h_parts[:2], kernels[:2])]
        candidate_bias = None
        if weights['biases'] is not None:
            b_z, b_r, candidate_bias = weights['biases']
            rec_z = K.bias_add(rec_z, b_z)
            rec_r = K.bias_add(rec_r, b_r)
        h_for_candidate, candidate_kernel = h_parts[2], kernels[2]

        def recurrent_h(r):
            if not self.reset_after:
                return K.dot(r * h_for_candidate, candidate_kernel)
            product = K.dot(h_for_candidate, candidate_kernel)
            if candidate_bias is not None:
                product = K.bias_add(product, candidate_bias)
            return r * product

        h = _gru_update(x_z, x_r, x_h, rec_z, rec_r, recurrent_h, h_tm1,
                        self.activation, self.recurrent_activation)
        return h, [h]

    def get_config(self):
        config = _serialize_fields(self, self._fields)
        base = super(GRUCell, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class LSTMCell(_DropoutRNNCell):
    """The cell of a long short-term memory network (Hochreiter and
    Schmidhuber, 1997).

    With input gate `i`, forget gate `f`, candidate `cc` and output gate
    `o` (each `activation(x W + h U + b)`, the gates with
    `recurrent_activation`): `c = f * c_tm1 + i * cc` and
    `h = o * activation(c)`. The states are `[h, c]`; the output is `h`.

    # Arguments
        units: positive integer, the size of the output and states.
        activation: activation of the candidate and of the carry (default
            `tanh`).
        recurrent_activation: activation of the gates (default
            `hard_sigmoid`).
        use_bias: whether to add a bias.
        kernel_initializer, recurrent_initializer, bias_initializer: for
            the input kernel, the recurrent kernel and the bias.
        unit_forget_bias: start the forget gate's bias at one (the rest of
            the bias follows `bias_initializer`), as Jozefowicz et al.
            (2015) recommend.
        kernel_regularizer, recurrent_regularizer, bias_regularizer,
        kernel_constraint, recurrent_constraint, bias_constraint: for the
            three weights.
        dropout: fraction of the input units to drop (training only).
        recurrent_dropout: fraction of the state units to drop in the
            recurrent products (training only).
        implementation: 1 draws dropout masks for each gate, 2 one mask
            for all gates (without dropout both compute the gates with
            fused products, and give the same results).

    # Weights
        `kernel (input_dim, 4 * units)`, `recurrent_kernel (units, 4 *
        units)`, `bias (4 * units,)`, gates in the order i, f, c, o.

    # Raises
        ValueError: for non-positive `units`, fractions outside [0, 1] or
            an unknown `implementation`.
    """

    _mask_count = 4
    _fields = ('units', 'activation', 'recurrent_activation',
               'use_bias', 'kernel_initializer', 'recurrent_initializer',
               'bias_initializer', 'unit_forget_bias') + \
        _COMMON_FIELDS[4:] + ('implementation',)

    def __init__(self, units, activation='tanh',
                 recurrent_activation='hard_sigmoid', use_bias=True,
                 kernel_initializer='glorot_uniform',
                 recurrent_initializer='orthogonal',
                 bias_initializer='zeros', unit_forget_bias=True,
                 kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None,
                 dropout=0., recurrent_dropout=0., implementation=1,
                 **kwargs):
        super(LSTMCell, self).__init__(**kwargs)
        name = type(self).__name__
        self.units = check_positive_int(name, 'units', units)
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
        self.implementation = _check_implementation(name, implementation)
        self.state_size = (self.units, self.units)

    def build(self, input_shape):
        bias_initializer = None
        if self.use_bias and self.unit_forget_bias:
            bias_initializer = _forget_bias_initializer(
                self.bias_initializer, self.units, before=1, after=2)
        _add_recurrent_weights(self, (input_shape[-1], 4 * self.units),
                              (self.units, 4 * self.units),
                              (4 * self.units,) if self.use_bias else None,
                              bias_initializer)
        self.built = True

    def _input_products(self, inputs, masks):
        z = self._gate_products(inputs, masks, self.kernel)
        return z if self.bias is None else K.bias_add(z, self.bias)

    def _recurrent_weights(self):
        blocks = (_split_gates(self.recurrent_kernel, 4)
                  if self.implementation == 1 else None)
        return {'kernel': self.recurrent_kernel, 'blocks': blocks}

    def _recurrent_step(self, products, states, recurrent_masks, weights):
        h_tm1, c_tm1 = states[0], states[1]
        z = products + self._gate_products(h_tm1, recurrent_masks,
                                           weights['kernel'],
                                           weights['blocks'])
        pre = _split_gates(z, 4)
        h, c = _lstm_update(pre[0], pre[1], pre[2], pre[3], c_tm1,
                            self.activation, self.recurrent_activation)
        return h, [h, c]

    def get_config(self):
        config = _serialize_fields(self, self._fields)
        base = super(LSTMCell, self).get_config()
        return dict(list(base.items()) + list(config.items()))


# ----------------------------------------------------------------------
# The layers of the built-in cells.

def _convert_forget_bias_init(kwargs):
    """Keras 1's `forget_bias_init='one'` becomes `unit_forget_bias=True`;
    other values are dropped with a warning. Returns the conversions."""
    if 'forget_bias_init' not in kwargs:
        return []
    if kwargs.pop('forget_bias_init') == 'one':
        kwargs['unit_forget_bias'] = True
        return [('unit_forget_bias', True)]
    warnings.warn('The `forget_bias_init` argument has been ignored. Use '
                  '`unit_forget_bias=True` instead to initialize with ones.',
                  stacklevel=4)
    return []


def _recurrent_keras1_args(args, kwargs):
    """Keras 1 forms that renaming alone cannot express:
    `forget_bias_init='one'` and `input_dim`/`input_length`."""
    converted = _convert_forget_bias_init(kwargs)
    if 'input_dim' in kwargs:
        input_length = kwargs.pop('input_length', None)
        kwargs['input_shape'] = (input_length, kwargs.pop('input_dim'))
        converted.append(('input_shape', kwargs['input_shape']))
    return args, kwargs, converted


_legacy_recurrent_support = legacy_support(
    positional=['units'],
    renamed={'output_dim': 'units',
             'init': 'kernel_initializer',
             'inner_init': 'recurrent_initializer',
             'inner_activation': 'recurrent_activation',
             'W_regularizer': 'kernel_regularizer',
             'b_regularizer': 'bias_regularizer',
             'U_regularizer': 'recurrent_regularizer',
             'dropout_W': 'dropout',
             'dropout_U': 'recurrent_dropout',
             'consume_less': 'implementation'},
    value_renamed={'consume_less': {'cpu': 0, 'mem': 1, 'gpu': 2}},
    preprocess=_recurrent_keras1_args)


def _cell_property(name):
    """A read-only layer property forwarding to the cell's attribute."""
    return property(lambda self: getattr(self.cell, name),
                    doc='The cell\'s `%s`.' % name)


class _FlatCellConfig(object):
    """Mixin for recurrent layers whose constructor takes the arguments of
    their built-in cell: the config lists them directly (no nested cell),
    as in Keras 2.2."""

    def get_config(self):
        config = _serialize_fields(self.cell, self.cell._fields)
        config['activity_regularizer'] = regularizers.serialize(
            self.activity_regularizer)
        base = super(_FlatCellConfig, self).get_config()
        del base['cell']
        return dict(list(base.items()) + list(config.items()))

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if config.get('implementation') == 0:
            config['implementation'] = 1
        return cls(**config)


class _CellLayer(_FlatCellConfig, RNN):
    """SimpleRNN, GRU and LSTM: an `RNN` of one built-in cell."""

    def call(self, inputs, mask=None, training=None, initial_state=None):
        return super(_CellLayer, self).call(inputs, mask=mask,
                                            training=training,
                                            initial_state=initial_state)

    def _loop_inputs(self, inputs, step, training):
        # What does not change between steps is prepared before the loop:
        # the recurrent weights in the form the step reads them, and, with
        # implementation 1 and input dropout (each gate multiplying its own
        # masked copy of the input: four products per step), the input
        # products of every step at once (the masks are fixed for the
        # batch). Without per-gate input masks, the step's single input
        # product is cheaper inside the loop, as measured on the imdb_lstm
        # shapes. A subclassed cell with its own `call` keeps its step.
        cell = self.cell
        if type(cell).call is not _DropoutRNNCell.call:
            return inputs, step
        masks = _gate_masks(cell._dropout_mask, cell._mask_count)
        recurrent_masks = _gate_masks(cell._recurrent_dropout_mask,
                                      cell._mask_count)
        weights = cell._recurrent_weights()
        hoisted = (getattr(cell, 'implementation', 1) == 1 and
                   cell._mask_count > 1 and cell._dropout_mask is not None)
        if hoisted:
            inputs = cell._input_products(
                inputs, [None if m is None else K.expand_dims(m, 1)
                         for m in masks])

        def recurrent_step(x, states):
            products = x if hoisted else cell._input_products(x, masks)
            output, new_states = cell._recurrent_step(
                products, states, recurrent_masks, weights)
            cell._flag_learning_phase(output, training)
            return output, new_states
        return inputs, recurrent_step


for _name in ('units', 'activation', 'use_bias', 'kernel_initializer',
              'recurrent_initializer', 'bias_initializer',
              'kernel_regularizer', 'recurrent_regularizer',
              'bias_regularizer', 'kernel_constraint', 'recurrent_constraint',
              'bias_constraint', 'dropout', 'recurrent_dropout'):
    setattr(_CellLayer, _name, _cell_property(_name))


class SimpleRNN(_CellLayer):
    """A fully-connected RNN whose output is fed back as its state.

    # Arguments
        units: positive integer, the size of the output.
        activation: activation function (default `tanh`).
        use_bias: whether to add a bias.
        kernel_initializer, recurrent_initializer, bias_initializer,
        kernel_regularizer, recurrent_regularizer, bias_regularizer,
        kernel_constraint, recurrent_constraint, bias_constraint: for the
            input kernel, the recurrent kernel and the bias.
        activity_regularizer: regularizer of the output.
        dropout: fraction of the input units to drop (training only; the
            same mask at every step of a batch).
        recurrent_dropout: fraction of the state units to drop in the
            recurrent product (training only).
        return_sequences, return_state, go_backwards, stateful, unroll:
            see `RNN`.

    Keras 1 names (`output_dim`, `init`, `inner_init`, `W_regularizer`,
    `U_regularizer`, `b_regularizer`, `dropout_W`, `dropout_U`,
    `input_dim`/`input_length`) are accepted with a warning.

    # Input shape
        `(batch_size, timesteps, input_dim)`

    # Output shape
        `(batch_size, units)`, or `(batch_size, timesteps, units)` with
        `return_sequences`; with `return_state`, the output and the final
        state.

    # Weights
        `kernel (input_dim, units)`, `recurrent_kernel (units, units)`,
        `bias (units,)`.

    # Raises
        ValueError: see `RNN` and `SimpleRNNCell`.

    # Example
    ```python
        model = Sequential()
        model.add(SimpleRNN(8, input_shape=(10, 3)))   # -> (None, 8)
    ```
    """

    @_legacy_recurrent_support
    def __init__(self, units, activation='tanh', use_bias=True,
                 kernel_initializer='glorot_uniform',
                 recurrent_initializer='orthogonal',
                 bias_initializer='zeros', kernel_regularizer=None,
                 recurrent_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None,
                 dropout=0., recurrent_dropout=0., return_sequences=False,
                 return_state=False, go_backwards=False, stateful=False,
                 unroll=False, **kwargs):
        if 'implementation' in kwargs:
            kwargs.pop('implementation')
            warnings.warn('The `implementation` argument in `SimpleRNN` has '
                          'been deprecated. Please remove it from your layer '
                          'call.', stacklevel=2)
        cell = SimpleRNNCell(
            units, activation=activation, use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer,
            bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint,
            bias_constraint=bias_constraint, dropout=dropout,
            recurrent_dropout=recurrent_dropout)
        super(SimpleRNN, self).__init__(
            cell, return_sequences=return_sequences,
            return_state=return_state, go_backwards=go_backwards,
            stateful=stateful, unroll=unroll, **kwargs)
        self.activity_regularizer = regularizers.get(activity_regularizer)


class GRU(_CellLayer):
    """A gated recurrent unit layer (Cho et al., 2014); see `GRUCell` for
    the equations.

    # Arguments
        units: positive integer, the size of the output.
        activation: activation of the candidate (default `tanh`).
        recurrent_activation: activation of the gates (default
            `hard_sigmoid`).
        use_bias: whether to add biases.
        kernel_initializer, recurrent_initializer, bias_initializer,
        kernel_regularizer, recurrent_regularizer, bias_regularizer,
        kernel_constraint, recurrent_constraint, bias_constraint: for the
            input kernel, the recurrent kernel and the bias.
        activity_regularizer: regularizer of the output.
        dropout: fraction of the input units to drop (training only; the
            same masks at every step of a batch).
        recurrent_dropout: fraction of the state units to drop in the
            recurrent products (training only).
        implementation: 1 or 2, see `GRUCell` (the results are the same;
            Keras 2.2's implementation 2 carried the recurrent-dropped
            state into the next step, keras22 carries the state itself in
            both).
        return_sequences, return_state, go_backwards, stateful, unroll:
            see `RNN`.
        reset_after: apply the reset gate after the recurrent product
            (the form `CuDNNGRU` computes; needs `recurrent_activation=
            'sigmoid'` to give the same results).

    Keras 1 names (`output_dim`, `init`, `inner_init`, `inner_activation`,
    `W_regularizer`, `U_regularizer`, `b_regularizer`, `dropout_W`,
    `dropout_U`, `consume_less`, `input_dim`/`input_length`) are accepted
    with a warning.

    # Input shape
        `(batch_size, timesteps, input_dim)`

    # Output shape
        `(batch_size, units)`, or `(batch_size, timesteps, units)` with
        `return_sequences`; with `return_state`, the output and the final
        state.

    # Weights
        `kernel (input_dim, 3 * units)`, `recurrent_kernel (units, 3 *
        units)` (gates z, r, h), `bias (3 * units,)` or `(2, 3 * units)`
        with `reset_after`.

    # Raises
        ValueError: see `RNN` and `GRUCell`.
    """

    @_legacy_recurrent_support
    def __init__(self, units, activation='tanh',
                 recurrent_activation='hard_sigmoid', use_bias=True,
                 kernel_initializer='glorot_uniform',
                 recurrent_initializer='orthogonal',
                 bias_initializer='zeros', kernel_regularizer=None,
                 recurrent_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None,
                 dropout=0., recurrent_dropout=0., implementation=1,
                 return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, unroll=False,
                 reset_after=False, **kwargs):
        cell = GRUCell(
            units, activation=activation,
            recurrent_activation=recurrent_activation, use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer,
            bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint,
            bias_constraint=bias_constraint, dropout=dropout,
            recurrent_dropout=recurrent_dropout,
            implementation=implementation, reset_after=reset_after)
        super(GRU, self).__init__(
            cell, return_sequences=return_sequences,
            return_state=return_state, go_backwards=go_backwards,
            stateful=stateful, unroll=unroll, **kwargs)
        self.activity_regularizer = regularizers.get(activity_regularizer)

    recurrent_activation = _cell_property('recurrent_activation')
    implementation = _cell_property('implementation')
    reset_after = _cell_property('reset_after')


class LSTM(_CellLayer):
    """A long short-term memory layer (Hochreiter and Schmidhuber, 1997);
    see `LSTMCell` for the equations.

    # Arguments
        units: positive integer, the size of the output.
        activation: activation of the candidate and of the carry (default
            `tanh`).
        recurrent_activation: activation of the gates (default
            `hard_sigmoid`).
        use_bias: whether to add a bias.
        kernel_initializer, recurrent_initializer, bias_initializer: for
            the input kernel, the recurrent kernel and the bias.
        unit_forget_bias: start the forget gate's bias at one.
        kernel_regularizer, recurrent_regularizer, bias_regularizer,
        kernel_constraint, recurrent_constraint, bias_constraint: for the
            three weights.
        activity_regularizer: regularizer of the output.
        dropout: fraction of the input units to drop (training only; the
            same masks at every step of a batch).
        recurrent_dropout: fraction of the state units to drop in the
            recurrent products (training only).
        implementation: 1 or 2, see `LSTMCell`.
        return_sequences, return_state, go_backwards, stateful, unroll:
            see `RNN`. The states are `[h, c]`.

    Keras 1 names (`output_dim`, `init`, `inner_init`, `inner_activation`,
    `forget_bias_init`, `W_regularizer`, `U_regularizer`, `b_regularizer`,
    `dropout_W`, `dropout_U`, `consume_less`, `input_dim`/`input_length`)
    are accepted with a warning.

    # Input shape
        `(batch_size, timesteps, input_dim)`

    # Output shape
        `(batch_size, units)`, or `(batch_size, timesteps, units)` with
        `return_sequences`; with `return_state`, the output, `h` and `c`.

    # Weights
        `kernel (input_dim, 4 * units)`, `recurrent_kernel (units, 4 *
        units)`, `bias (4 * units,)`, gates i, f, c, o.

    # Raises
        ValueError: see `RNN` and `LSTMCell`.

    # Example
    ```python
        model = Sequential()
        model.add(LSTM(32, return_sequences=True, input_shape=(8, 16)))
        model.add(LSTM(32))
        model.add(Dense(10, activation='softmax'))
    ```
    """

    @_legacy_recurrent_support
    def __init__(self, units, activation='tanh',
                 recurrent_activation='hard_sigmoid', use_bias=True,
                 kernel_initializer='glorot_uniform',
                 recurrent_initializer='orthogonal',
                 bias_initializer='zeros', unit_forget_bias=True,
                 kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0., recurrent_dropout=0.,
                 implementation=1, return_sequences=False,
                 return_state=False, go_backwards=False, stateful=False,
                 unroll=False, **kwargs):
        cell = LSTMCell(
            units, activation=activation,
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
            recurrent_dropout=recurrent_dropout,
            implementation=implementation)
        super(LSTM, self).__init__(
            cell, return_sequences=return_sequences,
            return_state=return_state, go_backwards=go_backwards,
            stateful=stateful, unroll=unroll, **kwargs)
        self.activity_regularizer = regularizers.get(activity_regularizer)

    recurrent_activation = _cell_property('recurrent_activation')
    unit_forget_bias = _cell_property('unit_forget_bias')
    implementation = _cell_property('implementation')
