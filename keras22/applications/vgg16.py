"""VGG16: the 16-layer network of Simonyan and Zisserman, "Very Deep
Convolutional Networks for Large-Scale Image Recognition" (2014)."""
from .. import backend as K
from .. import layers
from ..engine.training import Model
from . import _common
from .imagenet_utils import _obtain_input_shape
from .imagenet_utils import decode_predictions  # noqa: F401
from .imagenet_utils import preprocess_input  # noqa: F401

_RELEASE = ('https://github.com/fchollet/deep-learning-models/'
            'releases/download/v0.1/')
WEIGHTS_PATH = _RELEASE + 'vgg16_weights_tf_dim_ordering_tf_kernels.h5'
WEIGHTS_PATH_NO_TOP = (_RELEASE +
                       'vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5')
_WEIGHT_FILES = {
    True: ('vgg16_weights_tf_dim_ordering_tf_kernels.h5', WEIGHTS_PATH,
           '64373286793e3c8b2b4e3219cbf3544b'),
    False: ('vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5',
            WEIGHTS_PATH_NO_TOP, '6d6bbae143d832006294945121d1f1fc'),
}


def _build_vgg(caller, model_name, convs_per_block, weight_files,
               include_top, weights, input_tensor, input_shape, pooling,
               classes):
    """The VGG family: five blocks of 3x3 convolutions, each closed by a
    2x2 max pooling, then (with `include_top`) two 4096-unit dense layers
    and the classifier."""
    _common.check_arguments(caller, weights, include_top, classes, pooling)
    input_shape = _obtain_input_shape(input_shape, default_size=224,
                                      min_size=32,
                                      data_format=K.image_data_format(),
                                      require_flatten=include_top,
                                      weights=weights)
    img_input = _common.model_input(input_tensor, input_shape)
    x = img_input
    for block, (filters, convs) in enumerate(
            zip((64, 128, 256, 512, 512), convs_per_block), start=1):
        for conv in range(1, convs + 1):
            x = layers.Conv2D(filters, (3, 3), activation='relu',
                              padding='same',
                              name='block%d_conv%d' % (block, conv))(x)
        x = layers.MaxPooling2D((2, 2), strides=(2, 2),
                                name='block%d_pool' % block)(x)
    if include_top:
        x = layers.Flatten(name='flatten')(x)
        x = layers.Dense(4096, activation='relu', name='fc1')(x)
        x = layers.Dense(4096, activation='relu', name='fc2')(x)
        x = layers.Dense(classes, activation='softmax', name='predictions')(x)
    else:
        x = _common.pooling_head(x, pooling)
    model = Model(_common.model_inputs(input_tensor, img_input), x,
                  name=model_name)
    _common.load_weights(model, weights, weight_files[bool(include_top)])
    return model


def VGG16(include_top=True, weights='imagenet', input_tensor=None,
          input_shape=None, pooling=None, classes=1000):
    """Builds the VGG16 network, optionally with weights trained on ImageNet.

    The image data format is the one of the Keras configuration
    (`K.image_data_format()`). Inputs are expected preprocessed by this
    module's `preprocess_input` (BGR, ImageNet mean subtracted).

    # Arguments
        include_top: whether to end with the classifier (`flatten`, `fc1`,
            `fc2` and `predictions`).
        weights: `None` (random initialization), `'imagenet'` (weights
            trained on ImageNet, read from `models/` in the Keras cache
            directory and downloaded there if missing), or the path of a
            weights file to load.
        input_tensor: optional Keras tensor (e.g. the output of `Input()`)
            to use as the image input.
        input_shape: optional shape tuple without the batch axis. With
            `include_top` and ImageNet weights it must be `(224, 224, 3)`
            (`(3, 224, 224)` channels first); otherwise 3 channels and at
            least 32 rows and columns, e.g. `(200, 200, 3)`.
        pooling: with `include_top=False`, `None` keeps the 4D output of
            the last convolutional block, `'avg'` or `'max'` adds global
            average or max pooling (a 2D output).
        classes: number of classes of the classifier; other than 1000
            only with `include_top` and without ImageNet weights.

    # Returns
        A `Model` named `'vgg16'`.

    # Raises
        ValueError: for an invalid `weights`, `classes`, `pooling` or
            input shape.

    # Example

    ```python
        model = VGG16(include_top=False, weights=None,
                      input_shape=(64, 64, 3), pooling='avg')
        features = model.predict(preprocess_input(images))
    ```
    """
    return _build_vgg('VGG16', 'vgg16', (2, 2, 3, 3, 3), _WEIGHT_FILES,
                      include_top, weights, input_tensor, input_shape,
                      pooling, classes)
