"""NumPy references for the layer tests: plain, slow, obviously correct
versions of what the layers compute, on small arrays.

Several engineers add to this module; each appends their own functions
under a heading and leaves the others' alone.
"""
import numpy as np


# ----------------------------------------------------------------------
# Activations, merges, noise and normalization.

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def np_relu(x, negative_slope=0., max_value=None, threshold=0.):
    """Keras 2.2.4's ReLU: `x` above `threshold`, clipped to
    `[0, max_value]`, plus `negative_slope * (x - threshold)` below."""
    x = np.asarray(x, dtype='float64')
    y = np.where(x > threshold, x, 0.)
    if max_value is not None:
        y = np.clip(y, 0., max_value)
    return y - negative_slope * np.maximum(threshold - x, 0.)


def np_prelu(x, alpha):
    """`x` above zero, `alpha * x` below (`alpha` broadcast over the
    batch)."""
    return np.maximum(x, 0.) + alpha * np.minimum(x, 0.)


def np_elu(x, alpha=1.):
    return np.where(x > 0, x, alpha * (np.exp(x) - 1.))


def np_softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def np_batch_normalization(x, mean, var, beta, gamma, axis=-1,
                           epsilon=1e-3):
    """Normalizes `x` with per-feature statistics along `axis`."""
    shape = [1] * x.ndim
    shape[axis] = x.shape[axis]

    def fit(v, default):
        v = default if v is None else v
        return np.reshape(np.broadcast_to(v, (x.shape[axis],)), shape)
    return ((x - fit(mean, 0.)) / np.sqrt(fit(var, 1.) + epsilon) *
            fit(gamma, 1.) + fit(beta, 0.))


def np_batch_moments(x, axis=-1):
    """The mean and the biased variance of each feature along `axis`."""
    axes = tuple(i for i in range(x.ndim) if i != axis % x.ndim)
    return x.mean(axis=axes), x.var(axis=axes)


def np_alpha_dropout(x, kept, rate):
    """AlphaDropout with a given keep pattern (1 = kept)."""
    saturation = -SELU_ALPHA * SELU_SCALE
    a = ((1. - rate) * (1. + rate * saturation ** 2)) ** -0.5
    b = -a * saturation * rate
    return a * (x * kept + saturation * (1. - kept)) + b


def np_batch_dot(x, y, axes):
    """Per-sample tensordot of `x[i]` and `y[i]` along `axes` (counted with
    the batch axis); a result with no axis left gets shape `(batch, 1)`."""
    out = np.stack([np.tensordot(a, b, axes=(axes[0] - 1, axes[1] - 1))
                    for a, b in zip(x, y)])
    return out.reshape(len(x), 1) if out.ndim == 1 else out


def np_highway(x, W, W_carry, b=None, b_carry=None,
               activation=lambda v: v):
    gate = x.dot(W_carry) + (0. if b_carry is None else b_carry)
    gate = 1. / (1. + np.exp(-gate))
    transform = activation(x.dot(W) + (0. if b is None else b))
    return gate * transform + (1. - gate) * x


def np_maxout_dense(x, W, b=None):
    """`W`: (nb_feature, input_dim, output_dim), `b`: (nb_feature,
    output_dim)."""
    out = np.einsum('bi,kio->bko', x, W)
    if b is not None:
        out = out + b
    return out.max(axis=1)


# ----------------------------------------------------------------------
# Convolutions, pooling and locally connected layers. Every function takes
# and returns arrays in `data_format` layout, and works channels-last
# inside; kernels use the Keras 2.2 layouts.

def _as_tuple(value, n):
    return tuple(value) if isinstance(value, (tuple, list)) else (value,) * n


def to_channels_last(x, data_format):
    if data_format == 'channels_first':
        return np.moveaxis(x, 1, -1)
    return x


def from_channels_last(x, data_format):
    if data_format == 'channels_first':
        return np.moveaxis(x, -1, 1)
    return x


def np_window_geometry(length, size, stride, dilation, padding):
    """`(output length, zeros before, zeros after)` of a sliding window
    along one axis, with TensorFlow's placement of 'same' padding (the odd
    zero goes after)."""
    span = (size - 1) * dilation + 1
    if padding == 'valid':
        return (length - span) // stride + 1, 0, 0
    out = -(-length // stride)
    if padding == 'causal':
        return out, span - 1, 0
    total = max((out - 1) * stride + span - length, 0)
    return out, total // 2, total - total // 2


def _windows(x, kernel_size, strides, padding, dilation, pad_value=0.):
    """Yields `(tap, slab)` for each kernel tap: `slab[b, o..., c]` is the
    (padded) input the tap sees at output position `o`."""
    n = len(kernel_size)
    geometry = [np_window_geometry(x.shape[1 + a], kernel_size[a],
                                   strides[a], dilation[a], padding)
                for a in range(n)]
    x = np.pad(x, [(0, 0)] + [(g[1], g[2]) for g in geometry] + [(0, 0)],
               constant_values=pad_value)
    for tap in np.ndindex(*kernel_size):
        index = tuple(slice(t * d, t * d + (g[0] - 1) * s + 1, s)
                      for t, d, s, g in zip(tap, dilation, strides, geometry))
        yield tap, x[(slice(None),) + index]


def np_conv(x, kernel, strides=1, padding='valid', dilation_rate=1,
            data_format='channels_last'):
    """N-D convolution (correlation, as TensorFlow computes it); `kernel`
    is `kernel_size + (input_channels, filters)`."""
    n = kernel.ndim - 2
    x = to_channels_last(np.asarray(x, 'float64'), data_format)
    out = 0.
    for tap, slab in _windows(x, kernel.shape[:n], _as_tuple(strides, n),
                              padding, _as_tuple(dilation_rate, n)):
        out = out + slab.dot(kernel[tap])
    return from_channels_last(out, data_format)


def np_depthwise_conv(x, kernel, strides=1, padding='valid',
                      dilation_rate=1, data_format='channels_last'):
    """Depthwise N-D convolution; `kernel` is `kernel_size +
    (input_channels, depth_multiplier)` and output channel `c * m + j`
    comes from input channel `c`."""
    n = kernel.ndim - 2
    x = to_channels_last(np.asarray(x, 'float64'), data_format)
    out = 0.
    for tap, slab in _windows(x, kernel.shape[:n], _as_tuple(strides, n),
                              padding, _as_tuple(dilation_rate, n)):
        product = slab[..., :, None] * kernel[tap]
        out = out + product.reshape(product.shape[:-2] + (-1,))
    return from_channels_last(out, data_format)


def np_separable_conv(x, depthwise_kernel, pointwise_kernel, strides=1,
                      padding='valid', dilation_rate=1,
                      data_format='channels_last'):
    """Depthwise convolution, then the 1x1 pointwise one."""
    depthwise = np_depthwise_conv(x, depthwise_kernel, strides, padding,
                                  dilation_rate, data_format)
    mixed = to_channels_last(depthwise, data_format).dot(
        pointwise_kernel.reshape(pointwise_kernel.shape[-2:]))
    return from_channels_last(mixed, data_format)


def np_conv_transpose(x, kernel, output_lengths, strides=1,
                      padding='valid', dilation_rate=1,
                      data_format='channels_last'):
    """N-D transposed convolution: each input value, times the kernel,
    added at `input position * stride + tap * dilation - padding before`;
    `kernel` is `kernel_size + (filters, input_channels)`."""
    n = kernel.ndim - 2
    strides = _as_tuple(strides, n)
    dilation = _as_tuple(dilation_rate, n)
    x = to_channels_last(np.asarray(x, 'float64'), data_format)
    lengths = x.shape[1:-1]
    spans = [(k - 1) * d + 1 for k, d in zip(kernel.shape[:n], dilation)]
    before = [0 if padding == 'valid' else
              max((i - 1) * s + span - o, 0) // 2
              for i, s, span, o in zip(lengths, strides, spans,
                                       output_lengths)]
    room = [max(o + b, (i - 1) * s + span) for o, b, i, s, span in
            zip(output_lengths, before, lengths, strides, spans)]
    out = np.zeros((x.shape[0],) + tuple(room) + (kernel.shape[-2],))
    for tap in np.ndindex(*kernel.shape[:n]):
        index = tuple(slice(t * d, t * d + (i - 1) * s + 1, s)
                      for t, d, s, i in zip(tap, dilation, strides, lengths))
        out[(slice(None),) + index] += x.dot(kernel[tap].T)
    crop = tuple(slice(b, b + o) for b, o in zip(before, output_lengths))
    return from_channels_last(out[(slice(None),) + crop], data_format)


def np_resize_bilinear(x, factors, data_format='channels_last'):
    """Enlarges images by integer factors with TensorFlow 1's bilinear
    resizing: target row `r` reads source row `r / factor`, interpolated
    between its neighbours, the last row repeating past the edge."""
    x = to_channels_last(np.asarray(x, 'float64'), data_format)
    for axis, factor in zip((1, 2), factors):
        n = x.shape[axis]
        source = np.arange(n * factor) / float(factor)
        low = np.floor(source).astype(int)
        high = np.minimum(low + 1, n - 1)
        shape = [1] * x.ndim
        shape[axis] = -1
        weight = (source - low).reshape(shape)
        x = (np.take(x, low, axis) * (1. - weight) +
             np.take(x, high, axis) * weight)
    return from_channels_last(x, data_format)


def np_pool(x, pool_size, strides=None, padding='valid', mode='max',
            data_format='channels_last'):
    """N-D max or average pooling; with 'same' padding the border windows
    cover only the values inside the input."""
    n = x.ndim - 2
    pool_size = _as_tuple(pool_size, n)
    strides = pool_size if strides is None else _as_tuple(strides, n)
    x = to_channels_last(np.asarray(x, 'float64'), data_format)
    slabs = np.stack([slab for _, slab in _windows(
        x, pool_size, strides, padding, (1,) * n, pad_value=np.nan)])
    reduce = np.nanmax if mode == 'max' else np.nanmean
    return from_channels_last(reduce(slabs, axis=0), data_format)


def np_local_conv(x, kernel, bias, kernel_size, strides,
                  data_format='channels_last'):
    """N-D locally connected product with Keras 2.2's layouts: `kernel`
    `(positions, window values, filters)`, windows flattened channels-last,
    except 2-D `channels_first` windows, flattened channel by channel;
    `bias` `output lengths + (filters,)`, added to a 2-D channels-first
    output as Keras 2.2 did (reshaped, not transposed)."""
    x = np.asarray(x, 'float64')
    n = x.ndim - 2
    kernel_size, strides = _as_tuple(kernel_size, n), _as_tuple(strides, n)
    spatial = x.shape[2:] if data_format == 'channels_first' else \
        x.shape[1:-1]
    lengths = [(l - k) // s + 1 for l, k, s in zip(spatial, kernel_size,
                                                   strides)]
    out = np.zeros((x.shape[0],) + tuple(lengths) + (kernel.shape[-1],))
    for position, where in enumerate(np.ndindex(*lengths)):
        index = tuple(slice(o * s, o * s + k)
                      for o, s, k in zip(where, strides, kernel_size))
        if data_format == 'channels_first':
            window = x[(slice(None), slice(None)) + index]
            if n == 1:
                window = np.moveaxis(window, 1, -1)
        else:
            window = x[(slice(None),) + index]
        out[(slice(None),) + where] = window.reshape(len(x), -1).dot(
            kernel[position])
    out = from_channels_last(out, data_format)
    if bias is None:
        return out
    if data_format == 'channels_last':
        return out + bias
    if n == 1:
        return out + bias.T
    return out + bias.reshape((bias.shape[-1],) + bias.shape[:-1])
