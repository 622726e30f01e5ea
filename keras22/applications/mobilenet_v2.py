"""MobileNetV2: the network of Sandler et al., "MobileNetV2: Inverted
Residuals and Linear Bottlenecks" (2018)."""
import numpy as np

from .. import backend as K
from .. import layers
from ..engine.training import Model
from . import _common
from .imagenet_utils import _obtain_input_shape
from .imagenet_utils import decode_predictions  # noqa: F401
from .mobilenet import _check_imagenet_options
from .mobilenet import _square_default_size

BASE_WEIGHT_PATH = ('https://github.com/JonathanCMitchell/'
                    'mobilenet_v2_keras/releases/download/v1.1/')

_IMAGENET_ALPHAS = (0.35, 0.5, 0.75, 1.0, 1.3, 1.4)
_IMAGENET_SIZES = (96, 128, 160, 192, 224)

# (output filters, stride, expansion) of the 17 inverted residual blocks.
_BLOCKS = ((16, 1, 1),
           (24, 2, 6), (24, 1, 6),
           (32, 2, 6), (32, 1, 6), (32, 1, 6),
           (64, 2, 6), (64, 1, 6), (64, 1, 6), (64, 1, 6),
           (96, 1, 6), (96, 1, 6), (96, 1, 6),
           (160, 2, 6), (160, 1, 6), (160, 1, 6),
           (320, 1, 6))

# Batch normalization as in the TensorFlow-slim MobileNetV2 the ImageNet
# weights come from.
_BN = {'epsilon': 1e-3, 'momentum': 0.999}


def _make_divisible(value, divisor, min_value=None):
    """`value` rounded to the nearest multiple of `divisor` (at least
    `min_value`, and not more than 10% below `value`)."""
    if min_value is None:
        min_value = divisor
    rounded = max(min_value, int(value + divisor / 2) // divisor * divisor)
    if rounded < 0.9 * value:
        rounded += divisor
    return rounded


def _inverted_residual(inputs, filters, stride, expansion, alpha, block):
    """1x1 expansion, 3x3 depthwise convolution, linear 1x1 projection,
    and a residual connection when the shape is unchanged."""
    in_channels = K.int_shape(inputs)[-1]
    out_channels = _make_divisible(int(filters * alpha), 8)
    x = inputs
    if block:
        prefix = 'block_%d_' % block
        x = layers.Conv2D(expansion * in_channels, kernel_size=1,
                          padding='same', use_bias=False, activation=None,
                          name=prefix + 'expand')(x)
        x = layers.BatchNormalization(name=prefix + 'expand_BN', **_BN)(x)
        x = layers.ReLU(6., name=prefix + 'expand_relu')(x)
    else:
        # The first block has no expansion (its factor is 1).
        prefix = 'expanded_conv_'
    if stride == 2:
        x = layers.ZeroPadding2D(padding=_common.correct_pad(x, 3),
                                 name=prefix + 'pad')(x)
    x = layers.DepthwiseConv2D(kernel_size=3, strides=stride,
                               activation=None, use_bias=False,
                               padding='same' if stride == 1 else 'valid',
                               name=prefix + 'depthwise')(x)
    x = layers.BatchNormalization(name=prefix + 'depthwise_BN', **_BN)(x)
    x = layers.ReLU(6., name=prefix + 'depthwise_relu')(x)
    x = layers.Conv2D(out_channels, kernel_size=1, padding='same',
                      use_bias=False, activation=None,
                      name=prefix + 'project')(x)
    x = layers.BatchNormalization(name=prefix + 'project_BN', **_BN)(x)
    if in_channels == out_channels and stride == 1:
        return layers.Add(name=prefix + 'add')([inputs, x])
    return x


def _default_size(input_shape, input_tensor):
    """The input size whose ImageNet weights fit best; taken from a Keras
    `input_tensor` when no `input_shape` is given."""
    if input_shape is None and input_tensor is not None and \
            _common.is_keras_tensor(input_tensor):
        shape = K.int_shape(input_tensor)
        return _square_default_size(shape[1:], _IMAGENET_SIZES)
    return _square_default_size(input_shape, _IMAGENET_SIZES)


def _check_tensor_shape(input_shape, input_tensor):
    if input_shape is None or input_tensor is None or \
            not _common.is_keras_tensor(input_tensor):
        return
    given = K.int_shape(input_tensor)[1:]
    for mine, theirs in zip(given[:2], tuple(input_shape)[:2]):
        if mine is not None and theirs is not None and mine != theirs:
            raise ValueError('MobileNetV2: input_shape %s and input_tensor '
                             'of shape %s do not meet the same shape '
                             'requirements.' % (tuple(input_shape), given))


def MobileNetV2(input_shape=None, alpha=1.0, depth_multiplier=1,
                include_top=True, weights='imagenet', input_tensor=None,
                pooling=None, classes=1000):
    """Builds a MobileNetV2 network, optionally with weights trained on
    ImageNet.

    MobileNetV2 exists only for the `channels_last` data format: with
    `channels_first` configured, the model is built for `channels_last`
    with a warning (the configuration is left as it was). Inputs are
    expected preprocessed by this module's `preprocess_input`.

    # Arguments
        input_shape: optional shape tuple without the batch axis. With
            `include_top` and ImageNet weights, one of `(96, 96, 3)`,
            `(128, 128, 3)`, `(160, 160, 3)`, `(192, 192, 3)` or
            `(224, 224, 3)` (the default, or the size of `input_tensor`);
            otherwise 3 channels and at least 32 rows and columns.
        alpha: width multiplier: the number of filters of every block is
            `alpha` times the paper's, rounded to a multiple of 8 (the
            last 1x1 convolution keeps 1280 filters unless `alpha > 1`).
            ImageNet weights exist for 0.35, 0.50, 0.75, 1.0, 1.3 and 1.4.
        depth_multiplier: kept for Keras 2.2 compatibility; as in Keras 2.2
            it does not change the network, and must be 1 with ImageNet
            weights.
        include_top: whether to end with the classifier (global average
            pooling and `Logits`).
        weights: `None` (random initialization), `'imagenet'` (weights
            trained on ImageNet, read from `models/` in the Keras cache
            directory and downloaded there if missing), or the path of a
            weights file to load.
        input_tensor: optional Keras tensor (e.g. the output of `Input()`)
            to use as the image input.
        pooling: with `include_top=False`, `None` keeps the 4D output of
            the last block, `'avg'` or `'max'` adds global average or max
            pooling (a 2D output).
        classes: number of classes of the classifier; other than 1000
            only with `include_top` and without ImageNet weights.

    # Returns
        A `Model` named `'mobilenetv2_<alpha>_<rows>'`, e.g.
        `'mobilenetv2_1.00_224'`.

    # Raises
        ValueError: for an invalid `weights`, `classes`, `pooling` or
            input shape, an `input_tensor` whose size differs from
            `input_shape`, or options ImageNet weights do not exist for.

    # Example

    ```python
        model = MobileNetV2(input_shape=(96, 96, 3), alpha=0.35,
                            weights=None, classes=10)
    ```
    """
    _common.check_arguments('MobileNetV2', weights, include_top, classes,
                            pooling)
    with _common.channels_last_only('MobileNet family of models'):
        _check_tensor_shape(input_shape, input_tensor)
        input_shape = _obtain_input_shape(
            input_shape, default_size=_default_size(input_shape, input_tensor),
            min_size=32, data_format='channels_last',
            require_flatten=include_top, weights=weights)
        rows, cols = input_shape[0], input_shape[1]
        if weights == 'imagenet':
            rows = _check_imagenet_options('MobileNetV2', rows, cols, alpha,
                                           _IMAGENET_ALPHAS, depth_multiplier,
                                           _IMAGENET_SIZES)

        img_input = _common.model_input(input_tensor, input_shape)
        x = layers.ZeroPadding2D(padding=_common.correct_pad(img_input, 3),
                                 name='Conv1_pad')(img_input)
        x = layers.Conv2D(_make_divisible(32 * alpha, 8), kernel_size=3,
                          strides=(2, 2), padding='valid', use_bias=False,
                          name='Conv1')(x)
        x = layers.BatchNormalization(name='bn_Conv1', **_BN)(x)
        x = layers.ReLU(6., name='Conv1_relu')(x)
        for block, (filters, stride, expansion) in enumerate(_BLOCKS):
            x = _inverted_residual(x, filters, stride, expansion, alpha,
                                   block)
        last_filters = _make_divisible(1280 * alpha, 8) if alpha > 1.0 \
            else 1280
        x = layers.Conv2D(last_filters, kernel_size=1, use_bias=False,
                          name='Conv_1')(x)
        x = layers.BatchNormalization(name='Conv_1_bn', **_BN)(x)
        x = layers.ReLU(6., name='out_relu')(x)

        if include_top:
            x = layers.GlobalAveragePooling2D()(x)
            x = layers.Dense(classes, activation='softmax', use_bias=True,
                             name='Logits')(x)
        else:
            x = _common.pooling_head(x, pooling)
        model = Model(_common.model_inputs(input_tensor, img_input), x,
                      name='mobilenetv2_%0.2f_%s' % (alpha, rows))
        imagenet_file = None
        if weights == 'imagenet':
            # Keras 2.2 wrote str(alpha); float() keeps alpha=1 working.
            fname = 'mobilenet_v2_weights_tf_dim_ordering_tf_kernels_%s_%d%s' \
                '.h5' % (float(alpha), rows, '' if include_top else '_no_top')
            imagenet_file = (fname, BASE_WEIGHT_PATH + fname, None)
        _common.load_weights(model, weights, imagenet_file)
    return model


def preprocess_input(x, data_format=None):
    """Scales RGB images from [0, 255] to [-1, 1) (`x / 128 - 1`), as
    MobileNetV2's ImageNet weights expect.

    # Arguments
        x: NumPy array or tensor of images; a floating-point array is
            changed in place. Unlike Keras 2.2, integer arrays and tensors
            are accepted.
        data_format: `"channels_last"` or `"channels_first"` (no effect on
            the result, checked only).

    # Returns
        A float32 NumPy array, or a tensor for a tensor input.

    # Raises
        ValueError: for an unknown `data_format`.
    """
    if data_format not in (None, 'channels_first', 'channels_last'):
        raise ValueError('preprocess_input: unknown data_format %r; expected '
                         '"channels_first" or "channels_last".'
                         % (data_format,))
    if isinstance(x, (np.ndarray, list, tuple)):
        x = np.asarray(x)
        if not issubclass(x.dtype.type, np.floating):
            x = x.astype(np.float32)
        x /= 128.
        x -= 1.
        return x.astype(np.float32, copy=False)
    if K.dtype(x) not in ('float16', 'float32', 'float64', 'bfloat16'):
        x = K.cast(x, K.floatx())
    return x / 128. - 1.
