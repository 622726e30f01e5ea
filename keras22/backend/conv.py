"""Convolutions, pooling and locally connected products.

Kernels use Keras 2.2's layouts (spatial axes first, then input and output
channels), so weights trained with Keras 2.2 apply unchanged. Inputs in
`channels_first` format are transposed to channels-last around the
TensorFlow op, because TensorFlow's CPU kernels are written for
channels-last data; results are transposed back.
"""
import builtins

import tensorflow as tf

from .common import image_data_format
from .graph import symbolic
from .tensors import (_to_tensor, _static_dims, _dims, _check_rank,
                      _is_int, _match_dtypes)

__all__ = [
    'conv1d', 'conv2d', 'conv3d', 'conv2d_transpose', 'conv3d_transpose',
    'separable_conv1d', 'separable_conv2d', 'depthwise_conv2d',
    'pool2d', 'pool3d', 'local_conv1d', 'local_conv2d',
]

_DATA_FORMATS = ('channels_first', 'channels_last')


# --------------------------------------------------------------------------
# Argument checks shared by every function of this module.

def _data_format(fn_name, data_format, default=None):
    if data_format is None:
        data_format = default or image_data_format()
    if data_format not in _DATA_FORMATS:
        raise ValueError('K.%s: unknown data_format %r; expected '
                         '"channels_last" or "channels_first".'
                         % (fn_name, data_format))
    return data_format


def _padding(fn_name, padding, allow_causal=False):
    allowed = ('valid', 'same', 'causal') if allow_causal else ('valid',
                                                                'same')
    value = padding.lower() if isinstance(padding, str) else padding
    if value not in allowed:
        raise ValueError('K.%s: unknown padding %r; expected one of %s.'
                         % (fn_name, padding,
                            ', '.join('"%s"' % p for p in allowed)))
    return value


def _int_tuple(fn_name, arg, value, n):
    """`value` as `n` positive integers (a single integer is repeated)."""
    if _is_int(value):
        value = (value,) * n
    try:
        value = tuple(value)
    except TypeError:
        value = None
    if value is None or len(value) != n or not builtins.all(
            _is_int(v) and v >= 1 for v in value):
        raise ValueError('K.%s: `%s` must be %d positive integer(s), got %r.'
                         % (fn_name, arg, n, value))
    return tuple(int(v) for v in value)


def _to_channels_last(x, data_format, nd):
    if data_format == 'channels_first':
        return tf.transpose(x, [0] + list(range(2, nd + 2)) + [1])
    return x


def _from_channels_last(x, data_format, nd):
    if data_format == 'channels_first':
        return tf.transpose(x, [0, nd + 1] + list(range(1, nd + 1)))
    return x


def _check_channels(fn_name, x, expected, what='kernel'):
    """Compares the (channels-last) input's channels with the kernel's."""
    have = _static_dims(x)[-1]
    if have is not None and expected is not None and have != expected:
        raise ValueError('K.%s: the input has %d channels but the %s expects '
                         '%d.' % (fn_name, have, what, expected))


def _check_strides_and_dilation(fn_name, strides, dilation):
    if builtins.any(s > 1 for s in strides) and builtins.any(
            d > 1 for d in dilation):
        raise ValueError('K.%s: strides > 1 cannot be combined with a '
                         'dilation_rate > 1 (got strides=%r, dilation_rate=%r).'
                         % (fn_name, strides, dilation))


def _causal_pad(x, kernel_length, dilation):
    """Pads the time axis (1, channels-last) on the left only, so that an
    output step never sees later inputs."""
    left = dilation * (kernel_length - 1)
    return tf.pad(x, [[0, 0], [left, 0], [0, 0]])


# --------------------------------------------------------------------------
# Convolutions.

def _conv(fn_name, x, kernel, nd, strides, padding, data_format,
          dilation_rate):
    data_format = _data_format(fn_name, data_format)
    padding = _padding(fn_name, padding, allow_causal=(nd == 1))
    strides = _int_tuple(fn_name, 'strides', strides, nd)
    dilation = _int_tuple(fn_name, 'dilation_rate', dilation_rate, nd)
    _check_strides_and_dilation(fn_name, strides, dilation)
    x, kernel = _match_dtypes(x, kernel)
    _check_rank(fn_name, 'x', x, nd + 2)
    _check_rank(fn_name, 'kernel', kernel, nd + 2)
    x = _to_channels_last(x, data_format, nd)
    _check_channels(fn_name, x, _static_dims(kernel)[-2])
    if padding == 'causal':
        x = _causal_pad(x, _dims(kernel)[0], dilation[0])
        padding = 'valid'
    out = tf.nn.convolution(x, kernel, strides=strides,
                            padding=padding.upper(), dilations=dilation)
    return _from_channels_last(out, data_format, nd)


@symbolic
def conv1d(x, kernel, strides=1, padding='valid', data_format=None,
           dilation_rate=1):
    """1-D convolution over time.

    # Arguments
        x: a tensor `(samples, steps, channels)` (`channels_last`) or
            `(samples, channels, steps)` (`channels_first`).
        kernel: a tensor `(kernel_size, input_channels, filters)`.
        strides: the step between windows (an integer).
        padding: `'valid'`, `'same'` or `'causal'` (zeros added on the
            left only, `dilation_rate * (kernel_size - 1)` of them, so an
            output never depends on later steps).
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        dilation_rate: the spacing between kernel taps.

    # Returns
        A 3-D tensor in `data_format`.

    # Raises
        ValueError: for an unknown `padding` or `data_format`, tensors of
            the wrong rank, or channels that do not match the kernel.
    """
    return _conv('conv1d', x, kernel, 1, strides, padding, data_format,
                 dilation_rate)


@symbolic
def conv2d(x, kernel, strides=(1, 1), padding='valid', data_format=None,
           dilation_rate=(1, 1)):
    """2-D convolution over images.

    # Arguments
        x: a 4-D tensor, `(samples, rows, cols, channels)` in
            `channels_last` format, `(samples, channels, rows, cols)` in
            `channels_first` format.
        kernel: a tensor `(kernel_rows, kernel_cols, input_channels,
            filters)`.
        strides: the steps between windows, an integer or a pair.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        dilation_rate: the spacing between kernel taps, an integer or a
            pair.

    # Returns
        A 4-D tensor in `data_format`.

    # Raises
        ValueError: for an unknown `padding` or `data_format`, tensors of
            the wrong rank, or channels that do not match the kernel.

    # Example
    ```python
        >>> x = K.placeholder((None, 8, 8, 3))
        >>> K.int_shape(K.conv2d(x, K.variable(np.ones((3, 3, 3, 4))),
        ...                      padding='same'))
        (None, 8, 8, 4)
    ```
    """
    return _conv('conv2d', x, kernel, 2, strides, padding, data_format,
                 dilation_rate)


@symbolic
def conv3d(x, kernel, strides=(1, 1, 1), padding='valid', data_format=None,
           dilation_rate=(1, 1, 1)):
    """3-D convolution over volumes.

    # Arguments
        x: a 5-D tensor, channels last or first.
        kernel: a tensor `(depth, rows, cols, input_channels, filters)`.
        strides: the steps between windows, an integer or a triple.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        dilation_rate: the spacing between kernel taps.

    # Returns
        A 5-D tensor in `data_format`.

    # Raises
        ValueError: for an unknown `padding` or `data_format`, tensors of
            the wrong rank, or channels that do not match the kernel.
    """
    return _conv('conv3d', x, kernel, 3, strides, padding, data_format,
                 dilation_rate)


def _output_shape(fn_name, x, output_shape, data_format, nd):
    """The (channels-last) output shape of a transposed convolution, as a
    tensor and as a static list. A missing batch size is read from `x`."""
    if not isinstance(output_shape, (list, tuple)):
        shape = tf.cast(output_shape, 'int32')
        if data_format == 'channels_first':
            shape = tf.gather(shape, [0] + list(range(2, nd + 2)) + [1])
        return shape, [None] * (nd + 2)
    if len(output_shape) != nd + 2:
        raise ValueError('K.%s: `output_shape` must have %d entries (batch, '
                         'spatial dimensions and channels), got %r.'
                         % (fn_name, nd + 2, output_shape))
    shape = list(output_shape)
    if data_format == 'channels_first':
        shape = [shape[0]] + shape[2:] + [shape[1]]
    static = [int(d) if _is_int(d) else _static_int(d) for d in shape]
    if shape[0] is None:
        shape[0] = tf.shape(x)[0]
        static[0] = _static_dims(x)[0]
    if builtins.any(d is None for d in shape[1:]):
        raise ValueError('K.%s: only the batch entry of `output_shape` may be '
                         'None, got %r.' % (fn_name, tuple(output_shape)))
    shape = tf.stack([d if _is_int(d) else tf.cast(d, 'int32')
                      for d in shape])
    return shape, static


def _static_int(value):
    """The value of a scalar tensor when TensorFlow can tell it before
    running (e.g. a slice of the shape of a tensor whose shape is known)."""
    if value is None:
        return None
    known = tf.get_static_value(value)
    return None if known is None else int(known)


def _conv_transpose(fn_name, x, kernel, output_shape, nd, strides, padding,
                    data_format, dilation_rate):
    data_format = _data_format(fn_name, data_format)
    padding = _padding(fn_name, padding)
    strides = _int_tuple(fn_name, 'strides', strides, nd)
    dilation = _int_tuple(fn_name, 'dilation_rate', dilation_rate, nd)
    _check_strides_and_dilation(fn_name, strides, dilation)
    x, kernel = _match_dtypes(x, kernel)
    _check_rank(fn_name, 'x', x, nd + 2)
    _check_rank(fn_name, 'kernel', kernel, nd + 2)
    x = _to_channels_last(x, data_format, nd)
    # a transposed kernel maps its last axis (input channels) to the one
    # before (output channels)
    _check_channels(fn_name, x, _static_dims(kernel)[-1])
    shape, static = _output_shape(fn_name, x, output_shape, data_format, nd)
    op = tf.nn.conv2d_transpose if nd == 2 else tf.nn.conv3d_transpose
    kwargs = {'dilations': (1,) + dilation + (1,)} if dilation != (1,) * nd \
        else {}
    out = op(x, kernel, shape, strides=(1,) + strides + (1,),
             padding=padding.upper(), **kwargs)
    out.set_shape(static)
    return _from_channels_last(out, data_format, nd)


@symbolic
def conv2d_transpose(x, kernel, output_shape, strides=(1, 1),
                     padding='valid', data_format=None, dilation_rate=(1, 1)):
    """2-D transposed convolution (sometimes called deconvolution): the
    gradient of `conv2d` with respect to its input.

    # Arguments
        x: a 4-D tensor, channels last or first.
        kernel: a tensor `(kernel_rows, kernel_cols, filters,
            input_channels)`: note the channel order, reversed with respect
            to `conv2d`.
        output_shape: the shape of the result in `data_format` order, a
            tuple (its batch entry may be None or a scalar tensor such as
            `K.shape(x)[0]`) or a 1-D integer tensor.
        strides: the steps between windows, an integer or a pair.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        dilation_rate: the spacing between kernel taps.

    # Returns
        A 4-D tensor of shape `output_shape`.

    # Raises
        ValueError: for an unknown `padding` or `data_format`, tensors of
            the wrong rank, an `output_shape` of the wrong length, or
            channels that do not match the kernel.
    """
    return _conv_transpose('conv2d_transpose', x, kernel, output_shape, 2,
                           strides, padding, data_format, dilation_rate)


@symbolic
def conv3d_transpose(x, kernel, output_shape, strides=(1, 1, 1),
                     padding='valid', data_format=None):
    """3-D transposed convolution: the gradient of `conv3d` with respect to
    its input.

    # Arguments
        x: a 5-D tensor, channels last or first.
        kernel: a tensor `(depth, rows, cols, filters, input_channels)`.
        output_shape: the shape of the result in `data_format` order (a
            tuple whose batch entry may be None, or a 1-D tensor).
        strides: the steps between windows, an integer or a triple.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).

    # Returns
        A 5-D tensor of shape `output_shape`.

    # Raises
        ValueError: for an unknown `padding` or `data_format`, tensors of
            the wrong rank, or channels that do not match the kernel.
    """
    return _conv_transpose('conv3d_transpose', x, kernel, output_shape, 3,
                           strides, padding, data_format, 1)


def _depthwise(fn_name, x, depthwise_kernel, pointwise_kernel, strides,
               padding, data_format, dilation_rate):
    """A depthwise 2-D convolution, followed by a pointwise one if given."""
    x, depthwise_kernel = _match_dtypes(x, depthwise_kernel)
    _check_rank(fn_name, 'x', x, 4)
    _check_rank(fn_name, 'depthwise_kernel', depthwise_kernel, 4)
    _check_channels(fn_name, x, _static_dims(depthwise_kernel)[2],
                    'depthwise_kernel')
    strides4 = (1,) + strides + (1,)
    if pointwise_kernel is None:
        return tf.nn.depthwise_conv2d(x, depthwise_kernel, strides4,
                                      padding.upper(), dilations=dilation_rate)
    pointwise_kernel = _to_tensor(pointwise_kernel, x.dtype)
    _check_rank(fn_name, 'pointwise_kernel', pointwise_kernel, 4)
    return tf.nn.separable_conv2d(x, depthwise_kernel, pointwise_kernel,
                                  strides4, padding.upper(),
                                  dilations=dilation_rate)


@symbolic
def separable_conv1d(x, depthwise_kernel, pointwise_kernel, strides=1,
                     padding='valid', data_format=None, dilation_rate=1):
    """1-D separable convolution: a depthwise convolution (each channel on
    its own) followed by a pointwise one (mixing channels).

    # Arguments
        x: a 3-D tensor, channels last or first.
        depthwise_kernel: a tensor `(kernel_size, input_channels,
            depth_multiplier)`.
        pointwise_kernel: a tensor `(1, input_channels * depth_multiplier,
            filters)`.
        strides: the step between windows (an integer).
        padding: `'valid'`, `'same'` or `'causal'`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        dilation_rate: the spacing between kernel taps.

    # Returns
        A 3-D tensor in `data_format`.

    # Raises
        ValueError: for an unknown `padding` or `data_format`, tensors of
            the wrong rank, or channels that do not match the kernels.
    """
    fn_name = 'separable_conv1d'
    data_format = _data_format(fn_name, data_format)
    padding = _padding(fn_name, padding, allow_causal=True)
    stride = _int_tuple(fn_name, 'strides', strides, 1)[0]
    dilation = _int_tuple(fn_name, 'dilation_rate', dilation_rate, 1)[0]
    _check_strides_and_dilation(fn_name, (stride,), (dilation,))
    x, depthwise_kernel = _match_dtypes(x, depthwise_kernel)
    _check_rank(fn_name, 'x', x, 3)
    _check_rank(fn_name, 'depthwise_kernel', depthwise_kernel, 3)
    _check_rank(fn_name, 'pointwise_kernel', pointwise_kernel, 3)
    x = _to_channels_last(x, data_format, 1)
    if padding == 'causal':
        x = _causal_pad(x, _dims(depthwise_kernel)[0], dilation)
        padding = 'valid'
    # run as a 2-D convolution over images one row high; the stride on
    # that row is harmless and keeps the two strides equal, as the
    # depthwise kernel prefers
    out = _depthwise(fn_name, tf.expand_dims(x, 1),
                     tf.expand_dims(depthwise_kernel, 0),
                     tf.expand_dims(_to_tensor(pointwise_kernel), 0),
                     (stride, stride), padding, 'channels_last',
                     (1, dilation))
    return _from_channels_last(tf.squeeze(out, [1]), data_format, 1)


@symbolic
def separable_conv2d(x, depthwise_kernel, pointwise_kernel, strides=(1, 1),
                     padding='valid', data_format=None, dilation_rate=(1, 1)):
    """2-D separable convolution: a depthwise convolution (each channel on
    its own) followed by a pointwise one (mixing channels).

    # Arguments
        x: a 4-D tensor, channels last or first.
        depthwise_kernel: a tensor `(rows, cols, input_channels,
            depth_multiplier)`.
        pointwise_kernel: a tensor `(1, 1, input_channels *
            depth_multiplier, filters)`.
        strides: the steps between windows, an integer or a pair.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        dilation_rate: the spacing between kernel taps.

    # Returns
        A 4-D tensor in `data_format`.

    # Raises
        ValueError: for an unknown `padding` or `data_format`, tensors of
            the wrong rank, or channels that do not match the kernels.
    """
    fn_name = 'separable_conv2d'
    data_format = _data_format(fn_name, data_format)
    padding = _padding(fn_name, padding)
    strides = _int_tuple(fn_name, 'strides', strides, 2)
    dilation = _int_tuple(fn_name, 'dilation_rate', dilation_rate, 2)
    _check_strides_and_dilation(fn_name, strides, dilation)
    if pointwise_kernel is None:
        raise ValueError('K.separable_conv2d: `pointwise_kernel` is required.')
    x, depthwise_kernel = _match_dtypes(x, depthwise_kernel)
    _check_rank(fn_name, 'x', x, 4)
    out = _depthwise(fn_name, _to_channels_last(x, data_format, 2),
                     depthwise_kernel, pointwise_kernel, strides, padding,
                     data_format, dilation)
    return _from_channels_last(out, data_format, 2)


@symbolic
def depthwise_conv2d(x, depthwise_kernel, strides=(1, 1), padding='valid',
                     data_format=None, dilation_rate=(1, 1)):
    """2-D depthwise convolution: every input channel is convolved with its
    own filters, without mixing channels.

    # Arguments
        x: a 4-D tensor, channels last or first.
        depthwise_kernel: a tensor `(rows, cols, input_channels,
            depth_multiplier)`.
        strides: the steps between windows, an integer or a pair.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        dilation_rate: the spacing between kernel taps.

    # Returns
        A 4-D tensor with `input_channels * depth_multiplier` channels
        (channel `c * depth_multiplier + m` comes from input channel `c`).

    # Raises
        ValueError: for an unknown `padding` or `data_format`, tensors of
            the wrong rank, or channels that do not match the kernel.
    """
    fn_name = 'depthwise_conv2d'
    data_format = _data_format(fn_name, data_format)
    padding = _padding(fn_name, padding)
    strides = _int_tuple(fn_name, 'strides', strides, 2)
    dilation = _int_tuple(fn_name, 'dilation_rate', dilation_rate, 2)
    _check_strides_and_dilation(fn_name, strides, dilation)
    x, depthwise_kernel = _match_dtypes(x, depthwise_kernel)
    _check_rank(fn_name, 'x', x, 4)
    out = _depthwise(fn_name, _to_channels_last(x, data_format, 2),
                     depthwise_kernel, None, strides, padding, data_format,
                     dilation)
    return _from_channels_last(out, data_format, 2)


# --------------------------------------------------------------------------
# Pooling.

def _pool(fn_name, x, pool_size, strides, padding, data_format, pool_mode,
          nd):
    data_format = _data_format(fn_name, data_format)
    padding = _padding(fn_name, padding)
    if pool_mode not in ('max', 'avg'):
        raise ValueError('K.%s: unknown pool_mode %r; expected "max" or '
                         '"avg".' % (fn_name, pool_mode))
    pool_size = _int_tuple(fn_name, 'pool_size', pool_size, nd)
    strides = pool_size if strides is None else _int_tuple(
        fn_name, 'strides', strides, nd)
    x = _to_tensor(x)
    _check_rank(fn_name, 'x', x, nd + 2)
    x = _to_channels_last(x, data_format, nd)
    op = tf.nn.max_pool if pool_mode == 'max' else tf.nn.avg_pool
    # TensorFlow 1's op names ('block5_pool/MaxPool:0'), which Keras 2.2
    # users saw and looked tensors up by; TensorFlow 2 says 'MaxPool2d'.
    name = {2: 'MaxPool', 3: 'MaxPool3D'}.get(nd) if pool_mode == 'max' \
        else {2: 'AvgPool', 3: 'AvgPool3D'}.get(nd)
    out = op(x, ksize=pool_size, strides=strides, padding=padding.upper(),
             name=name)
    return _from_channels_last(out, data_format, nd)


@symbolic
def pool2d(x, pool_size, strides=(1, 1), padding='valid', data_format=None,
           pool_mode='max'):
    """2-D pooling: the maximum or mean of each window.

    # Arguments
        x: a 4-D tensor, channels last or first.
        pool_size: the window size, a pair of integers.
        strides: the steps between windows, a pair of integers.
        padding: `'valid'` or `'same'` (averages then cover only the
            values inside the input).
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        pool_mode: `'max'` or `'avg'`.

    # Returns
        A 4-D tensor in `data_format`.

    # Raises
        ValueError: for an unknown `padding`, `data_format` or `pool_mode`,
            or an input that is not 4-D.
    """
    return _pool('pool2d', x, pool_size, strides, padding, data_format,
                 pool_mode, 2)


@symbolic
def pool3d(x, pool_size, strides=(1, 1, 1), padding='valid', data_format=None,
           pool_mode='max'):
    """3-D pooling: the maximum or mean of each window.

    # Arguments
        x: a 5-D tensor, channels last or first.
        pool_size: the window size, three integers.
        strides: the steps between windows, three integers.
        padding: `'valid'` or `'same'`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).
        pool_mode: `'max'` or `'avg'`.

    # Returns
        A 5-D tensor in `data_format`.

    # Raises
        ValueError: for an unknown `padding`, `data_format` or `pool_mode`,
            or an input that is not 5-D.
    """
    return _pool('pool3d', x, pool_size, strides, padding, data_format,
                 pool_mode, 3)


# --------------------------------------------------------------------------
# Locally connected products: a convolution whose weights differ at every
# output position.

def _local_product(fn_name, patches, kernel, grid):
    """Multiplies `patches` (batch, positions..., features) by the kernel of
    each position; returns (batch, positions..., filters)."""
    positions = 1
    for n in grid:
        positions *= n
    k_dims = _static_dims(kernel)
    p_dims = _static_dims(patches)
    if k_dims[0] is not None and k_dims[0] != positions:
        raise ValueError('K.%s: the kernel holds weights for %d output '
                         'positions, but the input gives %d (%s).'
                         % (fn_name, k_dims[0], positions,
                            ' x '.join(map(str, grid))))
    if k_dims[1] is not None and p_dims[-1] is not None \
            and k_dims[1] != p_dims[-1]:
        raise ValueError('K.%s: each window holds %d values but the kernel '
                         'expects %d (kernel_size * input channels).'
                         % (fn_name, p_dims[-1], k_dims[1]))
    flat = tf.reshape(patches, [-1, positions, _dims(patches)[-1]])
    out = tf.matmul(tf.transpose(flat, [1, 0, 2]), kernel)
    out = tf.transpose(out, [1, 0, 2])
    return tf.reshape(out, [-1] + list(grid) + [_dims(kernel)[-1]])


def _patches_2d(x, kernel_size, strides):
    """Channels-last windows of a channels-last batch, flattened in
    (row, column, channel) order."""
    return tf.image.extract_patches(
        x, sizes=(1,) + kernel_size + (1,), strides=(1,) + strides + (1,),
        rates=(1, 1, 1, 1), padding='VALID')


@symbolic
def local_conv1d(inputs, kernel, kernel_size, strides, data_format=None):
    """1-D locally connected product: a convolution with separate weights
    at every output step.

    # Arguments
        inputs: a 3-D tensor, `(samples, steps, channels)` (or
            `(samples, channels, steps)` with `channels_first`).
        kernel: a tensor `(output_length, kernel_size * channels,
            filters)`; each window is flattened step by step.
        kernel_size: the window length, a tuple of one integer.
        strides: the step between windows, a tuple of one integer.
        data_format: `'channels_last'` (the default here: temporal data is
            channels-last in Keras 2.2 whatever `image_data_format()`
            says) or `'channels_first'`.

    # Returns
        A 3-D tensor `(samples, output_length, filters)` (channels first:
        `(samples, filters, output_length)`).

    # Raises
        ValueError: for a bad `data_format`, tensors of the wrong rank, or
            a kernel that does not fit the input.
    """
    fn_name = 'local_conv1d'
    data_format = _data_format(fn_name, data_format, 'channels_last')
    kernel_size = _int_tuple(fn_name, 'kernel_size', kernel_size, 1)
    strides = _int_tuple(fn_name, 'strides', strides, 1)
    inputs, kernel = _match_dtypes(inputs, kernel)
    _check_rank(fn_name, 'inputs', inputs, 3)
    _check_rank(fn_name, 'kernel', kernel, 3)
    x = _to_channels_last(inputs, data_format, 1)
    patches = _patches_2d(tf.expand_dims(x, 1), (1,) + kernel_size,
                          (1,) + strides)
    steps = _static_dims(patches)[2]
    if steps is None:
        steps = _static_dims(kernel)[0]
    out = _local_product(fn_name, tf.squeeze(patches, [1]), kernel, (steps,))
    return _from_channels_last(out, data_format, 1)


@symbolic
def local_conv2d(inputs, kernel, kernel_size, strides, output_shape,
                 data_format=None):
    """2-D locally connected product: a convolution with separate weights
    at every output position.

    # Arguments
        inputs: a 4-D tensor, channels last or first.
        kernel: a tensor `(output_rows * output_cols, kernel_rows *
            kernel_cols * channels, filters)`. Each window is flattened as
            Keras 2.2 did: in (row, column, channel) order for
            `channels_last`, (channel, row, column) for `channels_first`.
        kernel_size: the window size, a pair of integers.
        strides: the steps between windows, a pair of integers.
        output_shape: `(output_rows, output_cols)`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).

    # Returns
        A 4-D tensor: `(samples, output_rows, output_cols, filters)`, or
        `(samples, filters, output_rows, output_cols)` for
        `channels_first`.

    # Raises
        ValueError: for a bad `data_format`, tensors of the wrong rank, or
            a kernel or `output_shape` that does not fit the input.
    """
    fn_name = 'local_conv2d'
    data_format = _data_format(fn_name, data_format)
    kernel_size = _int_tuple(fn_name, 'kernel_size', kernel_size, 2)
    strides = _int_tuple(fn_name, 'strides', strides, 2)
    output_shape = _int_tuple(fn_name, 'output_shape', output_shape, 2)
    inputs, kernel = _match_dtypes(inputs, kernel)
    _check_rank(fn_name, 'inputs', inputs, 4)
    _check_rank(fn_name, 'kernel', kernel, 3)
    x = _to_channels_last(inputs, data_format, 2)
    patches = _patches_2d(x, kernel_size, strides)
    grid = _static_dims(patches)[1:3]
    if builtins.any(g is not None and g != o
                    for g, o in zip(grid, output_shape)):
        raise ValueError('K.local_conv2d: `output_shape` %r does not match '
                         'the %s windows the input gives.'
                         % (output_shape, ' x '.join(map(str, grid))))
    if data_format == 'channels_first':
        # Keras 2.2 flattened channels-first windows channel by channel
        window = kernel_size[0] * kernel_size[1]
        channels = _dims(x)[-1]
        patches = tf.reshape(patches, [-1] + list(output_shape) +
                             [window, channels])
        patches = tf.transpose(patches, [0, 1, 2, 4, 3])
        patches = tf.reshape(patches, [-1] + list(output_shape) +
                             [window * channels])
    out = _local_product(fn_name, patches, kernel, output_shape)
    return _from_channels_last(out, data_format, 2)
