"""DenseNet: the densely connected networks of Huang et al., "Densely
Connected Convolutional Networks" (CVPR 2017)."""
from .. import backend as K
from .. import layers
from ..engine.training import Model
from . import _common
from . import imagenet_utils
from .imagenet_utils import _obtain_input_shape
from .imagenet_utils import decode_predictions  # noqa: F401

BASE_WEIGTHS_PATH = ('https://github.com/keras-team/keras-applications/'
                     'releases/download/densenet/')

# Model names, and the ImageNet weight files with and without the
# classifier, of the block configurations Keras ships weights for.
_KNOWN = {
    (6, 12, 24, 16): ('densenet121', {
        True: ('densenet121_weights_tf_dim_ordering_tf_kernels.h5',
               '9d60b8095a5708f2dcce2bca79d332c7'),
        False: ('densenet121_weights_tf_dim_ordering_tf_kernels_notop.h5',
                '30ee3e1110167f948a6b9946edeeb738')}),
    (6, 12, 32, 32): ('densenet169', {
        True: ('densenet169_weights_tf_dim_ordering_tf_kernels.h5',
               'd699b8f76981ab1b30698df4c175e90b'),
        False: ('densenet169_weights_tf_dim_ordering_tf_kernels_notop.h5',
                'b8c4d4c20dd625c148057b9ff1c1176b')}),
    (6, 12, 48, 32): ('densenet201', {
        True: ('densenet201_weights_tf_dim_ordering_tf_kernels.h5',
               '1ceb130c1ea1b78c3bf6114dbdfd8807'),
        False: ('densenet201_weights_tf_dim_ordering_tf_kernels_notop.h5',
                'c13680b51ded0fb44dff2d8f86ac8bb1')}),
}

_GROWTH_RATE = 32
_EPSILON = 1.001e-5


def _bn_relu(x, name, axis):
    x = layers.BatchNormalization(axis=axis, epsilon=_EPSILON,
                                  name=name + '_bn')(x)
    return layers.Activation('relu', name=name + '_relu')(x)


def _dense_layer(x, name, axis):
    """BN-ReLU-1x1 conv (4 x growth rate), BN-ReLU-3x3 conv (growth rate);
    the new features are concatenated to the input."""
    y = _bn_relu(x, name + '_0', axis)
    y = layers.Conv2D(4 * _GROWTH_RATE, 1, use_bias=False,
                      name=name + '_1_conv')(y)
    y = _bn_relu(y, name + '_1', axis)
    y = layers.Conv2D(_GROWTH_RATE, 3, padding='same', use_bias=False,
                      name=name + '_2_conv')(y)
    return layers.Concatenate(axis=axis, name=name + '_concat')([x, y])


def _transition(x, name, axis):
    """BN-ReLU, a 1x1 convolution halving the channels, 2x2 average
    pooling."""
    x = _bn_relu(x, name, axis)
    x = layers.Conv2D(int(K.int_shape(x)[axis] * 0.5), 1, use_bias=False,
                      name=name + '_conv')(x)
    return layers.AveragePooling2D(2, strides=2, name=name + '_pool')(x)


def DenseNet(blocks, include_top=True, weights='imagenet', input_tensor=None,
             input_shape=None, pooling=None, classes=1000):
    """Builds a DenseNet with the given number of layers per dense block.

    `DenseNet121`, `DenseNet169` and `DenseNet201` are this function with
    `blocks` `[6, 12, 24, 16]`, `[6, 12, 32, 32]` and `[6, 12, 48, 32]`;
    ImageNet weights exist for these three only.

    # Arguments
        blocks: the numbers of layers of the four dense blocks.
        include_top: whether to end with the classifier (`avg_pool` and
            `fc1000`).
        weights: `None` (random initialization), `'imagenet'` (weights
            trained on ImageNet, read from `models/` in the Keras cache
            directory and downloaded there if missing), or the path of a
            weights file to load.
        input_tensor: optional Keras tensor (e.g. the output of `Input()`)
            to use as the image input.
        input_shape: optional shape tuple without the batch axis. With
            `include_top` and ImageNet weights it must be `(224, 224, 3)`
            (`(3, 224, 224)` channels first); otherwise 3 channels and at
            least 32 rows and columns.
        pooling: with `include_top=False`, `None` keeps the 4D output of
            the last block, `'avg'` (layer `avg_pool`) or `'max'` (layer
            `max_pool`) adds global pooling (a 2D output).
        classes: number of classes of the classifier; other than 1000
            only with `include_top` and without ImageNet weights.

    # Returns
        A `Model` named `'densenet121'`, `'densenet169'`, `'densenet201'`,
        or `'densenet'` for other `blocks`.

    # Raises
        ValueError: for an invalid `weights`, `classes`, `pooling` or
            input shape, or ImageNet weights with other `blocks` (Keras
            2.2 failed with an UnboundLocalError there).

    # Example

    ```python
        model = DenseNet([2, 2, 2, 2], weights=None, classes=10,
                         input_shape=(32, 32, 3))
    ```
    """
    blocks = tuple(blocks)
    _common.check_arguments('DenseNet', weights, include_top, classes,
                            pooling)
    if len(blocks) != 4:
        raise ValueError('DenseNet: `blocks` must give the number of layers '
                         'of 4 dense blocks; got %r.' % (blocks,))
    model_name, weight_files = _KNOWN.get(blocks, ('densenet', None))
    if weights == 'imagenet' and weight_files is None:
        raise ValueError('DenseNet: ImageNet weights exist only for blocks '
                         '[6, 12, 24, 16], [6, 12, 32, 32] and [6, 12, 48, '
                         '32]; got %r.' % (list(blocks),))
    input_shape = _obtain_input_shape(input_shape, default_size=224,
                                      min_size=32,
                                      data_format=K.image_data_format(),
                                      require_flatten=include_top,
                                      weights=weights)
    img_input = _common.model_input(input_tensor, input_shape)
    axis = _common.channel_axis()

    x = layers.ZeroPadding2D(padding=((3, 3), (3, 3)))(img_input)
    x = layers.Conv2D(64, 7, strides=2, use_bias=False, name='conv1/conv')(x)
    x = layers.BatchNormalization(axis=axis, epsilon=_EPSILON,
                                  name='conv1/bn')(x)
    x = layers.Activation('relu', name='conv1/relu')(x)
    x = layers.ZeroPadding2D(padding=((1, 1), (1, 1)))(x)
    x = layers.MaxPooling2D(3, strides=2, name='pool1')(x)
    for stage, size in enumerate(blocks, start=2):
        for index in range(1, size + 1):
            x = _dense_layer(x, 'conv%d_block%d' % (stage, index), axis)
        if stage < 5:
            x = _transition(x, 'pool%d' % stage, axis)
    x = layers.BatchNormalization(axis=axis, epsilon=_EPSILON, name='bn')(x)
    x = layers.Activation('relu', name='relu')(x)

    if include_top:
        x = layers.GlobalAveragePooling2D(name='avg_pool')(x)
        x = layers.Dense(classes, activation='softmax', name='fc1000')(x)
    else:
        x = _common.pooling_head(x, pooling, avg_name='avg_pool',
                                 max_name='max_pool')
    model = Model(_common.model_inputs(input_tensor, img_input), x,
                  name=model_name)
    imagenet_file = None
    if weights == 'imagenet':
        fname, file_hash = weight_files[bool(include_top)]
        imagenet_file = (fname, BASE_WEIGTHS_PATH + fname, file_hash)
    _common.load_weights(model, weights, imagenet_file)
    return model


def DenseNet121(include_top=True, weights='imagenet', input_tensor=None,
                input_shape=None, pooling=None, classes=1000):
    """Builds DenseNet-121, optionally with weights trained on ImageNet.

    Dense blocks of 6, 12, 24 and 16 layers. The image data format is the
    one of the Keras configuration; inputs are expected preprocessed by
    this module's `preprocess_input` (`'torch'` mode). The arguments are
    those of `DenseNet` (without `blocks`).

    # Arguments
        include_top: whether to end with the classifier.
        weights: `None`, `'imagenet'` or the path of a weights file.
        input_tensor: optional Keras tensor to use as the image input.
        input_shape: optional shape tuple without the batch axis (at least
            32 rows and columns; `(224, 224, 3)` with the classifier and
            ImageNet weights).
        pooling: `None`, `'avg'` or `'max'` for `include_top=False`.
        classes: number of classes of the classifier.

    # Returns
        A `Model` named `'densenet121'`.

    # Raises
        ValueError: for invalid arguments.
    """
    return DenseNet([6, 12, 24, 16], include_top, weights, input_tensor,
                    input_shape, pooling, classes)


def DenseNet169(include_top=True, weights='imagenet', input_tensor=None,
                input_shape=None, pooling=None, classes=1000):
    """Builds DenseNet-169, optionally with weights trained on ImageNet.

    Dense blocks of 6, 12, 32 and 32 layers; see `DenseNet121`.

    # Arguments
        include_top: whether to end with the classifier.
        weights: `None`, `'imagenet'` or the path of a weights file.
        input_tensor: optional Keras tensor to use as the image input.
        input_shape: optional shape tuple without the batch axis.
        pooling: `None`, `'avg'` or `'max'` for `include_top=False`.
        classes: number of classes of the classifier.

    # Returns
        A `Model` named `'densenet169'`.

    # Raises
        ValueError: for invalid arguments.
    """
    return DenseNet([6, 12, 32, 32], include_top, weights, input_tensor,
                    input_shape, pooling, classes)


def DenseNet201(include_top=True, weights='imagenet', input_tensor=None,
                input_shape=None, pooling=None, classes=1000):
    """Builds DenseNet-201, optionally with weights trained on ImageNet.

    Dense blocks of 6, 12, 48 and 32 layers; see `DenseNet121`.

    # Arguments
        include_top: whether to end with the classifier.
        weights: `None`, `'imagenet'` or the path of a weights file.
        input_tensor: optional Keras tensor to use as the image input.
        input_shape: optional shape tuple without the batch axis.
        pooling: `None`, `'avg'` or `'max'` for `include_top=False`.
        classes: number of classes of the classifier.

    # Returns
        A `Model` named `'densenet201'`.

    # Raises
        ValueError: for invalid arguments.
    """
    return DenseNet([6, 12, 48, 32], include_top, weights, input_tensor,
                    input_shape, pooling, classes)


def preprocess_input(x, data_format=None):
    """Prepares RGB images in [0, 255] for DenseNet: scaled to [0, 1], then
    normalized per channel by the ImageNet mean and standard deviation.

    # Arguments
        x: NumPy array or tensor of images (3D or 4D); a floating-point
            array is changed in place.
        data_format: `"channels_last"` or `"channels_first"`; by default
            `K.image_data_format()`.

    # Returns
        The preprocessed array or tensor.

    # Raises
        ValueError: for an unknown `data_format` or an input without 3
            channels.
    """
    return imagenet_utils.preprocess_input(x, data_format, mode='torch')
