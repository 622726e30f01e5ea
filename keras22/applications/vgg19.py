"""VGG19: the 19-layer network of Simonyan and Zisserman, "Very Deep
Convolutional Networks for Large-Scale Image Recognition" (2014)."""
from .imagenet_utils import decode_predictions  # noqa: F401
from .imagenet_utils import preprocess_input  # noqa: F401
from .vgg16 import _build_vgg

_RELEASE = ('https://github.com/fchollet/deep-learning-models/'
            'releases/download/v0.1/')
WEIGHTS_PATH = _RELEASE + 'vgg19_weights_tf_dim_ordering_tf_kernels.h5'
WEIGHTS_PATH_NO_TOP = (_RELEASE +
                       'vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5')
_WEIGHT_FILES = {
    True: ('vgg19_weights_tf_dim_ordering_tf_kernels.h5', WEIGHTS_PATH,
           'cbe5617147190e668d6c5d5026f83318'),
    False: ('vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5',
            WEIGHTS_PATH_NO_TOP, '253f8cb515780f3b799900260a226db6'),
}


def VGG19(include_top=True, weights='imagenet', input_tensor=None,
          input_shape=None, pooling=None, classes=1000):
    """Builds the VGG19 network, optionally with weights trained on ImageNet.

    VGG16 with a fourth convolution in each of the last three blocks
    (`block3_conv4`, `block4_conv4`, `block5_conv4`). The image data format
    is the one of the Keras configuration; inputs are expected preprocessed
    by this module's `preprocess_input` (BGR, ImageNet mean subtracted).

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
            least 32 rows and columns.
        pooling: with `include_top=False`, `None` keeps the 4D output of
            the last convolutional block, `'avg'` or `'max'` adds global
            average or max pooling (a 2D output).
        classes: number of classes of the classifier; other than 1000
            only with `include_top` and without ImageNet weights.

    # Returns
        A `Model` named `'vgg19'`.

    # Raises
        ValueError: for an invalid `weights`, `classes`, `pooling` or
            input shape.

    # Example

    ```python
        base = VGG19(include_top=False, weights=None, input_shape=(64, 64, 3))
        base.get_layer('block5_conv4').output
    ```
    """
    return _build_vgg('VGG19', 'vgg19', (2, 2, 4, 4, 4), _WEIGHT_FILES,
                      include_top, weights, input_tensor, input_shape,
                      pooling, classes)
