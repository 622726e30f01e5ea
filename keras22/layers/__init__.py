"""Every layer of Keras 2.2, by family, and layer (de)serialization."""
from ..engine.base_layer import Layer  # noqa: F401
from ..engine.base_layer import InputSpec  # noqa: F401
from ..engine.input_layer import Input  # noqa: F401
from ..engine.input_layer import InputLayer  # noqa: F401
from ..utils.generic_utils import deserialize_keras_object

from .core import *  # noqa: F401,F403
from .convolutional import *  # noqa: F401,F403
from .pooling import *  # noqa: F401,F403
from .local import *  # noqa: F401,F403
from .recurrent import *  # noqa: F401,F403
from .cudnn_recurrent import *  # noqa: F401,F403
from .convolutional_recurrent import *  # noqa: F401,F403
from .embeddings import *  # noqa: F401,F403
from .merge import *  # noqa: F401,F403
from .noise import *  # noqa: F401,F403
from .normalization import *  # noqa: F401,F403
from .advanced_activations import *  # noqa: F401,F403
from .wrappers import *  # noqa: F401,F403
from ..legacy.layers import *  # noqa: F401,F403


def serialize(layer):
    """A layer's `{'class_name', 'config'}` description."""
    return {'class_name': layer.__class__.__name__,
            'config': layer.get_config()}


def deserialize(config, custom_objects=None):
    """Creates a layer (or a model) from `serialize` output.

    # Arguments
        config: dict with `class_name` and `config`.
        custom_objects: dict of names of custom layers and functions.

    # Returns
        A layer or model instance.

    # Raises
        ValueError: for an unknown class name.
    """
    from .. import models
    known = dict(globals())
    known['Model'] = models.Model
    known['Sequential'] = models.Sequential
    return deserialize_keras_object(config, module_objects=known,
                                    custom_objects=custom_objects,
                                    printable_module_name='layer')
