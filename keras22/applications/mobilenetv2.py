"""The Keras 2.2.0 name of `keras22.applications.mobilenet_v2`, kept so
that `from keras.applications.mobilenetv2 import MobileNetV2` still works."""
from .mobilenet_v2 import MobileNetV2  # noqa: F401
from .mobilenet_v2 import decode_predictions  # noqa: F401
from .mobilenet_v2 import preprocess_input  # noqa: F401
