"""Image classification networks with optional ImageNet weights.

The builders, their arguments, layer names and weight files are those of
Keras 2.2.4 (keras_applications 1.0.6). With `weights='imagenet'` the
weights are read from `models/` in the Keras cache directory
(`$KERAS_HOME`, else `~/.keras`), where Keras 2.2 stored them, and are
downloaded there when missing.

```python
from keras22.applications.vgg16 import VGG16, preprocess_input

model = VGG16(weights='imagenet', include_top=False)
```
"""
from . import imagenet_utils  # noqa: F401
from .vgg16 import VGG16  # noqa: F401
from .vgg19 import VGG19  # noqa: F401
from .resnet50 import ResNet50  # noqa: F401
from .inception_v3 import InceptionV3  # noqa: F401
from .inception_resnet_v2 import InceptionResNetV2  # noqa: F401
from .xception import Xception  # noqa: F401
from .mobilenet import MobileNet  # noqa: F401
from .mobilenet_v2 import MobileNetV2  # noqa: F401
from .densenet import DenseNet121, DenseNet169, DenseNet201  # noqa: F401
from .nasnet import NASNetMobile, NASNetLarge  # noqa: F401
from . import mobilenetv2  # noqa: F401
