"""ImageNet helpers shared by every application: input preprocessing,
decoding of predictions and the input-shape rules of the builders."""
import json
import warnings

import numpy as np

from .. import backend as K
from ..utils import data_utils

CLASS_INDEX = None
CLASS_INDEX_PATH = ('https://s3.amazonaws.com/deep-learning-models/'
                    'image-models/imagenet_class_index.json')
_CLASS_INDEX_FILE = 'imagenet_class_index.json'
_CLASS_INDEX_HASH = 'c2c37ea517e94d9795004a39431a14cb'

# Per-channel statistics of the ImageNet training set, in the order of the
# channels each mode works on (BGR for 'caffe', RGB for 'torch').
_CAFFE_MEAN = (103.939, 116.779, 123.68)
_TORCH_MEAN = (0.485, 0.456, 0.406)
_TORCH_STD = (0.229, 0.224, 0.225)
_MODES = ('caffe', 'tf', 'torch')


def _normalize_data_format(data_format, caller):
    if data_format is None:
        data_format = K.image_data_format()
    if data_format not in ('channels_first', 'channels_last'):
        raise ValueError('%s: unknown data_format %r; expected '
                         '"channels_first" or "channels_last".'
                         % (caller, data_format))
    return data_format


def _channel_axis(ndim, data_format, caller):
    """The channel axis of a single image (ndim 3) or a batch (ndim 4)."""
    if data_format == 'channels_last':
        if ndim is not None and ndim < 1:
            raise ValueError('%s: expected an image or a batch of images, '
                             'got a scalar.' % caller)
        return -1
    if ndim not in (3, 4):
        raise ValueError('%s: with data_format="channels_first" the input '
                         'must be an image (channels, rows, cols) or a batch '
                         'of them (4 dimensions); got %s dimensions.'
                         % (caller, ndim))
    return ndim - 3


def _check_channels(size, caller, mode):
    if size is not None and size != 3:
        raise ValueError('%s: mode %r works on 3 (RGB) channels; the input '
                         'has %d on its channel axis.' % (caller, mode, size))


def _broadcastable(values, axis):
    """Per-channel `values` shaped to broadcast against the input."""
    values = np.asarray(values)
    # Channels first: rows and columns always follow the channel axis.
    return values if axis == -1 else values.reshape((-1, 1, 1))


def _preprocess_numpy(x, data_format, mode):
    if not issubclass(x.dtype.type, np.floating):
        x = x.astype(K.floatx(), copy=False)
    if mode == 'tf':
        x /= 127.5
        x -= 1.
        return x
    axis = _channel_axis(x.ndim, data_format, 'preprocess_input')
    _check_channels(x.shape[axis], 'preprocess_input', mode)
    if mode == 'torch':
        x /= 255.
        x -= _broadcastable(_TORCH_MEAN, axis).astype(x.dtype)
        x /= _broadcastable(_TORCH_STD, axis).astype(x.dtype)
        return x
    # A reversed view: like Keras 2.2, a float input array is updated in
    # place (in RGB order) and the BGR view of it is returned.
    index = [slice(None)] * x.ndim
    index[axis] = slice(None, None, -1)
    x = x[tuple(index)]
    x -= _broadcastable(_CAFFE_MEAN, axis).astype(x.dtype)
    return x


def _preprocess_tensor(x, data_format, mode):
    if not K.is_tensor(x):
        x = K.constant(x)
    if K.dtype(x) not in ('float16', 'float32', 'float64', 'bfloat16'):
        x = K.cast(x, K.floatx())
    if mode == 'tf':
        return x / 127.5 - 1.
    ndim = K.ndim(x)
    axis = _channel_axis(ndim, data_format, 'preprocess_input')
    shape = K.int_shape(x)
    _check_channels(shape[axis] if shape is not None else None,
                    'preprocess_input', mode)
    dtype = K.dtype(x)
    if mode == 'torch':
        mean = _broadcastable(_TORCH_MEAN, axis)
        std = _broadcastable(_TORCH_STD, axis)
        return ((x / 255. - K.constant(mean, dtype=dtype)) /
                K.constant(std, dtype=dtype))
    x = K.reverse(x, axis if axis >= 0 else ndim - 1)
    return x - K.constant(_broadcastable(_CAFFE_MEAN, axis),
                          dtype=dtype)


def preprocess_input(x, data_format=None, mode='caffe'):
    """Prepares a batch of images (or one image) for an ImageNet model.

    # Arguments
        x: NumPy array or tensor of RGB images with values in [0, 255]:
            one image (3D) or a batch (4D).
            A floating-point NumPy array is changed in place (as Keras 2.2
            did); pass `np.copy(x)` to keep the original. Integer arrays
            are converted to `floatx()` first.
        data_format: `"channels_last"` or `"channels_first"`; by default
            `K.image_data_format()`.
        mode: how the model expects its inputs:
            - `"caffe"` (VGG, ResNet50): channels reordered to BGR, then
              the ImageNet mean of each channel subtracted; no scaling.
            - `"tf"` (Inception, Xception, MobileNet, NASNet): values
              scaled to [-1, 1].
            - `"torch"` (DenseNet): values scaled to [0, 1], then each
              channel normalized by the ImageNet mean and standard
              deviation.

    # Returns
        The preprocessed NumPy array, or a tensor for a tensor input.
        Unlike Keras 2.2, tensors of integer type are accepted and
        `"torch"` mode normalizes channels-first tensors per channel.

    # Raises
        ValueError: for an unknown `data_format` or `mode`, or an input
            whose channel axis does not have 3 entries (`"caffe"` and
            `"torch"` modes).

    # Example

    ```python
        x = np.random.uniform(0, 255, (2, 224, 224, 3))
        y = preprocess_input(x.copy())  # BGR, mean subtracted
    ```
    """
    data_format = _normalize_data_format(data_format, 'preprocess_input')
    if mode not in _MODES:
        raise ValueError('preprocess_input: unknown mode %r; expected one of '
                         '"caffe", "tf" or "torch".' % (mode,))
    if isinstance(x, np.ndarray):
        return _preprocess_numpy(x, data_format, mode)
    if isinstance(x, (list, tuple, int, float)):
        return _preprocess_numpy(np.asarray(x), data_format, mode)
    return _preprocess_tensor(x, data_format, mode)


def _load_class_index():
    """Reads the ImageNet class index through the Keras cache."""
    global CLASS_INDEX
    if CLASS_INDEX is None:
        path = data_utils.get_file(_CLASS_INDEX_FILE, CLASS_INDEX_PATH,
                                   cache_subdir='models',
                                   file_hash=_CLASS_INDEX_HASH)
        with open(path) as f:
            index = json.load(f)
        if not isinstance(index, dict):
            raise ValueError('decode_predictions: %s is not an ImageNet class '
                             'index (a JSON object mapping "0".."999" to '
                             '[wordnet_id, name]).' % path)
        CLASS_INDEX = index
    return CLASS_INDEX


def decode_predictions(preds, top=5):
    """Turns ImageNet class probabilities into readable class names.

    The class names come from `imagenet_class_index.json`, read from
    `models/` in the Keras cache directory (`$KERAS_HOME` or `~/.keras`)
    and downloaded there on first use.

    # Arguments
        preds: NumPy array of shape `(samples, 1000)`, the output of an
            ImageNet classifier.
        top: how many of the most probable classes to return per sample.

    # Returns
        One list per sample of `(wordnet_id, class_name, score)` tuples,
        most probable first.

    # Raises
        ValueError: if `preds` is not of shape `(samples, 1000)` or `top`
            is not a positive integer.
        Exception: if the class index is not cached and cannot be
            downloaded (the message says where to put the file).

    # Example

    ```python
        preds = model.predict(x)
        for wnid, name, score in decode_predictions(preds, top=3)[0]:
            print(name, score)
    ```
    """
    preds = np.asarray(preds)
    if preds.ndim != 2 or preds.shape[1] != 1000:
        raise ValueError('`decode_predictions` expects a batch of '
                         'predictions (i.e. a 2D array of shape (samples, '
                         '1000)). Found array with shape: %s'
                         % (preds.shape,))
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or \
            top < 1:
        raise ValueError('decode_predictions: `top` must be a positive '
                         'integer, got %r.' % (top,))
    index = _load_class_index()
    results = []
    for row in preds:
        # A stable sort keeps ties in class order, highest scores first.
        best = np.argsort(-row, kind='stable')[:top]
        decoded = []
        for i in best:
            entry = index.get(str(int(i)))
            if entry is None:
                raise ValueError('decode_predictions: the ImageNet class '
                                 'index has no entry for class %d.' % i)
            decoded.append(tuple(entry) + (row[i],))
        results.append(decoded)
    return results


def _obtain_input_shape(input_shape,
                        default_size,
                        min_size,
                        data_format,
                        require_flatten,
                        weights=None):
    """Checks a builder's `input_shape` argument and fills in defaults.

    # Arguments
        input_shape: `None` or the shape given by the user (without the
            batch axis).
        default_size: the rows and columns the model was trained with.
        min_size: the smallest rows and columns the model accepts.
        data_format: `"channels_last"` or `"channels_first"`.
        require_flatten: whether the model ends in layers that need a
            fixed spatial size (the classifier, `include_top=True`).
        weights: `None`, `'imagenet'` or a weights file path;
            `'imagenet'` requires 3 channels (and, with
            `require_flatten`, the default size).

    # Returns
        The input shape, a tuple of 3 entries (spatial ones may be `None`).

    # Raises
        ValueError: for a shape of the wrong length, with the wrong number
            of channels for ImageNet weights, smaller than `min_size`, or
            not static when the classifier is included.
    """
    if isinstance(input_shape, list):
        # Keras 2.2 took lists in some paths and rejected them in others.
        input_shape = tuple(input_shape)
    channels_first = data_format == 'channels_first'
    if weights != 'imagenet' and input_shape and len(input_shape) == 3:
        channels = input_shape[0] if channels_first else input_shape[-1]
        if channels not in (1, 3):
            warnings.warn('This model usually expects 1 or 3 input '
                          'channels. However, it was passed an input_shape '
                          'with %s input channels.' % (channels,))
    else:
        channels = 3
    if channels_first:
        default_shape = (channels, default_size, default_size)
    else:
        default_shape = (default_size, default_size, channels)

    if weights == 'imagenet' and require_flatten:
        if input_shape is not None and input_shape != default_shape:
            raise ValueError('When setting `include_top=True` and loading '
                             '`imagenet` weights, `input_shape` should be %s; '
                             'got %s.' % (default_shape, input_shape))
        return default_shape

    if input_shape:
        if len(input_shape) != 3:
            raise ValueError('`input_shape` must be a tuple of three '
                             'integers; got %s.' % (input_shape,))
        if channels_first:
            channels, spatial = input_shape[0], input_shape[1:]
        else:
            channels, spatial = input_shape[-1], input_shape[:2]
        if weights == 'imagenet' and channels != 3:
            raise ValueError('The input must have 3 channels; got '
                             '`input_shape=%s`' % (input_shape,))
        if any(size is not None and size < min_size for size in spatial):
            raise ValueError('Input size must be at least %dx%d; got '
                             '`input_shape=%s`'
                             % (min_size, min_size, input_shape))
    elif require_flatten:
        input_shape = default_shape
    else:
        input_shape = (3, None, None) if channels_first else (None, None, 3)

    if require_flatten and None in input_shape:
        raise ValueError('If `include_top` is True, you should specify a '
                         'static `input_shape`. Got `input_shape=%s`'
                         % (input_shape,))
    return input_shape
