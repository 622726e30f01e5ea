"""MobileNet: the network of Howard et al., "MobileNets: Efficient
Convolutional Neural Networks for Mobile Vision Applications" (2017)."""
import warnings

from .. import layers
from ..engine.training import Model
from . import _common
from . import imagenet_utils
from .imagenet_utils import _obtain_input_shape
from .imagenet_utils import decode_predictions  # noqa: F401

BASE_WEIGHT_PATH = ('https://github.com/fchollet/deep-learning-models/'
                    'releases/download/v0.6/')

_IMAGENET_ALPHAS = {1.0: '1_0', 0.75: '7_5', 0.5: '5_0', 0.25: '2_5'}
_IMAGENET_SIZES = (128, 160, 192, 224)

# (pointwise filters, strides) of the 13 depthwise separable blocks.
_BLOCKS = ((64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2),
           (512, 1), (512, 1), (512, 1), (512, 1), (512, 1),
           (1024, 2), (1024, 1))


def _stem(x, filters, alpha):
    """The first, full 3x3 convolution (stride 2) with BN and ReLU6."""
    x = layers.ZeroPadding2D(padding=((0, 1), (0, 1)), name='conv1_pad')(x)
    x = layers.Conv2D(int(filters * alpha), (3, 3), padding='valid',
                      use_bias=False, strides=(2, 2), name='conv1')(x)
    x = layers.BatchNormalization(axis=-1, name='conv1_bn')(x)
    return layers.ReLU(6., name='conv1_relu')(x)


def _separable_block(x, filters, alpha, depth_multiplier, strides, block):
    """3x3 depthwise convolution and 1x1 pointwise convolution, each
    followed by batch normalization and ReLU6."""
    if strides == 1:
        padding = 'same'
    else:
        # TensorFlow pads 'same' strided convolutions at the end only;
        # explicit padding keeps the trained weights' alignment.
        x = layers.ZeroPadding2D(((0, 1), (0, 1)),
                                 name='conv_pad_%d' % block)(x)
        padding = 'valid'
    x = layers.DepthwiseConv2D((3, 3), padding=padding,
                               depth_multiplier=depth_multiplier,
                               strides=(strides, strides), use_bias=False,
                               name='conv_dw_%d' % block)(x)
    x = layers.BatchNormalization(axis=-1, name='conv_dw_%d_bn' % block)(x)
    x = layers.ReLU(6., name='conv_dw_%d_relu' % block)(x)
    x = layers.Conv2D(int(filters * alpha), (1, 1), padding='same',
                      use_bias=False, strides=(1, 1),
                      name='conv_pw_%d' % block)(x)
    x = layers.BatchNormalization(axis=-1, name='conv_pw_%d_bn' % block)(x)
    return layers.ReLU(6., name='conv_pw_%d_relu' % block)(x)


def _square_default_size(input_shape, sizes):
    """The size of the trained weights that matches `input_shape`: its
    rows when they equal its columns and are one of `sizes`, else 224."""
    if input_shape is None or len(input_shape) != 3:
        return 224
    rows, cols = input_shape[0], input_shape[1]
    return rows if rows == cols and rows in sizes else 224


def _check_imagenet_options(caller, rows, cols, alpha, alphas,
                            depth_multiplier, sizes):
    """The rows to name the ImageNet weights file by; raises ValueError
    when no such file exists for these options."""
    if depth_multiplier != 1:
        raise ValueError('%s: if imagenet weights are being loaded, depth '
                         'multiplier must be 1; got %r.'
                         % (caller, depth_multiplier))
    if alpha not in alphas:
        raise ValueError('%s: if imagenet weights are being loaded, alpha '
                         'can be one of %s only; got %r.'
                         % (caller, ', '.join('`%s`' % a for a in alphas),
                            alpha))
    if rows == cols and rows in sizes:
        return rows
    if rows is None:
        warnings.warn('%s shape is undefined. Weights for input shape '
                      '(224, 224) will be loaded.' % caller)
        return 224
    raise ValueError('%s: if imagenet weights are being loaded, input must '
                     'have a static square shape (one of %s). Input shape '
                     'provided = %s'
                     % (caller, ', '.join('(%d, %d)' % (s, s) for s in sizes),
                        (rows, cols)))


def MobileNet(input_shape=None, alpha=1.0, depth_multiplier=1, dropout=1e-3,
              include_top=True, weights='imagenet', input_tensor=None,
              pooling=None, classes=1000):
    """Builds a MobileNet network, optionally with weights trained on
    ImageNet.

    MobileNet exists only for the `channels_last` data format: with
    `channels_first` configured, the model is built for `channels_last`
    with a warning (the configuration is left as it was; unlike Keras 2.2,
    `input_shape` is then read as channels last too). Inputs are expected
    scaled to [-1, 1] by this module's `preprocess_input`.

    # Arguments
        input_shape: optional shape tuple without the batch axis. With
            `include_top` and ImageNet weights, one of `(128, 128, 3)`,
            `(160, 160, 3)`, `(192, 192, 3)` or `(224, 224, 3)` (the
            default); otherwise 3 channels and at least 32 rows and columns.
        alpha: width multiplier: every layer gets `alpha` times its number
            of filters. ImageNet weights exist for 0.25, 0.50, 0.75 and 1.0.
        depth_multiplier: number of depthwise filters per input channel
            (1 for the ImageNet weights).
        dropout: dropout rate before the classifier.
        include_top: whether to end with the classifier (global average
            pooling, `reshape_1`, `dropout`, the 1x1 convolution
            `conv_preds`, `act_softmax`, `reshape_2`).
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
        A `Model` named `'mobilenet_<alpha>_<rows>'`, e.g.
        `'mobilenet_1.00_224'`.

    # Raises
        ValueError: for an invalid `weights`, `classes`, `pooling` or
            input shape, or options ImageNet weights do not exist for.

    # Example

    ```python
        model = MobileNet(input_shape=(32, 32, 3), alpha=0.25,
                          include_top=False, weights=None, pooling='avg')
    ```
    """
    _common.check_arguments('MobileNet', weights, include_top, classes,
                            pooling)
    with _common.channels_last_only('MobileNet family of models'):
        input_shape = _obtain_input_shape(
            input_shape,
            default_size=_square_default_size(input_shape, _IMAGENET_SIZES),
            min_size=32, data_format='channels_last',
            require_flatten=include_top, weights=weights)
        rows, cols = input_shape[0], input_shape[1]
        if weights == 'imagenet':
            rows = _check_imagenet_options(
                'MobileNet', rows, cols, alpha, sorted(_IMAGENET_ALPHAS),
                depth_multiplier, _IMAGENET_SIZES)

        img_input = _common.model_input(input_tensor, input_shape)
        x = _stem(img_input, 32, alpha)
        for block, (filters, strides) in enumerate(_BLOCKS, start=1):
            x = _separable_block(x, filters, alpha, depth_multiplier,
                                 strides, block)

        if include_top:
            x = layers.GlobalAveragePooling2D()(x)
            x = layers.Reshape((1, 1, int(1024 * alpha)), name='reshape_1')(x)
            x = layers.Dropout(dropout, name='dropout')(x)
            x = layers.Conv2D(classes, (1, 1), padding='same',
                              name='conv_preds')(x)
            x = layers.Activation('softmax', name='act_softmax')(x)
            x = layers.Reshape((classes,), name='reshape_2')(x)
        else:
            x = _common.pooling_head(x, pooling)
        model = Model(_common.model_inputs(input_tensor, img_input), x,
                      name='mobilenet_%0.2f_%s' % (alpha, rows))
        if weights == 'imagenet':
            fname = 'mobilenet_%s_%d_tf%s.h5' % (
                _IMAGENET_ALPHAS[alpha], rows,
                '' if include_top else '_no_top')
            _common.load_weights(model, weights,
                                 (fname, BASE_WEIGHT_PATH + fname, None))
        else:
            _common.load_weights(model, weights, None)
    return model


def preprocess_input(x, data_format=None):
    """Scales RGB images from [0, 255] to [-1, 1], as MobileNet expects.

    # Arguments
        x: NumPy array or tensor of images (3D or 4D); a floating-point
            array is changed in place.
        data_format: `"channels_last"` or `"channels_first"` (no effect on
            the result, checked only).

    # Returns
        The preprocessed array or tensor.
    """
    return imagenet_utils.preprocess_input(x, data_format=data_format,
                                           mode='tf')
