"""Pooling layers: the maximum or mean of windows, or of whole inputs."""
from .. import backend as K
from ..engine.base_layer import InputSpec, Layer
from ..legacy.interfaces import DIM_ORDERING_VALUES, legacy_support
from ..utils.conv_utils import (_channel_axis, _check_data_format,
                                _check_int_tuple, _check_padding,
                                _check_window_fits, _layout, _spatial_axes,
                                conv_output_length)

__all__ = [
    'MaxPooling1D', 'MaxPooling2D', 'MaxPooling3D',
    'AveragePooling1D', 'AveragePooling2D', 'AveragePooling3D',
    'GlobalMaxPooling1D', 'GlobalMaxPooling2D', 'GlobalMaxPooling3D',
    'GlobalAveragePooling1D', 'GlobalAveragePooling2D',
    'GlobalAveragePooling3D',
    'MaxPool1D', 'MaxPool2D', 'MaxPool3D',
    'AvgPool1D', 'AvgPool2D', 'AvgPool3D',
    'GlobalMaxPool1D', 'GlobalMaxPool2D', 'GlobalMaxPool3D',
    'GlobalAvgPool1D', 'GlobalAvgPool2D', 'GlobalAvgPool3D',
]

_legacy_pooling1d = legacy_support(
    positional=['pool_size', 'strides', 'padding'],
    renamed={'pool_length': 'pool_size', 'stride': 'strides',
             'border_mode': 'padding'})
_legacy_pooling = legacy_support(
    positional=['pool_size', 'strides', 'padding'],
    renamed={'border_mode': 'padding', 'dim_ordering': 'data_format'},
    value_renamed={'dim_ordering': DIM_ORDERING_VALUES})
_legacy_global_pooling = legacy_support(
    renamed={'dim_ordering': 'data_format'},
    value_renamed={'dim_ordering': DIM_ORDERING_VALUES})


class _Pooling(Layer):
    """What the windowed pooling layers share: argument checks, the output
    shape and the config. Subclasses set `_rank` and `_pool_mode`."""

    _rank = None
    _pool_mode = None

    def __init__(self, pool_size, strides, padding, data_format, **kwargs):
        super(_Pooling, self).__init__(**kwargs)
        name = type(self).__name__
        if strides is None:
            strides = pool_size
        self.pool_size = _check_int_tuple(name, 'pool_size', pool_size,
                                          self._rank)
        self.strides = _check_int_tuple(name, 'strides', strides, self._rank)
        self.padding = _check_padding(name, padding)
        self.data_format = _check_data_format(name, data_format)
        self.input_spec = InputSpec(ndim=self._rank + 2)

    def _spatial(self, shape):
        return [shape[axis] for axis in _spatial_axes(self._rank,
                                                      self.data_format)]

    def compute_output_shape(self, input_shape):
        lengths = [conv_output_length(length, size, self.padding, stride)
                   for length, size, stride in zip(
                       self._spatial(input_shape), self.pool_size,
                       self.strides)]
        return _layout(input_shape[0], lengths,
                       input_shape[_channel_axis(self.data_format)],
                       self.data_format)

    def call(self, inputs):
        # checked at every call: a pooling layer may see several shapes
        _check_window_fits(type(self).__name__, 'pool_size',
                           self._spatial(K.int_shape(inputs)),
                           self.pool_size, self.padding)
        return self._pool(inputs)

    def _pool(self, inputs):
        pool = K.pool2d if self._rank == 2 else K.pool3d
        return pool(inputs, self.pool_size, strides=self.strides,
                    padding=self.padding, data_format=self.data_format,
                    pool_mode=self._pool_mode)

    def get_config(self):
        config = {'pool_size': self.pool_size, 'padding': self.padding,
                  'strides': self.strides, 'data_format': self.data_format}
        base = super(_Pooling, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class _Pooling1D(_Pooling):
    _rank = 1

    def _pool(self, inputs):
        # pooled as images one column wide
        dummy_axis = 3 if self.data_format == 'channels_first' else 2
        outputs = K.pool2d(K.expand_dims(inputs, dummy_axis),
                           self.pool_size + (1,), strides=self.strides + (1,),
                           padding=self.padding, data_format=self.data_format,
                           pool_mode=self._pool_mode)
        return K.squeeze(outputs, dummy_axis)


class _Pooling2D(_Pooling):
    _rank = 2


class _Pooling3D(_Pooling):
    _rank = 3


_POOLING_ARGUMENTS = """
    # Arguments
        pool_size: the window size: an integer or a tuple of {rank}
            positive integers.
        strides: the steps between windows, likewise; `None` means
            `pool_size` (windows side by side).
        padding: `'valid'` (windows inside the input) or `'same'` (windows
            may cross the border, outputs `ceil(size / strides)`; {same}).
        data_format: `'channels_last'` or `'channels_first'` (default:
            {default}).

    # Input shape
        {input_shape}

    # Output shape
        The input shape with each spatial dimension pooled:
        `(size - pool_size) // strides + 1` with `'valid'`,
        `ceil(size / strides)` with `'same'`.

    # Raises
        ValueError: for non-positive sizes or strides, an unknown
            `padding` or `data_format`, or (when called) with `'valid'`, a
            window larger than the input.
"""


def _pooling_doc(summary, rank, mode):
    shapes = {1: '`(batch, steps, features)` (`channels_last`) or `(batch, '
                 'features, steps)`',
              2: '`(batch, rows, cols, channels)` or `(batch, channels, '
                 'rows, cols)`',
              3: 'a 5-D tensor, channels last or first'}
    same = ('padding counts as minus infinity' if mode == 'max' else
            'averages cover only the values inside the input')
    default = "`'channels_last'`" if rank == 1 else '`image_data_format()`'
    return summary + '\n' + _POOLING_ARGUMENTS.format(
        rank=rank, same=same, default=default,
        input_shape=shapes[rank][0].upper() + shapes[rank][1:] + '.')


class MaxPooling1D(_Pooling1D):
    __doc__ = _pooling_doc('Max pooling over time: the largest value of '
                           'each window of steps.', 1, 'max')
    _pool_mode = 'max'

    @_legacy_pooling1d
    def __init__(self, pool_size=2, strides=None, padding='valid',
                 data_format='channels_last', **kwargs):
        super(MaxPooling1D, self).__init__(pool_size, strides, padding,
                                           data_format, **kwargs)


class AveragePooling1D(_Pooling1D):
    __doc__ = _pooling_doc('Average pooling over time: the mean of each '
                           'window of steps.', 1, 'avg')
    _pool_mode = 'avg'

    @_legacy_pooling1d
    def __init__(self, pool_size=2, strides=None, padding='valid',
                 data_format='channels_last', **kwargs):
        super(AveragePooling1D, self).__init__(pool_size, strides, padding,
                                               data_format, **kwargs)


class MaxPooling2D(_Pooling2D):
    __doc__ = _pooling_doc('Max pooling over images: the largest value of '
                           'each window of pixels, per channel.', 2, 'max')
    _pool_mode = 'max'

    @_legacy_pooling
    def __init__(self, pool_size=(2, 2), strides=None, padding='valid',
                 data_format=None, **kwargs):
        super(MaxPooling2D, self).__init__(pool_size, strides, padding,
                                           data_format, **kwargs)


class AveragePooling2D(_Pooling2D):
    __doc__ = _pooling_doc('Average pooling over images: the mean of each '
                           'window of pixels, per channel.', 2, 'avg')
    _pool_mode = 'avg'

    @_legacy_pooling
    def __init__(self, pool_size=(2, 2), strides=None, padding='valid',
                 data_format=None, **kwargs):
        super(AveragePooling2D, self).__init__(pool_size, strides, padding,
                                               data_format, **kwargs)


class MaxPooling3D(_Pooling3D):
    __doc__ = _pooling_doc('Max pooling over volumes: the largest value of '
                           'each window, per channel.', 3, 'max')
    _pool_mode = 'max'

    @_legacy_pooling
    def __init__(self, pool_size=(2, 2, 2), strides=None, padding='valid',
                 data_format=None, **kwargs):
        super(MaxPooling3D, self).__init__(pool_size, strides, padding,
                                           data_format, **kwargs)


class AveragePooling3D(_Pooling3D):
    __doc__ = _pooling_doc('Average pooling over volumes: the mean of each '
                           'window, per channel.', 3, 'avg')
    _pool_mode = 'avg'

    @_legacy_pooling
    def __init__(self, pool_size=(2, 2, 2), strides=None, padding='valid',
                 data_format=None, **kwargs):
        super(AveragePooling3D, self).__init__(pool_size, strides, padding,
                                               data_format, **kwargs)


# --------------------------------------------------------------------------
# Global pooling: one value per channel.

class _GlobalPooling(Layer):
    """What the global pooling layers share. Subclasses set `_rank` and
    `_reduce` (`K.max` or `K.mean`)."""

    _rank = None

    def __init__(self, data_format=None, **kwargs):
        super(_GlobalPooling, self).__init__(**kwargs)
        self.data_format = _check_data_format(type(self).__name__,
                                              data_format)
        self.input_spec = InputSpec(ndim=self._rank + 2)

    def _axes(self):
        return _spatial_axes(self._rank, self.data_format)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[_channel_axis(self.data_format)])

    def call(self, inputs):
        return self._reduce(inputs, axis=self._axes())

    def get_config(self):
        config = {'data_format': self.data_format}
        base = super(_GlobalPooling, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class _GlobalPooling1D(_GlobalPooling):
    _rank = 1

    def __init__(self, data_format='channels_last', **kwargs):
        super(_GlobalPooling1D, self).__init__(data_format, **kwargs)


class _GlobalPooling2D(_GlobalPooling):
    _rank = 2

    @_legacy_global_pooling
    def __init__(self, data_format=None, **kwargs):
        super(_GlobalPooling2D, self).__init__(data_format, **kwargs)


class _GlobalPooling3D(_GlobalPooling):
    _rank = 3

    @_legacy_global_pooling
    def __init__(self, data_format=None, **kwargs):
        super(_GlobalPooling3D, self).__init__(data_format, **kwargs)


_GLOBAL_DOC = """{summary}

    # Arguments
        data_format: `'channels_last'` or `'channels_first'` (default:
            {default}).

    # Input shape
        {input_shape}

    # Output shape
        `(batch, channels)`

    # Raises
        ValueError: for an unknown `data_format`.
"""


def _global_doc(summary, rank):
    shapes = {1: '`(batch, steps, features)` or `(batch, features, steps)`.',
              2: '`(batch, rows, cols, channels)` or `(batch, channels, '
                 'rows, cols)`.',
              3: 'A 5-D tensor, channels last or first.'}
    default = "`'channels_last'`" if rank == 1 else '`image_data_format()`'
    return _GLOBAL_DOC.format(summary=summary, default=default,
                              input_shape=shapes[rank])


class GlobalMaxPooling1D(_GlobalPooling1D):
    __doc__ = _global_doc('The largest value of each feature over all '
                          'timesteps.', 1)
    _reduce = staticmethod(K.max)


class GlobalAveragePooling1D(_GlobalPooling1D):
    """The mean of each feature over the timesteps.

    Supports masking: given a mask (e.g. from `Embedding(mask_zero=True)`),
    only the unmasked timesteps are averaged. A sample whose steps are all
    masked gives zeros (Keras 2.2 divided by zero and returned NaN).

    # Arguments
        data_format: `'channels_last'` (the default, `(batch, steps,
            features)`) or `'channels_first'` (`(batch, features, steps)`).

    # Input shape
        `(batch, steps, features)` or `(batch, features, steps)`.

    # Output shape
        `(batch, features)`

    # Raises
        ValueError: for an unknown `data_format`.
    """

    def __init__(self, data_format='channels_last', **kwargs):
        super(GlobalAveragePooling1D, self).__init__(data_format, **kwargs)
        self.supports_masking = True

    def call(self, inputs, mask=None):
        steps_axis = self._axes()[0]
        if mask is None:
            return K.mean(inputs, axis=steps_axis)
        weights = K.cast(mask, K.dtype(inputs))
        # the mask is (batch, steps): put its steps on the input's axis
        weights = K.expand_dims(weights, 1 if steps_axis == 2 else -1)
        total = K.sum(inputs * weights, axis=steps_axis)
        count = K.sum(weights, axis=steps_axis)
        return total / K.maximum(count, 1.)

    def compute_mask(self, inputs, mask=None):
        return None


class GlobalMaxPooling2D(_GlobalPooling2D):
    __doc__ = _global_doc('The largest value of each channel over all '
                          'pixels.', 2)
    _reduce = staticmethod(K.max)


class GlobalAveragePooling2D(_GlobalPooling2D):
    __doc__ = _global_doc('The mean of each channel over all pixels.', 2)
    _reduce = staticmethod(K.mean)


class GlobalMaxPooling3D(_GlobalPooling3D):
    __doc__ = _global_doc('The largest value of each channel over a whole '
                          'volume.', 3)
    _reduce = staticmethod(K.max)


class GlobalAveragePooling3D(_GlobalPooling3D):
    __doc__ = _global_doc('The mean of each channel over a whole volume.', 3)
    _reduce = staticmethod(K.mean)


# Aliases.
MaxPool1D = MaxPooling1D
MaxPool2D = MaxPooling2D
MaxPool3D = MaxPooling3D
AvgPool1D = AveragePooling1D
AvgPool2D = AveragePooling2D
AvgPool3D = AveragePooling3D
GlobalMaxPool1D = GlobalMaxPooling1D
GlobalMaxPool2D = GlobalMaxPooling2D
GlobalMaxPool3D = GlobalMaxPooling3D
GlobalAvgPool1D = GlobalAveragePooling1D
GlobalAvgPool2D = GlobalAveragePooling2D
GlobalAvgPool3D = GlobalAveragePooling3D
