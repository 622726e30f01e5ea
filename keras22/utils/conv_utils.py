"""Shape arithmetic and argument normalisation for convolution-like layers.

The public functions are those Keras 2.2.4 offered in
`keras.utils.conv_utils`. The private `_check_*` helpers below them are the
argument checks every convolution, pooling, padding and locally connected
layer shares, so that all of them reject bad arguments with the same
message, naming the layer.
"""
import numpy as np

from ..backend.common import normalize_data_format  # noqa: F401

_PADDINGS = ('valid', 'same', 'causal')


class _UnknownPaddingError(ValueError, AssertionError):
    """An unknown `padding` given to the shape arithmetic below.

    A `ValueError` with a clear message, and also an `AssertionError`,
    which Keras 2.2 raised here (it asserted on the padding), so legacy
    code that catches either keeps working.
    """


def _is_int(value):
    return isinstance(value, (int, np.integer)) and not isinstance(
        value, (bool, np.bool_))


def normalize_tuple(value, n, name):
    """Turns an integer or an iterable of integers into a tuple of `n`.

    # Arguments
        value: an integer (repeated `n` times) or an iterable of `n`
            integers.
        n: the length of the result.
        name: the argument's name, for the error message.

    # Returns
        A tuple of `n` Python integers.

    # Raises
        ValueError: if `value` is neither an integer nor `n` integers.

    # Example
    ```python
        >>> normalize_tuple(3, 2, 'kernel_size')
        (3, 3)
        >>> normalize_tuple([1, 2], 2, 'strides')
        (1, 2)
    ```
    """
    if _is_int(value):
        return (int(value),) * n
    message = ('The `%s` argument must be a tuple of %d integers. Received: '
               '%r' % (name, n, value))
    try:
        items = tuple(value)
    except TypeError:
        raise ValueError(message)
    if len(items) != n or not all(_is_int(v) for v in items):
        raise ValueError(message)
    return tuple(int(v) for v in items)


def normalize_padding(value):
    """Checks a `padding` argument.

    # Arguments
        value: `'valid'`, `'same'` or `'causal'`, in any case.

    # Returns
        The lower-case string.

    # Raises
        ValueError: for any other value.
    """
    padding = value.lower() if isinstance(value, str) else value
    if padding not in _PADDINGS:
        raise ValueError('The `padding` argument must be one of "valid", '
                         '"same" (or "causal", only for `Conv1D`). Received: '
                         '%r' % (value,))
    return padding


def convert_kernel(kernel):
    """Flips a convolution kernel along its spatial axes.

    Theano's convolutions flip the kernel, TensorFlow's do not: flipping
    converts kernels trained with one backend for the other.

    # Arguments
        kernel: a NumPy array, spatial axes first, then input and output
            channels (e.g. `(rows, cols, input_channels, filters)`).

    # Returns
        A flipped copy of `kernel`.

    # Raises
        ValueError: if `kernel` has fewer than 3 dimensions.
    """
    kernel = np.asarray(kernel)
    if kernel.ndim < 3:
        raise ValueError('convert_kernel: `kernel` must have spatial axes '
                         'followed by 2 channel axes, got shape %s.'
                         % (kernel.shape,))
    flip = (slice(None, None, -1),) * (kernel.ndim - 2) + (slice(None),) * 2
    return np.copy(kernel[flip])


def _dilated(filter_size, dilation):
    """The span of a kernel whose taps are `dilation` apart."""
    return filter_size + (filter_size - 1) * (dilation - 1)


def conv_output_length(input_length, filter_size, padding, stride,
                       dilation=1):
    """The length of a convolution's output along one axis.

    # Arguments
        input_length: the input's length, or `None`.
        filter_size: the kernel's length.
        padding: `'valid'`, `'same'`, `'causal'` or `'full'`.
        stride: the step between windows.
        dilation: the spacing between kernel taps.

    # Returns
        The output length (`None` for an unknown input length).

    # Raises
        ValueError: for an unknown `padding` (also an `AssertionError`,
            as Keras 2.2 raised).
    """
    if input_length is None:
        return None
    span = _dilated(filter_size, dilation)
    if padding in ('same', 'causal'):
        length = input_length
    elif padding == 'valid':
        length = input_length - span + 1
    elif padding == 'full':
        length = input_length + span - 1
    else:
        raise _UnknownPaddingError('conv_output_length: unknown padding '
                                   '%r.' % (padding,))
    # ceiling division: a last, incomplete stride still gives an output
    return (length + stride - 1) // stride


def _padding_before(filter_size, padding):
    """Zeros added before the input by a convolution with stride 1."""
    if padding == 'same':
        return filter_size // 2
    if padding == 'valid':
        return 0
    if padding == 'full':
        return filter_size - 1
    raise _UnknownPaddingError('unknown padding %r; expected "valid", '
                               '"same" or "full".' % (padding,))


def conv_input_length(output_length, filter_size, padding, stride):
    """The input length that gives a convolution output of a given length
    (the inverse of `conv_output_length`, for stride 1 exactly).

    # Arguments
        output_length: the output's length, or `None`.
        filter_size: the kernel's length.
        padding: `'valid'`, `'same'` or `'full'`.
        stride: the step between windows.

    # Returns
        The input length (`None` for an unknown output length).

    # Raises
        ValueError: for an unknown `padding` (also an `AssertionError`,
            as Keras 2.2 raised).
    """
    if output_length is None:
        return None
    pad = _padding_before(filter_size, padding)
    return (output_length - 1) * stride - 2 * pad + filter_size


def deconv_length(dim_size, stride_size, kernel_size, padding,
                  output_padding, dilation=1):
    """The output length of a transposed convolution along one axis.

    # Arguments
        dim_size: the input's length: an integer, a scalar tensor, or
            `None`.
        stride_size: the stride.
        kernel_size: the kernel's length.
        padding: `'valid'`, `'same'` or `'full'`.
        output_padding: the extra length added at the end (smaller than
            the stride), or `None` to take the length a convolution with
            these arguments maps back to `dim_size` with the least
            padding.
        dilation: the spacing between kernel taps.

    # Returns
        The output length (`None` for an unknown `dim_size`).

    # Raises
        ValueError: for an unknown `padding` (also an `AssertionError`,
            as Keras 2.2 raised).
    """
    if dim_size is None:
        return None
    span = _dilated(kernel_size, dilation)
    if output_padding is not None:
        pad = _padding_before(span, padding)
        return (dim_size - 1) * stride_size + span - 2 * pad + output_padding
    if padding == 'valid':
        return dim_size * stride_size + max(span - stride_size, 0)
    if padding == 'same':
        return dim_size * stride_size
    if padding == 'full':
        return dim_size * stride_size - (stride_size + span - 2)
    raise _UnknownPaddingError('deconv_length: unknown padding %r.'
                               % (padding,))


# --------------------------------------------------------------------------
# Argument checks shared by the layers. Each raises a ValueError that names
# the layer class and the argument, and shows what was expected and given.

def _check_int_tuple(layer_name, argument, value, n, minimum=1):
    """`value` as `n` integers of at least `minimum` (an integer is
    repeated)."""
    try:
        result = normalize_tuple(value, n, argument)
    except ValueError:
        result = None
    if result is None or any(v < minimum for v in result):
        kind = 'non-negative' if minimum == 0 else 'positive'
        raise ValueError('%s: `%s` must be an integer or a tuple of %d '
                         '%s integers, got %r.'
                         % (layer_name, argument, n, kind, value))
    return result


def _check_padding(layer_name, value, allowed=('valid', 'same')):
    """A `padding` argument among `allowed`, lower-cased."""
    padding = value.lower() if isinstance(value, str) else value
    if padding not in allowed:
        raise ValueError('%s: `padding` must be %s, got %r.'
                         % (layer_name,
                            ' or '.join('"%s"' % p for p in allowed),
                            value))
    return padding


def _check_data_format(layer_name, value):
    """A `data_format` argument (`None`: `image_data_format()`)."""
    try:
        return normalize_data_format(value)
    except ValueError:
        raise ValueError('%s: `data_format` must be "channels_last" or '
                         '"channels_first", got %r.' % (layer_name, value))


def _check_strides_and_dilation(layer_name, strides, dilation_rate):
    """TensorFlow cannot combine strides and dilation greater than 1."""
    if any(s > 1 for s in strides) and any(d > 1 for d in dilation_rate):
        raise ValueError('%s: `strides` > 1 cannot be combined with a '
                         '`dilation_rate` > 1, got strides=%r and '
                         'dilation_rate=%r.'
                         % (layer_name, strides, dilation_rate))


def _check_window_fits(layer_name, argument, spatial_shape, window,
                       padding, dilation_rate=None):
    """With 'valid' padding, a window (dilated) must fit in every known
    spatial dimension of the input, or the output would be empty."""
    if padding != 'valid':
        return
    dilation_rate = dilation_rate or (1,) * len(window)
    for size, length, dilation in zip(window, spatial_shape, dilation_rate):
        span = _dilated(size, dilation)
        if length is not None and span > length:
            raise ValueError(
                '%s: with padding "valid" the %s %s%s must fit in the '
                'input, but the input\'s spatial shape is %s.'
                % (layer_name, argument, tuple(window),
                   '' if span == size else ' (dilated to %d)' % span,
                   tuple(spatial_shape)))


def _check_pad_pairs(layer_name, argument, value, rank):
    """A padding or cropping amount as `rank` `(before, after)` pairs.

    Accepts an integer (the same everywhere), `rank` integers (the same on
    both sides of each axis), or `rank` pairs; for `rank` 1 a single pair.
    """
    expected = ('an integer, a tuple of %d integers or a tuple of %d pairs '
                'of non-negative integers' % (rank, rank)) if rank > 1 else \
        'an integer or a pair of non-negative integers'
    if rank == 1:
        items = [value]
    elif _is_int(value):
        items = [value] * rank
    else:
        try:
            items = list(value)
        except TypeError:
            items = None
        if items is None or len(items) != rank:
            raise ValueError('%s: `%s` must be %s, got %r.'
                             % (layer_name, argument, expected, value))
    pairs = []
    for item in items:
        try:
            pair = normalize_tuple(item, 2, argument)
        except ValueError:
            pair = None
        if pair is None or min(pair) < 0:
            raise ValueError('%s: `%s` must be %s, got %r.'
                             % (layer_name, argument, expected, value))
        pairs.append(pair)
    return tuple(pairs)


def _spatial_axes(rank, data_format):
    """The axes of the spatial dimensions of a `rank`-D batch."""
    first = 2 if data_format == 'channels_first' else 1
    return list(range(first, first + rank))


def _channel_axis(data_format):
    return 1 if data_format == 'channels_first' else -1


def _layout(batch, spatial, channels, data_format):
    """A batch shape from its parts, in `data_format` order."""
    if data_format == 'channels_first':
        return (batch, channels) + tuple(spatial)
    return (batch,) + tuple(spatial) + (channels,)
