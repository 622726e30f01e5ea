"""NASNet: the networks found by architecture search in Zoph et al.,
"Learning Transferable Architectures for Scalable Image Recognition"
(2017): NASNet-A Large (331x331) and Mobile (224x224)."""
from .. import backend as K
from .. import layers
from ..engine.training import Model
from . import _common
from . import imagenet_utils
from .imagenet_utils import _obtain_input_shape
from .imagenet_utils import decode_predictions  # noqa: F401

BASE_WEIGHTS_PATH = ('https://github.com/titu1994/Keras-NASNet/'
                     'releases/download/v1.2/')
NASNET_MOBILE_WEIGHT_PATH = BASE_WEIGHTS_PATH + 'NASNet-mobile.h5'
NASNET_MOBILE_WEIGHT_PATH_NO_TOP = (BASE_WEIGHTS_PATH +
                                    'NASNet-mobile-no-top.h5')
NASNET_LARGE_WEIGHT_PATH = BASE_WEIGHTS_PATH + 'NASNet-large.h5'
NASNET_LARGE_WEIGHT_PATH_NO_TOP = BASE_WEIGHTS_PATH + 'NASNet-large-no-top.h5'

# ImageNet weight files by default size and include_top.
_WEIGHT_FILES = {
    (224, True): ('nasnet_mobile.h5', NASNET_MOBILE_WEIGHT_PATH,
                  '020fb642bf7360b370c678b08e0adf61'),
    (224, False): ('nasnet_mobile_no_top.h5',
                   NASNET_MOBILE_WEIGHT_PATH_NO_TOP,
                   '1ed92395b5b598bdda52abe5c0dbfd63'),
    (331, True): ('nasnet_large.h5', NASNET_LARGE_WEIGHT_PATH,
                  '11577c9a518f0070763c2b964a382f17'),
    (331, False): ('nasnet_large_no_top.h5',
                   NASNET_LARGE_WEIGHT_PATH_NO_TOP,
                   'd81d89dc07e6e56530c4e77faddd61b5'),
}

# All NASNet layers are built channels last (see `_common.channels_last_only`).
_AXIS = -1
# Batch normalization as in the TensorFlow-slim NASNet the weights come from.
_BN = {'axis': _AXIS, 'momentum': 0.9997, 'epsilon': 1e-3}
_CONV = {'use_bias': False, 'kernel_initializer': 'he_normal'}


def _relu_conv_bn(x, filters, conv_name, bn_name):
    """ReLU, 1x1 convolution, batch normalization."""
    x = layers.Activation('relu')(x)
    x = layers.Conv2D(filters, (1, 1), strides=(1, 1), padding='same',
                      name=conv_name, **_CONV)(x)
    return layers.BatchNormalization(name=bn_name, **_BN)(x)


def _separable_stack(x, filters, kernel_size=(3, 3), strides=(1, 1),
                     block_id=None):
    """Twice ReLU, separable convolution, batch normalization; the first
    convolution carries the stride (with explicit padding when strided)."""
    x = layers.Activation('relu')(x)
    if strides == (2, 2):
        x = layers.ZeroPadding2D(
            padding=_common.correct_pad(x, kernel_size),
            name='separable_conv_1_pad_%s' % block_id)(x)
        padding = 'valid'
    else:
        padding = 'same'
    x = layers.SeparableConv2D(filters, kernel_size, strides=strides,
                               name='separable_conv_1_%s' % block_id,
                               padding=padding, **_CONV)(x)
    x = layers.BatchNormalization(name='separable_conv_1_bn_%s' % block_id,
                                  **_BN)(x)
    x = layers.Activation('relu')(x)
    x = layers.SeparableConv2D(filters, kernel_size,
                               name='separable_conv_2_%s' % block_id,
                               padding='same', **_CONV)(x)
    return layers.BatchNormalization(name='separable_conv_2_bn_%s' % block_id,
                                     **_BN)(x)


def _match_previous(p, ip, filters, block_id):
    """Brings the previous cell's output `p` to the resolution and the
    number of channels of the current input `ip`."""
    if p is None:
        return ip
    p_shape = K.int_shape(p)
    ip_shape = K.int_shape(ip)
    if p_shape[-2] != ip_shape[-2]:
        # Halve the resolution with two offset strided paths, concatenated.
        p = layers.Activation('relu', name='adjust_relu_1_%s' % block_id)(p)
        p1 = layers.AveragePooling2D(
            (1, 1), strides=(2, 2), padding='valid',
            name='adjust_avg_pool_1_%s' % block_id)(p)
        p1 = layers.Conv2D(filters // 2, (1, 1), padding='same',
                           name='adjust_conv_1_%s' % block_id, **_CONV)(p1)
        p2 = layers.ZeroPadding2D(padding=((0, 1), (0, 1)))(p)
        p2 = layers.Cropping2D(cropping=((1, 0), (1, 0)))(p2)
        p2 = layers.AveragePooling2D(
            (1, 1), strides=(2, 2), padding='valid',
            name='adjust_avg_pool_2_%s' % block_id)(p2)
        p2 = layers.Conv2D(filters // 2, (1, 1), padding='same',
                           name='adjust_conv_2_%s' % block_id, **_CONV)(p2)
        p = layers.concatenate([p1, p2], axis=_AXIS)
        return layers.BatchNormalization(name='adjust_bn_%s' % block_id,
                                         **_BN)(p)
    if p_shape[_AXIS] != filters:
        return _relu_conv_bn(p, filters,
                             'adjust_conv_projection_%s' % block_id,
                             'adjust_bn_%s' % block_id)
    return p


def _avg_pool(x, strides, padding, name):
    return layers.AveragePooling2D((3, 3), strides=strides, padding=padding,
                                   name=name)(x)


def _normal_cell(ip, p, filters, block_id):
    """A NASNet-A normal cell (same resolution in and out)."""
    p = _match_previous(p, ip, filters, block_id)
    h = _relu_conv_bn(ip, filters, 'normal_conv_1_%s' % block_id,
                      'normal_bn_1_%s' % block_id)

    def name(kind):
        return 'normal_%s_%s' % (kind, block_id)

    x1 = layers.add([
        _separable_stack(h, filters, (5, 5), block_id=name('left1')),
        _separable_stack(p, filters, block_id=name('right1'))],
        name=name('add_1'))
    x2 = layers.add([
        _separable_stack(p, filters, (5, 5), block_id=name('left2')),
        _separable_stack(p, filters, (3, 3), block_id=name('right2'))],
        name=name('add_2'))
    x3 = layers.add([_avg_pool(h, (1, 1), 'same', name('left3')), p],
                    name=name('add_3'))
    x4 = layers.add([_avg_pool(p, (1, 1), 'same', name('left4')),
                     _avg_pool(p, (1, 1), 'same', name('right4'))],
                    name=name('add_4'))
    x5 = layers.add([_separable_stack(h, filters, block_id=name('left5')), h],
                    name=name('add_5'))
    x = layers.concatenate([p, x1, x2, x3, x4, x5], axis=_AXIS,
                           name=name('concat'))
    return x, ip


def _reduction_cell(ip, p, filters, block_id):
    """A NASNet-A reduction cell (halves the resolution)."""
    p = _match_previous(p, ip, filters, block_id)
    h = _relu_conv_bn(ip, filters, 'reduction_conv_1_%s' % block_id,
                      'reduction_bn_1_%s' % block_id)
    h3 = layers.ZeroPadding2D(padding=_common.correct_pad(h, 3),
                              name='reduction_pad_1_%s' % block_id)(h)

    def name(kind):
        return 'reduction_%s_%s' % (kind, block_id)

    def max_pool(x, kind):
        return layers.MaxPooling2D((3, 3), strides=(2, 2), padding='valid',
                                   name=name(kind))(x)

    x1 = layers.add([
        _separable_stack(h, filters, (5, 5), (2, 2), name('left1')),
        _separable_stack(p, filters, (7, 7), (2, 2), name('right1'))],
        name=name('add_1'))
    x2 = layers.add([
        max_pool(h3, 'left2'),
        _separable_stack(p, filters, (7, 7), (2, 2), name('right2'))],
        name=name('add_2'))
    x3 = layers.add([
        _avg_pool(h3, (2, 2), 'valid', name('left3')),
        _separable_stack(p, filters, (5, 5), (2, 2), name('right3'))],
        name=name('add3'))
    x4 = layers.add([x2, _avg_pool(x1, (1, 1), 'same', name('left4'))])
    # Keras 2.2 named this stack 'left4' as well, though it belongs to
    # the fifth combination; the names are kept as they were.
    x5 = layers.add([
        _separable_stack(x1, filters, (3, 3), block_id=name('left4')),
        max_pool(h3, 'right5')],
        name=name('add4'))
    x = layers.concatenate([x2, x3, x4, x5], axis=_AXIS, name=name('concat'))
    return x, ip


def NASNet(input_shape=None, penultimate_filters=4032, num_blocks=6,
           stem_block_filters=96, skip_reduction=True, filter_multiplier=2,
           include_top=True, weights=None, input_tensor=None, pooling=None,
           classes=1000, default_size=None):
    """Builds a NASNet-A network of any size.

    NASNet exists only for the `channels_last` data format: with
    `channels_first` configured, the model is built for `channels_last`
    with a warning (the configuration is left as it was; unlike Keras 2.2,
    `input_shape` is then read as channels last too). Inputs are expected
    scaled to [-1, 1] by this module's `preprocess_input`.

    A network written "NASNet (N @ P)" in the paper has `num_blocks=N` and
    `penultimate_filters=P`.

    # Arguments
        input_shape: optional shape tuple without the batch axis: 3
            channels and at least 32 rows and columns; static (no `None`)
            with ImageNet weights.
        penultimate_filters: number of filters of the penultimate layer; a
            multiple of 24.
        num_blocks: number of normal cells between two reduction cells.
        stem_block_filters: filters of the first convolution.
        skip_reduction: whether the cells after each of the last two
            reduction cells take the input of that reduction cell (rather
            than its output) as their "previous" input.
        filter_multiplier: factor by which the number of filters grows at
            each reduction.
        include_top: whether to end with the classifier (global average
            pooling and `predictions`).
        weights: `None` (random initialization), `'imagenet'` (only with
            the NASNetLarge and NASNetMobile configurations, i.e.
            `default_size` 331 or 224), or the path of a weights file.
        input_tensor: optional Keras tensor (e.g. the output of `Input()`)
            to use as the image input.
        pooling: with `include_top=False`, `None` keeps the 4D output of
            the last cell, `'avg'` or `'max'` adds global average or max
            pooling (a 2D output).
        classes: number of classes of the classifier; other than 1000
            only with `include_top` and without ImageNet weights.
        default_size: the input size the network is meant for (331 when
            `None`); it selects the ImageNet weight file.

    # Returns
        A `Model` named `'NASNet'`.

    # Raises
        ValueError: for an invalid `weights`, `classes`, `pooling`,
            `penultimate_filters` or input shape.

    # Example

    ```python
        model = NASNet(input_shape=(32, 32, 3), penultimate_filters=96,
                       num_blocks=1, stem_block_filters=8, weights=None,
                       classes=10)
    ```
    """
    _common.check_arguments('NASNet', weights, include_top, classes, pooling)
    if isinstance(input_shape, (tuple, list)) and None in input_shape and \
            weights == 'imagenet':
        raise ValueError('When specifying the input shape of a NASNet and '
                         'loading `ImageNet` weights, the input_shape '
                         'argument must be static (no None entries). Got: '
                         '`input_shape=%s`.' % (tuple(input_shape),))
    if default_size is None:
        default_size = 331
    if weights == 'imagenet' and default_size not in (224, 331):
        raise ValueError('NASNet: ImageNet weights can only be loaded with '
                         'NASNetLarge or NASNetMobile (default_size 331 or '
                         '224); got default_size=%r.' % (default_size,))
    if penultimate_filters % 24 != 0:
        raise ValueError('For NASNet-A models, the value of '
                         '`penultimate_filters` needs to be divisible by 24. '
                         'Current value: %d' % penultimate_filters)
    with _common.channels_last_only('NASNet family of models'):
        input_shape = _obtain_input_shape(input_shape,
                                          default_size=default_size,
                                          min_size=32,
                                          data_format='channels_last',
                                          require_flatten=include_top,
                                          weights=weights)
        img_input = _common.model_input(input_tensor, input_shape)

        filters = penultimate_filters // 24
        x = layers.Conv2D(stem_block_filters, (3, 3), strides=(2, 2),
                          padding='valid', use_bias=False, name='stem_conv1',
                          kernel_initializer='he_normal')(img_input)
        x = layers.BatchNormalization(name='stem_bn1', **_BN)(x)

        p = None
        x, p = _reduction_cell(x, p, filters // filter_multiplier ** 2,
                               'stem_1')
        x, p = _reduction_cell(x, p, filters // filter_multiplier, 'stem_2')
        for stage in range(3):
            stage_filters = filters * filter_multiplier ** stage
            first = stage * num_blocks
            if stage:
                x, reduction_input = _reduction_cell(
                    x, p, stage_filters, 'reduce_%d' % first)
                if not skip_reduction:
                    p = reduction_input
                first += 1
            for i in range(num_blocks):
                x, p = _normal_cell(x, p, stage_filters, '%d' % (first + i))
        x = layers.Activation('relu')(x)

        if include_top:
            x = layers.GlobalAveragePooling2D()(x)
            x = layers.Dense(classes, activation='softmax',
                             name='predictions')(x)
        else:
            x = _common.pooling_head(x, pooling)
        model = Model(_common.model_inputs(input_tensor, img_input), x,
                      name='NASNet')
        _common.load_weights(model, weights,
                             _WEIGHT_FILES.get((default_size,
                                                bool(include_top))))
    return model


def NASNetLarge(input_shape=None, include_top=True, weights='imagenet',
                input_tensor=None, pooling=None, classes=1000):
    """Builds NASNet-A Large (6 @ 4032), optionally with weights trained on
    ImageNet.

    The default input size is 331x331; see `NASNet` for the data format
    and the preprocessing.

    # Arguments
        input_shape: optional shape tuple without the batch axis:
            `(331, 331, 3)` with the classifier and ImageNet weights,
            otherwise 3 channels and at least 32 rows and columns.
        include_top: whether to end with the classifier.
        weights: `None`, `'imagenet'` or the path of a weights file.
        input_tensor: optional Keras tensor to use as the image input.
        pooling: `None`, `'avg'` or `'max'` for `include_top=False`.
        classes: number of classes of the classifier.

    # Returns
        A `Model` named `'NASNet'`.

    # Raises
        ValueError: for invalid arguments.
    """
    return NASNet(input_shape, penultimate_filters=4032, num_blocks=6,
                  stem_block_filters=96, skip_reduction=True,
                  filter_multiplier=2, include_top=include_top,
                  weights=weights, input_tensor=input_tensor,
                  pooling=pooling, classes=classes, default_size=331)


def NASNetMobile(input_shape=None, include_top=True, weights='imagenet',
                 input_tensor=None, pooling=None, classes=1000):
    """Builds NASNet-A Mobile (4 @ 1056), optionally with weights trained on
    ImageNet.

    The default input size is 224x224; see `NASNet` for the data format
    and the preprocessing.

    # Arguments
        input_shape: optional shape tuple without the batch axis:
            `(224, 224, 3)` with the classifier and ImageNet weights,
            otherwise 3 channels and at least 32 rows and columns.
        include_top: whether to end with the classifier.
        weights: `None`, `'imagenet'` or the path of a weights file.
        input_tensor: optional Keras tensor to use as the image input.
        pooling: `None`, `'avg'` or `'max'` for `include_top=False`.
        classes: number of classes of the classifier.

    # Returns
        A `Model` named `'NASNet'`.

    # Raises
        ValueError: for invalid arguments.
    """
    return NASNet(input_shape, penultimate_filters=1056, num_blocks=4,
                  stem_block_filters=32, skip_reduction=False,
                  filter_multiplier=2, include_top=include_top,
                  weights=weights, input_tensor=input_tensor,
                  pooling=pooling, classes=classes, default_size=224)


def preprocess_input(x, data_format=None):
    """Scales RGB images from [0, 255] to [-1, 1], as NASNet expects.

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
