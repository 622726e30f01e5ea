"""Model-related names: Model, Sequential, loading, saving and cloning."""
from .engine.input_layer import Input  # noqa: F401
from .engine.input_layer import InputLayer  # noqa: F401
from .engine.saving import load_model  # noqa: F401
from .engine.saving import model_from_config  # noqa: F401
from .engine.saving import model_from_json  # noqa: F401
from .engine.saving import model_from_yaml  # noqa: F401
from .engine.saving import save_model  # noqa: F401
from .engine.sequential import Sequential  # noqa: F401
from .engine.training import Model  # noqa: F401
