"""The engine: layers, nodes, networks, models and their training."""
from .input_layer import Input  # noqa: F401
from .input_layer import InputLayer  # noqa: F401
from .base_layer import InputSpec  # noqa: F401
from .base_layer import Layer  # noqa: F401
from ..utils.layer_utils import get_source_inputs  # noqa: F401
from .training import Model  # noqa: F401
