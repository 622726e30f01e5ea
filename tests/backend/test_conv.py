"""Convolutions, pooling and locally connected products against NumPy loops,
in both data formats."""
import math

import numpy as np
import pytest

from keras22 import backend as K

RNG = np.random.RandomState(3)
FORMATS = ['channels_last', 'channels_first']


def arr(*shape):
    return RNG.uniform(-1, 1, size=shape).astype('float32')


def to_first(x):
    """channels-last array -> channels-first."""
    return np.moveaxis(x, -1, 1)


def to_last(x):
    return np.moveaxis(x, 1, -1)


def in_format(x, data_format):
    return to_first(x) if data_format == 'channels_first' else x


# --------------------------------------------------------------------------
# NumPy references, channels-last.

def same_pads(size, stride, effective):
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + effective - size, 0)
    return total // 2, total - total // 2


def np_pad_input(x, window, strides, padding, dilation=None):
    nd = x.ndim - 2
    dilation = dilation or (1,) * nd
    eff = [(window[i] - 1) * dilation[i] + 1 for i in range(nd)]
    if padding == 'same':
        pads = [same_pads(x.shape[1 + i], strides[i], eff[i])
                for i in range(nd)]
    elif padding == 'causal':
        pads = [(eff[0] - 1, 0)]
    else:
        pads = [(0, 0)] * nd
    return pads, eff


def np_conv(x, kernel, strides, padding, dilation):
    nd = x.ndim - 2
    window = kernel.shape[:nd]
    pads, eff = np_pad_input(x, window, strides, padding, dilation)
    x = np.pad(x, [(0, 0)] + pads + [(0, 0)])
    out_size = [(x.shape[1 + i] - eff[i]) // strides[i] + 1
                for i in range(nd)]
    y = np.zeros((x.shape[0],) + tuple(out_size) + (kernel.shape[-1],))
    for idx in np.ndindex(*out_size):
        for k in np.ndindex(*window):
            pos = tuple(idx[i] * strides[i] + k[i] * dilation[i]
                        for i in range(nd))
            y[(slice(None),) + idx] += x[(slice(None),) + pos] @ kernel[k]
    return y


def np_depthwise(x, kernel, strides, padding, dilation):
    """kernel (rows, cols, in, mult): output channel c * mult + m."""
    rows, cols, channels, mult = kernel.shape
    outs = []
    for c in range(channels):
        outs.append(np_conv(x[..., c:c + 1], kernel[:, :, c:c + 1, :],
                            strides, padding, dilation))
    return np.concatenate(outs, axis=-1)


def np_pool(x, pool_size, strides, padding, mode):
    nd = x.ndim - 2
    pads, _ = np_pad_input(x, pool_size, strides, padding)
    fill = -np.inf if mode == 'max' else np.nan
    x = np.pad(x, [(0, 0)] + pads + [(0, 0)], constant_values=fill)
    out_size = [(x.shape[1 + i] - pool_size[i]) // strides[i] + 1
                for i in range(nd)]
    y = np.zeros((x.shape[0],) + tuple(out_size) + (x.shape[-1],))
    for idx in np.ndindex(*out_size):
        sl = tuple(slice(idx[i] * strides[i], idx[i] * strides[i] +
                         pool_size[i]) for i in range(nd))
        window = x[(slice(None),) + sl + (slice(None),)]
        window = window.reshape(x.shape[0], -1, x.shape[-1])
        y[(slice(None),) + idx] = (np.max(window, 1) if mode == 'max'
                                   else np.nanmean(window, 1))
    return y


def np_conv_transpose(x, kernel, out_shape, strides, padding, dilation):
    """kernel (spatial..., out, in); out_shape channels-last without batch."""
    nd = x.ndim - 2
    window = kernel.shape[:nd]
    eff = [(window[i] - 1) * dilation[i] + 1 for i in range(nd)]
    if padding == 'same':
        before = [same_pads(out_shape[i], strides[i], eff[i])[0]
                  for i in range(nd)]
    else:
        before = [0] * nd
    y = np.zeros((x.shape[0],) + tuple(out_shape))
    for idx in np.ndindex(*x.shape[1:-1]):
        for k in np.ndindex(*window):
            pos = tuple(idx[i] * strides[i] + k[i] * dilation[i] - before[i]
                        for i in range(nd))
            if all(0 <= p < out_shape[i] for i, p in enumerate(pos)):
                y[(slice(None),) + pos] += x[(slice(None),) + idx] @ \
                    kernel[k].T
    return y


# --------------------------------------------------------------------------
# Convolutions.

@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('padding,strides,dilation', [
    ('valid', 1, 1), ('same', 2, 1), ('causal', 1, 2), ('same', 1, 2),
])
def test_conv1d(both, data_format, padding, strides, dilation):
    x = arr(2, 7, 3)
    kernel = arr(3, 3, 4)
    expected = np_conv(x, kernel, (strides,), padding, (dilation,))
    out = both(lambda t, k: K.conv1d(t, k, strides, padding, data_format,
                                     dilation),
               in_format(x, data_format), kernel, batch_free=(True, False),
               rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(out, in_format(expected, data_format),
                               rtol=1e-4, atol=1e-5)


def test_conv1d_causal_output_ignores_the_future():
    x = arr(1, 6, 2)
    kernel = arr(3, 2, 1)
    out = K.eval(K.conv1d(x, kernel, padding='causal', dilation_rate=2))
    x2 = x.copy()
    x2[:, 4:] = 10.
    out2 = K.eval(K.conv1d(x2, kernel, padding='causal', dilation_rate=2))
    assert out.shape == (1, 6, 1)
    np.testing.assert_allclose(out[:, :4], out2[:, :4], rtol=1e-6)


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('padding,strides,dilation', [
    ('valid', (1, 1), (1, 1)), ('same', (2, 1), (1, 1)),
    ('valid', (1, 1), (2, 1)), ('same', (1, 1), (2, 2)),
])
def test_conv2d(both, data_format, padding, strides, dilation):
    x = arr(2, 6, 5, 3)
    kernel = arr(3, 2, 3, 4)
    expected = np_conv(x, kernel, strides, padding, dilation)
    out = both(lambda t, k: K.conv2d(t, k, strides, padding, data_format,
                                     dilation),
               in_format(x, data_format), kernel, batch_free=(True, False),
               rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(out, in_format(expected, data_format),
                               rtol=1e-4, atol=1e-5)


def test_conv2d_uses_the_default_data_format():
    K.set_image_data_format('channels_first')
    x = arr(1, 2, 4, 4)
    kernel = arr(3, 3, 2, 5)
    out = K.eval(K.conv2d(x, K.variable(kernel)))
    expected = to_first(np_conv(to_last(x), kernel, (1, 1), 'valid', (1, 1)))
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('padding,strides', [('valid', 1), ('same', 2)])
def test_conv3d(both, data_format, padding, strides):
    x = arr(1, 4, 5, 4, 2)
    kernel = arr(2, 3, 2, 2, 3)
    expected = np_conv(x, kernel, (strides,) * 3, padding, (1, 1, 1))
    out = both(lambda t, k: K.conv3d(t, k, strides, padding, data_format),
               in_format(x, data_format), kernel, batch_free=(True, False),
               rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(out, in_format(expected, data_format),
                               rtol=1e-4, atol=1e-5)


def test_conv_errors_name_the_function_and_argument():
    x = K.placeholder((None, 5, 5, 3))
    kernel = K.variable(np.zeros((3, 3, 3, 2)))
    with pytest.raises(ValueError, match=r'K.conv2d.*`kernel`.*rank 4.*rank 3'):
        K.conv2d(x, K.variable(np.zeros((3, 3, 2))))
    with pytest.raises(ValueError, match=r'K.conv2d.*`x`.*rank 4'):
        K.conv2d(K.placeholder((None, 5, 3)), kernel)
    with pytest.raises(ValueError, match='K.conv2d.*padding.*full'):
        K.conv2d(x, kernel, padding='full')
    with pytest.raises(ValueError, match='K.conv2d.*causal'):
        K.conv2d(x, kernel, padding='causal')
    with pytest.raises(ValueError, match='K.conv2d.*data_format.*nhwc'):
        K.conv2d(x, kernel, data_format='nhwc')
    with pytest.raises(ValueError, match='K.conv2d.*4 channels.*expects 3'):
        K.conv2d(K.placeholder((None, 5, 5, 4)), kernel)
    with pytest.raises(ValueError, match='K.conv2d.*strides'):
        K.conv2d(x, kernel, strides=(1, 0))
    with pytest.raises(ValueError, match='K.conv2d.*dilation_rate > 1'):
        K.conv2d(x, kernel, strides=2, dilation_rate=2)
    with pytest.raises(ValueError, match='K.conv1d.*padding'):
        K.conv1d(K.placeholder((None, 5, 3)),
                 K.variable(np.zeros((2, 3, 1))), padding='full')


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('padding,strides,dilation', [
    ('valid', (1, 1), (1, 1)), ('same', (2, 2), (1, 1)),
    ('valid', (2, 1), (1, 1)), ('valid', (1, 1), (2, 2)),
])
def test_conv2d_transpose(data_format, padding, strides, dilation):
    x = arr(2, 3, 4, 3)
    kernel = arr(3, 2, 5, 3)  # (rows, cols, out, in)
    rows = (3 - 1) * strides[0] + (3 - 1) * dilation[0] + 1
    cols = (4 - 1) * strides[1] + (2 - 1) * dilation[1] + 1
    if padding == 'same':
        rows, cols = 3 * strides[0], 4 * strides[1]
    out_shape = (rows, cols, 5)
    expected = np_conv_transpose(x, kernel, out_shape, strides, padding,
                                 dilation)
    fmt_shape = (out_shape if data_format == 'channels_last'
                 else (5, rows, cols))
    inp = K.placeholder((None,) + in_format(x, data_format).shape[1:])
    # a dynamic batch size in output_shape, as the Conv2DTranspose layer
    # gives it
    sym = K.conv2d_transpose(inp, K.variable(kernel),
                             (K.shape(inp)[0],) + fmt_shape, strides,
                             padding, data_format, dilation)
    assert K.int_shape(sym) == (None,) + fmt_shape
    value = K.function([inp], [sym])([in_format(x, data_format)])[0]
    np.testing.assert_allclose(value, in_format(expected, data_format),
                               rtol=1e-4, atol=1e-5)
    eager = K.conv2d_transpose(in_format(x, data_format), kernel,
                               (None,) + fmt_shape, strides, padding,
                               data_format, dilation)
    np.testing.assert_allclose(K.eval(eager), value, rtol=1e-5, atol=1e-6)


def test_conv2d_transpose_is_the_gradient_of_conv2d():
    x = K.placeholder((None, 6, 6, 2))
    kernel = K.variable(arr(3, 3, 2, 4))
    y = K.conv2d(x, kernel, strides=(2, 2), padding='same')
    seed = K.placeholder((None, 3, 3, 4))
    grad = K.gradients(K.sum(y * seed), x)[0]
    transposed = K.conv2d_transpose(seed, kernel, (None, 6, 6, 2), (2, 2),
                                    'same')
    s = arr(2, 3, 3, 4)
    a, b = K.function([x, seed], [grad, transposed])([arr(2, 6, 6, 2), s])
    np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('padding,strides', [('valid', (1, 1, 1)),
                                             ('same', (2, 1, 2))])
def test_conv3d_transpose(data_format, padding, strides):
    x = arr(1, 2, 3, 2, 2)
    kernel = arr(2, 2, 3, 3, 2)
    if padding == 'same':
        spatial = tuple(n * s for n, s in zip((2, 3, 2), strides))
    else:
        spatial = tuple((n - 1) * s + k for n, s, k in
                        zip((2, 3, 2), strides, (2, 2, 3)))
    out_shape = spatial + (3,)
    expected = np_conv_transpose(x, kernel, out_shape, strides, padding,
                                 (1, 1, 1))
    fmt_shape = (out_shape if data_format == 'channels_last'
                 else (3,) + spatial)
    out = K.conv3d_transpose(in_format(x, data_format), kernel,
                             (1,) + fmt_shape, strides, padding, data_format)
    assert K.int_shape(out) == (1,) + fmt_shape
    np.testing.assert_allclose(K.eval(out), in_format(expected, data_format),
                               rtol=1e-4, atol=1e-5)


def test_conv_transpose_errors():
    x = K.placeholder((None, 3, 3, 2))
    kernel = K.variable(np.zeros((2, 2, 4, 2)))
    with pytest.raises(ValueError, match='K.conv2d_transpose.*output_shape'):
        K.conv2d_transpose(x, kernel, (None, 4, 4))
    with pytest.raises(ValueError, match='K.conv2d_transpose.*None'):
        K.conv2d_transpose(x, kernel, (None, None, 4, 4))
    with pytest.raises(ValueError, match='K.conv2d_transpose.*3 channels'):
        K.conv2d_transpose(K.placeholder((None, 3, 3, 3)), kernel,
                           (None, 4, 4, 4))


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('padding,strides,dilation', [
    ('valid', (1, 1), (1, 1)), ('same', (2, 2), (1, 1)),
    ('same', (1, 1), (2, 2)),
])
def test_depthwise_and_separable_conv2d(both, data_format, padding, strides,
                                        dilation):
    x = arr(2, 6, 5, 3)
    depthwise = arr(3, 3, 3, 2)
    pointwise = arr(1, 1, 6, 4)
    expected = np_depthwise(x, depthwise, strides, padding, dilation)
    out = both(lambda t, k: K.depthwise_conv2d(t, k, strides, padding,
                                               data_format, dilation),
               in_format(x, data_format), depthwise,
               batch_free=(True, False), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(out, in_format(expected, data_format),
                               rtol=1e-4, atol=1e-5)
    expected = expected @ pointwise[0, 0]
    out = both(lambda t, d, p: K.separable_conv2d(t, d, p, strides, padding,
                                                  data_format, dilation),
               in_format(x, data_format), depthwise, pointwise,
               batch_free=(True, False, False), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(out, in_format(expected, data_format),
                               rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('padding,strides,dilation', [
    ('valid', 1, 1), ('same', 2, 1), ('causal', 1, 2),
])
def test_separable_conv1d(both, data_format, padding, strides, dilation):
    x = arr(2, 7, 3)
    depthwise = arr(3, 3, 2)
    pointwise = arr(1, 6, 4)
    dw = np.concatenate([np_conv(x[..., c:c + 1], depthwise[:, c:c + 1, :],
                                 (strides,), padding, (dilation,))
                         for c in range(3)], axis=-1)
    expected = dw @ pointwise[0]
    out = both(lambda t, d, p: K.separable_conv1d(t, d, p, strides, padding,
                                                  data_format, dilation),
               in_format(x, data_format), depthwise, pointwise,
               batch_free=(True, False, False), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(out, in_format(expected, data_format),
                               rtol=1e-4, atol=1e-5)


# --------------------------------------------------------------------------
# Pooling.

@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('mode', ['max', 'avg'])
@pytest.mark.parametrize('padding,pool_size,strides', [
    ('valid', (2, 2), (2, 2)), ('same', (3, 2), (2, 1)),
    ('valid', (2, 3), (1, 1)),
])
def test_pool2d(both, data_format, mode, padding, pool_size, strides):
    x = arr(2, 5, 6, 3)
    expected = np_pool(x, pool_size, strides, padding, mode)
    out = both(lambda t: K.pool2d(t, pool_size, strides, padding, data_format,
                                  mode), in_format(x, data_format))
    np.testing.assert_allclose(out, in_format(expected, data_format),
                               rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize('data_format', FORMATS)
@pytest.mark.parametrize('mode', ['max', 'avg'])
@pytest.mark.parametrize('padding', ['valid', 'same'])
def test_pool3d(both, data_format, mode, padding):
    x = arr(1, 4, 5, 3, 2)
    expected = np_pool(x, (2, 2, 2), (2, 2, 1), padding, mode)
    out = both(lambda t: K.pool3d(t, (2, 2, 2), (2, 2, 1), padding,
                                  data_format, mode),
               in_format(x, data_format))
    np.testing.assert_allclose(out, in_format(expected, data_format),
                               rtol=1e-5, atol=1e-6)


def test_pool_errors():
    x = K.placeholder((None, 4, 4, 2))
    with pytest.raises(ValueError, match='K.pool2d.*pool_mode.*median'):
        K.pool2d(x, (2, 2), pool_mode='median')
    with pytest.raises(ValueError, match='K.pool2d.*padding'):
        K.pool2d(x, (2, 2), padding='causal')
    with pytest.raises(ValueError, match='K.pool3d.*rank 5'):
        K.pool3d(x, (2, 2, 2))
    with pytest.raises(ValueError, match='K.pool2d.*data_format'):
        K.pool2d(x, (2, 2), data_format='NCHW')


# --------------------------------------------------------------------------
# Locally connected products.

def np_local_conv1d(x, kernel, kernel_size, stride):
    """Keras 2.2's definition: window i flattened step by step."""
    steps = kernel.shape[0]
    out = np.zeros((x.shape[0], steps, kernel.shape[-1]))
    for i in range(steps):
        window = x[:, i * stride:i * stride + kernel_size, :]
        out[:, i] = window.reshape(x.shape[0], -1) @ kernel[i]
    return out


def np_local_conv2d(x, kernel, kernel_size, strides, output_shape,
                    data_format):
    """Keras 2.2's definition; x in `data_format`."""
    rows, cols = output_shape
    filters = kernel.shape[-1]
    out = np.zeros((x.shape[0], rows, cols, filters))
    for i in range(rows):
        for j in range(cols):
            r = slice(i * strides[0], i * strides[0] + kernel_size[0])
            c = slice(j * strides[1], j * strides[1] + kernel_size[1])
            window = (x[:, :, r, c] if data_format == 'channels_first'
                      else x[:, r, c, :])
            out[:, i, j] = window.reshape(x.shape[0], -1) @ \
                kernel[i * cols + j]
    return to_first(out) if data_format == 'channels_first' else out


def test_local_conv1d(both):
    x = arr(2, 7, 3)
    kernel = arr(3, 3 * 3, 4)  # 3 windows of length 3, stride 2
    expected = np_local_conv1d(x, kernel, 3, 2)
    out = both(lambda t, k: K.local_conv1d(t, k, (3,), (2,)), x, kernel,
               batch_free=(True, False), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-5)
    # temporal data is channels-last by default, whatever the image format
    K.set_image_data_format('channels_first')
    np.testing.assert_allclose(K.eval(K.local_conv1d(x, kernel, (3,), (2,))),
                               expected, rtol=1e-4, atol=1e-5)
    out = K.eval(K.local_conv1d(to_first(x), kernel, (3,), (2,),
                                data_format='channels_first'))
    np.testing.assert_allclose(out, to_first(expected), rtol=1e-4, atol=1e-5)
    with pytest.raises(ValueError, match='K.local_conv1d.*positions'):
        K.local_conv1d(x, arr(4, 9, 4), (3,), (2,))


@pytest.mark.parametrize('data_format', FORMATS)
def test_local_conv2d(both, data_format):
    x = arr(2, 5, 6, 3)  # channels last
    kernel_size, strides = (2, 3), (2, 1)
    output_shape = (2, 4)
    kernel = arr(8, 2 * 3 * 3, 4)
    x = in_format(x, data_format)
    expected = np_local_conv2d(x, kernel, kernel_size, strides, output_shape,
                               data_format)
    out = both(lambda t, k: K.local_conv2d(t, k, kernel_size, strides,
                                           output_shape, data_format),
               x, kernel, batch_free=(True, False), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-5)
    with pytest.raises(ValueError, match='K.local_conv2d.*output_shape'):
        K.local_conv2d(x, kernel, kernel_size, strides, (3, 4), data_format)


# --------------------------------------------------------------------------
# The legacy "visualize a filter" snippet: gradient ascent on the input.

def test_gradient_ascent_on_the_input_increases_the_activation():
    inp = K.placeholder(shape=(1, 8, 8, 3))
    kernel = K.variable(arr(3, 3, 3, 4))
    out = K.relu(K.conv2d(inp, kernel, padding='same'))
    loss = K.mean(out[:, :, :, 2])
    grads = K.gradients(loss, inp)[0]
    grads /= K.sqrt(K.mean(K.square(grads))) + 1e-5
    step = K.function([inp], [loss, grads])
    image = RNG.uniform(0, .1, size=(1, 8, 8, 3)).astype('float32')
    losses = []
    for _ in range(5):
        loss_value, grads_value = step([image])
        losses.append(float(loss_value))
        image = image + .1 * grads_value
    assert grads_value.shape == image.shape
    assert losses[-1] > losses[0]
    assert all(b >= a for a, b in zip(losses, losses[1:]))
