"""InceptionV3: the network of Szegedy et al., "Rethinking the Inception
Architecture for Computer Vision" (2015)."""
from .. import backend as K
from .. import layers
from ..engine.training import Model
from . import _common
from . import imagenet_utils
from .imagenet_utils import _obtain_input_shape
from .imagenet_utils import decode_predictions  # noqa: F401

_RELEASE = ('https://github.com/fchollet/deep-learning-models/'
            'releases/download/v0.5/')
WEIGHTS_PATH = _RELEASE + 'inception_v3_weights_tf_dim_ordering_tf_kernels.h5'
WEIGHTS_PATH_NO_TOP = (
    _RELEASE + 'inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5')
_WEIGHT_FILES = {
    True: ('inception_v3_weights_tf_dim_ordering_tf_kernels.h5',
           WEIGHTS_PATH, '9a0d58056eeedaa3f26cb7ebd46da564'),
    False: ('inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5',
            WEIGHTS_PATH_NO_TOP, 'bcbd6486424b2319ff4ef7d526e38f63'),
}


def _unit(x, filters, rows, cols, padding='same', strides=(1, 1)):
    """Convolution (no bias), batch normalization without scale, ReLU."""
    return _common.conv_bn(x, filters, (rows, cols), strides=strides,
                           padding=padding,
                           bn_options={'axis': _common.channel_axis(),
                                       'scale': False})


def _chain(x, specs):
    """Units applied one after the other; `specs` holds
    `(filters, rows, cols)` or `(filters, rows, cols, padding, strides)`."""
    for spec in specs:
        x = _unit(x, *spec)
    return x


def _pool_branch(x, filters):
    x = layers.AveragePooling2D((3, 3), strides=(1, 1), padding='same')(x)
    return _unit(x, filters, 1, 1)


def _join(branches, name):
    return layers.concatenate(branches, axis=_common.channel_axis(),
                              name=name)


def _block_35(x, pool_filters, name):
    """Mixed 0-2: 1x1, 5x5, double 3x3 and pooling branches."""
    return _join([_unit(x, 64, 1, 1),
                  _chain(x, [(48, 1, 1), (64, 5, 5)]),
                  _chain(x, [(64, 1, 1), (96, 3, 3), (96, 3, 3)]),
                  _pool_branch(x, pool_filters)], name)


def _block_17(x, width, name):
    """Mixed 4-7: 7x7 convolutions factorized into 1x7 and 7x1."""
    return _join([_unit(x, 192, 1, 1),
                  _chain(x, [(width, 1, 1), (width, 1, 7), (192, 7, 1)]),
                  _chain(x, [(width, 1, 1), (width, 7, 1), (width, 1, 7),
                             (width, 7, 1), (192, 1, 7)]),
                  _pool_branch(x, 192)], name)


def _block_8(x, index):
    """Mixed 9-10: branches that end in parallel 1x3 and 3x1 units."""
    axis = _common.channel_axis()
    branch1x1 = _unit(x, 320, 1, 1)
    branch3x3 = _unit(x, 384, 1, 1)
    branch3x3 = layers.concatenate(
        [_unit(branch3x3, 384, 1, 3), _unit(branch3x3, 384, 3, 1)],
        axis=axis, name='mixed9_%d' % index)
    double = _chain(x, [(448, 1, 1), (384, 3, 3)])
    double = layers.concatenate(
        [_unit(double, 384, 1, 3), _unit(double, 384, 3, 1)], axis=axis)
    return _join([branch1x1, branch3x3, double, _pool_branch(x, 192)],
                 'mixed%d' % (9 + index))


def InceptionV3(include_top=True, weights='imagenet', input_tensor=None,
                input_shape=None, pooling=None, classes=1000):
    """Builds the Inception V3 network, optionally with weights trained on
    ImageNet.

    The image data format is the one of the Keras configuration; inputs
    are expected scaled to [-1, 1] by this module's `preprocess_input`.
    The default input size is 299x299. The convolution units have no
    names of their own (`conv2d_N`, `batch_normalization_N`,
    `activation_N`); the blocks are named `mixed0` to `mixed10`.

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
            channels (with ImageNet weights) and at least 75 rows and
            columns, e.g. `(150, 150, 3)`. Any size is accepted with the
            classifier too, since it starts with a global pooling.
        pooling: with `include_top=False`, `None` keeps the 4D output of
            the last block, `'avg'` or `'max'` adds global average or max
            pooling (a 2D output).
        classes: number of classes of the classifier; other than 1000
            only with `include_top` and without ImageNet weights.

    # Returns
        A `Model` named `'inception_v3'`.

    # Raises
        ValueError: for an invalid `weights`, `classes`, `pooling` or
            input shape.

    # Example

    ```python
        model = InceptionV3(include_top=False, weights=None,
                            input_shape=(150, 150, 3), pooling='avg')
    ```
    """
    _common.check_arguments('InceptionV3', weights, include_top, classes,
                            pooling)
    input_shape = _obtain_input_shape(input_shape, default_size=299,
                                      min_size=75,
                                      data_format=K.image_data_format(),
                                      require_flatten=False,
                                      weights=weights)
    img_input = _common.model_input(input_tensor, input_shape)

    x = _chain(img_input, [(32, 3, 3, 'valid', (2, 2)),
                           (32, 3, 3, 'valid'),
                           (64, 3, 3)])
    x = layers.MaxPooling2D((3, 3), strides=(2, 2))(x)
    x = _chain(x, [(80, 1, 1, 'valid'), (192, 3, 3, 'valid')])
    x = layers.MaxPooling2D((3, 3), strides=(2, 2))(x)

    x = _block_35(x, 32, 'mixed0')
    x = _block_35(x, 64, 'mixed1')
    x = _block_35(x, 64, 'mixed2')

    x = _join([_unit(x, 384, 3, 3, 'valid', (2, 2)),
               _chain(x, [(64, 1, 1), (96, 3, 3),
                          (96, 3, 3, 'valid', (2, 2))]),
               layers.MaxPooling2D((3, 3), strides=(2, 2))(x)], 'mixed3')

    x = _block_17(x, 128, 'mixed4')
    x = _block_17(x, 160, 'mixed5')
    x = _block_17(x, 160, 'mixed6')
    x = _block_17(x, 192, 'mixed7')

    x = _join([_chain(x, [(192, 1, 1), (320, 3, 3, 'valid', (2, 2))]),
               _chain(x, [(192, 1, 1), (192, 1, 7), (192, 7, 1),
                          (192, 3, 3, 'valid', (2, 2))]),
               layers.MaxPooling2D((3, 3), strides=(2, 2))(x)], 'mixed8')

    x = _block_8(x, 0)
    x = _block_8(x, 1)

    if include_top:
        x = layers.GlobalAveragePooling2D(name='avg_pool')(x)
        x = layers.Dense(classes, activation='softmax', name='predictions')(x)
    else:
        x = _common.pooling_head(x, pooling)
    model = Model(_common.model_inputs(input_tensor, img_input), x,
                  name='inception_v3')
    _common.load_weights(model, weights, _WEIGHT_FILES[bool(include_top)])
    return model


def preprocess_input(x, data_format=None):
    """Scales RGB images from [0, 255] to [-1, 1], as InceptionV3 expects.

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
