"""Legacy location of the engine's classes (`keras.engine.topology`).

Keras 2.2 split its old topology module into base_layer, input_layer and
network; code written before the split imports from here.
"""
from .base_layer import InputSpec  # noqa: F401
from .base_layer import Layer  # noqa: F401
from .base_layer import Node  # noqa: F401
from .input_layer import Input  # noqa: F401
from .input_layer import InputLayer  # noqa: F401
from .network import Network  # noqa: F401
from ..utils.layer_utils import get_source_inputs  # noqa: F401
from .saving import load_weights_from_hdf5_group  # noqa: F401
from .saving import load_weights_from_hdf5_group_by_name  # noqa: F401
from .saving import preprocess_weights_for_loading  # noqa: F401
from .saving import save_weights_to_hdf5_group  # noqa: F401
