"""Locally connected layers: convolutions whose weights are not shared,
each output position has its own kernel and bias."""
import numpy as np

from .. import activations
from .. import backend as K
from .. import constraints
from .. import initializers
from .. import regularizers
from ..engine.base_layer import InputSpec, Layer, check_positive_int
from ..utils.conv_utils import (_channel_axis, _check_data_format,
                                _check_int_tuple, _check_padding,
                                _check_window_fits, _layout, _spatial_axes,
                                conv_output_length)
from .convolutional import (_legacy_conv, _legacy_conv1d,
                            _regularized_weight, _serialized)

__all__ = ['LocallyConnected1D', 'LocallyConnected2D']


class _LocallyConnected(Layer):
    """What both locally connected layers share: arguments, weights,
    output shape and config. Subclasses set `_rank` and `_apply`."""

    _rank = None

    def __init__(self, filters, kernel_size, strides, padding, data_format,
                 activation, use_bias, kernel_initializer, bias_initializer,
                 kernel_regularizer, bias_regularizer, activity_regularizer,
                 kernel_constraint, bias_constraint, **kwargs):
        super(_LocallyConnected, self).__init__(**kwargs)
        name = type(self).__name__
        rank = self._rank
        self.filters = check_positive_int(name, 'filters', filters)
        self.kernel_size = _check_int_tuple(name, 'kernel_size', kernel_size,
                                            rank)
        self.strides = _check_int_tuple(name, 'strides', strides, rank)
        # each window has its own weights: there is no window to pad
        self.padding = _check_padding(name, padding, ('valid',))
        self.data_format = _check_data_format(name, data_format)
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
        return [shape[axis] for axis in _spatial_axes(self._rank,
                                                      self.data_format)]

    def _output_lengths(self, lengths):
        return [conv_output_length(length, size, self.padding, stride)
                for length, size, stride in zip(lengths, self.kernel_size,
                                                self.strides)]

    def build(self, input_shape):
        name = type(self).__name__
        channel_axis = _channel_axis(self.data_format)
        input_dim = input_shape[channel_axis]
        spatial = self._spatial(input_shape)
        if input_dim is None or None in spatial:
            raise ValueError('%s %s: every dimension of the inputs but the '
                             'batch size must be known (one kernel per '
                             'output position), got input shape %s.'
                             % (name, self.name, tuple(input_shape)))
        _check_window_fits(name, 'kernel_size', spatial, self.kernel_size,
                           self.padding)
        self.output_lengths = tuple(self._output_lengths(spatial))
        self.kernel_shape = (int(np.prod(self.output_lengths)),
                             int(np.prod(self.kernel_size)) * input_dim,
                             self.filters)
        self.kernel = _regularized_weight(self, 'kernel', self.kernel_shape,
                                          'kernel')
        if self.use_bias:
            self.bias = _regularized_weight(
                self, 'bias', self.output_lengths + (self.filters,), 'bias')
        else:
            self.bias = None
        self.input_spec = InputSpec(ndim=self._rank + 2,
                                    axes={channel_axis: input_dim})
        self.built = True

    def call(self, inputs):
        outputs = self._apply(inputs)
        if self.activation is not None:
            outputs = self.activation(outputs)
        return outputs

    def compute_output_shape(self, input_shape):
        return _layout(input_shape[0],
                       self._output_lengths(self._spatial(input_shape)),
                       self.filters, self.data_format)

    def get_config(self):
        config = {
            'filters': self.filters,
            'kernel_size': self.kernel_size,
            'strides': self.strides,
            'padding': self.padding,
            'data_format': self.data_format,
            'activation': activations.serialize(self.activation),
            'use_bias': self.use_bias,
            'activity_regularizer': regularizers.serialize(
                self.activity_regularizer)}
        config.update(_serialized(self, 'kernel', 'bias'))
        base = super(_LocallyConnected, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class LocallyConnected1D(_LocallyConnected):
    """1-D locally connected layer: a `Conv1D` whose weights differ at
    every output step.

    # Arguments
        filters: the number of output channels (a positive integer).
        kernel_size: the window length: an integer or a tuple of one.
        strides: the step between windows.
        padding: only `'valid'`.
        data_format: `'channels_last'` (`(batch, steps, features)`) or
            `'channels_first'` (`(batch, features, steps)`). `None` means
            `'channels_last'`: Keras 2.2 read every input as channels-last
            whatever this argument said, so that is what `None` keeps;
            `'channels_first'` is honoured here.
        activation: the activation (name or function); none by default.
        use_bias: whether to add a bias (one per step and filter).
        kernel_initializer: initializer of the kernel.
        bias_initializer: initializer of the bias.
        kernel_regularizer: regularizer of the kernel.
        bias_regularizer: regularizer of the bias.
        activity_regularizer: regularizer of the output.
        kernel_constraint: constraint on the kernel.
        bias_constraint: constraint on the bias.

    # Input shape
        `(batch, steps, features)` (or `(batch, features, steps)`), steps
        and features known.

    # Output shape
        `(batch, new_steps, filters)` (or `(batch, filters, new_steps)`),
        `new_steps = (steps - kernel_size) // strides + 1`.

    # Weights
        `kernel` `(new_steps, kernel_size * features, filters)` (each
        window flattened step by step, in both data formats), then `bias`
        `(new_steps, filters)`.

    # Raises
        ValueError: for a non-positive `filters`, `kernel_size` or
            `strides`, a `padding` other than `'valid'`, a bad
            `data_format`, or (at build) an unknown input dimension or a
            kernel longer than the input.
    """

    _rank = 1

    @_legacy_conv1d
    def __init__(self, filters, kernel_size, strides=1, padding='valid',
                 data_format=None, activation=None, use_bias=True,
                 kernel_initializer='glorot_uniform',
                 bias_initializer='zeros', kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super(LocallyConnected1D, self).__init__(
            filters, kernel_size, strides, padding,
            'channels_last' if data_format is None else data_format,
            activation, use_bias, kernel_initializer, bias_initializer,
            kernel_regularizer, bias_regularizer, activity_regularizer,
            kernel_constraint, bias_constraint, **kwargs)

    def _apply(self, inputs):
        outputs = K.local_conv1d(inputs, self.kernel, self.kernel_size,
                                 self.strides, data_format=self.data_format)
        if not self.use_bias:
            return outputs
        if self.data_format == 'channels_first':
            # the bias is laid out (steps, filters) in both formats
            return outputs + K.expand_dims(K.transpose(self.bias), 0)
        return K.bias_add(outputs, self.bias, data_format='channels_last')


class LocallyConnected2D(_LocallyConnected):
    """2-D locally connected layer: a `Conv2D` whose weights differ at
    every output position.

    # Arguments
        filters: the number of output channels (a positive integer).
        kernel_size: the window size: an integer or a pair.
        strides: the steps between windows: an integer or a pair.
        padding: only `'valid'`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        activation: the activation (name or function); none by default.
        use_bias: whether to add a bias (one per position and filter).
        kernel_initializer: initializer of the kernel.
        bias_initializer: initializer of the bias.
        kernel_regularizer: regularizer of the kernel.
        bias_regularizer: regularizer of the bias.
        activity_regularizer: regularizer of the output.
        kernel_constraint: constraint on the kernel.
        bias_constraint: constraint on the bias.

    # Input shape
        `(batch, rows, cols, channels)` or `(batch, channels, rows,
        cols)`, all but the batch size known.

    # Output shape
        `(batch, new_rows, new_cols, filters)` or `(batch, filters,
        new_rows, new_cols)`.

    # Weights
        `kernel` `(new_rows * new_cols, kernel_rows * kernel_cols *
        channels, filters)`, positions in row-major order; each window is
        flattened in (row, column, channel) order with `channels_last`
        and (channel, row, column) order with `channels_first`. Then
        `bias` `(new_rows, new_cols, filters)`; with `channels_first` it
        is added as Keras 2.2 added it (reshaped, not transposed, to
        `(filters, new_rows, new_cols)`), so that Keras 2.2 weights give
        the same results.

    # Raises
        ValueError: as `LocallyConnected1D`.
    """

    _rank = 2

    @_legacy_conv(2)
    def __init__(self, filters, kernel_size, strides=(1, 1), padding='valid',
                 data_format=None, activation=None, use_bias=True,
                 kernel_initializer='glorot_uniform',
                 bias_initializer='zeros', kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super(LocallyConnected2D, self).__init__(
            filters, kernel_size, strides, padding, data_format, activation,
            use_bias, kernel_initializer, bias_initializer,
            kernel_regularizer, bias_regularizer, activity_regularizer,
            kernel_constraint, bias_constraint, **kwargs)

    def build(self, input_shape):
        super(LocallyConnected2D, self).build(input_shape)
        # Keras 2.2's attribute names
        self.output_row, self.output_col = self.output_lengths

    def _apply(self, inputs):
        outputs = K.local_conv2d(inputs, self.kernel, self.kernel_size,
                                 self.strides, self.output_lengths,
                                 data_format=self.data_format)
        if self.use_bias:
            outputs = K.bias_add(outputs, self.bias,
                                 data_format=self.data_format)
        return outputs
