"""Xception: the network of Chollet, "Xception: Deep Learning with
Depthwise Separable Convolutions" (2016)."""
from .. import layers
from ..engine.training import Model
from . import _common
from . import imagenet_utils
from .imagenet_utils import _obtain_input_shape
from .imagenet_utils import decode_predictions  # noqa: F401

_RELEASE = ('https://github.com/fchollet/deep-learning-models/'
            'releases/download/v0.4/')
TF_WEIGHTS_PATH = _RELEASE + 'xception_weights_tf_dim_ordering_tf_kernels.h5'
TF_WEIGHTS_PATH_NO_TOP = (
    _RELEASE + 'xception_weights_tf_dim_ordering_tf_kernels_notop.h5')
_WEIGHT_FILES = {
    True: ('xception_weights_tf_dim_ordering_tf_kernels.h5',
           TF_WEIGHTS_PATH, '0a58e3b7378bc2990ea3b43d5981f1f6'),
    False: ('xception_weights_tf_dim_ordering_tf_kernels_notop.h5',
            TF_WEIGHTS_PATH_NO_TOP, 'b0042744bf5b25fce3cb969f33bebb97'),
}


def _separable(x, filters, name, activate_first):
    """[ReLU], 3x3 separable convolution (no bias), batch normalization;
    the ReLU is named after the convolution that follows it."""
    if activate_first:
        x = layers.Activation('relu', name=name + '_act')(x)
    x = layers.SeparableConv2D(filters, (3, 3), padding='same',
                               use_bias=False, name=name)(x)
    return layers.BatchNormalization(name=name + '_bn')(x)


def _reduction_block(x, block, filters, activate_first=True):
    """Two separable convolutions and a strided max pooling, added to a
    strided 1x1 projection of the block's input."""
    residual = layers.Conv2D(filters[1], (1, 1), strides=(2, 2),
                             padding='same', use_bias=False)(x)
    residual = layers.BatchNormalization()(residual)
    prefix = 'block%d_sepconv' % block
    x = _separable(x, filters[0], prefix + '1', activate_first)
    x = _separable(x, filters[1], prefix + '2', True)
    x = layers.MaxPooling2D((3, 3), strides=(2, 2), padding='same',
                            name='block%d_pool' % block)(x)
    return layers.add([x, residual])


def Xception(include_top=True, weights='imagenet', input_tensor=None,
             input_shape=None, pooling=None, classes=1000):
    """Builds the Xception network, optionally with weights trained on
    ImageNet.

    Xception exists only for the `channels_last` data format: with
    `channels_first` configured, the model is built for `channels_last`
    with a warning (and the configuration is left as it was). Inputs are
    expected scaled to [-1, 1] by this module's `preprocess_input`. The
    default input size is 299x299.

    # Arguments
        include_top: whether to end with the classifier (`avg_pool` and
            `predictions`).
        weights: `None` (random initialization), `'imagenet'` (weights
            trained on ImageNet, read from `models/` in the Keras cache
            directory and downloaded there if missing), or the path of a
            weights file to load.
        input_tensor: optional Keras tensor (e.g. the output of `Input()`)
            to use as the image input.
        input_shape: optional shape tuple without the batch axis: 3
            channels (with ImageNet weights) and at least 71 rows and
            columns, e.g. `(150, 150, 3)`.
        pooling: with `include_top=False`, `None` keeps the 4D output of
            the last block, `'avg'` or `'max'` adds global average or max
            pooling (a 2D output).
        classes: number of classes of the classifier; other than 1000
            only with `include_top` and without ImageNet weights.

    # Returns
        A `Model` named `'xception'`.

    # Raises
        ValueError: for an invalid `weights`, `classes`, `pooling` or
            input shape.

    # Example

    ```python
        model = Xception(include_top=False, weights=None,
                         input_shape=(71, 71, 3), pooling='max')
    ```
    """
    _common.check_arguments('Xception', weights, include_top, classes,
                            pooling)
    with _common.channels_last_only('Xception model'):
        input_shape = _obtain_input_shape(input_shape, default_size=299,
                                          min_size=71,
                                          data_format='channels_last',
                                          require_flatten=False,
                                          weights=weights)
        img_input = _common.model_input(input_tensor, input_shape)
        x = img_input
        for name, filters, strides in (('block1_conv1', 32, (2, 2)),
                                       ('block1_conv2', 64, (1, 1))):
            x = _common.conv_bn(x, filters, (3, 3), strides=strides,
                                padding='valid', conv_name=name,
                                bn_name=name + '_bn', act_name=name + '_act')

        x = _reduction_block(x, 2, (128, 128), activate_first=False)
        x = _reduction_block(x, 3, (256, 256))
        x = _reduction_block(x, 4, (728, 728))
        for block in range(5, 13):
            residual = x
            for conv in (1, 2, 3):
                x = _separable(x, 728, 'block%d_sepconv%d' % (block, conv),
                               True)
            x = layers.add([x, residual])
        x = _reduction_block(x, 13, (728, 1024))

        for conv, filters in ((1, 1536), (2, 2048)):
            name = 'block14_sepconv%d' % conv
            x = _separable(x, filters, name, False)
            x = layers.Activation('relu', name=name + '_act')(x)

        if include_top:
            x = layers.GlobalAveragePooling2D(name='avg_pool')(x)
            x = layers.Dense(classes, activation='softmax',
                             name='predictions')(x)
        else:
            x = _common.pooling_head(x, pooling)
        model = Model(_common.model_inputs(input_tensor, img_input), x,
                      name='xception')
        _common.load_weights(model, weights,
                             _WEIGHT_FILES[bool(include_top)])
    return model


def preprocess_input(x, data_format=None):
    """Scales RGB images from [0, 255] to [-1, 1], as Xception expects.

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
