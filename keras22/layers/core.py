"""Core layers: Dense, Activation, Dropout, Flatten, Reshape, Permute,
RepeatVector, Lambda, ActivityRegularization, Masking, SpatialDropout."""
import contextlib
import copy
import threading
import types as python_types
import warnings

import numpy as np

from .. import activations
from .. import backend as K
from .. import constraints
from .. import initializers
from .. import regularizers
from ..engine.base_layer import (InputSpec, Layer, check_positive_int,
                                 check_rate, pop_input_dim)
from ..legacy.interfaces import DIM_ORDERING_VALUES, legacy_support
from ..utils.generic_utils import (_function_from_code,
                                   deserialize_keras_object, func_dump,
                                   func_load, has_arg)


class Masking(Layer):
    """Masks the timesteps whose features all equal `mask_value`.

    Downstream layers that support masking (recurrent layers, ...) skip
    those timesteps; the output is the input with masked steps zeroed.

    # Arguments
        mask_value: the value marking padded timesteps.

    # Input shape
        `(samples, timesteps, features)` (any rank of 2 or more).

    # Output shape
        Same as the input.

    # Example
    ```python
        model = Sequential()
        model.add(Masking(mask_value=0., input_shape=(10, 8)))
        model.add(LSTM(32))
    ```
    """

    def __init__(self, mask_value=0., **kwargs):
        super(Masking, self).__init__(**kwargs)
        self.supports_masking = True
        self.mask_value = mask_value

    def compute_mask(self, inputs, mask=None):
        return K.any(K.not_equal(inputs, self.mask_value), axis=-1)

    def call(self, inputs):
        keep = K.any(K.not_equal(inputs, self.mask_value), axis=-1,
                     keepdims=True)
        return inputs * K.cast(keep, K.dtype(inputs))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = {'mask_value': self.mask_value}
        base = super(Masking, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class Dropout(Layer):
    """Sets a random fraction of the inputs to 0 during training.

    Kept values are scaled by `1 / (1 - rate)`, so the expected sum stays
    the same; at test time the layer passes its input through.

    # Arguments
        rate: the fraction of inputs to drop, between 0 and 1.
        noise_shape: 1D integer tensor: the shape of the binary mask that
            is multiplied with the input, with `None` for the input's own
            dimension (e.g. `(None, 1, None)` drops the same features at
            every timestep).
        seed: an integer seed.

    # Raises
        ValueError: if `rate` is not between 0 and 1.
    """

    @legacy_support(positional=['rate', 'noise_shape', 'seed'],
                    renamed={'p': 'rate'})
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super(Dropout, self).__init__(**kwargs)
        self.rate = check_rate(type(self).__name__, rate)
        self.noise_shape = noise_shape
        self.seed = seed
        self.supports_masking = True

    def _get_noise_shape(self, inputs):
        if self.noise_shape is None:
            return None
        dynamic = K.shape(inputs)
        return [dynamic[axis] if size is None else size
                for axis, size in enumerate(self.noise_shape)]

    def call(self, inputs, training=None):
        if 0. < self.rate < 1.:
            noise_shape = self._get_noise_shape(inputs)

            def dropped():
                return K.dropout(inputs, self.rate, noise_shape,
                                 seed=self.seed)
            return K.in_train_phase(dropped, inputs, training=training)
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = {'rate': self.rate, 'noise_shape': self.noise_shape,
                  'seed': self.seed}
        base = super(Dropout, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class _SpatialDropout(Dropout):
    """Drops whole feature maps (channels) instead of single values."""

    _rank = None

    def __init__(self, rate, data_format=None, **kwargs):
        super(_SpatialDropout, self).__init__(rate, **kwargs)
        self.data_format = (K.normalize_data_format(data_format)
                            if self._rank > 1 else 'channels_last')
        self.input_spec = InputSpec(ndim=self._rank + 2)

    def _get_noise_shape(self, inputs):
        shape = K.shape(inputs)
        ones = [1] * self._rank
        if self.data_format == 'channels_first':
            return [shape[0], shape[1]] + ones
        return [shape[0]] + ones + [shape[-1]]

    def get_config(self):
        config = super(_SpatialDropout, self).get_config()
        for key in ('noise_shape', 'seed'):
            config.pop(key, None)
        if self._rank > 1:
            config['data_format'] = self.data_format
        return config


class SpatialDropout1D(_SpatialDropout):
    """Dropout of whole 1D feature maps (channels of a sequence).

    When adjacent timesteps are strongly correlated, dropping single values
    barely regularizes; dropping a channel everywhere does.

    # Arguments
        rate: the fraction of channels to drop.

    # Input shape
        `(samples, timesteps, channels)`

    # Output shape
        Same as the input.
    """

    _rank = 1

    @legacy_support(positional=['rate'], renamed={'p': 'rate'})
    def __init__(self, rate, **kwargs):
        super(SpatialDropout1D, self).__init__(rate, **kwargs)


class SpatialDropout2D(_SpatialDropout):
    """Dropout of whole 2D feature maps.

    # Arguments
        rate: the fraction of feature maps to drop.
        data_format: `'channels_first'` or `'channels_last'` (default:
            `image_data_format()`).

    # Input shape
        `(samples, channels, rows, cols)` (channels first) or
        `(samples, rows, cols, channels)` (channels last).

    # Output shape
        Same as the input.
    """

    _rank = 2

    @legacy_support(positional=['rate'],
                    renamed={'p': 'rate', 'dim_ordering': 'data_format'},
                    value_renamed={'dim_ordering': DIM_ORDERING_VALUES})
    def __init__(self, rate, data_format=None, **kwargs):
        super(SpatialDropout2D, self).__init__(rate, data_format, **kwargs)


class SpatialDropout3D(_SpatialDropout):
    """Dropout of whole 3D feature maps.

    # Arguments
        rate: the fraction of feature maps to drop.
        data_format: `'channels_first'` or `'channels_last'` (default:
            `image_data_format()`).

    # Input shape
        `(samples, channels, dim1, dim2, dim3)` (channels first) or
        `(samples, dim1, dim2, dim3, channels)` (channels last).

    # Output shape
        Same as the input.
    """

    _rank = 3

    @legacy_support(positional=['rate'],
                    renamed={'p': 'rate', 'dim_ordering': 'data_format'},
                    value_renamed={'dim_ordering': DIM_ORDERING_VALUES})
    def __init__(self, rate, data_format=None, **kwargs):
        super(SpatialDropout3D, self).__init__(rate, data_format, **kwargs)


class Activation(Layer):
    """Applies an activation function.

    # Arguments
        activation: the name of an activation (`'relu'`, `'softmax'`, ...)
            or a function.

    # Input shape
        Any.

    # Output shape
        Same as the input.
    """

    def __init__(self, activation, **kwargs):
        super(Activation, self).__init__(**kwargs)
        self.supports_masking = True
        self.activation = activations.get(activation)

    def call(self, inputs):
        return self.activation(inputs)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = {'activation': activations.serialize(self.activation)}
        base = super(Activation, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class Reshape(Layer):
    """Reshapes the input (the batch axis is kept).

    # Arguments
        target_shape: the new shape without the batch axis, a tuple of
            integers; one entry may be -1, inferred from the others.

    # Input shape
        Any, with every dimension but the batch axis known.

    # Output shape
        `(batch_size,) + target_shape`

    # Raises
        ValueError: if the sizes do not agree, or more than one entry is
            -1.

    # Example
    ```python
        model = Sequential()
        model.add(Reshape((3, 4), input_shape=(12,)))  # -> (None, 3, 4)
        model.add(Reshape((-1, 2, 2)))                 # -> (None, 3, 2, 2)
    ```
    """

    def __init__(self, target_shape, **kwargs):
        super(Reshape, self).__init__(**kwargs)
        try:
            self.target_shape = tuple(int(d) for d in target_shape)
        except (TypeError, ValueError):
            raise ValueError('Reshape: `target_shape` must be a tuple of '
                             'integers, got %r.' % (target_shape,))
        if sum(1 for d in self.target_shape if d == -1) > 1:
            raise ValueError('Reshape: can only specify one unknown dimension '
                             'in target_shape %s.' % (self.target_shape,))
        if any(d == 0 or d < -1 for d in self.target_shape):
            raise ValueError('Reshape: target_shape %s must hold positive '
                             'sizes or -1.' % (self.target_shape,))

    def _fix_unknown_dimension(self, input_shape, output_shape):
        """Fills the -1 of `output_shape` from the input's size."""
        output_shape = list(output_shape)
        known, unknown = 1, None
        for index, dim in enumerate(output_shape):
            if dim < 0:
                unknown = index
            else:
                known *= dim
        original = int(np.prod(input_shape, dtype=int))
        message = ('Reshape: total size of new array must be unchanged '
                   '(input shape %s, target shape %s).'
                   % (tuple(input_shape), self.target_shape))
        if unknown is not None:
            if known == 0 or original % known != 0:
                raise ValueError(message)
            output_shape[unknown] = original // known
        elif original != known:
            raise ValueError(message)
        return tuple(output_shape)

    def compute_output_shape(self, input_shape):
        if None in input_shape[1:]:
            # Unknown input size: only the -1 entry stays unknown.
            return (input_shape[0],) + tuple(
                None if d == -1 else d for d in self.target_shape)
        return (input_shape[0],) + self._fix_unknown_dimension(
            input_shape[1:], self.target_shape)

    def call(self, inputs):
        shape = K.int_shape(inputs)
        if shape is not None and None not in shape[1:]:
            target = self.compute_output_shape(shape)[1:]
            return K.reshape(inputs, (-1,) + tuple(target))
        return K.reshape(inputs, (K.shape(inputs)[0],) + self.target_shape)

    def get_config(self):
        config = {'target_shape': self.target_shape}
        base = super(Reshape, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class Permute(Layer):
    """Permutes the non-batch axes of the input.

    # Arguments
        dims: a permutation of `1..ndim-1` (the batch axis is 0 and is not
            listed), e.g. `(2, 1)` swaps the two axes of a sequence.

    # Input shape
        Any, with `len(dims)` axes after the batch axis.

    # Output shape
        The input shape with its axes reordered.

    # Raises
        ValueError: if `dims` is not a permutation of `1..len(dims)`.
    """

    def __init__(self, dims, **kwargs):
        super(Permute, self).__init__(**kwargs)
        self.dims = tuple(dims)
        if sorted(self.dims) != list(range(1, len(self.dims) + 1)):
            raise ValueError('Permute: `dims` must be a permutation of the '
                             'axes 1..%d (the batch axis 0 is not listed), '
                             'got %s.' % (len(self.dims), self.dims))
        self.input_spec = InputSpec(ndim=len(self.dims) + 1)

    def compute_output_shape(self, input_shape):
        input_shape = list(input_shape)
        return tuple([input_shape[0]] + [input_shape[d] for d in self.dims])

    def call(self, inputs):
        return K.permute_dimensions(inputs, (0,) + self.dims)

    def get_config(self):
        config = {'dims': self.dims}
        base = super(Permute, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class Flatten(Layer):
    """Flattens the input to `(batch_size, features)`.

    # Arguments
        data_format: for inputs of rank 4 or more: `'channels_first'` makes
            the flattened order that of a channels-last tensor (as Keras
            2.2 did), so weights stay interchangeable between formats.

    # Input shape
        Any rank of 2 or more, all non-batch dimensions known.

    # Output shape
        `(batch_size, product of the other dimensions)`

    # Raises
        ValueError: if a non-batch dimension of the input is unknown.
    """

    def __init__(self, data_format=None, **kwargs):
        super(Flatten, self).__init__(**kwargs)
        self.input_spec = InputSpec(min_ndim=2)
        self.data_format = K.normalize_data_format(data_format)

    def compute_output_shape(self, input_shape):
        if not all(input_shape[1:]):
            raise ValueError('The shape of the input to "Flatten" is not '
                             'fully defined (got %s). Make sure to pass a '
                             'complete "input_shape" or "batch_input_shape" '
                             'argument to the first layer in your model.'
                             % (tuple(input_shape[1:]),))
        return (input_shape[0], int(np.prod(input_shape[1:])))

    def call(self, inputs):
        ndim = K.ndim(inputs)
        if self.data_format == 'channels_first' and ndim > 2:
            inputs = K.permute_dimensions(
                inputs, [0] + list(range(2, ndim)) + [1])
        return K.batch_flatten(inputs)

    def get_config(self):
        config = {'data_format': self.data_format}
        base = super(Flatten, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class RepeatVector(Layer):
    """Repeats each input vector `n` times along a new time axis.

    # Arguments
        n: the number of repetitions.

    # Input shape
        `(num_samples, features)`

    # Output shape
        `(num_samples, n, features)`
    """

    def __init__(self, n, **kwargs):
        super(RepeatVector, self).__init__(**kwargs)
        self.n = check_positive_int('RepeatVector', 'n', n)
        self.input_spec = InputSpec(ndim=2)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.n, input_shape[1])

    def call(self, inputs):
        return K.repeat(inputs, self.n)

    def get_config(self):
        config = {'n': self.n}
        base = super(RepeatVector, self).get_config()
        return dict(list(base.items()) + list(config.items()))


# ----------------------------------------------------------------------
# Lambda

_BYTECODE = threading.local()


@contextlib.contextmanager
def allow_lambda_bytecode(allowed=True):
    """Within this block, `Lambda.from_config` may unmarshal the Python
    bytecode a config holds, even when this process did not write it
    (`load_model(..., safe_mode=False)` and `clone_model` use it)."""
    previous = getattr(_BYTECODE, 'allowed', False)
    _BYTECODE.allowed = allowed
    try:
        yield
    finally:
        _BYTECODE.allowed = previous


def _bytecode_allowed():
    return getattr(_BYTECODE, 'allowed', False)


# The functions this process serialized, by the marshalled code text a
# config holds: {code_text: (code object, globals)}. Bytecode equal to one
# of them is code the user already runs here, so a config made in this
# process (from_config, to_json then model_from_json, save then load_model
# in the same script) loads without `safe_mode=False`, and without running
# anything read from the config. Entries are kept for the whole process so
# that `del model` before `load_model` still works; a code object and a
# module's globals are small and mostly alive anyway.
_KNOWN_CODE = {}


class Lambda(Layer):
    """Wraps a function of tensors as a layer.

    # Arguments
        function: the function to apply; it takes the input tensor (or
            list of tensors) as first argument, and `mask` if it declares
            it.
        output_shape: the output shape, for when it cannot be inferred by
            running the function: a tuple without the batch axis, or a
            function from the input shape to the output shape (with the
            batch axis).
        mask: an output mask, or a function `mask(inputs, previous_mask)`.
        arguments: a dict of extra keyword arguments for `function`.

    # Input shape
        Any.

    # Output shape
        As given by `output_shape`, or as the function computes.

    # Example
    ```python
        model.add(Lambda(lambda x: x ** 2))

        def antirectifier(x):
            x -= K.mean(x, axis=1, keepdims=True)
            x = K.l2_normalize(x, axis=1)
            return K.concatenate([K.relu(x), K.relu(-x)], axis=1)

        model.add(Lambda(antirectifier,
                         output_shape=lambda s: (s[0], 2 * s[1])))
    ```

    # Saving
        A function given as Python code (a `def` or a `lambda`) is saved as
        bytecode, as Keras 2.2 did. Within the process that saved it (config
        round trips, `clone_model`, `to_json` then `model_from_json`,
        `save` then `load_model` in one script) the layer loads back as in
        Keras 2.2: the bytecode is that of a function the process already
        runs, and the function is rebuilt from it, with the globals of its
        own module. Bytecode written by another process would run code
        read from the file, so keras22 only loads it when the caller allows
        it (`load_model(..., safe_mode=False)`) or supplies the function in
        `custom_objects` under the layer's name; otherwise loading raises a
        ValueError saying so.
    """

    @legacy_support(positional=['function', 'output_shape'])
    def __init__(self, function, output_shape=None, mask=None,
                 arguments=None, **kwargs):
        super(Lambda, self).__init__(**kwargs)
        if not callable(function):
            raise TypeError('Lambda: `function` must be callable, got %r.'
                            % (function,))
        self.function = function
        self.arguments = arguments if arguments else {}
        if mask is not None:
            self.supports_masking = True
        self.mask = mask
        if output_shape is not None and not callable(output_shape) and \
                not isinstance(output_shape, (tuple, list)):
            raise TypeError('Lambda: `output_shape` must be a tuple, a list '
                            'or a function, got %r.' % (output_shape,))
        self._output_shape = (tuple(output_shape)
                              if isinstance(output_shape, list) and
                              not any(isinstance(s, (tuple, list))
                                      for s in output_shape)
                              else output_shape)

    def _declares_output_shape(self):
        return self._output_shape is not None

    def compute_output_shape(self, input_shape):
        if self._output_shape is None:
            # Run the function on placeholders of the given shape.
            shapes = input_shape if isinstance(input_shape, list) \
                else [input_shape]
            placeholders = [K.placeholder(shape=s) for s in shapes]
            outputs = self.call(placeholders if isinstance(input_shape, list)
                                else placeholders[0])
            if isinstance(outputs, (list, tuple)):
                return [K.int_shape(o) for o in outputs]
            return K.int_shape(outputs)
        if isinstance(self._output_shape, (tuple, list)):
            if isinstance(input_shape, list):
                batch = input_shape[0][0]
            else:
                batch = input_shape[0] if input_shape else None
            if isinstance(self._output_shape, list):
                return [(batch,) + tuple(s) for s in self._output_shape]
            return (batch,) + tuple(self._output_shape)
        shape = self._output_shape(input_shape)
        if not isinstance(shape, (list, tuple)):
            raise ValueError('Lambda %s: `output_shape` function must return a '
                             'tuple or a list of tuples, got %r.'
                             % (self.name, shape))
        if isinstance(shape, list) and shape and \
                isinstance(shape[0], (list, tuple)):
            return [tuple(s) for s in shape]
        return tuple(shape)

    def call(self, inputs, mask=None):
        arguments = dict(self.arguments)
        if has_arg(self.function, 'mask'):
            arguments['mask'] = mask
        return self.function(inputs, **arguments)

    def compute_mask(self, inputs, mask=None):
        if callable(self.mask):
            return self.mask(inputs, mask)
        return self.mask

    def get_config(self):
        function, function_type = _serialize_function(self.function)
        if callable(self._output_shape):
            output_shape, output_shape_type = _serialize_function(
                self._output_shape)
        else:
            output_shape, output_shape_type = self._output_shape, 'raw'
        config = {'function': function, 'function_type': function_type,
                  'output_shape': output_shape,
                  'output_shape_type': output_shape_type,
                  'arguments': _serialize_arguments(self.arguments)}
        base = super(Lambda, self).get_config()
        return dict(list(base.items()) + list(config.items()))

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = copy.deepcopy(config)
        custom_objects = custom_objects or {}
        name = config.get('name')
        globs = dict(globals())
        globs.update(custom_objects)
        config['function'] = _deserialize_function(
            name, 'function', config.get('function'),
            config.pop('function_type', 'function'), custom_objects, globs)
        shape_type = config.pop('output_shape_type', 'raw')
        if shape_type != 'raw' and config.get('output_shape') is not None:
            config['output_shape'] = _deserialize_function(
                name, 'output_shape', config['output_shape'], shape_type,
                custom_objects, globs, allow_named=False)
        elif isinstance(config.get('output_shape'), list):
            config['output_shape'] = tuple(config['output_shape'])
        if 'arguments' in config:
            config['arguments'] = _deserialize_arguments(config['arguments'])
        return cls(**config)


def _serialize_function(fn):
    if isinstance(fn, python_types.LambdaType) and \
            not hasattr(fn, '_keras22_named'):
        dumped = func_dump(fn)
        _KNOWN_CODE[dumped[0]] = (fn.__code__, fn.__globals__)
        return dumped, 'lambda'
    return fn.__name__, 'function'


def _known_function(value, custom_objects):
    """The function a serialized Lambda function stands for, when its code
    is that of a function this process serialized; otherwise None.

    The function is rebuilt from the code object in memory (nothing is
    unmarshalled) with its own module's globals, overridden by
    `custom_objects`, and the defaults and closure values of the config.
    """
    if isinstance(value, (list, tuple)) and len(value) == 3:
        code, defaults, closure = value
    elif isinstance(value, str):
        code, defaults, closure = value, None, None
    else:
        return None
    if not isinstance(code, str) or code not in _KNOWN_CODE:
        return None
    code_object, globs = _KNOWN_CODE[code]
    overrides = {k: v for k, v in (custom_objects or {}).items()
                 if k not in globs or globs[k] is not v}
    if overrides:
        # A copy, so that the user's module is left as it is.
        globs = dict(globs)
        globs.update(overrides)
    return _function_from_code(code_object, defaults, closure, globs)


def _deserialize_function(layer_name, what, value, kind, custom_objects,
                          globs, allow_named=True):
    if kind == 'function':
        return deserialize_keras_object(
            value, custom_objects=custom_objects,
            printable_module_name='function in Lambda layer')
    if kind != 'lambda':
        raise TypeError('Lambda %s: unknown %s type %r.'
                        % (layer_name, what, kind))
    if allow_named and layer_name in custom_objects and \
            callable(custom_objects[layer_name]):
        return custom_objects[layer_name]
    known = _known_function(value, custom_objects)
    if known is not None:
        return known
    if not _bytecode_allowed():
        raise ValueError(
            'Lambda layer "%s" holds its %s as Python bytecode; loading it '
            'would run code stored in the model. If you trust the model, '
            'pass safe_mode=False to load_model/model_from_json/'
            'model_from_yaml/model_from_config (or wrap the call in '
            '`keras22.layers.core.allow_lambda_bytecode()`), or supply the '
            'function as custom_objects={%r: your_function}.'
            % (layer_name, what, layer_name))
    return func_load(value, globs=globs)


def _serialize_arguments(arguments):
    result = {}
    for key, value in (arguments or {}).items():
        if isinstance(value, np.ndarray):
            result[key] = {'type': 'ndarray', 'value': value.tolist()}
        else:
            result[key] = value
    return result


def _deserialize_arguments(arguments):
    result = {}
    for key, value in (arguments or {}).items():
        if isinstance(value, dict) and value.get('type') == 'ndarray':
            result[key] = np.array(value['value'])
        else:
            result[key] = value
    return result


class Dense(Layer):
    """A fully connected layer: `activation(dot(input, kernel) + bias)`.

    For inputs of rank above 2, the kernel applies to the last axis.

    # Arguments
        units: the dimension of the output.
        activation: the activation (name or function); none by default.
        use_bias: whether to add a bias.
        kernel_initializer: initializer of the kernel.
        bias_initializer: initializer of the bias.
        kernel_regularizer: regularizer of the kernel.
        bias_regularizer: regularizer of the bias.
        activity_regularizer: regularizer of the output.
        kernel_constraint: constraint on the kernel.
        bias_constraint: constraint on the bias.

    # Input shape
        `(batch_size, ..., input_dim)`, commonly `(batch_size, input_dim)`.

    # Output shape
        `(batch_size, ..., units)`

    # Raises
        ValueError: if `units` is not a positive integer, or the last input
            dimension is unknown.

    # Example
    ```python
        model = Sequential()
        model.add(Dense(32, input_shape=(16,)))  # -> (None, 32)
        model.add(Dense(32))
    ```
    """

    @legacy_support(positional=['units'],
                    renamed={'output_dim': 'units',
                             'init': 'kernel_initializer',
                             'W_regularizer': 'kernel_regularizer',
                             'b_regularizer': 'bias_regularizer',
                             'W_constraint': 'kernel_constraint',
                             'b_constraint': 'bias_constraint',
                             'bias': 'use_bias'})
    def __init__(self, units, activation=None, use_bias=True,
                 kernel_initializer='glorot_uniform', bias_initializer='zeros',
                 kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, **kwargs):
        super(Dense, self).__init__(**pop_input_dim(kwargs))
        self.units = check_positive_int('Dense', 'units', units)
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.activity_regularizer = regularizers.get(activity_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(min_ndim=2)
        self.supports_masking = True

    def build(self, input_shape):
        input_dim = input_shape[-1]
        if input_dim is None:
            raise ValueError('Dense %s: the last dimension of the inputs '
                             'should be defined. Found `None` (input shape '
                             '%s).' % (self.name, input_shape))
        self.kernel = self.add_weight(shape=(input_dim, self.units),
                                      initializer=self.kernel_initializer,
                                      name='kernel',
                                      regularizer=self.kernel_regularizer,
                                      constraint=self.kernel_constraint)
        if self.use_bias:
            self.bias = self.add_weight(shape=(self.units,),
                                        initializer=self.bias_initializer,
                                        name='bias',
                                        regularizer=self.bias_regularizer,
                                        constraint=self.bias_constraint)
        else:
            self.bias = None
        self.input_spec = InputSpec(min_ndim=2, axes={-1: input_dim})
        self.built = True

    def call(self, inputs):
        output = K.dot(inputs, self.kernel)
        if self.use_bias:
            output = K.bias_add(output, self.bias,
                                data_format='channels_last')
        if self.activation is not None:
            output = self.activation(output)
        return output

    def compute_output_shape(self, input_shape):
        output_shape = list(input_shape)
        output_shape[-1] = self.units
        return tuple(output_shape)

    def get_config(self):
        config = {
            'units': self.units,
            'activation': activations.serialize(self.activation),
            'use_bias': self.use_bias,
            'kernel_initializer': initializers.serialize(
                self.kernel_initializer),
            'bias_initializer': initializers.serialize(self.bias_initializer),
            'kernel_regularizer': regularizers.serialize(
                self.kernel_regularizer),
            'bias_regularizer': regularizers.serialize(self.bias_regularizer),
            'activity_regularizer': regularizers.serialize(
                self.activity_regularizer),
            'kernel_constraint': constraints.serialize(self.kernel_constraint),
            'bias_constraint': constraints.serialize(self.bias_constraint)}
        base = super(Dense, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class ActivityRegularization(Layer):
    """Adds a penalty on the input's values to the model's loss.

    # Arguments
        l1: the L1 factor (a positive float).
        l2: the L2 factor (a positive float).

    # Input shape
        Any.

    # Output shape
        Same as the input.
    """

    def __init__(self, l1=0., l2=0., **kwargs):
        super(ActivityRegularization, self).__init__(**kwargs)
        self.supports_masking = True
        self.l1 = l1
        self.l2 = l2
        self.activity_regularizer = regularizers.L1L2(l1=l1, l2=l2)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = {'l1': self.l1, 'l2': self.l2}
        base = super(ActivityRegularization, self).get_config()
        return dict(list(base.items()) + list(config.items()))
