"""What every application builder does the same way: argument checks, the
input tensor, the pooling head, weight files, and the conv + batch norm +
activation unit most of the architectures are made of."""
import contextlib
import numbers
import os
import warnings

from .. import backend as K
from .. import layers
from ..utils import data_utils
from ..utils.layer_utils import get_source_inputs

_POOLINGS = (None, 'avg', 'max')


def check_arguments(caller, weights, include_top, classes, pooling):
    """The checks every builder makes before building anything.

    # Raises
        ValueError: when `weights` is neither `None`, `'imagenet'` nor the
            path of an existing file; when `classes` is not 1000 with the
            ImageNet classifier; for an unknown `pooling`.
    """
    if not (weights is None or
            (isinstance(weights, (str, os.PathLike)) and
             (weights == 'imagenet' or os.path.exists(weights)))):
        hint = ''
        if isinstance(weights, (str, os.PathLike)):
            hint = ' (there is no file at %r)' % weights
        raise ValueError('%s: the `weights` argument should be either `None` '
                         '(random initialization), `imagenet` (pre-training '
                         'on ImageNet), or the path to the weights file to be '
                         'loaded; got %r%s.' % (caller, weights, hint))
    if isinstance(classes, bool) or \
            not isinstance(classes, numbers.Integral) or classes < 1:
        raise ValueError('%s: `classes` must be a positive integer, got %r.'
                         % (caller, classes))
    if weights == 'imagenet' and include_top and classes != 1000:
        raise ValueError('%s: if using `weights` as `"imagenet"` with '
                         '`include_top` as true, `classes` should be 1000; '
                         'got classes=%d.' % (caller, classes))
    if pooling not in _POOLINGS:
        # Keras 2.2 ignored an unknown value silently.
        raise ValueError('%s: `pooling` must be None, "avg" or "max"; got %r.'
                         % (caller, pooling))


def model_input(input_tensor, input_shape):
    """The input tensor of the model: a new `Input` of `input_shape`, or
    `input_tensor` (wrapped in an `Input` unless it is a Keras tensor)."""
    if input_tensor is None:
        return layers.Input(shape=input_shape)
    if is_keras_tensor(input_tensor):
        return input_tensor
    return layers.Input(tensor=input_tensor, shape=input_shape)


def model_inputs(input_tensor, img_input):
    """The inputs of the model: those `input_tensor` was computed from,
    so that layers before it become part of the model."""
    if input_tensor is not None and is_keras_tensor(input_tensor):
        return get_source_inputs(input_tensor)
    return img_input


def is_keras_tensor(x):
    try:
        return K.is_keras_tensor(x)
    except ValueError:
        raise ValueError('`input_tensor` must be a tensor (for instance the '
                         'output of `Input()`), got %s.' % type(x).__name__)


def pooling_head(x, pooling, avg_name=None, max_name=None):
    """Global pooling of the features for `include_top=False`."""
    if pooling == 'avg':
        return layers.GlobalAveragePooling2D(name=avg_name)(x)
    if pooling == 'max':
        return layers.GlobalMaxPooling2D(name=max_name)(x)
    return x


def load_weights(model, weights, imagenet_file):
    """Loads `weights` into `model`.

    # Arguments
        model: the model just built.
        weights: `None`, `'imagenet'` or a file path.
        imagenet_file: `(file name, origin URL, hash or None)` of the
            ImageNet weights, fetched through `get_file` into (and, when
            already there, read from) `models/` of the Keras cache, as
            Keras 2.2 named and stored them.
    """
    if weights is None:
        return
    if weights == 'imagenet':
        fname, origin, file_hash = imagenet_file
        path = data_utils.get_file(fname, origin, cache_subdir='models',
                                   file_hash=file_hash)
    else:
        path = weights
    model.load_weights(path)


@contextlib.contextmanager
def channels_last_only(family):
    """Builds with `channels_last` whatever the configured data format.

    Keras 2.2 switched the format with a warning, and did not restore it
    when the build failed; this restores it in every case.
    """
    previous = K.image_data_format()
    if previous != 'channels_last':
        warnings.warn('The %s is only available for the input data format '
                      '"channels_last" (width, height, channels). However '
                      'your settings specify the default data format '
                      '"channels_first" (channels, width, height). You '
                      'should set `image_data_format="channels_last"` in '
                      'your Keras config located at ~/.keras/keras.json. '
                      'The model being returned right now will expect '
                      'inputs to follow the "channels_last" data format.'
                      % family)
        K.set_image_data_format('channels_last')
    try:
        yield
    finally:
        K.set_image_data_format(previous)


def channel_axis(last=3):
    """The channel axis of 4D image tensors: `last` (3 or -1) for
    `channels_last`, 1 for `channels_first`."""
    return 1 if K.image_data_format() == 'channels_first' else last


def correct_pad(x, kernel_size):
    """Zero padding that makes a stride-2 `'valid'` convolution with
    `kernel_size` behave as TensorFlow's `'same'` one (extra row and
    column at the end only when the input size is even or unknown)."""
    first = 2 if K.image_data_format() == 'channels_first' else 1
    size = K.int_shape(x)[first:first + 2]
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    pads = []
    for dim, kernel in zip(size, kernel_size):
        half = kernel // 2
        odd = dim is not None and dim % 2 == 1
        pads.append((half if odd else half - 1, half))
    return tuple(pads)


def conv_bn(x, filters, kernel_size, strides=(1, 1), padding='same',
            use_bias=False, conv_name=None, bn_name=None, activation='relu',
            act_name=None, batch_norm=True, bn_options=None):
    """`Conv2D`, then `BatchNormalization`, then `Activation`.

    Layer options are passed as given (`batch_norm=False` or a `None`
    activation leaves that layer out), so that each architecture keeps its
    exact layer configurations and names.
    """
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding=padding,
                      use_bias=use_bias, name=conv_name)(x)
    if batch_norm:
        x = layers.BatchNormalization(name=bn_name, **(bn_options or {}))(x)
    if activation is not None:
        x = layers.Activation(activation, name=act_name)(x)
    return x
