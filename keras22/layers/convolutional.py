"""Convolution layers, and the layers that pad, crop or enlarge images.

Kernels keep Keras 2.2's layouts and weight order, so weights saved by
Keras 2.2 load unchanged:

* `Conv1D/2D/3D`: `kernel` `kernel_size + (input_channels, filters)`,
  then `bias` `(filters,)`;
* `Conv2DTranspose`, `Conv3DTranspose`: `kernel`
  `kernel_size + (filters, input_channels)`, then `bias`;
* `SeparableConv1D/2D`: `depthwise_kernel`
  `kernel_size + (input_channels, depth_multiplier)`, `pointwise_kernel`
  `(1,) * rank + (input_channels * depth_multiplier, filters)`, `bias`;
* `DepthwiseConv2D`: `depthwise_kernel`
  `kernel_size + (input_channels, depth_multiplier)`, then `bias`
  `(input_channels * depth_multiplier,)`.
"""
from .. import activations
from .. import backend as K
from .. import constraints
from .. import initializers
from .. import regularizers
from ..engine.base_layer import InputSpec, Layer, check_positive_int
from ..legacy.interfaces import DIM_ORDERING_VALUES, legacy_support
from ..utils.conv_utils import (_channel_axis, _check_data_format,
                                _check_int_tuple, _check_pad_pairs,
                                _check_padding, _check_strides_and_dilation,
                                _check_window_fits, _is_int, _layout,
                                _spatial_axes, conv_output_length,
                                deconv_length)
# Keras 2.2 exported the pooling layers and the Keras 1 atrous
# convolutions from this module too.
from .pooling import (AveragePooling1D, AveragePooling2D,  # noqa: F401
                      AveragePooling3D, MaxPooling1D, MaxPooling2D,
                      MaxPooling3D)
from ..legacy.conv_layers import (AtrousConv1D, AtrousConv2D,  # noqa: F401
                                  AtrousConvolution1D, AtrousConvolution2D)

__all__ = [
    'Conv1D', 'Conv2D', 'Conv3D', 'SeparableConv1D', 'SeparableConv2D',
    'DepthwiseConv2D', 'Conv2DTranspose', 'Conv3DTranspose',
    'Cropping1D', 'Cropping2D', 'Cropping3D',
    'UpSampling1D', 'UpSampling2D', 'UpSampling3D',
    'ZeroPadding1D', 'ZeroPadding2D', 'ZeroPadding3D',
    'Convolution1D', 'Convolution2D', 'Convolution3D',
    'SeparableConvolution1D', 'SeparableConvolution2D',
    'Convolution2DTranspose', 'Deconvolution2D', 'Deconvolution3D',
    'Deconv2D', 'Deconv3D',
    'AveragePooling1D', 'AveragePooling2D', 'AveragePooling3D',
    'MaxPooling1D', 'MaxPooling2D', 'MaxPooling3D',
    'AtrousConvolution1D', 'AtrousConvolution2D', 'AtrousConv1D',
    'AtrousConv2D',
]


# --------------------------------------------------------------------------
# Keras 1 call forms.

_KERAS1_CONV_NAMES = {
    'nb_filter': 'filters', 'border_mode': 'padding', 'bias': 'use_bias',
    'init': 'kernel_initializer', 'W_regularizer': 'kernel_regularizer',
    'b_regularizer': 'bias_regularizer', 'W_constraint': 'kernel_constraint',
    'b_constraint': 'bias_constraint'}
_KERAS1_CONV1D_NAMES = dict(_KERAS1_CONV_NAMES, filter_length='kernel_size',
                            subsample_length='strides')
_KERAS1_CONVND_NAMES = dict(_KERAS1_CONV_NAMES, subsample='strides',
                            dim_ordering='data_format')
_DIM_ORDERING = {'dim_ordering': DIM_ORDERING_VALUES}
_KERNEL_KEYWORDS = {2: ('nb_row', 'nb_col'),
                    3: ('kernel_dim1', 'kernel_dim2', 'kernel_dim3')}


def _keras1_sequence_shape(args, kwargs):
    """Keras 1 gave a sequence's shape as `input_dim` and `input_length`;
    Keras 2 takes `input_shape=(input_length, input_dim)`."""
    converted = []
    if 'input_dim' in kwargs:
        shape = (kwargs.pop('input_length', None), kwargs.pop('input_dim'))
        kwargs['input_shape'] = shape
        converted.append(('input_shape', shape))
    return args, kwargs, converted


def _keras1_kernel_size(layer_name, rank):
    """A `legacy_support` preprocessor for Keras 1 kernel sizes.

    Keras 1 gave an n-D kernel's size as n integers, after `nb_filter`
    either by position (`Conv2D(32, 3, 3)`) or as keywords (`nb_row`,
    `nb_col`; `kernel_dim1..3` in 3D), possibly mixed.
    """
    keywords = _KERNEL_KEYWORDS[rank]

    def preprocess(args, kwargs):
        given = list(args[1:])
        if len(given) > rank or not all(_is_int(v) for v in given):
            return args, kwargs, []
        if len(given) == 2 and any(k in kwargs for k in
                                   ('padding', 'strides', 'data_format')):
            # Keras 2.2 refused this: `Conv2D(32, 3, 3, padding=...)` could
            # mean kernel_size=3, strides=3 as well as a 3x3 kernel
            raise ValueError(
                '%s: the two integers after `filters` (%r) read as a Keras 1 '
                'kernel size, but Keras 2 keywords are given too; pass '
                '`kernel_size` and `strides` as keywords.'
                % (layer_name, tuple(given)))
        missing = keywords[len(given):]
        if len(given) < 2 and not all(k in kwargs for k in missing):
            return args, kwargs, []
        kernel_size = tuple(given) + tuple(kwargs.pop(k) for k in missing)
        if args:
            args = (args[0], kernel_size)
        else:
            kwargs['kernel_size'] = kernel_size
        return args, kwargs, [('kernel_size', kernel_size)]
    return preprocess


def _drop_output_shape(args, kwargs):
    """Keras 1's `Deconvolution2D` needed an `output_shape`, now computed."""
    converted = []
    if len(args) == 4 and isinstance(args[3], (tuple, list)):
        args = args[:3]
        converted.append(('output_shape', None))
    if 'output_shape' in kwargs:
        kwargs.pop('output_shape')
        converted.append(('output_shape', None))
    return args, kwargs, converted


def _chain(*preprocessors):
    def preprocess(args, kwargs):
        converted = []
        for step in preprocessors:
            args, kwargs, extra = step(args, kwargs)
            converted.extend(extra)
        return args, kwargs, converted
    return preprocess


def _separable_init(args, kwargs):
    """Keras 1's single `init` initialized both separable kernels."""
    converted = []
    if 'init' in kwargs:
        init = kwargs.pop('init')
        kwargs['depthwise_initializer'] = init
        kwargs['pointwise_initializer'] = init
        converted.append(('depthwise_initializer/pointwise_initializer',
                          init))
    return args, kwargs, converted


def _padding_dict(args, kwargs):
    """Keras 1's `ZeroPadding2D` also took `{'top_pad': ..., ...}`."""
    sides = ('top_pad', 'bottom_pad', 'left_pad', 'right_pad')

    def convert(value):
        if isinstance(value, dict) and set(value) <= set(sides):
            top, bottom, left, right = (value.get(s, 0) for s in sides)
            return ((top, bottom), (left, right))
        return None
    converted = []
    if 'padding' in kwargs and convert(kwargs['padding']) is not None:
        kwargs['padding'] = convert(kwargs['padding'])
        converted.append(('padding', kwargs['padding']))
    elif len(args) == 1 and convert(args[0]) is not None:
        args = (convert(args[0]),)
        converted.append(('padding', args[0]))
    return args, kwargs, converted


def _legacy_conv1d(init):
    """Keras 1 arguments of 1-D convolutions (also used by
    LocallyConnected1D)."""
    return legacy_support(positional=['filters', 'kernel_size'],
                          renamed=_KERAS1_CONV1D_NAMES,
                          preprocess=_keras1_sequence_shape)(init)


def _legacy_conv(rank, extra=None, renamed=None):
    """Keras 1 arguments of 2-D and 3-D convolutions (also used by
    LocallyConnected2D)."""
    def decorator(init):
        layer_name = init.__qualname__.split('.')[0]
        steps = ([extra] if extra else []) + [
            _keras1_kernel_size(layer_name, rank)]
        return legacy_support(positional=['filters', 'kernel_size'],
                              renamed=renamed or _KERAS1_CONVND_NAMES,
                              value_renamed=_DIM_ORDERING,
                              preprocess=_chain(*steps))(init)
    return decorator


def _legacy_dim_ordering(positional, renamed=None, preprocess=None):
    return legacy_support(positional=positional,
                          renamed=dict(renamed or {},
                                       dim_ordering='data_format'),
                          value_renamed=_DIM_ORDERING, preprocess=preprocess)


# --------------------------------------------------------------------------
# Shape helpers.

def _regularized_weight(layer, name, shape, prefix):
    """A weight whose initializer, regularizer and constraint are the
    layer's `<prefix>_initializer`, ... attributes."""
    return layer.add_weight(
        name=name, shape=shape,
        initializer=getattr(layer, prefix + '_initializer'),
        regularizer=getattr(layer, prefix + '_regularizer'),
        constraint=getattr(layer, prefix + '_constraint'))


def _serialized(layer, *prefixes):
    """The config entries of the layer's initializers, regularizers and
    constraints named `<prefix>_initializer`, ..."""
    config = {}
    for prefix in prefixes:
        config[prefix + '_initializer'] = initializers.serialize(
            getattr(layer, prefix + '_initializer'))
        config[prefix + '_regularizer'] = regularizers.serialize(
            getattr(layer, prefix + '_regularizer'))
        config[prefix + '_constraint'] = constraints.serialize(
            getattr(layer, prefix + '_constraint'))
    return config


# --------------------------------------------------------------------------
# Convolutions.

class _Conv(Layer):
    """What every convolution layer shares: argument checks, the kernel
    and bias, the output shape and the config.

    Subclasses say how the kernels look (`_make_kernels`), how they apply
    (`_convolve`) and how many channels come out (`_output_channels`).
    """

    # 'causal' padding only makes sense along time, for 1-D convolutions
    _causal_allowed = False
    # DepthwiseConv2D derives its output channels from its input
    _filters_from_input = False

    def __init__(self, rank, filters, kernel_size, strides=1,
                 padding='valid', data_format=None, dilation_rate=1,
                 activation=None, use_bias=True,
                 kernel_initializer='glorot_uniform',
                 bias_initializer='zeros', kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super(_Conv, self).__init__(**kwargs)
        name = type(self).__name__
        self.rank = rank
        self.filters = check_positive_int(
            name, 'filters', filters, allow_none=self._filters_from_input)
        self.kernel_size = _check_int_tuple(name, 'kernel_size', kernel_size,
                                            rank)
        self.strides = _check_int_tuple(name, 'strides', strides, rank)
        self.padding = _check_padding(
            name, padding, ('valid', 'same', 'causal')
            if self._causal_allowed else ('valid', 'same'))
        self.data_format = _check_data_format(name, data_format)
        self.dilation_rate = _check_int_tuple(name, 'dilation_rate',
                                              dilation_rate, rank)
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.activity_regularizer = regularizers.get(activity_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(ndim=rank + 2)

    def _spatial(self, shape):
        return [shape[axis] for axis in _spatial_axes(self.rank,
                                                      self.data_format)]

    def _check_input_size(self, input_shape):
        _check_window_fits(type(self).__name__, 'kernel_size',
                           self._spatial(input_shape), self.kernel_size,
                           self.padding, self.dilation_rate)

    def build(self, input_shape):
        # checked here rather than in the constructor: Keras 2.2 built such
        # layers (legacy code may read their config) and failed only when
        # TensorFlow ran them
        _check_strides_and_dilation(type(self).__name__, self.strides,
                                    self.dilation_rate)
        channel_axis = _channel_axis(self.data_format)
        input_dim = input_shape[channel_axis]
        if input_dim is None:
            raise ValueError('%s %s: the channel dimension of the inputs '
                             'should be defined. Found `None` (input shape '
                             '%s, data_format %r).'
                             % (type(self).__name__, self.name,
                                tuple(input_shape), self.data_format))
        self._check_input_size(input_shape)
        self._make_kernels(input_dim)
        if self.use_bias:
            self.bias = _regularized_weight(
                self, 'bias', (self._output_channels(input_dim),), 'bias')
        else:
            self.bias = None
        self.input_spec = InputSpec(ndim=self.rank + 2,
                                    axes={channel_axis: input_dim})
        self.built = True

    def _make_kernels(self, input_dim):
        self.kernel = _regularized_weight(
            self, 'kernel', self.kernel_size + (input_dim, self.filters),
            'kernel')

    def _output_channels(self, input_dim):
        return self.filters

    def _convolve(self, inputs):
        conv = {1: K.conv1d, 2: K.conv2d, 3: K.conv3d}[self.rank]
        return conv(inputs, self.kernel, strides=self.strides,
                    padding=self.padding, data_format=self.data_format,
                    dilation_rate=self.dilation_rate)

    def call(self, inputs):
        outputs = self._convolve(inputs)
        if self.use_bias:
            outputs = K.bias_add(outputs, self.bias,
                                 data_format=self.data_format)
        if self.activation is not None:
            outputs = self.activation(outputs)
        return outputs

    def _output_lengths(self, lengths):
        return [conv_output_length(length, size, self.padding, stride,
                                   dilation)
                for length, size, stride, dilation in zip(
                    lengths, self.kernel_size, self.strides,
                    self.dilation_rate)]

    def compute_output_shape(self, input_shape):
        input_dim = input_shape[_channel_axis(self.data_format)]
        return _layout(input_shape[0],
                       self._output_lengths(self._spatial(input_shape)),
                       self._output_channels(input_dim), self.data_format)

    def get_config(self):
        config = {
            'filters': self.filters,
            'kernel_size': self.kernel_size,
            'strides': self.strides,
            'padding': self.padding,
            'data_format': self.data_format,
            'dilation_rate': self.dilation_rate,
            'activation': activations.serialize(self.activation),
            'use_bias': self.use_bias,
            'activity_regularizer': regularizers.serialize(
                self.activity_regularizer)}
        config.update(_serialized(self, 'kernel', 'bias'))
        base = super(_Conv, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class Conv1D(_Conv):
    """1-D convolution over time (temporal convolution).

    Slides `filters` kernels of length `kernel_size` along the steps of a
    sequence; with `use_bias`, adds a bias per filter, then applies
    `activation`.

    # Arguments
        filters: the number of output channels (a positive integer).
        kernel_size: the window length: an integer or a tuple of one.
        strides: the step between windows: an integer or a tuple of one.
        padding: `'valid'` (windows stay inside the sequence), `'same'`
            (zeros around it keep `ceil(steps / strides)` outputs) or
            `'causal'` (zeros before it only, so that an output never
            depends on later steps, as WaveNet needs).
        data_format: `'channels_last'` (the default: `(batch, steps,
            channels)`) or `'channels_first'` (`(batch, channels, steps)`).
        dilation_rate: the spacing between kernel taps (dilated or
            "atrous" convolution). Cannot be combined with `strides` > 1.
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
        `(batch, steps, channels)` (or `(batch, channels, steps)` with
        `channels_first`).

    # Output shape
        `(batch, new_steps, filters)` (or `(batch, filters, new_steps)`);
        `new_steps` depends on `padding` and `strides`.

    # Weights
        `kernel` `(kernel_size, channels, filters)`, then `bias`
        `(filters,)`.

    # Raises
        ValueError: for a non-positive `filters`, `kernel_size`,
            `strides` or `dilation_rate`, an unknown `padding` or
            `data_format`, or (at build) strides and dilation both above
            1, an unknown channel dimension or, with `'valid'`, a kernel
            longer than the input.

    # Example
    ```python
        model = Sequential()
        model.add(Conv1D(16, 3, padding='causal', input_shape=(10, 4)))
        # output shape: (None, 10, 16)
    ```
    """

    _causal_allowed = True

    @_legacy_conv1d
    def __init__(self, filters, kernel_size, strides=1, padding='valid',
                 data_format='channels_last', dilation_rate=1,
                 activation=None, use_bias=True,
                 kernel_initializer='glorot_uniform',
                 bias_initializer='zeros', kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super(Conv1D, self).__init__(
            1, filters, kernel_size, strides=strides, padding=padding,
            data_format=data_format, dilation_rate=dilation_rate,
            activation=activation, use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint, **kwargs)


class Conv2D(_Conv):
    """2-D convolution over images (spatial convolution).

    Slides `filters` kernels of size `kernel_size` over the rows and
    columns of an image; with `use_bias`, adds a bias per filter, then
    applies `activation`.

    # Arguments
        filters: the number of output channels (a positive integer).
        kernel_size: the window size: an integer or a pair `(rows, cols)`.
        strides: the steps between windows: an integer or a pair.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` (`(batch, rows, cols, channels)`)
            or `'channels_first'` (`(batch, channels, rows, cols)`);
            default: `image_data_format()`.
        dilation_rate: the spacing between kernel taps: an integer or a
            pair. Cannot be combined with `strides` > 1.
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
        `(batch, rows, cols, channels)` (channels last) or
        `(batch, channels, rows, cols)` (channels first).

    # Output shape
        `(batch, new_rows, new_cols, filters)` or
        `(batch, filters, new_rows, new_cols)`.

    # Weights
        `kernel` `kernel_size + (channels, filters)`, then `bias`
        `(filters,)`.

    # Raises
        ValueError: for a non-positive `filters`, `kernel_size`,
            `strides` or `dilation_rate`, an unknown `padding`
            (`'causal'` included) or `data_format`, or (at build) strides
            and dilation both above 1, an unknown channel dimension or,
            with `'valid'`, a kernel larger than the input.

    # Example
    ```python
        model = Sequential()
        model.add(Conv2D(8, (3, 3), padding='same', activation='relu',
                         input_shape=(28, 28, 1)))
        # output shape: (None, 28, 28, 8)
    ```

    Keras 1 call forms still work, with a warning:
    `Conv2D(32, 3, 3, border_mode='same', subsample=(2, 2))`.
    """

    @_legacy_conv(2)
    def __init__(self, filters, kernel_size, strides=(1, 1), padding='valid',
                 data_format=None, dilation_rate=(1, 1), activation=None,
                 use_bias=True, kernel_initializer='glorot_uniform',
                 bias_initializer='zeros', kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super(Conv2D, self).__init__(
            2, filters, kernel_size, strides=strides, padding=padding,
            data_format=data_format, dilation_rate=dilation_rate,
            activation=activation, use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint, **kwargs)


class Conv3D(_Conv):
    """3-D convolution over volumes (or videos).

    # Arguments
        filters: the number of output channels (a positive integer).
        kernel_size: the window size: an integer or three integers
            `(depth, rows, cols)`.
        strides: the steps between windows: an integer or three.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` (`(batch, depth, rows, cols,
            channels)`) or `'channels_first'` (`(batch, channels, depth,
            rows, cols)`); default: `image_data_format()`.
        dilation_rate: the spacing between kernel taps. Cannot be
            combined with `strides` > 1.
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
        A 5-D tensor, channels last or first.

    # Output shape
        `(batch, new_depth, new_rows, new_cols, filters)` or
        `(batch, filters, new_depth, new_rows, new_cols)`.

    # Weights
        `kernel` `kernel_size + (channels, filters)`, then `bias`
        `(filters,)`.

    # Raises
        ValueError: as `Conv2D`.
    """

    @_legacy_conv(3)
    def __init__(self, filters, kernel_size, strides=(1, 1, 1),
                 padding='valid', data_format=None, dilation_rate=(1, 1, 1),
                 activation=None, use_bias=True,
                 kernel_initializer='glorot_uniform',
                 bias_initializer='zeros', kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super(Conv3D, self).__init__(
            3, filters, kernel_size, strides=strides, padding=padding,
            data_format=data_format, dilation_rate=dilation_rate,
            activation=activation, use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint, **kwargs)


class _Transposed(object):
    """What the transposed convolutions add to their convolution class:
    `output_padding`, the reversed kernel layout, and output sizes that
    grow with the strides."""

    def _set_output_padding(self, output_padding):
        name = type(self).__name__
        if output_padding is not None:
            output_padding = _check_int_tuple(name, 'output_padding',
                                              output_padding, self.rank,
                                              minimum=0)
            if any(p >= s for p, s in zip(output_padding, self.strides)):
                raise ValueError('%s: each `output_padding` must be smaller '
                                 'than the stride along its axis, got '
                                 'output_padding=%r and strides=%r.'
                                 % (name, output_padding, self.strides))
            self._check_same_even_kernel(output_padding)
        self.output_padding = output_padding

    def _check_same_even_kernel(self, output_padding):
        # 'same' padding takes span // 2 from each side: with an even span
        # and no output_padding the output is one step too short to invert
        # (Keras 2.2 failed inside TensorFlow when the model ran)
        if self.padding != 'same':
            return
        for size, dilation, extra in zip(self.kernel_size,
                                         self.dilation_rate, output_padding):
            if (size - 1) * dilation % 2 == 1 and extra == 0:
                raise ValueError(
                    '%s: with padding "same", an even kernel size and '
                    '`output_padding` 0 give an output one step too short; '
                    'use output_padding >= 1 (got kernel_size=%r, '
                    'dilation_rate=%r, output_padding=%r).'
                    % (type(self).__name__, self.kernel_size,
                       self.dilation_rate, output_padding))

    def _check_input_size(self, input_shape):
        pass  # a transposed convolution enlarges any input

    def _make_kernels(self, input_dim):
        self.kernel = _regularized_weight(
            self, 'kernel', self.kernel_size + (self.filters, input_dim),
            'kernel')

    def _output_lengths(self, lengths):
        padding = self.output_padding or (None,) * self.rank
        return [deconv_length(length, stride, size, self.padding, extra,
                              dilation)
                for length, stride, size, extra, dilation in zip(
                    lengths, self.strides, self.kernel_size, padding,
                    self.dilation_rate)]

    def _convolve(self, inputs):
        static = self._spatial(K.int_shape(inputs))
        dynamic = K.shape(inputs)
        # unknown sizes come from the tensor's runtime shape
        lengths = [dynamic[axis] if length is None else length
                   for axis, length in zip(
                       _spatial_axes(self.rank, self.data_format), static)]
        output_shape = _layout(None, self._output_lengths(lengths),
                               self.filters, self.data_format)
        if self.rank == 2:
            return K.conv2d_transpose(
                inputs, self.kernel, output_shape, strides=self.strides,
                padding=self.padding, data_format=self.data_format,
                dilation_rate=self.dilation_rate)
        return K.conv3d_transpose(inputs, self.kernel, output_shape,
                                  strides=self.strides, padding=self.padding,
                                  data_format=self.data_format)

    def get_config(self):
        config = super(_Transposed, self).get_config()
        config['output_padding'] = self.output_padding
        return config


class Conv2DTranspose(_Transposed, Conv2D):
    """Transposed 2-D convolution (sometimes called deconvolution).

    Goes the opposite way of a `Conv2D` with the same arguments: from
    something shaped like its output back to something shaped like its
    input, e.g. to upsample in a decoder.

    # Arguments
        filters: the number of output channels (a positive integer).
        kernel_size: the window size: an integer or a pair.
        strides: the steps between windows (the upsampling factors): an
            integer or a pair.
        padding: `'valid'` or `'same'`.
        output_padding: extra rows and columns added at the end of the
            output (each smaller than its stride): an integer or a pair,
            or `None` to infer the output size (see below).
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        dilation_rate: the spacing between kernel taps. Cannot be
            combined with `strides` > 1.
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
        `(batch, rows, cols, channels)` or `(batch, channels, rows,
        cols)`.

    # Output shape
        `(batch, new_rows, new_cols, filters)` or the channels-first
        equivalent. Without `output_padding`, `new_rows` is
        `rows * strides + max(kernel - strides, 0)` with `'valid'` and
        `rows * strides` with `'same'`; with it,
        `(rows - 1) * strides + kernel - 2 * (kernel // 2 if 'same' else 0)
        + output_padding` (kernel sizes dilated).

    # Weights
        `kernel` `kernel_size + (filters, channels)` (note the order),
        then `bias` `(filters,)`.

    # Raises
        ValueError: as `Conv2D`, for an `output_padding` not smaller than
            the stride, and for `output_padding` 0 with `'same'` padding
            and an even kernel size (the output would be one step too
            short; Keras 2.2 failed when the model ran).
    """

    @_legacy_conv(2, extra=_drop_output_shape)
    def __init__(self, filters, kernel_size, strides=(1, 1), padding='valid',
                 output_padding=None, data_format=None, dilation_rate=(1, 1),
                 activation=None, use_bias=True,
                 kernel_initializer='glorot_uniform',
                 bias_initializer='zeros', kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super(Conv2DTranspose, self).__init__(
            filters=filters, kernel_size=kernel_size, strides=strides,
            padding=padding, data_format=data_format,
            dilation_rate=dilation_rate, activation=activation,
            use_bias=use_bias, kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint, **kwargs)
        self._set_output_padding(output_padding)


class Conv3DTranspose(_Transposed, Conv3D):
    """Transposed 3-D convolution (sometimes called deconvolution).

    # Arguments
        filters: the number of output channels (a positive integer).
        kernel_size: the window size: an integer or three integers.
        strides: the steps between windows (the upsampling factors).
        padding: `'valid'` or `'same'`.
        output_padding: extra size added at the end of each spatial axis
            of the output (smaller than the stride), or `None`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
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
        A 5-D tensor, channels last or first.

    # Output shape
        `(batch, new_depth, new_rows, new_cols, filters)` or the
        channels-first equivalent, computed as for `Conv2DTranspose`.

    # Weights
        `kernel` `kernel_size + (filters, channels)`, then `bias`
        `(filters,)`.

    # Raises
        ValueError: as `Conv3D`, and for the `output_padding` values
            `Conv2DTranspose` refuses.
    """

    def __init__(self, filters, kernel_size, strides=(1, 1, 1),
                 padding='valid', output_padding=None, data_format=None,
                 activation=None, use_bias=True,
                 kernel_initializer='glorot_uniform',
                 bias_initializer='zeros', kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super(Conv3DTranspose, self).__init__(
            filters=filters, kernel_size=kernel_size, strides=strides,
            padding=padding, data_format=data_format, activation=activation,
            use_bias=use_bias, kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint, **kwargs)
        self._set_output_padding(output_padding)

    def get_config(self):
        config = super(Conv3DTranspose, self).get_config()
        config.pop('dilation_rate')
        return config


class _SeparableConv(_Conv):
    """Depthwise convolution (each input channel on its own, with
    `depth_multiplier` kernels) followed by a pointwise one (a 1x1
    convolution mixing the channels)."""

    def __init__(self, rank, filters, kernel_size, strides=1,
                 padding='valid', data_format=None, dilation_rate=1,
                 depth_multiplier=1, activation=None, use_bias=True,
                 depthwise_initializer='glorot_uniform',
                 pointwise_initializer='glorot_uniform',
                 bias_initializer='zeros', depthwise_regularizer=None,
                 pointwise_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, depthwise_constraint=None,
                 pointwise_constraint=None, bias_constraint=None, **kwargs):
        super(_SeparableConv, self).__init__(
            rank, filters, kernel_size, strides=strides, padding=padding,
            data_format=data_format, dilation_rate=dilation_rate,
            activation=activation, use_bias=use_bias,
            bias_initializer=bias_initializer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            bias_constraint=bias_constraint, **kwargs)
        self.depth_multiplier = check_positive_int(
            type(self).__name__, 'depth_multiplier', depth_multiplier)
        self.depthwise_initializer = initializers.get(depthwise_initializer)
        self.pointwise_initializer = initializers.get(pointwise_initializer)
        self.depthwise_regularizer = regularizers.get(depthwise_regularizer)
        self.pointwise_regularizer = regularizers.get(pointwise_regularizer)
        self.depthwise_constraint = constraints.get(depthwise_constraint)
        self.pointwise_constraint = constraints.get(pointwise_constraint)

    def _make_kernels(self, input_dim):
        self.depthwise_kernel = _regularized_weight(
            self, 'depthwise_kernel',
            self.kernel_size + (input_dim, self.depth_multiplier),
            'depthwise')
        self.pointwise_kernel = _regularized_weight(
            self, 'pointwise_kernel',
            (1,) * self.rank + (input_dim * self.depth_multiplier,
                                self.filters), 'pointwise')

    def _convolve(self, inputs):
        conv = K.separable_conv1d if self.rank == 1 else K.separable_conv2d
        return conv(inputs, self.depthwise_kernel, self.pointwise_kernel,
                    strides=self.strides, padding=self.padding,
                    data_format=self.data_format,
                    dilation_rate=self.dilation_rate)

    def get_config(self):
        config = super(_SeparableConv, self).get_config()
        for key in ('kernel_initializer', 'kernel_regularizer',
                    'kernel_constraint'):
            config.pop(key)
        config['depth_multiplier'] = self.depth_multiplier
        config.update(_serialized(self, 'depthwise', 'pointwise'))
        return config


class SeparableConv1D(_SeparableConv):
    """Depthwise separable 1-D convolution.

    Each input channel is first convolved on its own with
    `depth_multiplier` kernels, then a pointwise (length 1) convolution
    mixes the resulting channels into `filters` outputs: far fewer weights
    than a `Conv1D`.

    # Arguments
        filters: the number of output channels (a positive integer).
        kernel_size: the window length: an integer or a tuple of one.
        strides: the step between windows.
        padding: `'valid'`, `'same'` or `'causal'`.
        data_format: `'channels_last'` (the default) or
            `'channels_first'`.
        dilation_rate: the spacing between kernel taps. Cannot be
            combined with `strides` > 1.
        depth_multiplier: how many depthwise channels each input channel
            gives.
        activation: the activation (name or function); none by default.
        use_bias: whether to add a bias.
        depthwise_initializer: initializer of the depthwise kernel.
        pointwise_initializer: initializer of the pointwise kernel.
        bias_initializer: initializer of the bias.
        depthwise_regularizer: regularizer of the depthwise kernel.
        pointwise_regularizer: regularizer of the pointwise kernel.
        bias_regularizer: regularizer of the bias.
        activity_regularizer: regularizer of the output.
        depthwise_constraint: constraint on the depthwise kernel.
        pointwise_constraint: constraint on the pointwise kernel.
        bias_constraint: constraint on the bias.

    # Input shape
        `(batch, steps, channels)` or `(batch, channels, steps)`.

    # Output shape
        `(batch, new_steps, filters)` or `(batch, filters, new_steps)`.

    # Weights
        `depthwise_kernel` `(kernel_size, channels, depth_multiplier)`,
        `pointwise_kernel` `(1, channels * depth_multiplier, filters)`,
        then `bias` `(filters,)`.

    # Raises
        ValueError: as `Conv1D`, and for a non-positive
            `depth_multiplier`.
    """

    _causal_allowed = True

    def __init__(self, filters, kernel_size, strides=1, padding='valid',
                 data_format='channels_last', dilation_rate=1,
                 depth_multiplier=1, activation=None, use_bias=True,
                 depthwise_initializer='glorot_uniform',
                 pointwise_initializer='glorot_uniform',
                 bias_initializer='zeros', depthwise_regularizer=None,
                 pointwise_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, depthwise_constraint=None,
                 pointwise_constraint=None, bias_constraint=None, **kwargs):
        super(SeparableConv1D, self).__init__(
            1, filters, kernel_size, strides=strides, padding=padding,
            data_format=data_format, dilation_rate=dilation_rate,
            depth_multiplier=depth_multiplier, activation=activation,
            use_bias=use_bias, depthwise_initializer=depthwise_initializer,
            pointwise_initializer=pointwise_initializer,
            bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            pointwise_regularizer=pointwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            pointwise_constraint=pointwise_constraint,
            bias_constraint=bias_constraint, **kwargs)


class SeparableConv2D(_SeparableConv):
    """Depthwise separable 2-D convolution.

    Each input channel is first convolved on its own with
    `depth_multiplier` kernels, then a 1x1 convolution mixes the resulting
    channels into `filters` outputs.

    # Arguments
        filters: the number of output channels (a positive integer).
        kernel_size: the window size: an integer or a pair.
        strides: the steps between windows: an integer or a pair.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        dilation_rate: the spacing between kernel taps. Cannot be
            combined with `strides` > 1.
        depth_multiplier: how many depthwise channels each input channel
            gives.
        activation: the activation (name or function); none by default.
        use_bias: whether to add a bias.
        depthwise_initializer: initializer of the depthwise kernel.
        pointwise_initializer: initializer of the pointwise kernel.
        bias_initializer: initializer of the bias.
        depthwise_regularizer: regularizer of the depthwise kernel.
        pointwise_regularizer: regularizer of the pointwise kernel.
        bias_regularizer: regularizer of the bias.
        activity_regularizer: regularizer of the output.
        depthwise_constraint: constraint on the depthwise kernel.
        pointwise_constraint: constraint on the pointwise kernel.
        bias_constraint: constraint on the bias.

    # Input shape
        `(batch, rows, cols, channels)` or `(batch, channels, rows,
        cols)`.

    # Output shape
        `(batch, new_rows, new_cols, filters)` or the channels-first
        equivalent.

    # Weights
        `depthwise_kernel` `kernel_size + (channels, depth_multiplier)`,
        `pointwise_kernel` `(1, 1, channels * depth_multiplier,
        filters)`, then `bias` `(filters,)`.

    # Raises
        ValueError: as `Conv2D`, and for a non-positive
            `depth_multiplier`.
    """

    @_legacy_conv(2, extra=_separable_init, renamed={
        k: v for k, v in _KERAS1_CONVND_NAMES.items()
        if k not in ('init', 'W_regularizer', 'W_constraint')})
    def __init__(self, filters, kernel_size, strides=(1, 1), padding='valid',
                 data_format=None, dilation_rate=(1, 1), depth_multiplier=1,
                 activation=None, use_bias=True,
                 depthwise_initializer='glorot_uniform',
                 pointwise_initializer='glorot_uniform',
                 bias_initializer='zeros', depthwise_regularizer=None,
                 pointwise_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, depthwise_constraint=None,
                 pointwise_constraint=None, bias_constraint=None, **kwargs):
        super(SeparableConv2D, self).__init__(
            2, filters, kernel_size, strides=strides, padding=padding,
            data_format=data_format, dilation_rate=dilation_rate,
            depth_multiplier=depth_multiplier, activation=activation,
            use_bias=use_bias, depthwise_initializer=depthwise_initializer,
            pointwise_initializer=pointwise_initializer,
            bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            pointwise_regularizer=pointwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            pointwise_constraint=pointwise_constraint,
            bias_constraint=bias_constraint, **kwargs)


class DepthwiseConv2D(Conv2D):
    """Depthwise 2-D convolution: the first half of a separable
    convolution.

    Each input channel is convolved on its own with `depth_multiplier`
    kernels; channels are not mixed. Output channel
    `c * depth_multiplier + m` comes from input channel `c`.

    # Arguments
        kernel_size: the window size: an integer or a pair.
        strides: the steps between windows: an integer or a pair.
        padding: `'valid'` or `'same'`.
        depth_multiplier: how many output channels each input channel
            gives.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        activation: the activation (name or function); none by default.
        use_bias: whether to add a bias.
        depthwise_initializer: initializer of the depthwise kernel.
        bias_initializer: initializer of the bias.
        depthwise_regularizer: regularizer of the depthwise kernel.
        bias_regularizer: regularizer of the bias.
        activity_regularizer: regularizer of the output.
        depthwise_constraint: constraint on the depthwise kernel.
        bias_constraint: constraint on the bias.
        **kwargs: also `dilation_rate`, as in Keras 2.2 (where the config
            carried it).

    # Input shape
        `(batch, rows, cols, channels)` or `(batch, channels, rows,
        cols)`.

    # Output shape
        `(batch, new_rows, new_cols, channels * depth_multiplier)` or the
        channels-first equivalent.

    # Weights
        `depthwise_kernel` `kernel_size + (channels, depth_multiplier)`,
        then `bias` `(channels * depth_multiplier,)`.

    # Raises
        ValueError: as `Conv2D`, and for a non-positive
            `depth_multiplier`.
    """

    _filters_from_input = True

    def __init__(self, kernel_size, strides=(1, 1), padding='valid',
                 depth_multiplier=1, data_format=None, activation=None,
                 use_bias=True, depthwise_initializer='glorot_uniform',
                 bias_initializer='zeros', depthwise_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, bias_constraint=None, **kwargs):
        super(DepthwiseConv2D, self).__init__(
            filters=None, kernel_size=kernel_size, strides=strides,
            padding=padding, data_format=data_format, activation=activation,
            use_bias=use_bias, bias_initializer=bias_initializer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            bias_constraint=bias_constraint, **kwargs)
        self.depth_multiplier = check_positive_int(
            type(self).__name__, 'depth_multiplier', depth_multiplier)
        self.depthwise_initializer = initializers.get(depthwise_initializer)
        self.depthwise_regularizer = regularizers.get(depthwise_regularizer)
        self.depthwise_constraint = constraints.get(depthwise_constraint)

    def _make_kernels(self, input_dim):
        self.depthwise_kernel = _regularized_weight(
            self, 'depthwise_kernel',
            self.kernel_size + (input_dim, self.depth_multiplier),
            'depthwise')

    def _output_channels(self, input_dim):
        if input_dim is None:
            return None
        return input_dim * self.depth_multiplier

    def call(self, inputs, training=None):
        # `training` is accepted, and unused, as in Keras 2.2
        return super(DepthwiseConv2D, self).call(inputs)

    def _convolve(self, inputs):
        return K.depthwise_conv2d(inputs, self.depthwise_kernel,
                                  strides=self.strides, padding=self.padding,
                                  data_format=self.data_format,
                                  dilation_rate=self.dilation_rate)

    def get_config(self):
        config = super(DepthwiseConv2D, self).get_config()
        for key in ('filters', 'kernel_initializer', 'kernel_regularizer',
                    'kernel_constraint'):
            config.pop(key)
        config['depth_multiplier'] = self.depth_multiplier
        config.update(_serialized(self, 'depthwise'))
        return config


# --------------------------------------------------------------------------
# Resizing: upsampling, zero-padding, cropping.

class _Resizing(Layer):
    """Shared by the layers that change only the spatial size of their
    input: `rank`, `data_format` and the config."""

    # the constructor argument holding the amounts (size, padding, ...)
    _amount = None

    def __init__(self, amounts, data_format=None, **kwargs):
        super(_Resizing, self).__init__(**kwargs)
        self.rank = len(amounts)
        setattr(self, self._amount, amounts)
        self.data_format = _check_data_format(type(self).__name__,
                                              data_format)
        self.input_spec = InputSpec(ndim=self.rank + 2)

    def _spatial_axes(self):
        return _spatial_axes(self.rank, self.data_format)

    def _new_length(self, length, amount):
        raise NotImplementedError

    def compute_output_shape(self, input_shape):
        output_shape = list(input_shape)
        for axis, amount in zip(self._spatial_axes(),
                                getattr(self, self._amount)):
            if output_shape[axis] is not None:
                output_shape[axis] = self._new_length(output_shape[axis],
                                                      amount)
        return tuple(output_shape)

    def get_config(self):
        config = {self._amount: getattr(self, self._amount),
                  'data_format': self.data_format}
        base = super(_Resizing, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class _OneDimensional(object):
    """The 1-D resizing layers work on `(batch, steps, features)` only, and
    their config holds the single axis's amount, as in Keras 2.2."""

    def get_config(self):
        config = super(_OneDimensional, self).get_config()
        config[self._amount] = config[self._amount][0]
        config.pop('data_format')
        return config


class _UpSampling(_Resizing):
    _amount = 'size'

    def _new_length(self, length, factor):
        return length * factor


class UpSampling1D(_OneDimensional, _UpSampling):
    """Repeats each timestep `size` times.

    # Arguments
        size: the repetition factor (a positive integer).

    # Input shape
        `(batch, steps, features)`

    # Output shape
        `(batch, steps * size, features)`

    # Raises
        ValueError: if `size` is not a positive integer.
    """

    @legacy_support(positional=['size'], renamed={'length': 'size'})
    def __init__(self, size=2, **kwargs):
        size = check_positive_int(type(self).__name__, 'size', size)
        super(UpSampling1D, self).__init__((size,), 'channels_last',
                                           **kwargs)

    def call(self, inputs):
        return K.repeat_elements(inputs, self.size[0], axis=1)


class UpSampling2D(_UpSampling):
    """Enlarges images by integer factors along rows and columns.

    # Arguments
        size: the factors `(rows, cols)`: an integer or a pair of positive
            integers.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        interpolation: `'nearest'` (each pixel repeated) or `'bilinear'`.

    # Input shape
        `(batch, rows, cols, channels)` or `(batch, channels, rows,
        cols)`.

    # Output shape
        `(batch, rows * size[0], cols * size[1], channels)` or the
        channels-first equivalent.

    # Raises
        ValueError: for bad factors, `data_format` or `interpolation`.
    """

    @_legacy_dim_ordering(positional=['size'])
    def __init__(self, size=(2, 2), data_format=None, interpolation='nearest',
                 **kwargs):
        name = type(self).__name__
        size = _check_int_tuple(name, 'size', size, 2)
        super(UpSampling2D, self).__init__(size, data_format, **kwargs)
        if interpolation not in ('nearest', 'bilinear'):
            raise ValueError('%s: `interpolation` must be "nearest" or '
                             '"bilinear", got %r.' % (name, interpolation))
        self.interpolation = interpolation

    def call(self, inputs):
        return K.resize_images(inputs, self.size[0], self.size[1],
                               self.data_format, self.interpolation)

    def get_config(self):
        config = super(UpSampling2D, self).get_config()
        config['interpolation'] = self.interpolation
        return config


class UpSampling3D(_UpSampling):
    """Enlarges volumes by repeating voxels along each spatial axis.

    # Arguments
        size: the factors `(depth, rows, cols)`: an integer or three
            positive integers.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).

    # Input shape
        A 5-D tensor, channels last or first.

    # Output shape
        The input shape with each spatial dimension multiplied by its
        factor.

    # Raises
        ValueError: for bad factors or `data_format`.
    """

    @_legacy_dim_ordering(positional=['size'])
    def __init__(self, size=(2, 2, 2), data_format=None, **kwargs):
        size = _check_int_tuple(type(self).__name__, 'size', size, 3)
        super(UpSampling3D, self).__init__(size, data_format, **kwargs)

    def call(self, inputs):
        return K.resize_volumes(inputs, self.size[0], self.size[1],
                                self.size[2], self.data_format)


class _ZeroPadding(_Resizing):
    _amount = 'padding'

    def _new_length(self, length, pair):
        return length + pair[0] + pair[1]

    def call(self, inputs):
        if self.rank == 1:
            return K.temporal_padding(inputs, padding=self.padding[0])
        pad = K.spatial_2d_padding if self.rank == 2 else \
            K.spatial_3d_padding
        return pad(inputs, padding=self.padding, data_format=self.data_format)


class ZeroPadding1D(_OneDimensional, _ZeroPadding):
    """Adds zero timesteps at the start and end of sequences.

    # Arguments
        padding: how many zero steps: an integer (both ends) or a pair
            `(start, end)` of non-negative integers.

    # Input shape
        `(batch, steps, features)`

    # Output shape
        `(batch, start + steps + end, features)`

    # Raises
        ValueError: for a negative or malformed `padding`.
    """

    def __init__(self, padding=1, **kwargs):
        pairs = _check_pad_pairs(type(self).__name__, 'padding', padding, 1)
        super(ZeroPadding1D, self).__init__(pairs, 'channels_last', **kwargs)


class ZeroPadding2D(_ZeroPadding):
    """Adds rows and columns of zeros around images.

    # Arguments
        padding: an integer (the same on every side), a pair
            `(rows, cols)` (symmetric), or two pairs
            `((top, bottom), (left, right))`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).

    # Input shape
        `(batch, rows, cols, channels)` or `(batch, channels, rows,
        cols)`.

    # Output shape
        The input shape with `top + bottom` more rows and `left + right`
        more columns.

    # Raises
        ValueError: for a negative or malformed `padding`, or a bad
            `data_format`.
    """

    @_legacy_dim_ordering(positional=['padding'], preprocess=_padding_dict)
    def __init__(self, padding=(1, 1), data_format=None, **kwargs):
        pairs = _check_pad_pairs(type(self).__name__, 'padding', padding, 2)
        super(ZeroPadding2D, self).__init__(pairs, data_format, **kwargs)


class ZeroPadding3D(_ZeroPadding):
    """Adds zeros around volumes, along their three spatial axes.

    # Arguments
        padding: an integer (the same on every side), three integers
            (symmetric on each axis), or three pairs `(before, after)`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).

    # Input shape
        A 5-D tensor, channels last or first.

    # Output shape
        The input shape, each spatial dimension grown by its padding.

    # Raises
        ValueError: for a negative or malformed `padding`, or a bad
            `data_format`.
    """

    @_legacy_dim_ordering(positional=['padding'])
    def __init__(self, padding=(1, 1, 1), data_format=None, **kwargs):
        pairs = _check_pad_pairs(type(self).__name__, 'padding', padding, 3)
        super(ZeroPadding3D, self).__init__(pairs, data_format, **kwargs)


class _Cropping(_Resizing):
    _amount = 'cropping'

    def _new_length(self, length, pair):
        return length - pair[0] - pair[1]

    def call(self, inputs):
        shape = K.int_shape(inputs)
        index = [slice(None)] * len(shape)
        for axis, (start, end) in zip(self._spatial_axes(), self.cropping):
            if shape[axis] is not None and start + end > shape[axis]:
                # Cropping exactly everything gives a consistent empty
                # axis (Keras 2.2 allowed it); cropping more would give a
                # negative static length and a tensor that disagrees
                # with it.
                raise ValueError(
                    '%s: cropping %r removes more than the %d entries of '
                    'axis %d of the input (shape %s).'
                    % (type(self).__name__, (start, end), shape[axis],
                       axis, shape))
            index[axis] = slice(start, -end if end else None)
        return inputs[tuple(index)]


class Cropping1D(_OneDimensional, _Cropping):
    """Removes timesteps at the start and end of sequences.

    # Arguments
        cropping: how many steps to remove: an integer (both ends) or a
            pair `(start, end)` of non-negative integers.

    # Input shape
        `(batch, steps, features)`

    # Output shape
        `(batch, steps - start - end, features)`

    # Raises
        ValueError: for a negative or malformed `cropping`, or (when
            called) a cropping larger than the input.
    """

    def __init__(self, cropping=(1, 1), **kwargs):
        pairs = _check_pad_pairs(type(self).__name__, 'cropping', cropping, 1)
        super(Cropping1D, self).__init__(pairs, 'channels_last', **kwargs)


class Cropping2D(_Cropping):
    """Removes rows and columns at the borders of images.

    # Arguments
        cropping: an integer (the same on every side), a pair
            `(rows, cols)` (symmetric), or two pairs
            `((top, bottom), (left, right))`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).

    # Input shape
        `(batch, rows, cols, channels)` or `(batch, channels, rows,
        cols)`.

    # Output shape
        The input shape with `top + bottom` fewer rows and `left + right`
        fewer columns.

    # Raises
        ValueError: for a negative or malformed `cropping`, a bad
            `data_format`, or (when called) a cropping larger
            than the input.

    # Example
    ```python
        model = Sequential()
        model.add(Cropping2D(((2, 2), (4, 4)), input_shape=(28, 28, 3)))
        # output shape: (None, 24, 20, 3)
    ```
    """

    @_legacy_dim_ordering(positional=['cropping'])
    def __init__(self, cropping=((0, 0), (0, 0)), data_format=None,
                 **kwargs):
        pairs = _check_pad_pairs(type(self).__name__, 'cropping', cropping, 2)
        super(Cropping2D, self).__init__(pairs, data_format, **kwargs)


class Cropping3D(_Cropping):
    """Removes entries at the borders of volumes, along their three
    spatial axes.

    # Arguments
        cropping: an integer (the same on every side), three integers
            (symmetric on each axis), or three pairs `(before, after)`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).

    # Input shape
        A 5-D tensor, channels last or first.

    # Output shape
        The input shape, each spatial dimension reduced by its cropping.

    # Raises
        ValueError: for a negative or malformed `cropping`, a bad
            `data_format`, or (when called) a cropping larger
            than the input.
    """

    @_legacy_dim_ordering(positional=['cropping'])
    def __init__(self, cropping=((1, 1), (1, 1), (1, 1)), data_format=None,
                 **kwargs):
        pairs = _check_pad_pairs(type(self).__name__, 'cropping', cropping, 3)
        super(Cropping3D, self).__init__(pairs, data_format, **kwargs)


# Aliases.
Convolution1D = Conv1D
Convolution2D = Conv2D
Convolution3D = Conv3D
SeparableConvolution1D = SeparableConv1D
SeparableConvolution2D = SeparableConv2D
Convolution2DTranspose = Conv2DTranspose
Deconvolution2D = Deconv2D = Conv2DTranspose
Deconvolution3D = Deconv3D = Conv3DTranspose
