"""keras22.utils.conv_utils: shape arithmetic and argument normalisation."""
import numpy as np
import pytest
from numpy.testing import assert_array_equal

from keras22 import backend as K
from keras22.utils import conv_utils


def test_exported_from_utils():
    from keras22 import utils
    assert utils.conv_utils is conv_utils


@pytest.mark.parametrize('value, n, expected', [
    (3, 2, (3, 3)),
    (np.int64(2), 3, (2, 2, 2)),
    ([1, 2], 2, (1, 2)),
    ((4,), 1, (4,)),
    (np.array([5, 6]), 2, (5, 6)),
])
def test_normalize_tuple(value, n, expected):
    result = conv_utils.normalize_tuple(value, n, 'kernel_size')
    assert result == expected
    assert all(type(v) is int for v in result)


@pytest.mark.parametrize('value', [(1, 2, 3), (1.5, 2), 'ab', None, True])
def test_normalize_tuple_rejects(value):
    with pytest.raises(ValueError, match='`strides` argument must be a '
                                         'tuple of 2 integers'):
        conv_utils.normalize_tuple(value, 2, 'strides')


def test_normalize_padding():
    assert conv_utils.normalize_padding('SAME') == 'same'
    assert conv_utils.normalize_padding('valid') == 'valid'
    assert conv_utils.normalize_padding('Causal') == 'causal'
    with pytest.raises(ValueError, match="Received: 'full'"):
        conv_utils.normalize_padding('full')


def test_normalize_data_format():
    assert conv_utils.normalize_data_format('Channels_First') == \
        'channels_first'
    K.set_image_data_format('channels_first')
    assert conv_utils.normalize_data_format(None) == 'channels_first'
    with pytest.raises(ValueError):
        conv_utils.normalize_data_format('channels_middle')


def test_convert_kernel_flips_spatial_axes_only():
    kernel = np.arange(2 * 3 * 4 * 5).reshape((2, 3, 4, 5))
    flipped = conv_utils.convert_kernel(kernel)
    assert_array_equal(flipped, kernel[::-1, ::-1, :, :])
    assert_array_equal(conv_utils.convert_kernel(flipped), kernel)
    kernel1d = np.arange(12).reshape((3, 2, 2))
    assert_array_equal(conv_utils.convert_kernel(kernel1d), kernel1d[::-1])
    flipped[0, 0, 0, 0] = -1
    assert kernel[-1, -1, 0, 0] != -1  # a copy, not a view
    with pytest.raises(ValueError, match='convert_kernel'):
        conv_utils.convert_kernel(np.zeros((3, 3)))


# (input length, filter, padding, stride, dilation) -> output length,
# worked out by hand.
@pytest.mark.parametrize('args, expected', [
    ((10, 3, 'valid', 1, 1), 8),
    ((10, 3, 'valid', 2, 1), 4),
    ((10, 3, 'same', 1, 1), 10),
    ((10, 3, 'same', 3, 1), 4),
    ((10, 3, 'full', 1, 1), 12),
    ((10, 3, 'causal', 1, 1), 10),
    ((10, 3, 'valid', 1, 2), 6),   # dilated span 5
    ((7, 7, 'valid', 1, 1), 1),
    ((None, 3, 'same', 1, 1), None),
])
def test_conv_output_length(args, expected):
    assert conv_utils.conv_output_length(*args) == expected


@pytest.mark.parametrize('error', [ValueError, AssertionError])
def test_unknown_padding(error):
    # a ValueError, and the AssertionError Keras 2.2 raised
    with pytest.raises(error, match="unknown padding 'reflect'"):
        conv_utils.conv_output_length(5, 3, 'reflect', 1)
    with pytest.raises(error, match="unknown padding 'reflect'"):
        conv_utils.conv_input_length(5, 3, 'reflect', 1)
    with pytest.raises(error, match="unknown padding 'reflect'"):
        conv_utils.deconv_length(5, 1, 3, 'reflect', None)


@pytest.mark.parametrize('args, expected', [
    ((8, 3, 'valid', 1), 10),
    ((10, 3, 'same', 1), 10),
    ((12, 3, 'full', 1), 10),
    ((4, 3, 'valid', 2), 9),
    ((None, 3, 'valid', 1), None),
])
def test_conv_input_length(args, expected):
    assert conv_utils.conv_input_length(*args) == expected


# (dim, stride, kernel, padding, output_padding, dilation) -> length
@pytest.mark.parametrize('args, expected', [
    ((4, 2, 3, 'valid', None, 1), 9),     # 4 * 2 + max(3 - 2, 0)
    ((4, 2, 1, 'valid', None, 1), 8),     # kernel smaller than stride
    ((4, 2, 3, 'same', None, 1), 8),
    ((4, 2, 3, 'full', None, 1), 5),      # 8 - (2 + 3 - 2)
    ((4, 1, 3, 'valid', None, 2), 8),     # dilated span 5
    ((4, 2, 3, 'valid', 1, 1), 10),       # 3 * 2 + 3 + 1
    ((4, 2, 3, 'same', 1, 1), 8),         # 3 * 2 + 3 - 2 + 1
    ((4, 3, 4, 'same', 0, 1), 9),         # 3 * 3 + 4 - 2 * 2 + 0
    ((None, 2, 3, 'same', None, 1), None),
])
def test_deconv_length(args, expected):
    assert conv_utils.deconv_length(*args) == expected


@pytest.mark.parametrize('padding', ['valid', 'same'])
@pytest.mark.parametrize('stride', [1, 2, 3])
@pytest.mark.parametrize('kernel', [1, 2, 3, 4])
def test_deconv_length_inverts_conv_output_length(padding, stride, kernel):
    # a convolution maps the transposed convolution's output back to the
    # input size, with or without output_padding
    for dim in range(1, 6):
        length = conv_utils.deconv_length(dim, stride, kernel, padding, None)
        assert conv_utils.conv_output_length(length, kernel, padding,
                                             stride) == dim
        for extra in range(stride):
            length = conv_utils.deconv_length(dim, stride, kernel, padding,
                                              extra)
            if padding == 'same' and kernel % 2 == 0 and extra == 0:
                continue  # even kernels lose one step, as in Keras 2.2
            assert conv_utils.conv_output_length(length, kernel, padding,
                                                 stride) == dim


def test_deconv_length_accepts_tensors():
    length = conv_utils.deconv_length(K.constant(4, dtype='int32'), 2, 3,
                                      'valid', None)
    assert int(K.eval(length)) == 9
