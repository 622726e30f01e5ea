"""Inception-ResNet v2: the network of Szegedy et al., "Inception-v4,
Inception-ResNet and the Impact of Residual Connections on Learning"
(2016)."""
from .. import backend as K
from .. import layers
from ..engine.training import Model
from . import _common
from . import imagenet_utils
from .imagenet_utils import _obtain_input_shape
from .imagenet_utils import decode_predictions  # noqa: F401

BASE_WEIGHT_URL = ('https://github.com/fchollet/deep-learning-models/'
                   'releases/download/v0.7/')
_WEIGHT_FILES = {
    True: ('inception_resnet_v2_weights_tf_dim_ordering_tf_kernels.h5',
           'e693bd0210a403b3192acc6073ad2e96'),
    False: ('inception_resnet_v2_weights_tf_dim_ordering_tf_kernels_notop.h5',
            'd19885ff4a710c122648d3b5c3b684e4'),
}

# Branches of the three kinds of residual block, as (filters, kernel size)
# of their successive units, and the residual scale of each kind.
_BRANCHES = {
    'block35': (((32, 1),),
                ((32, 1), (32, 3)),
                ((32, 1), (48, 3), (64, 3))),
    'block17': (((192, 1),),
                ((128, 1), (160, (1, 7)), (192, (7, 1)))),
    'block8': (((192, 1),),
               ((192, 1), (224, (1, 3)), (256, (3, 1)))),
}


def _unit(x, filters, kernel_size, strides=1, padding='same',
          activation='relu', use_bias=False, name=None):
    """Convolution, then (without bias) batch normalization without scale,
    then the activation; named `name`, `name_bn`, `name_ac` when named."""
    return _common.conv_bn(
        x, filters, kernel_size, strides=strides, padding=padding,
        use_bias=use_bias, conv_name=name,
        bn_name=None if name is None else name + '_bn',
        activation=activation,
        act_name=None if name is None else name + '_ac',
        batch_norm=not use_bias,
        bn_options={'axis': _common.channel_axis(), 'scale': False})


def _chain(x, units):
    for filters, kernel_size in units:
        x = _unit(x, filters, kernel_size)
    return x


def _residual_block(x, scale, block_type, block_idx, activation='relu'):
    """Parallel branches, concatenated and projected back to the input's
    channels by a 1x1 convolution, added to the input after scaling."""
    name = '%s_%d' % (block_type, block_idx)
    axis = _common.channel_axis()
    branches = [_chain(x, branch) for branch in _BRANCHES[block_type]]
    mixed = layers.Concatenate(axis=axis, name=name + '_mixed')(branches)
    up = _unit(mixed, K.int_shape(x)[axis], 1, activation=None,
               use_bias=True, name=name + '_conv')
    x = layers.Lambda(lambda inputs, scale: inputs[0] + inputs[1] * scale,
                      output_shape=K.int_shape(x)[1:],
                      arguments={'scale': scale}, name=name)([x, up])
    if activation is not None:
        x = layers.Activation(activation, name=name + '_ac')(x)
    return x


def InceptionResNetV2(include_top=True, weights='imagenet', input_tensor=None,
                      input_shape=None, pooling=None, classes=1000):
    """Builds the Inception-ResNet v2 network, optionally with weights
    trained on ImageNet.

    The image data format is the one of the Keras configuration; inputs
    are expected scaled to [-1, 1] by this module's `preprocess_input`.
    The default input size is 299x299. The residual blocks are named
    `block35_1`...`block35_10`, `block17_1`...`block17_20` and
    `block8_1`...`block8_10` (each a `Lambda` adding the scaled residual).

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
            columns, e.g. `(150, 150, 3)`.
        pooling: with `include_top=False`, `None` keeps the 4D output of
            the last block, `'avg'` or `'max'` adds global average or max
            pooling (a 2D output).
        classes: number of classes of the classifier; other than 1000
            only with `include_top` and without ImageNet weights.

    # Returns
        A `Model` named `'inception_resnet_v2'`.

    # Raises
        ValueError: for an invalid `weights`, `classes`, `pooling` or
            input shape.

    # Example

    ```python
        model = InceptionResNetV2(include_top=False, weights=None,
                                  input_shape=(75, 75, 3), pooling='avg')
    ```
    """
    _common.check_arguments('InceptionResNetV2', weights, include_top,
                            classes, pooling)
    input_shape = _obtain_input_shape(input_shape, default_size=299,
                                      min_size=75,
                                      data_format=K.image_data_format(),
                                      require_flatten=False,
                                      weights=weights)
    img_input = _common.model_input(input_tensor, input_shape)
    axis = _common.channel_axis()

    # Stem.
    x = _unit(img_input, 32, 3, strides=2, padding='valid')
    x = _unit(x, 32, 3, padding='valid')
    x = _unit(x, 64, 3)
    x = layers.MaxPooling2D(3, strides=2)(x)
    x = _unit(x, 80, 1, padding='valid')
    x = _unit(x, 192, 3, padding='valid')
    x = layers.MaxPooling2D(3, strides=2)(x)

    # Mixed 5b (Inception-A).
    branches = [
        _unit(x, 96, 1),
        _chain(x, ((48, 1), (64, 5))),
        _chain(x, ((64, 1), (96, 3), (96, 3))),
        _unit(layers.AveragePooling2D(3, strides=1, padding='same')(x),
              64, 1)]
    x = layers.Concatenate(axis=axis, name='mixed_5b')(branches)

    for index in range(1, 11):
        x = _residual_block(x, 0.17, 'block35', index)

    # Mixed 6a (Reduction-A).
    branches = [
        _unit(x, 384, 3, strides=2, padding='valid'),
        _unit(_chain(x, ((256, 1), (256, 3))), 384, 3, strides=2,
              padding='valid'),
        layers.MaxPooling2D(3, strides=2, padding='valid')(x)]
    x = layers.Concatenate(axis=axis, name='mixed_6a')(branches)

    for index in range(1, 21):
        x = _residual_block(x, 0.1, 'block17', index)

    # Mixed 7a (Reduction-B).
    branches = [
        _unit(_unit(x, 256, 1), 384, 3, strides=2, padding='valid'),
        _unit(_unit(x, 256, 1), 288, 3, strides=2, padding='valid'),
        _unit(_chain(x, ((256, 1), (288, 3))), 320, 3, strides=2,
              padding='valid'),
        layers.MaxPooling2D(3, strides=2, padding='valid')(x)]
    x = layers.Concatenate(axis=axis, name='mixed_7a')(branches)

    for index in range(1, 10):
        x = _residual_block(x, 0.2, 'block8', index)
    x = _residual_block(x, 1., 'block8', 10, activation=None)

    x = _unit(x, 1536, 1, name='conv_7b')

    if include_top:
        x = layers.GlobalAveragePooling2D(name='avg_pool')(x)
        x = layers.Dense(classes, activation='softmax', name='predictions')(x)
    else:
        x = _common.pooling_head(x, pooling)
    model = Model(_common.model_inputs(input_tensor, img_input), x,
                  name='inception_resnet_v2')
    imagenet_file = None
    if weights == 'imagenet':
        fname, file_hash = _WEIGHT_FILES[bool(include_top)]
        imagenet_file = (fname, BASE_WEIGHT_URL + fname, file_hash)
    _common.load_weights(model, weights, imagenet_file)
    return model


def preprocess_input(x, data_format=None):
    """Scales RGB images from [0, 255] to [-1, 1], as Inception-ResNet v2
    expects.

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
