"""ResNet50: the 50-layer residual network of He et al., "Deep Residual
Learning for Image Recognition" (2015)."""
import warnings

from .. import backend as K
from .. import layers
from ..engine.training import Model
from . import _common
from .imagenet_utils import _obtain_input_shape
from .imagenet_utils import decode_predictions  # noqa: F401
from .imagenet_utils import preprocess_input  # noqa: F401

_RELEASE = ('https://github.com/fchollet/deep-learning-models/'
            'releases/download/v0.2/')
WEIGHTS_PATH = _RELEASE + 'resnet50_weights_tf_dim_ordering_tf_kernels.h5'
WEIGHTS_PATH_NO_TOP = (_RELEASE +
                       'resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5')
_WEIGHT_FILES = {
    True: ('resnet50_weights_tf_dim_ordering_tf_kernels.h5', WEIGHTS_PATH,
           'a7b3fe01876f51b976af0dea6bc144eb'),
    False: ('resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5',
            WEIGHTS_PATH_NO_TOP, 'a268eb855778b3df3c7506639542a6af'),
}

# (stage, filters of the three convolutions, number of blocks, stride of
# the first block)
_STAGES = ((2, (64, 64, 256), 3, (1, 1)),
           (3, (128, 128, 512), 4, (2, 2)),
           (4, (256, 256, 1024), 6, (2, 2)),
           (5, (512, 512, 2048), 3, (2, 2)))


def _bottleneck(x, filters, stage, block, strides, projection):
    """A 1x1-3x3-1x1 bottleneck block with its shortcut.

    The first block of a stage changes the number of channels (and, from
    stage 3 on, the resolution), so its shortcut is a strided 1x1
    convolution (`res<stage><block>_branch1`); the others add their input.
    """
    bn_axis = _common.channel_axis()
    conv_base = 'res%d%s_branch' % (stage, block)
    bn_base = 'bn%d%s_branch' % (stage, block)
    options = {'kernel_initializer': 'he_normal'}
    shortcut = x
    y = x
    for part, (size, conv_strides) in zip(
            'abc', ((1, strides), (3, (1, 1)), (1, (1, 1)))):
        y = layers.Conv2D(filters['abc'.index(part)], (size, size),
                          strides=conv_strides,
                          padding='same' if size == 3 else 'valid',
                          name=conv_base + '2' + part, **options)(y)
        y = layers.BatchNormalization(axis=bn_axis,
                                      name=bn_base + '2' + part)(y)
        if part != 'c':
            y = layers.Activation('relu')(y)
    if projection:
        shortcut = layers.Conv2D(filters[2], (1, 1), strides=strides,
                                 name=conv_base + '1', **options)(x)
        shortcut = layers.BatchNormalization(axis=bn_axis,
                                             name=bn_base + '1')(shortcut)
    y = layers.add([y, shortcut])
    return layers.Activation('relu')(y)


def ResNet50(include_top=True, weights='imagenet', input_tensor=None,
             input_shape=None, pooling=None, classes=1000):
    """Builds the ResNet50 network, optionally with weights trained on
    ImageNet.

    The image data format is the one of the Keras configuration; inputs
    are expected preprocessed by this module's `preprocess_input` (BGR,
    ImageNet mean subtracted). As in Keras 2.2.4 (keras_applications
    1.0.6), `include_top=False` without pooling returns the 4D output of
    the last block (no final 7x7 average pooling) and warns that this
    changed in Keras 2.2.0.

    # Arguments
        include_top: whether to end with the classifier (`avg_pool`, a
            global average pooling, and `fc1000`).
        weights: `None` (random initialization), `'imagenet'` (weights
            trained on ImageNet, read from `models/` in the Keras cache
            directory and downloaded there if missing), or the path of a
            weights file to load.
        input_tensor: optional Keras tensor (e.g. the output of `Input()`)
            to use as the image input.
        input_shape: optional shape tuple without the batch axis. With
            `include_top` and ImageNet weights it must be `(224, 224, 3)`
            (`(3, 224, 224)` channels first); otherwise 3 channels and at
            least 32 rows and columns (the minimum keras_applications
            1.0.6 enforced; its documentation still said 197).
        pooling: with `include_top=False`, `None` keeps the 4D output of
            the last block, `'avg'` or `'max'` adds global average or max
            pooling (a 2D output).
        classes: number of classes of the classifier; other than 1000
            only with `include_top` and without ImageNet weights.

    # Returns
        A `Model` named `'resnet50'`.

    # Raises
        ValueError: for an invalid `weights`, `classes`, `pooling` or
            input shape.

    # Example

    ```python
        model = ResNet50(weights=None, classes=10, input_shape=(64, 64, 3))
        model.get_layer('bn_conv1')
    ```
    """
    _common.check_arguments('ResNet50', weights, include_top, classes,
                            pooling)
    input_shape = _obtain_input_shape(input_shape, default_size=224,
                                      min_size=32,
                                      data_format=K.image_data_format(),
                                      require_flatten=include_top,
                                      weights=weights)
    img_input = _common.model_input(input_tensor, input_shape)
    x = layers.ZeroPadding2D(padding=(3, 3), name='conv1_pad')(img_input)
    x = layers.Conv2D(64, (7, 7), strides=(2, 2), padding='valid',
                      kernel_initializer='he_normal', name='conv1')(x)
    x = layers.BatchNormalization(axis=_common.channel_axis(),
                                  name='bn_conv1')(x)
    x = layers.Activation('relu')(x)
    x = layers.ZeroPadding2D(padding=(1, 1), name='pool1_pad')(x)
    x = layers.MaxPooling2D((3, 3), strides=(2, 2))(x)
    for stage, filters, blocks, strides in _STAGES:
        for index in range(blocks):
            x = _bottleneck(x, filters, stage, 'abcdef'[index],
                            strides if index == 0 else (1, 1),
                            projection=index == 0)
    if include_top:
        x = layers.GlobalAveragePooling2D(name='avg_pool')(x)
        x = layers.Dense(classes, activation='softmax', name='fc1000')(x)
    else:
        if pooling is None:
            warnings.warn('The output shape of `ResNet50(include_top=False)` '
                          'has been changed since Keras 2.2.0.')
        x = _common.pooling_head(x, pooling)
    model = Model(_common.model_inputs(input_tensor, img_input), x,
                  name='resnet50')
    _common.load_weights(model, weights, _WEIGHT_FILES[bool(include_top)])
    return model
