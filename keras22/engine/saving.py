"""Saving and loading models: configs, JSON/YAML and HDF5 files."""
import json

import numpy as np

from ..utils.generic_utils import CustomObjectScope


def _json_default(obj):
    """Lets json.dumps write NumPy values and TensorShapes in configs."""
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, np.floating):
        return float(obj)
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if type(obj).__name__ == 'Dimension':
        return obj.value
    if type(obj).__name__ == 'TensorShape':
        return obj.as_list()
    if isinstance(obj, bytes):
        return obj.decode('utf-8')
    raise TypeError('Not JSON Serializable: %r' % (obj,))


def _model_config_dict(model):
    return {'class_name': model.__class__.__name__,
            'config': model.get_config()}


def model_from_config(config, custom_objects=None):
    """Instantiates a model from its config (`{'class_name', 'config'}`).

    # Arguments
        config: the configuration dict.
        custom_objects: dict of names of custom layers, functions, ...

    # Returns
        A model.

    # Raises
        TypeError: if `config` is a list (use `Sequential.from_config`).
    """
    if isinstance(config, list):
        raise TypeError('`model_from_config` expects a dictionary, not a '
                        'list. Maybe you meant to use '
                        '`Sequential.from_config(config)`?')
    from ..layers import deserialize
    return deserialize(config, custom_objects=custom_objects)


def model_from_json(json_string, custom_objects=None):
    """Instantiates a model from a JSON string made by `to_json`.

    # Arguments
        json_string: the JSON text.
        custom_objects: dict of names of custom layers, functions, ...

    # Returns
        A model (not compiled, with fresh weights).
    """
    config = json.loads(json_string)
    from ..layers import deserialize
    return deserialize(config, custom_objects=custom_objects)


def model_from_yaml(yaml_string, custom_objects=None):
    """Instantiates a model from a YAML string made by `to_yaml`.

    # Arguments
        yaml_string: the YAML text.
        custom_objects: dict of names of custom layers, functions, ...

    # Returns
        A model (not compiled, with fresh weights).
    """
    import yaml
    config = yaml.safe_load(yaml_string)
    from ..layers import deserialize
    return deserialize(config, custom_objects=custom_objects)


def save_model(model, filepath, overwrite=True, include_optimizer=True):
    raise NotImplementedError('HDF5 saving is not available yet.')


def load_model(filepath, custom_objects=None, compile=True):
    raise NotImplementedError('HDF5 loading is not available yet.')


def save_weights(model, filepath, overwrite=True):
    raise NotImplementedError('HDF5 saving is not available yet.')


def load_weights(model, filepath, by_name=False, skip_mismatch=False,
                 reshape=False):
    raise NotImplementedError('HDF5 loading is not available yet.')


def save_weights_to_hdf5_group(f, layers):
    raise NotImplementedError('HDF5 saving is not available yet.')


def load_weights_from_hdf5_group(f, layers, reshape=False):
    raise NotImplementedError('HDF5 loading is not available yet.')


def load_weights_from_hdf5_group_by_name(f, layers, skip_mismatch=False,
                                         reshape=False):
    raise NotImplementedError('HDF5 loading is not available yet.')


def preprocess_weights_for_loading(layer, weights, original_keras_version=None,
                                   original_backend=None, reshape=False):
    return weights
