"""Layers that wrap another layer: `Wrapper` (the base class),
`TimeDistributed` (a layer applied to every time step) and `Bidirectional`
(an RNN read in both directions).
"""
import copy

from .. import backend as K
from ..engine.base_layer import InputSpec, Layer
from ..utils.generic_utils import has_arg, object_list_uid, to_list
from .recurrent import _is_keras_tensor, _standardize_args, _static_shape

__all__ = ['Wrapper', 'TimeDistributed', 'Bidirectional']


class Wrapper(Layer):
    """The base class of layers that wrap another layer.

    The wrapper's weights, losses, updates and `trainable` flag are those
    of the wrapped layer; its config holds the wrapped layer's config.

    # Arguments
        layer: the layer to wrap.

    # Raises
        TypeError: if `layer` is not a layer.
    """

    def __init__(self, layer, **kwargs):
        if not isinstance(layer, Layer):
            raise TypeError('%s: the wrapped layer must be a Layer instance, '
                            'got %r.' % (type(self).__name__, layer))
        self.layer = layer
        # Inner inputs (e.g. reshaped by TimeDistributed) by the uid of the
        # wrapper's inputs, to find the inner layer's input-dependent
        # updates and masks.
        self._input_map = {}
        inner_trainable = layer.trainable
        super(Wrapper, self).__init__(**kwargs)
        if 'trainable' not in kwargs:
            # Keras 2.2 made every wrapped layer trainable again; the inner
            # layer's own choice is kept instead.
            self.trainable = inner_trainable

    def build(self, input_shape=None):
        self.built = True

    @property
    def activity_regularizer(self):
        return getattr(self.layer, 'activity_regularizer', None)

    @property
    def trainable(self):
        return self.layer.trainable

    @trainable.setter
    def trainable(self, value):
        self.layer.trainable = value

    @property
    def trainable_weights(self):
        return self.layer.trainable_weights

    @property
    def non_trainable_weights(self):
        return self.layer.non_trainable_weights

    @property
    def updates(self):
        return list(getattr(self.layer, 'updates', []))

    def get_updates_for(self, inputs=None):
        inner_inputs = inputs
        if inputs is not None:
            inner_inputs = self._input_map.get(object_list_uid(inputs),
                                               inputs)
        return (self.layer.get_updates_for(inner_inputs) +
                super(Wrapper, self).get_updates_for(inputs))

    @property
    def losses(self):
        # Keras 2.2 left out the wrapper's own losses (the activity
        # regularization of its output), so they never reached the model.
        return (list(getattr(self.layer, 'losses', [])) +
                super(Wrapper, self).losses)

    def get_losses_for(self, inputs=None):
        if inputs is None:
            return (self.layer.get_losses_for(None) +
                    super(Wrapper, self).get_losses_for(None))
        return super(Wrapper, self).get_losses_for(inputs)

    def get_weights(self):
        return self.layer.get_weights()

    def set_weights(self, weights):
        self.layer.set_weights(weights)

    def get_config(self):
        config = {'layer': {'class_name': self.layer.__class__.__name__,
                            'config': self.layer.get_config()}}
        base = super(Wrapper, self).get_config()
        return dict(list(base.items()) + list(config.items()))

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from . import deserialize as deserialize_layer
        config = dict(config)
        layer = deserialize_layer(config.pop('layer'),
                                  custom_objects=custom_objects)
        return cls(layer, **config)


def _dynamic_shape(static, tensor, start):
    """`static` (a shape tuple) with its unknown entries taken from the
    shape of `tensor` at runtime, from axis `start` on."""
    static = tuple(static)
    if all(static):
        return static
    runtime = K.shape(tensor)
    return tuple(d if d else runtime[start + i]
                 for i, d in enumerate(static))


class TimeDistributed(Wrapper):
    """Applies a layer to every time step of its input.

    The input's axis 1 is the time axis; the wrapped layer sees one step
    `(batch, ...)` at a time, with the same weights at every step.

    With an unknown batch size the steps are folded into the batch axis
    (one call of the layer on `(batch * timesteps, ...)`; the number of
    steps may be unknown); with a fixed batch size (e.g. stateful models)
    the layer runs step by step in a loop, as Keras 2.2 did. Keras 2.2
    counted the wrapped layer's activity regularizer twice; keras22 counts
    it once.

    # Arguments
        layer: a layer or a model.

    # Input shape
        `(batch, timesteps) + step shape`, at least 3-D.

    # Output shape
        `(batch, timesteps) + the layer's output shape for one step`.

    # Raises
        ValueError: for an input of fewer than 3 dimensions.

    # Example
    ```python
        model = Sequential()
        model.add(TimeDistributed(Dense(8), input_shape=(10, 16)))
        # -> (None, 10, 8)
        model.add(TimeDistributed(Dense(32)))   # -> (None, 10, 32)
    ```
    """

    def __init__(self, layer, **kwargs):
        super(TimeDistributed, self).__init__(layer, **kwargs)
        self.supports_masking = True

    def build(self, input_shape):
        input_shape = tuple(input_shape)
        if len(input_shape) < 3:
            raise ValueError('TimeDistributed %s: the input must be at least '
                             '3-D (batch, timesteps, ...), got shape %s.'
                             % (self.name, input_shape))
        # Keras 2.2 pinned the whole shape; the batch and time sizes may
        # vary between calls.
        self.input_spec = InputSpec(shape=(None, None) + input_shape[2:])
        if not self.layer.built:
            self.layer.build((input_shape[0],) + input_shape[2:])
            self.layer.built = True
        super(TimeDistributed, self).build()

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        inner = self.layer.compute_output_shape(
            (input_shape[0],) + input_shape[2:])
        return (inner[0], input_shape[1]) + tuple(inner[1:])

    def call(self, inputs, training=None, mask=None):
        kwargs = {}
        if has_arg(self.layer.call, 'training'):
            kwargs['training'] = training
        input_shape = K.int_shape(inputs)
        if input_shape[0]:
            return self._call_stepwise(inputs, kwargs)
        return self._call_folded(inputs, mask, kwargs)

    def _call_stepwise(self, inputs, kwargs):
        def step(x, _):
            return self.layer.call(x, **kwargs), []
        _, outputs, _ = K.rnn(step, inputs, initial_states=[],
                              input_length=K.int_shape(inputs)[1])
        return outputs

    def _call_folded(self, inputs, mask, kwargs):
        input_shape = K.int_shape(inputs)
        steps = input_shape[1] or K.shape(inputs)[1]
        inner_inputs = K.reshape(
            inputs, (-1,) + _dynamic_shape(input_shape[2:], inputs, 2))
        self._input_map[object_list_uid(inputs)] = inner_inputs
        if mask is not None and has_arg(self.layer.call, 'mask'):
            kwargs['mask'] = K.reshape(
                mask, (-1,) + _dynamic_shape(K.int_shape(mask)[2:], mask, 2))
        y = self.layer.call(inner_inputs, **kwargs)
        output_shape = self.compute_output_shape(input_shape)
        y_shape = _dynamic_shape(output_shape[2:], y, 1)
        return K.reshape(y, (-1, steps) + y_shape)

    def compute_mask(self, inputs, mask=None):
        input_shape = K.int_shape(inputs)
        if input_shape[0]:
            # The step-by-step path does not compute inner masks.
            return mask
        inner_mask = mask
        if mask is not None:
            inner_mask = K.reshape(
                mask, (-1,) + _dynamic_shape(K.int_shape(mask)[2:], mask, 2))
        inner_inputs = self._input_map.get(object_list_uid(inputs))
        if inner_inputs is None:
            inner_inputs = K.reshape(
                inputs, (-1,) + _dynamic_shape(input_shape[2:], inputs, 2))
        output_mask = self.layer.compute_mask(inner_inputs, inner_mask)
        if output_mask is None:
            if mask is None:
                return None
            # The inner layer dropped the mask (e.g. Dense): a step is
            # masked when all its entries were.
            output_mask = mask
            for _ in range(2, len(K.int_shape(mask))):
                output_mask = K.any(output_mask, axis=-1)
            return output_mask
        steps = input_shape[1] or K.shape(inputs)[1]
        mask_shape = K.int_shape(output_mask)
        tail = _dynamic_shape(mask_shape[1:], output_mask, 1)
        return K.reshape(output_mask, (-1, steps) + tail)


class Bidirectional(Wrapper):
    """Runs a recurrent layer forwards and a copy of it backwards over the
    same sequence, and merges their outputs.

    The backward copy is made from the layer's config (same arguments,
    `go_backwards` flipped, its own weights). With `return_sequences`, the
    backward outputs are put back in time order before merging.

    # Arguments
        layer: a recurrent layer (`RNN` and its subclasses, CuDNN layers,
            or another layer with `go_backwards`, `return_sequences`,
            `return_state` and `stateful`).
        merge_mode: how to merge the two outputs: `'concat'` (default),
            `'sum'`, `'mul'`, `'ave'`, or `None` for a list of both.
        weights: initial weights, the forward layer's then the backward
            layer's (Keras 2.2 accepted and ignored them; keras22 sets them
            when the layer is built).

    # Call arguments
        initial_state: the forward layer's initial states followed by the
            backward layer's (an even number of tensors).
        constants: constants handed to both layers.

    # Output shape
        That of the wrapped layer, with the last dimension doubled for
        `'concat'`; a list of two outputs for `merge_mode=None`; with
        `return_state`, the outputs followed by the forward states and the
        backward states.

    # Raises
        ValueError: for an unknown `merge_mode`, or an odd number of
            initial states.

    # Example
    ```python
        model = Sequential()
        model.add(Bidirectional(LSTM(10, return_sequences=True),
                                input_shape=(5, 10)))
        model.add(Bidirectional(LSTM(10)))
        model.add(Dense(5, activation='softmax'))
    ```
    """

    _MERGE_MODES = ('sum', 'mul', 'ave', 'concat', None)

    def __init__(self, layer, merge_mode='concat', weights=None, **kwargs):
        if merge_mode not in self._MERGE_MODES:
            raise ValueError('Bidirectional: invalid merge mode %r; it should '
                             'be one of "sum", "mul", "ave", "concat" or '
                             'None.' % (merge_mode,))
        if not isinstance(layer, Layer):
            raise TypeError('Bidirectional: the wrapped layer must be a Layer '
                            'instance, got %r.' % (layer,))
        self.forward_layer = copy.copy(layer)
        config = layer.get_config()
        config['go_backwards'] = not config['go_backwards']
        self.backward_layer = layer.__class__.from_config(config)
        self.forward_layer.name = 'forward_' + self.forward_layer.name
        self.backward_layer.name = 'backward_' + self.backward_layer.name
        self.merge_mode = merge_mode
        self._trainable = layer.trainable
        super(Bidirectional, self).__init__(layer, **kwargs)
        if weights:
            self._initial_weights = list(weights)
        self.stateful = layer.stateful
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state
        self.supports_masking = True
        self.input_spec = layer.input_spec
        self._num_constants = None

    @property
    def trainable(self):
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        self._trainable = value
        self.forward_layer.trainable = value
        self.backward_layer.trainable = value

    def get_weights(self):
        return (self.forward_layer.get_weights() +
                self.backward_layer.get_weights())

    def set_weights(self, weights):
        half = len(weights) // 2
        self.forward_layer.set_weights(weights[:half])
        self.backward_layer.set_weights(weights[half:])

    def compute_output_shape(self, input_shape):
        output_shape = self.forward_layer.compute_output_shape(input_shape)
        state_shapes = []
        if self.return_state:
            state_shapes = list(output_shape[1:])
            output_shape = output_shape[0]
        if self.merge_mode == 'concat':
            output_shape = tuple(output_shape[:-1]) + (output_shape[-1] * 2,)
        elif self.merge_mode is None:
            output_shape = [output_shape, copy.copy(output_shape)]
        if self.return_state:
            outputs = (output_shape if self.merge_mode is None
                       else [output_shape])
            return outputs + state_shapes + copy.copy(state_shapes)
        return output_shape

    def __call__(self, inputs, initial_state=None, constants=None, **kwargs):
        inputs, initial_state, constants = _standardize_args(
            inputs, initial_state, constants, self._num_constants)
        if initial_state is None and constants is None:
            return super(Bidirectional, self).__call__(inputs, **kwargs)
        extra_inputs, extra_specs = [], []
        if initial_state is not None:
            count = len(initial_state)
            if count % 2:
                raise ValueError(
                    'Bidirectional %s: `initial_state` must list the states '
                    'of the forward layer then those of the backward layer '
                    '(an even number of tensors); got %d.'
                    % (self.name, count))
            specs = [InputSpec(shape=_static_shape(s)) for s in initial_state]
            self.forward_layer.state_spec = specs[:count // 2]
            self.backward_layer.state_spec = specs[count // 2:]
            extra_inputs += initial_state
            extra_specs += specs
        if constants is not None:
            specs = [InputSpec(shape=_static_shape(c)) for c in constants]
            self._num_constants = len(constants)
            for layer in (self.forward_layer, self.backward_layer):
                layer.constants_spec = specs
                layer._num_constants = self._num_constants
            extra_inputs += constants
            extra_specs += specs
        kinds = set(_is_keras_tensor(x) for x in extra_inputs)
        if len(kinds) > 1:
            raise ValueError('Bidirectional %s: the initial state or '
                             'constants cannot be a mix of Keras tensors and '
                             'other tensors.' % self.name)
        if kinds == {True}:
            original = to_list(self.input_spec)
            self.input_spec = original + extra_specs
            try:
                return super(Bidirectional, self).__call__(
                    [inputs] + extra_inputs, **kwargs)
            finally:
                self.input_spec = original
        if initial_state is not None:
            kwargs['initial_state'] = initial_state
        if constants is not None:
            kwargs['constants'] = constants
        return super(Bidirectional, self).__call__(inputs, **kwargs)

    def call(self, inputs, mask=None, training=None, initial_state=None,
             constants=None):
        kwargs = {}
        if has_arg(self.layer.call, 'training'):
            kwargs['training'] = training
        if has_arg(self.layer.call, 'mask'):
            kwargs['mask'] = mask[0] if isinstance(mask, list) else mask
        if isinstance(inputs, list):
            count = self._num_constants or 0
            if count:
                constants = inputs[len(inputs) - count:]
            initial_state = inputs[1:len(inputs) - count] or None
            inputs = inputs[0]
        if constants is not None and has_arg(self.layer.call, 'constants'):
            kwargs['constants'] = constants
        if initial_state is not None:
            half = len(initial_state) // 2
            y = self.forward_layer.call(
                inputs, initial_state=initial_state[:half], **kwargs)
            y_rev = self.backward_layer.call(
                inputs, initial_state=initial_state[half:], **kwargs)
        else:
            y = self.forward_layer.call(inputs, **kwargs)
            y_rev = self.backward_layer.call(inputs, **kwargs)
        states = []
        if self.return_state:
            states = y[1:] + y_rev[1:]
            y, y_rev = y[0], y_rev[0]
        if self.return_sequences:
            y_rev = K.reverse(y_rev, 1)
        output = self._merge(y, y_rev)
        if getattr(y, '_uses_learning_phase', False) or \
                getattr(y_rev, '_uses_learning_phase', False):
            for out in to_list(output):
                out._uses_learning_phase = True
        if self.return_state:
            return to_list(output) + states
        return output

    def _merge(self, y, y_rev):
        if self.merge_mode == 'concat':
            return K.concatenate([y, y_rev])
        if self.merge_mode == 'sum':
            return y + y_rev
        if self.merge_mode == 'ave':
            return (y + y_rev) / 2
        if self.merge_mode == 'mul':
            return y * y_rev
        return [y, y_rev]

    def reset_states(self):
        self.forward_layer.reset_states()
        self.backward_layer.reset_states()

    def build(self, input_shape):
        # The weights are named after each layer ('forward_lstm_1/kernel').
        self.forward_layer.build(input_shape)
        self.backward_layer.build(input_shape)
        self.forward_layer.built = self.backward_layer.built = True
        self.built = True

    def compute_mask(self, inputs, mask):
        if isinstance(mask, list):
            mask = mask[0]
        if self.return_sequences:
            output_mask = [mask, mask] if not self.merge_mode else mask
        else:
            output_mask = [None, None] if not self.merge_mode else None
        if self.return_state:
            state_masks = [None] * (2 * len(self.forward_layer.states))
            return to_list(output_mask) + state_masks
        return output_mask

    @property
    def trainable_weights(self):
        return (self.forward_layer.trainable_weights +
                self.backward_layer.trainable_weights)

    @property
    def non_trainable_weights(self):
        return (self.forward_layer.non_trainable_weights +
                self.backward_layer.non_trainable_weights)

    @property
    def updates(self):
        return self.forward_layer.updates + self.backward_layer.updates

    def get_updates_for(self, inputs=None):
        return (Layer.get_updates_for(self, inputs) +
                self.forward_layer.get_updates_for(inputs) +
                self.backward_layer.get_updates_for(inputs))

    @property
    def losses(self):
        return (self.forward_layer.losses + self.backward_layer.losses +
                Layer.losses.fget(self))

    def get_losses_for(self, inputs=None):
        return (Layer.get_losses_for(self, inputs) +
                self.forward_layer.get_losses_for(inputs) +
                self.backward_layer.get_losses_for(inputs))

    @property
    def constraints(self):
        """The constraints of both layers' weights, by weight."""
        found = {}
        for layer in (self.forward_layer, self.backward_layer):
            found.update(getattr(layer, 'constraints', {}) or {})
            for weight in layer.weights:
                constraint = getattr(weight, 'constraint', None)
                if constraint is not None:
                    found[weight] = constraint
        return found

    def get_config(self):
        config = {'merge_mode': self.merge_mode}
        if self._num_constants is not None:
            config['num_constants'] = self._num_constants
        base = super(Bidirectional, self).get_config()
        return dict(list(base.items()) + list(config.items()))

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from . import deserialize as deserialize_layer
        config = dict(config)
        layer = deserialize_layer(config.pop('layer'),
                                  custom_objects=custom_objects)
        num_constants = config.pop('num_constants', None)
        wrapper = cls(layer, **config)
        wrapper._num_constants = num_constants
        return wrapper
