"""imagenet_utils: preprocessing modes, decoding predictions, input-shape
rules."""
import warnings

import numpy as np
import pytest

from keras22 import backend as K
from keras22.applications import imagenet_utils
from keras22.applications.imagenet_utils import (_obtain_input_shape,
                                                 decode_predictions,
                                                 preprocess_input)
from keras22.engine.input_layer import Input

CAFFE_MEAN_BGR = np.array([103.939, 116.779, 123.68])
TORCH_MEAN = np.array([0.485, 0.456, 0.406])
TORCH_STD = np.array([0.229, 0.224, 0.225])


def _images(channels_first=False):
    """Two 2x2 RGB images with distinct values per channel."""
    rgb = np.arange(2 * 2 * 2 * 3, dtype='float64').reshape((2, 2, 2, 3))
    rgb = rgb * 10.
    return rgb.transpose(0, 3, 1, 2).copy() if channels_first else rgb


# --------------------------------------------------------------------------
# preprocess_input on NumPy arrays.

def test_caffe_one_pixel_by_hand():
    x = np.array([[[[10., 20., 30.]]]])
    out = preprocess_input(x.copy(), data_format='channels_last')
    np.testing.assert_allclose(out[0, 0, 0], [30 - 103.939, 20 - 116.779,
                                              10 - 123.68], rtol=1e-6)


def test_caffe_channels_last_and_first_agree():
    x = _images()
    expected = x[..., ::-1] - CAFFE_MEAN_BGR
    last = preprocess_input(x.copy(), data_format='channels_last')
    first = preprocess_input(_images(channels_first=True),
                             data_format='channels_first')
    np.testing.assert_allclose(last, expected, rtol=1e-6)
    np.testing.assert_allclose(first, expected.transpose(0, 3, 1, 2),
                               rtol=1e-6)


def test_caffe_single_image_channels_first():
    image = _images(channels_first=True)[1]
    expected = (_images()[1][..., ::-1] - CAFFE_MEAN_BGR).transpose(2, 0, 1)
    out = preprocess_input(image.copy(), data_format='channels_first')
    assert out.shape == (3, 2, 2)
    np.testing.assert_allclose(out, expected, rtol=1e-6)


def test_tf_mode_by_hand():
    x = np.array([[0., 127.5, 255.]])
    out = preprocess_input(x, mode='tf')
    np.testing.assert_allclose(out, [[-1., 0., 1.]])


def test_torch_mode_by_hand():
    x = np.array([[[[255., 0., 127.5]]]])
    out = preprocess_input(x, data_format='channels_last', mode='torch')
    expected = (np.array([1., 0., 0.5]) - TORCH_MEAN) / TORCH_STD
    np.testing.assert_allclose(out[0, 0, 0], expected, rtol=1e-6)
    np.testing.assert_allclose(expected, [2.2489083, -2.0357143, 0.4177778],
                               rtol=1e-6)


def test_torch_mode_channels_first():
    x = _images(channels_first=True)
    expected = ((_images() / 255. - TORCH_MEAN) / TORCH_STD)
    out = preprocess_input(x, data_format='channels_first', mode='torch')
    np.testing.assert_allclose(out, expected.transpose(0, 3, 1, 2),
                               rtol=1e-6)


def test_default_data_format_is_the_configured_one():
    K.set_image_data_format('channels_first')
    x = _images(channels_first=True)
    out = preprocess_input(x.copy())
    np.testing.assert_allclose(
        out, preprocess_input(x.copy(), data_format='channels_first'))


def test_float_input_is_changed_in_place_like_keras():
    # Keras 2.2 documented that float arrays are overwritten: the caller's
    # array holds the centred values in RGB order, the result is BGR.
    x = np.array([[[[10., 20., 30.]]]])
    out = preprocess_input(x)
    assert np.shares_memory(out, x)
    np.testing.assert_allclose(x[0, 0, 0], [10 - 123.68, 20 - 116.779,
                                            30 - 103.939], rtol=1e-6)


def test_integer_input_is_converted_and_left_alone():
    x = np.full((1, 2, 2, 3), 255, dtype='uint8')
    out = preprocess_input(x, mode='tf')
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, 1.)
    assert (x == 255).all()


def test_lists_are_accepted():
    out = preprocess_input([[0, 255]], mode='tf')
    np.testing.assert_allclose(out, [[-1., 1.]])


# --------------------------------------------------------------------------
# preprocess_input on tensors.

@pytest.mark.parametrize('mode', ['caffe', 'tf', 'torch'])
@pytest.mark.parametrize('data_format', ['channels_last', 'channels_first'])
def test_symbolic_matches_numpy(mode, data_format):
    x = _images(channels_first=data_format == 'channels_first')
    expected = preprocess_input(x.copy(), data_format=data_format, mode=mode)
    inputs = Input(shape=x.shape[1:])
    outputs = preprocess_input(inputs, data_format=data_format, mode=mode)
    assert K.int_shape(outputs) == (None,) + x.shape[1:]
    got = K.function([inputs], [outputs])([x.astype('float32')])[0]
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-4)


def test_eager_tensor_input():
    x = _images()
    out = preprocess_input(K.constant(x), mode='caffe')
    np.testing.assert_allclose(K.eval(out), x[..., ::-1] - CAFFE_MEAN_BGR,
                               rtol=1e-5)


def test_integer_tensor_is_cast_to_float():
    inputs = Input(shape=(1, 1, 3), dtype='int32')
    outputs = preprocess_input(inputs, mode='tf')
    assert K.dtype(outputs) == K.floatx()
    got = K.function([inputs], [outputs])([np.full((1, 1, 1, 3), 255)])[0]
    np.testing.assert_allclose(got, 1.)


# --------------------------------------------------------------------------
# preprocess_input errors.

def test_unknown_mode():
    with pytest.raises(ValueError, match='mode'):
        preprocess_input(_images(), mode='caffee')


def test_unknown_data_format():
    with pytest.raises(ValueError, match='data_format'):
        preprocess_input(_images(), data_format='NHWC')


def test_wrong_number_of_channels():
    with pytest.raises(ValueError, match='3'):
        preprocess_input(np.zeros((1, 2, 2, 4)), mode='caffe')
    with pytest.raises(ValueError, match='channel'):
        preprocess_input(Input(shape=(2, 2, 4)), mode='torch')


def test_channels_first_needs_3d_or_4d():
    with pytest.raises(ValueError, match='channels_first'):
        preprocess_input(np.zeros((3, 2)), data_format='channels_first')


# --------------------------------------------------------------------------
# decode_predictions.

def test_decode_predictions_top_classes(fake_class_index):
    preds = np.zeros((2, 1000), dtype='float32')
    preds[0, [7, 3, 999]] = [0.5, 0.3, 0.2]
    preds[1, 42] = 1.
    decoded = decode_predictions(preds, top=3)
    assert len(decoded) == 2
    assert decoded[0] == [('n00000007', 'class_7', 0.5),
                          ('n00000003', 'class_3', pytest.approx(0.3)),
                          ('n00000999', 'class_999', pytest.approx(0.2))]
    assert decoded[1][0] == ('n00000042', 'class_42', 1.)
    assert len(decode_predictions(preds)[0]) == 5


def test_decode_predictions_reads_the_keras_file(fake_class_index):
    decode_predictions(np.ones((1, 1000)))
    assert fake_class_index == [{
        'fname': 'imagenet_class_index.json',
        'origin': 'https://s3.amazonaws.com/deep-learning-models/'
                  'image-models/imagenet_class_index.json',
        'cache_subdir': 'models',
        'file_hash': 'c2c37ea517e94d9795004a39431a14cb'}]
    # Read once, then kept.
    decode_predictions(np.ones((1, 1000)))
    assert len(fake_class_index) == 1


def test_decode_predictions_offline_without_file(offline_cache):
    with pytest.raises(Exception) as info:
        decode_predictions(np.ones((1, 1000)))
    message = str(info.value)
    assert 'imagenet_class_index.json' in message
    assert str(offline_cache / 'imagenet_class_index.json') in message
    assert imagenet_utils.CLASS_INDEX is None


@pytest.mark.parametrize('shape', [(1000,), (2, 10), (1, 1000, 1)])
def test_decode_predictions_wrong_shape(shape):
    with pytest.raises(ValueError, match=r'\(samples, 1000\)'):
        decode_predictions(np.zeros(shape))


def test_decode_predictions_bad_top(fake_class_index):
    with pytest.raises(ValueError, match='top'):
        decode_predictions(np.ones((1, 1000)), top=0)
    assert fake_class_index == []


# --------------------------------------------------------------------------
# _obtain_input_shape.

CL, CF = 'channels_last', 'channels_first'


@pytest.mark.parametrize('args,expected', [
    ((None, 224, 32, CL, True, 'imagenet'), (224, 224, 3)),
    ((None, 224, 32, CF, True, None), (3, 224, 224)),
    ((None, 224, 32, CL, False, None), (None, None, 3)),
    ((None, 299, 75, CF, False, 'imagenet'), (3, None, None)),
    (((224, 224, 3), 224, 32, CL, True, 'imagenet'), (224, 224, 3)),
    (((3, 224, 224), 224, 32, CF, True, 'imagenet'), (3, 224, 224)),
    (((100, 120, 3), 224, 32, CL, True, None), (100, 120, 3)),
    (((100, 120, 1), 224, 32, CL, False, None), (100, 120, 1)),
    (((None, 64, 3), 224, 32, CL, False, 'imagenet'), (None, 64, 3)),
    (((32, 32, 3), 224, 32, CL, False, 'imagenet'), (32, 32, 3)),
    (([64, 64, 3], 224, 32, CL, False, None), (64, 64, 3)),
])
def test_obtain_input_shape_accepts(args, expected):
    assert _obtain_input_shape(*args) == expected


@pytest.mark.parametrize('args,match', [
    # The classifier with ImageNet weights needs the default size.
    (((100, 100, 3), 224, 32, CL, True, 'imagenet'), 'should be'),
    (((224, 224, 3), 224, 32, CF, True, 'imagenet'), 'should be'),
    # Too small.
    (((31, 100, 3), 224, 32, CL, False, None), 'at least 32x32'),
    (((3, 64, 74), 299, 75, CF, False, None), 'at least 75x75'),
    # ImageNet weights need 3 channels.
    (((100, 100, 1), 224, 32, CL, False, 'imagenet'), '3 channels'),
    # Not three entries.
    (((100, 100), 224, 32, CL, False, None), 'three integers'),
    # The classifier needs a static shape.
    (((None, None, 3), 224, 32, CL, True, None), 'static'),
])
def test_obtain_input_shape_rejects(args, match):
    with pytest.raises(ValueError, match=match):
        _obtain_input_shape(*args)


def test_obtain_input_shape_warns_about_unusual_channels():
    with pytest.warns(UserWarning, match='5 input channels'):
        shape = _obtain_input_shape((64, 64, 5), 224, 32, CL, False, None)
    assert shape == (64, 64, 5)
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        _obtain_input_shape((64, 64, 1), 224, 32, CL, False, None)
