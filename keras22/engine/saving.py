"""Saving and loading models: configs, JSON/YAML, HDF5 files and pickles.

The HDF5 layout is Keras 2.2's, so files move freely between Keras 2.2,
keras22 and tf.keras / tf_keras:

* root attributes `keras_version`, `backend`, `model_config` (JSON of
  `{'class_name', 'config'}`) and, for compiled models, `training_config`
  (JSON of the optimizer config, loss, metrics, sample weight mode and loss
  weights);
* group `model_weights`: attributes `layer_names`, `backend`,
  `keras_version`; one sub-group per layer with attribute `weight_names`
  and one dataset per weight (`'dense_1/kernel:0'`);
* group `optimizer_weights`: attribute `weight_names` and one dataset per
  optimizer variable.

Everything is written through `keras22.utils.io_utils.H5Dict`, which also
stores into a plain dict: pickling a model writes the same structure into
memory.
"""
import contextlib
import copy
import inspect
import json
import os
import secrets
import warnings

import numpy as np

from .. import backend as K
from .. import optimizers
from ..utils.generic_utils import CustomObjectScope
from ..utils.io_utils import (HDF5_OBJECT_HEADER_LIMIT, H5Dict,
                              ask_to_proceed_with_overwrite)

try:
    import h5py
except ImportError:  # pragma: no cover - h5py is a dependency
    h5py = None

# Files say they were written by Keras 2.2.4: their layout is that version's,
# and readers (tf_keras included) pick their conversions by this number.
_KERAS_VERSION = '2.2.4'


# ----------------------------------------------------------------------
# JSON helpers (also used by Network.to_json / to_yaml).

def _json_default(obj):
    """Lets `json.dumps` write what Keras configs contain besides plain
    Python values: NumPy values, shapes, functions and configurable
    objects (by name or as `{'class_name', 'config'}`)."""
    if isinstance(obj, type):
        return obj.__name__
    if hasattr(obj, 'get_config'):
        return {'class_name': obj.__class__.__name__,
                'config': obj.get_config()}
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, np.generic):
        return obj.item()
    if type(obj).__name__ == 'Dimension':
        return obj.value
    if type(obj).__name__ == 'TensorShape':
        return obj.as_list()
    if isinstance(obj, bytes):
        return obj.decode('utf-8')
    if callable(obj) and hasattr(obj, '__name__'):
        return obj.__name__
    raise TypeError('Not JSON Serializable: %r' % (obj,))


def _model_config_dict(model):
    """The description `to_json` and `to_yaml` write, with the version and
    backend stamps Keras 2.2 added."""
    return {'class_name': model.__class__.__name__,
            'config': model.get_config(),
            'keras_version': _KERAS_VERSION,
            'backend': K.backend()}


def _to_text(value):
    """An attribute read back from a file as `str` (h5py gives bytes for
    fixed-length strings, str for variable-length ones)."""
    if isinstance(value, (bytes, np.bytes_)):
        return bytes(value).decode('utf-8')
    if isinstance(value, np.ndarray) and value.shape == ():
        return _to_text(value.item())
    return value if value is None else str(value)


# ----------------------------------------------------------------------
# Attributes.

def _underlying(group):
    """The h5py group or dict behind `group` (which may be an H5Dict)."""
    return group.data if isinstance(group, H5Dict) else group


def save_attributes_to_hdf5_group(group, name, data):
    """Stores a list of names as an attribute of an HDF5 group.

    HDF5 keeps attributes in the object header, which holds at most
    `HDF5_OBJECT_HEADER_LIMIT` bytes; a longer list is split over the
    attributes `name0`, `name1`, ... (`load_attributes_from_hdf5_group`
    joins them again).

    # Arguments
        group: an `h5py.Group` (or an `H5Dict`, or a dict).
        name: the attribute name.
        data: a list of `str` or `bytes`.

    # Raises
        RuntimeError: if a single item is longer than the header limit.
    """
    items = [x.encode('utf8') if isinstance(x, str) else bytes(x)
             for x in data]
    target = _underlying(group)
    if isinstance(target, dict):
        target[name] = items
        return
    oversized = [x for x in items if len(x) > HDF5_OBJECT_HEADER_LIMIT]
    if oversized:
        raise RuntimeError('The following attributes cannot be saved to '
                           'HDF5 file because they are larger than %d bytes: '
                           '%s' % (HDF5_OBJECT_HEADER_LIMIT,
                                   ', '.join(x[:80].decode('utf8', 'replace')
                                             for x in oversized)))
    array = np.asarray(items)
    if array.size == 0:
        # An empty float array is what Keras 2.2 (and tf_keras) write for
        # an empty list, and what their readers expect.
        target.attrs[name] = np.asarray([])
        return
    pieces = 1
    while any(p.nbytes > HDF5_OBJECT_HEADER_LIMIT
              for p in np.array_split(array, pieces)):
        pieces += 1
    if pieces == 1:
        target.attrs[name] = array
    else:
        for number, piece in enumerate(np.array_split(array, pieces)):
            target.attrs['%s%d' % (name, number)] = piece


def load_attributes_from_hdf5_group(group, name):
    """Reads a list of names stored by `save_attributes_to_hdf5_group`.

    # Arguments
        group: an `h5py.Group` (or an `H5Dict`, or a dict).
        name: the attribute name.

    # Returns
        A list of `str`; empty if the attribute is missing.
    """
    source = _underlying(group)
    attrs = source if isinstance(source, dict) else source.attrs
    if name in attrs:
        chunks = [attrs[name]]
    else:
        chunks = []
        while '%s%d' % (name, len(chunks)) in attrs:
            chunks.append(attrs['%s%d' % (name, len(chunks))])
    names = []
    for chunk in chunks:
        if isinstance(chunk, np.ndarray):
            chunk = chunk.tolist() if chunk.dtype.kind in 'SOU' else []
        elif isinstance(chunk, (str, bytes, np.bytes_)):
            chunk = [chunk]
        names.extend(_to_text(item) for item in chunk)
    return names


def _set_text(f, name, text):
    """Stores a string attribute as Keras 2.2 did (UTF-8 bytes), or as a
    variable-length string when it is too long for the object header
    (Keras 2.2 could not save such models at all)."""
    encoded = text.encode('utf-8')
    if isinstance(_underlying(f), dict) or \
            len(encoded) < HDF5_OBJECT_HEADER_LIMIT:
        f[name] = encoded
    else:
        f[name] = text


def _get_text(f, name):
    return _to_text(f.get(name))


# ----------------------------------------------------------------------
# Writing weights.

def _unique_weight_names(weights):
    """The names weights are stored under, made unique the way TensorFlow 1
    named variables (`Variable:0`, `Variable_1:0`, ...), since eager
    variables may share a name and HDF5 names must differ."""
    names = []
    taken = set()
    for i, w in enumerate(weights):
        name = str(getattr(w, 'name', '') or 'param_%d' % i)
        if name in taken:
            stem, sep, suffix = name.rpartition(':')
            if not sep:
                stem, suffix = name, ''
            count = 1
            while True:
                candidate = '%s_%d%s%s' % (stem, count, ':' if sep else '',
                                           suffix)
                if candidate not in taken:
                    break
                count += 1
            name = candidate
        taken.add(name)
        names.append(name)
    return names


def _write_values(group, weights):
    values = K.batch_get_value(weights)
    names = _unique_weight_names(weights)
    save_attributes_to_hdf5_group(group, 'weight_names', names)
    for name, value in zip(names, values):
        group[name] = np.asarray(value)


def save_weights_to_hdf5_group(f, layers):
    """Writes the weights of layers into an HDF5 group, Keras 2.2's way.

    # Arguments
        f: an `h5py.Group` (or `h5py.File`, or an `H5Dict`).
        layers: the layers whose weights to write (`model.layers`).
    """
    f = _as_h5dict(f)
    save_attributes_to_hdf5_group(f, 'layer_names',
                                  [layer.name for layer in layers])
    f['backend'] = K.backend().encode('utf8')
    f['keras_version'] = _KERAS_VERSION.encode('utf8')
    for layer in layers:
        _write_values(f[layer.name], layer.weights)


def _as_h5dict(f, mode='a'):
    if isinstance(f, H5Dict):
        return f
    return H5Dict(f, mode=mode)


# ----------------------------------------------------------------------
# Reading weights.

def _file_origin(f):
    """The Keras version and backend that wrote a weights group."""
    version = _get_text(f, 'keras_version')
    backend = _get_text(f, 'backend')
    # Keras 1 wrote no version.
    return (version if version is not None else '1'), backend


def _layer_group(f, name):
    if name not in f:
        raise ValueError('The weights group lists layer "%s" but has no '
                         'group of that name: the file is incomplete or '
                         'damaged.' % name)
    return f[name]


def _stored_layers(f):
    """`[(layer name, [weight arrays])]` for the layers of a weights group
    that have weights, in file order."""
    stored = []
    for name in load_attributes_from_hdf5_group(f, 'layer_names'):
        group = _layer_group(f, name)
        weight_names = load_attributes_from_hdf5_group(group, 'weight_names')
        if weight_names:
            stored.append((name, [np.asarray(group[w])
                                  for w in weight_names]))
    return stored


class _WeightMismatch(ValueError):
    """A layer's saved weights do not fit it; `what` says how (`'number of
    weights'` or `'shape'`), for the warning of `skip_mismatch`."""

    def __init__(self, message, what):
        super(_WeightMismatch, self).__init__(message)
        self.what = what


def _matched_values(layer, values, source, version, backend, reshape):
    """Pairs a layer's variables with values from a file, converted and
    checked.

    # Returns
        A list of `(variable, value)`.

    # Raises
        ValueError: on a count or shape mismatch, naming the layer, its
            source in the file and both shapes.
    """
    variables = layer.weights
    values = preprocess_weights_for_loading(layer, list(values), version,
                                            backend, reshape=reshape)
    if len(values) != len(variables):
        raise _WeightMismatch(
            'Layer "%s" (%s) expects %d weights, but the saved weights of '
            'layer "%s" have %d elements.'
            % (layer.name, layer.__class__.__name__, len(variables), source,
               len(values)), 'number of weights')
    pairs = []
    for variable, value in zip(variables, values):
        expected = tuple(K.int_shape(variable))
        value = np.asarray(value)
        if value.shape != expected:
            if reshape and value.size == int(np.prod(expected)):
                value = value.reshape(expected)
            else:
                raise _WeightMismatch(
                    'Weight "%s" of layer "%s" has shape %s, but the saved '
                    'weight for it (from layer "%s") has shape %s%s.'
                    % (variable.name, layer.name, expected, source,
                       value.shape,
                       '' if reshape else
                       ' (pass reshape=True to reshape weights of equal '
                       'size)'), 'shape')
        pairs.append((variable, value))
    return pairs


def load_weights_from_hdf5_group(f, layers, reshape=False):
    """Loads weights into layers by their order (Keras 2.2's topological
    loading): the n-th layer with weights gets the n-th saved layer with
    weights.

    Every value is checked before any is set, so a failed load leaves the
    layers as they were.

    # Arguments
        f: an `h5py.Group` (e.g. a file's `model_weights`), or an `H5Dict`.
        layers: the layers to fill (`model.layers`).
        reshape: reshape saved weights whose size matches but shape does
            not.

    # Raises
        ValueError: if the number of layers with weights differs, or a
            layer's weights do not match in number or shape.
    """
    f = _as_h5dict(f, mode='r')
    version, backend = _file_origin(f)
    stored = _stored_layers(f)
    weighted = [layer for layer in layers if layer.weights]
    if len(stored) != len(weighted):
        raise ValueError(
            'You are trying to load a weight file containing %d layers into '
            'a model with %d layers (counting layers with weights; in the '
            'file: %s; in the model: %s).'
            % (len(stored), len(weighted),
               ', '.join(name for name, _ in stored),
               ', '.join(layer.name for layer in weighted)))
    pairs = []
    for layer, (name, values) in zip(weighted, stored):
        pairs += _matched_values(layer, values, name, version, backend,
                                 reshape)
    K.batch_set_value(pairs)


def load_weights_from_hdf5_group_by_name(f, layers, skip_mismatch=False,
                                         reshape=False):
    """Loads weights into the layers whose names match saved layers.

    Layers of the model absent from the file, and saved layers absent from
    the model, are left alone, so weights can be moved between models that
    share some layers.

    # Arguments
        f: an `h5py.Group` or an `H5Dict`.
        layers: the layers to fill.
        skip_mismatch: skip (with a warning) layers whose saved weights do
            not match in number or shape, instead of raising. A skipped
            layer keeps all its weights (Keras 2.2 could load part of a
            layer).
        reshape: reshape saved weights whose size matches but shape does
            not.

    # Raises
        ValueError: on a mismatch, unless `skip_mismatch`.
    """
    f = _as_h5dict(f, mode='r')
    version, backend = _file_origin(f)
    by_name = {}
    for layer in layers:
        by_name.setdefault(layer.name, []).append(layer)
    pairs = []
    for name, values in _stored_layers(f):
        for layer in by_name.get(name, []):
            try:
                pairs += _matched_values(layer, values, name, version,
                                         backend, reshape)
            except ValueError as e:
                if not skip_mismatch:
                    raise
                # Keras 2.2's wording, which users' warning filters match.
                warnings.warn('Skipping loading of weights for layer %s due '
                              'to mismatch in %s: %s'
                              % (layer.name, getattr(e, 'what', 'shape'), e))
    K.batch_set_value(pairs)


# ----------------------------------------------------------------------
# Weight conversions (older formats and other layer implementations).

# Whether a backend computes convolutions as cross-correlations.
_CORRELATES = {'tensorflow': True, 'cntk': True, 'theano': False}


def _needs_kernel_flip(original_backend):
    if original_backend not in _CORRELATES or \
            K.backend() not in _CORRELATES:
        return False
    return _CORRELATES[original_backend] != _CORRELATES[K.backend()]


def _nested_model_weights(model, weights, version, backend, reshape):
    """Converts the weights of a model used as a layer, sub-layer by
    sub-layer: first every layer's trainable weights, then every layer's
    other weights (the order of `Network.weights`)."""
    converted = []
    for trainable in (True, False):
        for sublayer in model.layers:
            count = len(sublayer.trainable_weights if trainable else
                        sublayer.non_trainable_weights)
            if count:
                converted += preprocess_weights_for_loading(
                    sublayer, weights[:count], version, backend, reshape)
                weights = weights[count:]
    return converted + list(weights)


def _keras1_recurrent(weights, order):
    """Joins Keras 1's per-gate recurrent weights (`W, U, b` per gate) into
    `kernel, recurrent_kernel, bias`, gates taken in `order`."""
    return [np.concatenate([weights[3 * gate + part] for gate in order],
                           axis=-1) for part in range(3)]


def _from_keras1(layer, weights):
    name = layer.__class__.__name__
    if name == 'Conv1D':
        kernel = weights[0]
        length = layer.kernel_size[0]
        if kernel.shape[:2] != (length, 1) or kernel.shape[3] != \
                layer.filters:
            # Keras 1.1 laid it out as (filters, input_dim, length, 1).
            kernel = np.transpose(kernel, (2, 3, 1, 0))
        weights[0] = kernel[:, 0, :, :]
    elif name == 'Conv2D' and layer.data_format == 'channels_first':
        weights[0] = np.transpose(weights[0], (2, 3, 1, 0))
    elif name == 'Conv2DTranspose':
        if layer.data_format == 'channels_first':
            weights[0] = np.transpose(weights[0], (2, 3, 0, 1))
        else:
            weights[0] = np.transpose(weights[0], (0, 1, 3, 2))
    elif name == 'Conv3D' and layer.data_format == 'channels_first':
        weights[0] = np.transpose(weights[0], (2, 3, 4, 1, 0))
    elif name == 'GRU' and len(weights) == 9:
        # Keras 1 gates z, r, h: already Keras 2's order.
        weights = _keras1_recurrent(weights, (0, 1, 2))
    elif name == 'LSTM' and len(weights) == 12:
        # Keras 1 stored gates i, c, f, o; Keras 2 uses i, f, c, o.
        weights = _keras1_recurrent(weights, (0, 2, 1, 3))
    elif name == 'ConvLSTM2D' and len(weights) == 12:
        weights = _keras1_recurrent(weights, (0, 2, 1, 3))
        if layer.data_format == 'channels_first':
            weights[0] = np.transpose(weights[0], (2, 3, 1, 0))
            weights[1] = np.transpose(weights[1], (2, 3, 1, 0))
    return weights


# The recurrent layers whose weights have a CuDNN and a plain layout.
_CUDNN_FAMILIES = ('LSTM', 'GRU', 'CuDNNLSTM', 'CuDNNGRU')


def preprocess_weights_for_loading(layer, weights, original_keras_version=None,
                                   original_backend=None, reshape=False):
    """Converts saved weights to the layout a layer expects.

    Handles what Keras 2.2 converted: layers nested in `Bidirectional`,
    `TimeDistributed` and models; Keras 1 weights (separate per-gate
    recurrent weights, older convolution kernel layouts); kernels saved
    with Theano (flipped); CuDNNLSTM/CuDNNGRU weights loaded into LSTM/GRU
    and back.

    # Arguments
        layer: the layer receiving the weights.
        weights: the list of saved arrays.
        original_keras_version: the Keras version that saved them (`'1'`
            for Keras 1 files).
        original_backend: the backend that saved them.
        reshape: reshape convolution kernels of equal size but another
            shape.

    # Returns
        The list of arrays, converted.

    # Raises
        ValueError: if `reshape` is asked for a kernel of another size, or
            recurrent weights come from an incompatible layer type.
    """
    weights = [np.asarray(w) for w in weights]
    name = layer.__class__.__name__
    args = (original_keras_version, original_backend, reshape)
    # Wrappers and nested models: each inner layer converts its own part.
    if name == 'Bidirectional':
        half = len(weights) // 2
        return (preprocess_weights_for_loading(
            layer.forward_layer, weights[:half], *args) +
            preprocess_weights_for_loading(
                layer.backward_layer, weights[half:], *args))
    if name == 'TimeDistributed':
        return preprocess_weights_for_loading(layer.layer, weights, *args)
    if hasattr(layer, 'layers') and hasattr(layer, '_is_graph_network'):
        return _nested_model_weights(layer, weights, *args)

    if original_keras_version == '1':
        weights = _from_keras1(layer, weights)

    if name in ('Conv1D', 'Conv2D', 'Conv3D', 'Conv2DTranspose',
                'ConvLSTM2D') and weights:
        expected = tuple(K.int_shape(layer.weights[0]))
        if _needs_kernel_flip(original_backend):
            from ..utils.conv_utils import convert_kernel
            weights[0] = convert_kernel(weights[0])
            if name == 'ConvLSTM2D':
                weights[1] = convert_kernel(weights[1])
        if weights[0].shape != expected:
            if reshape:
                if weights[0].size != int(np.prod(expected)):
                    raise ValueError(
                        'Weights must be of equal size to apply a reshape: '
                        'layer "%s" has a kernel of shape %s (size %d), the '
                        'saved kernel has shape %s (size %d).'
                        % (layer.name, expected, int(np.prod(expected)),
                           weights[0].shape, weights[0].size))
                weights[0] = weights[0].reshape(expected)
            elif weights[0].ndim == 4 and \
                    np.transpose(weights[0], (3, 2, 0, 1)).shape == expected:
                # Kernels saved with Theano's dimension ordering.
                weights[0] = np.transpose(weights[0], (3, 2, 0, 1))
                if name == 'ConvLSTM2D':
                    weights[1] = np.transpose(weights[1], (3, 2, 0, 1))

    if name in _CUDNN_FAMILIES:
        # CuDNNLSTM <-> LSTM and CuDNNGRU <-> GRU(reset_after=True): the
        # recurrent layers' module owns that conversion.
        from ..layers.cudnn_recurrent import convert_rnn_weights
        weights = convert_rnn_weights(layer, weights)
    return weights


# ----------------------------------------------------------------------
# Configs written by later Keras versions.
#
# tf.keras and tf_keras write Keras 2.2's layout with a newer vocabulary.
# Everything that reads a config goes through `_upgrade_model_config`, the
# one place that knows those differences.

_INITIALIZER_ALIASES = {
    # class name: (scale, mode, distribution) of a VarianceScaling
    'GlorotUniform': (1., 'fan_avg', 'uniform'),
    'GlorotNormal': (1., 'fan_avg', 'normal'),
    'HeUniform': (2., 'fan_in', 'uniform'),
    'HeNormal': (2., 'fan_in', 'normal'),
    'LecunUniform': (1., 'fan_in', 'uniform'),
    'LecunNormal': (1., 'fan_in', 'normal'),
}

_CLASS_RENAMES = {'Functional': 'Model'}

# Options later Keras versions added to layers, with the value that means
# "behave as Keras 2.2 did". Other values cannot be honoured.
_NEUTRAL_OPTIONS = {
    'ragged': False, 'optional': False, 'groups': 1, 'time_major': False,
    'keepdims': False, 'sparse': False, 'synchronized': False,
    'renorm': False, 'renorm_clipping': None, 'virtual_batch_size': None,
    'adjustment': None, 'zero_output_for_mask': False,
}

# Options that only chose an implementation or named the code that
# registered an object; the computation does not depend on them.
_IMPLEMENTATION_OPTIONS = frozenset([
    'fused', 'renorm_momentum', 'module', 'registered_name',
    'output_shape_module', 'autocast'])


def _strip_registration(obj):
    if isinstance(obj, dict):
        obj.pop('module', None)
        obj.pop('registered_name', None)
    return obj


def _upgrade_initializer(value):
    if not isinstance(value, dict) or 'class_name' not in value:
        return value
    _strip_registration(value)
    name = value['class_name']
    config = dict(value.get('config') or {})
    if name in _INITIALIZER_ALIASES:
        scale, mode, distribution = _INITIALIZER_ALIASES[name]
        return {'class_name': 'VarianceScaling',
                'config': {'scale': scale, 'mode': mode,
                           'distribution': distribution,
                           'seed': config.get('seed')}}
    if name == 'VarianceScaling':
        distribution = config.get('distribution')
        if distribution == 'truncated_normal':
            config['distribution'] = 'normal'
        elif distribution == 'untruncated_normal':
            warnings.warn('An initializer uses an untruncated normal '
                          'distribution, which Keras 2.2 lacks; the '
                          'truncated one is used (this only changes the '
                          'initial weights of a model built from config).')
            config['distribution'] = 'normal'
    return {'class_name': name, 'config': config}


def _upgrade_regularizer(value):
    if not isinstance(value, dict) or 'class_name' not in value:
        return value
    _strip_registration(value)
    name = value['class_name']
    config = value.get('config') or {}
    if name in ('L1', 'L2', 'L1L2'):
        return {'class_name': 'L1L2',
                'config': {'l1': float(config.get('l1', 0.)),
                           'l2': float(config.get('l2', 0.))}}
    return value


def _upgrade_dtype(value, where):
    if isinstance(value, dict):
        name = (value.get('config') or {}).get('name')
        if name and name.startswith('mixed_'):
            raise ValueError('%s uses the mixed precision policy %r, which '
                             'Keras 2.2 (and keras22) cannot run.'
                             % (where, name))
        return name
    return value


def _upgrade_activation(value):
    if isinstance(value, dict) and value.get('class_name') == 'function':
        return value.get('config')
    return _strip_registration(value)


def _accepted_arguments(cls):
    """The keyword arguments a layer class's constructors accept."""
    from .base_layer import _ALLOWED_LAYER_KWARGS
    names = set(_ALLOWED_LAYER_KWARGS)
    for klass in cls.__mro__:
        init = klass.__dict__.get('__init__')
        if init is None:
            continue
        try:
            params = inspect.signature(init).parameters.values()
        except (TypeError, ValueError):
            continue
        names.update(p.name for p in params
                     if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY))
        if not any(p.kind == p.VAR_KEYWORD for p in params):
            break
    return names


def _builtin_layer_class(class_name, custom_objects):
    from .. import layers as layers_module
    from ..utils.generic_utils import get_custom_objects
    if class_name in custom_objects or class_name in get_custom_objects():
        return None
    cls = getattr(layers_module, class_name, None)
    return cls if inspect.isclass(cls) else None


def _upgrade_layer_options(class_name, config, custom_objects):
    where = 'Layer "%s" (%s)' % (config.get('name'), class_name)
    for key in list(config):
        value = config[key]
        if key.endswith('_initializer'):
            config[key] = _upgrade_initializer(value)
        elif key.endswith('_regularizer'):
            config[key] = _upgrade_regularizer(value)
        elif key.endswith('_constraint'):
            config[key] = _strip_registration(value)
        elif key.endswith('activation'):
            config[key] = _upgrade_activation(value)
        elif key == 'dtype':
            config[key] = _upgrade_dtype(value, where)
        elif key in ('layer', 'backward_layer', 'cell'):
            config[key] = _upgrade_layer(value, custom_objects)
        elif key == 'cells' and isinstance(value, list):
            config[key] = [_upgrade_layer(c, custom_objects) for c in value]
    if 'batch_shape' in config and 'batch_input_shape' not in config:
        config['batch_input_shape'] = config.pop('batch_shape')
    if class_name == 'BatchNormalization' and \
            isinstance(config.get('axis'), list) and \
            len(config['axis']) == 1:
        config['axis'] = config['axis'][0]
    cls = _builtin_layer_class(class_name, custom_objects)
    if cls is None:
        return config
    accepted = _accepted_arguments(cls)
    for key in list(config):
        if key in accepted:
            continue
        if key in _IMPLEMENTATION_OPTIONS:
            config.pop(key)
        elif key in _NEUTRAL_OPTIONS:
            if config[key] != _NEUTRAL_OPTIONS[key]:
                raise ValueError(
                    '%s is configured with %s=%r, an option later Keras '
                    'versions added; Keras 2.2 layers can only reproduce '
                    '%s=%r.' % (where, key, config[key], key,
                                _NEUTRAL_OPTIONS[key]))
            config.pop(key)
    return config


def _history_entry(tensor):
    """`[layer, node, tensor]` of a tensor in the node format of Keras 3."""
    if isinstance(tensor, dict) and \
            tensor.get('class_name') == '__keras_tensor__':
        return list(tensor['config']['keras_history'])
    return None


def _upgrade_node(node):
    """A node in Keras 2.2's form, `[[layer, node, tensor, kwargs], ...]`."""
    if not isinstance(node, dict):
        return node
    kwargs = {k: v for k, v in (node.get('kwargs') or {}).items()
              if _history_entry(v) is None}
    entries = []
    for arg in node.get('args', []):
        for item in (arg if isinstance(arg, list) else [arg]):
            history = _history_entry(item)
            if history is not None:
                entries.append(history + [kwargs])
    if not entries:
        raise ValueError('Unsupported node format in model config: %r'
                         % (node,))
    return entries


def _upgrade_coordinates(value):
    if isinstance(value, dict):
        value = list(value.values())
    if value and isinstance(value[0], str):
        value = [value]
    return [list(v) for v in value]


def _upgrade_network(config, custom_objects):
    if isinstance(config, list):
        return [_upgrade_layer(c, custom_objects) for c in config]
    if not isinstance(config, dict):
        return config
    config['layers'] = [_upgrade_layer(c, custom_objects)
                        for c in config.get('layers', [])]
    for key in ('input_layers', 'output_layers'):
        if key in config:
            config[key] = _upgrade_coordinates(config[key])
    return config


def _upgrade_layer(layer_config, custom_objects):
    if not isinstance(layer_config, dict) or \
            'class_name' not in layer_config:
        return layer_config
    _strip_registration(layer_config)
    class_name = _CLASS_RENAMES.get(layer_config['class_name'],
                                    layer_config['class_name'])
    if class_name in custom_objects:
        class_name = layer_config['class_name']
    layer_config['class_name'] = class_name
    config = layer_config.get('config')
    if class_name == 'Sequential' and isinstance(config, list) and \
            layer_config.get('name'):
        # Keras 2.2's list config of a nested Sequential model has no name;
        # the model entry has it, and the weights are filed under it.
        config = {'name': layer_config['name'], 'layers': config}
    if class_name in ('Model', 'Sequential') or (
            isinstance(config, dict) and 'input_layers' in config and
            'layers' in config):
        layer_config['config'] = _upgrade_network(config, custom_objects)
    elif isinstance(config, dict):
        layer_config['config'] = _upgrade_layer_options(class_name, config,
                                                        custom_objects)
    if 'inbound_nodes' in layer_config:
        layer_config['inbound_nodes'] = [
            _upgrade_node(n) for n in layer_config['inbound_nodes']]
    return layer_config


def _upgrade_model_config(config, custom_objects=None):
    """A model config in Keras 2.2's vocabulary.

    Configs written by Keras 2.x pass unchanged. Those of tf.keras and
    tf_keras are rewritten: class `Functional` becomes `Model`; the
    initializers, regularizers, dtype policies and activations of their
    newer serialization become Keras 2.2's; node lists in the newer dict
    form become Keras 2.2's lists; options Keras 2.2 layers lack are
    dropped when they hold the value that reproduces Keras 2.2's
    behaviour (`groups=1`, `ragged=False`, ...).

    # Arguments
        config: `{'class_name', 'config'}` (not modified).
        custom_objects: user classes, whose options are left alone.

    # Returns
        The rewritten copy.

    # Raises
        ValueError: for an option Keras 2.2 layers cannot reproduce (a
            mixed precision policy, `groups=2`, ...).
    """
    return _upgrade_layer(copy.deepcopy(config), dict(custom_objects or {}))


# Options of tf.keras optimizers that reproduce Keras 2.2's behaviour with
# these values.
_NEUTRAL_OPTIMIZER_OPTIONS = {
    'weight_decay': (None, 0, 0.), 'use_ema': (False,),
    'global_clipnorm': (None,), 'clipnorm': (None,), 'clipvalue': (None,),
    'momentum': (0, 0.), 'centered': (False,),
}
_IGNORED_OPTIMIZER_OPTIONS = frozenset([
    'name', 'is_legacy_optimizer', 'jit_compile', 'ema_momentum',
    'ema_overwrite_frequency'])


def _optimizer_class(name):
    for value in vars(optimizers).values():
        if inspect.isclass(value) and issubclass(
                value, optimizers.Optimizer) and \
                value.__name__.lower() == name.lower():
            return value
    return None


def _upgrade_optimizer_config(config, custom_objects):
    """An optimizer config in Keras 2.2's vocabulary (tf.keras renamed
    `lr` to `learning_rate` and added options)."""
    if not isinstance(config, dict) or 'class_name' not in config:
        return config
    name = config['class_name']
    if name.startswith('Custom>'):
        name = name[len('Custom>'):]
    options = dict(config.get('config') or {})
    if 'learning_rate' in options:
        rate = options.pop('learning_rate')
        if isinstance(rate, dict):
            raise ValueError('The saved optimizer uses a learning rate '
                             'schedule (%s), which Keras 2.2 optimizers do '
                             'not support; load with compile=False and '
                             'compile the model again.'
                             % rate.get('class_name'))
        options.setdefault('lr', rate)
    if name in custom_objects:
        return {'class_name': name, 'config': options}
    cls = _optimizer_class(name)
    if cls is None:
        return {'class_name': name, 'config': options}
    accepted = set(inspect.signature(cls.__init__).parameters) | {
        'clipnorm', 'clipvalue'}
    for key in list(options):
        if key in accepted and not (key in ('clipnorm', 'clipvalue') and
                                    options[key] is None):
            continue
        value = options.pop(key)
        if key in _IGNORED_OPTIMIZER_OPTIONS or \
                value in _NEUTRAL_OPTIMIZER_OPTIONS.get(key, ()):
            continue
        warnings.warn('The saved %s optimizer has the option %s=%r, which '
                      'Keras 2.2 optimizers lack; it is ignored.'
                      % (name, key, value))
    return {'class_name': name, 'config': options}


# tf.keras loss and metric classes with the Keras 2.2 function that
# computes the same value.
_LOSS_CLASSES = {
    'MeanSquaredError': 'mean_squared_error',
    'MeanAbsoluteError': 'mean_absolute_error',
    'MeanAbsolutePercentageError': 'mean_absolute_percentage_error',
    'MeanSquaredLogarithmicError': 'mean_squared_logarithmic_error',
    'BinaryCrossentropy': 'binary_crossentropy',
    'CategoricalCrossentropy': 'categorical_crossentropy',
    'SparseCategoricalCrossentropy': 'sparse_categorical_crossentropy',
    'Hinge': 'hinge', 'SquaredHinge': 'squared_hinge',
    'CategoricalHinge': 'categorical_hinge', 'LogCosh': 'logcosh',
    'KLDivergence': 'kullback_leibler_divergence', 'Poisson': 'poisson',
    'CosineSimilarity': 'cosine_proximity',
}
_METRIC_CLASSES = dict(_LOSS_CLASSES, **{
    'BinaryAccuracy': 'binary_accuracy',
    'CategoricalAccuracy': 'categorical_accuracy',
    'SparseCategoricalAccuracy': 'sparse_categorical_accuracy',
    'TopKCategoricalAccuracy': 'top_k_categorical_accuracy',
    'SparseTopKCategoricalAccuracy': 'sparse_top_k_categorical_accuracy',
})


def _function_name(value, table, what):
    """The Keras 2.2 function name for a tf.keras loss/metric object config,
    or None when there is none."""
    name = value.get('class_name')
    config = value.get('config') or {}
    if config.get('from_logits') or config.get('label_smoothing'):
        return None
    if name in ('LossFunctionWrapper', 'MeanMetricWrapper'):
        return config.get('fn')
    if name == 'TopKCategoricalAccuracy' and config.get('k', 5) != 5:
        return None
    return table.get(name)


def _is_custom_class(value, custom_objects):
    """Whether a saved `{'class_name', 'config'}` names a class of the user
    (in `custom_objects` or a custom object scope): a loss or metric
    object with `get_config`, which compile rebuilds as Keras 2.2 did."""
    from ..utils.generic_utils import get_custom_objects
    name = value.get('class_name')
    return name in (custom_objects or {}) or name in get_custom_objects()


def _upgrade_losses(value, custom_objects=None):
    if isinstance(value, dict) and 'class_name' in value:
        if _is_custom_class(value, custom_objects):
            return value
        name = _function_name(value, _LOSS_CLASSES, 'loss')
        if name is None:
            raise ValueError('The saved loss %s cannot be expressed with '
                             'Keras 2.2 losses; if it is a loss class of '
                             'yours, pass it in custom_objects; otherwise '
                             'load with compile=False and compile the model '
                             'again.' % json.dumps(value))
        return name
    if isinstance(value, dict):
        return {k: _upgrade_losses(v, custom_objects)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_upgrade_losses(v, custom_objects) for v in value]
    return value


def _upgrade_metrics(value, custom_objects=None):
    if isinstance(value, dict) and 'class_name' in value:
        if _is_custom_class(value, custom_objects):
            return value
        name = _function_name(value, _METRIC_CLASSES, 'metric')
        if name is None:
            warnings.warn('The saved metric %s has no Keras 2.2 equivalent; '
                          'the model is compiled without it.'
                          % value.get('class_name'))
        return name
    if isinstance(value, dict):
        return {k: _upgrade_metrics(v, custom_objects)
                for k, v in value.items()}
    if isinstance(value, list):
        return [m for m in (_upgrade_metrics(v, custom_objects)
                            for v in value)
                if m is not None]
    return value


def _per_output(value, output_names):
    """tf.keras writes metrics as one list per output; Keras 2.2's compile
    wants them by output name."""
    if isinstance(value, list) and value and \
            all(isinstance(v, list) for v in value) and \
            len(value) == len(output_names):
        return dict(zip(output_names, value))
    return value


def _swap_custom_objects(value, custom_objects):
    """Replaces names found in `custom_objects` by the objects."""
    if isinstance(value, str):
        return custom_objects.get(value, value)
    if isinstance(value, list):
        return [_swap_custom_objects(v, custom_objects) for v in value]
    if isinstance(value, dict) and 'class_name' in value:
        return value  # an object's config, rebuilt by compile
    if isinstance(value, dict):
        return {k: _swap_custom_objects(v, custom_objects)
                for k, v in value.items()}
    return value


# ----------------------------------------------------------------------
# Whole models.

def _check_saveable(model):
    if not getattr(model, '_is_graph_network', False):
        raise NotImplementedError(
            'Model "%s" is a subclassed model: its architecture is Python '
            'code, not a config, so it cannot be saved or pickled as a whole. '
            'Save its weights with `model.save_weights(...)` and rebuild it '
            'with your code instead.' % model.name)


def _training_config(model):
    optimizer = model.optimizer
    return {
        'optimizer_config': {'class_name': optimizer.__class__.__name__,
                             'config': optimizer.get_config()},
        'loss': model.loss,
        'metrics': model.metrics,
        'weighted_metrics': getattr(model, 'weighted_metrics', None),
        'sample_weight_mode': model.sample_weight_mode,
        'loss_weights': model.loss_weights,
    }


def _serialize_model(model, f, include_optimizer=True):
    """Writes a model into an H5Dict (an HDF5 file or a dict)."""
    f['keras_version'] = _KERAS_VERSION.encode('utf8')
    f['backend'] = K.backend().encode('utf8')
    _set_text(f, 'model_config', json.dumps(
        {'class_name': model.__class__.__name__,
         'config': model.get_config()}, default=_json_default))
    save_weights_to_hdf5_group(f['model_weights'], model.layers)
    optimizer = getattr(model, 'optimizer', None)
    if not include_optimizer or optimizer is None:
        return
    if isinstance(optimizer, optimizers.TFOptimizer):
        warnings.warn('TensorFlow optimizers do not make it possible to '
                      'access optimizer attributes or optimizer state after '
                      'instantiation. As a result, we cannot save the '
                      'optimizer as part of the model save file. You will '
                      'have to compile your model again after loading it. '
                      'Prefer using a Keras optimizer instead (see '
                      'keras.io/optimizers).')
        return
    _set_text(f, 'training_config', json.dumps(_training_config(model),
                                               default=_json_default))
    if optimizer.weights:
        _write_values(f['optimizer_weights'], optimizer.weights)


def _ordered_like_file(layers, stored_names):
    """The layers with weights in the order of the file's layers, when the
    names match one to one (a model rebuilt from the file's own config);
    otherwise None."""
    weighted = [layer for layer in layers if layer.weights]
    by_name = {layer.name: layer for layer in weighted}
    if len(by_name) != len(weighted) or \
            sorted(by_name) != sorted(stored_names):
        return None
    return [by_name[name] for name in stored_names]


def _load_model_weights(model, f):
    group = f['model_weights']
    stored = [name for name in
              load_attributes_from_hdf5_group(group, 'layer_names')
              if load_attributes_from_hdf5_group(_layer_group(group, name),
                                                 'weight_names')]
    layers = _ordered_like_file(model.layers, stored) or model.layers
    load_weights_from_hdf5_group(group, layers)


def _compile_from_file(model, f, training_config, custom_objects):
    optimizer_config = _upgrade_optimizer_config(
        training_config['optimizer_config'], custom_objects)
    optimizer = optimizers.deserialize(optimizer_config,
                                       custom_objects=custom_objects)
    loss = _upgrade_losses(training_config.get('loss'), custom_objects)
    metrics = _per_output(
        _upgrade_metrics(training_config.get('metrics'), custom_objects),
        model.output_names)
    weighted = _per_output(
        _upgrade_metrics(training_config.get('weighted_metrics'),
                         custom_objects),
        model.output_names)
    with CustomObjectScope(custom_objects):
        model.compile(
            optimizer=optimizer,
            loss=_swap_custom_objects(loss, custom_objects),
            metrics=_swap_custom_objects(metrics, custom_objects),
            weighted_metrics=_swap_custom_objects(weighted, custom_objects),
            loss_weights=training_config.get('loss_weights'),
            sample_weight_mode=training_config.get('sample_weight_mode'))
    if 'optimizer_weights' not in f:
        return
    group = f['optimizer_weights']
    names = load_attributes_from_hdf5_group(group, 'weight_names')
    values = [np.asarray(group[name]) for name in names]
    # The optimizer creates its variables when the training function is
    # built; only then can they be set.
    model._make_train_function()
    try:
        model.optimizer.set_weights(values)
        return
    except ValueError as e:
        error = e
    adapted = _tf_keras_optimizer_state(model.optimizer, names, values)
    if adapted is not None:
        try:
            model.optimizer.set_weights(adapted)
            return
        except ValueError:
            pass
    warnings.warn('Error in loading the saved optimizer state (%s). As a '
                  'result, your model is starting with a freshly '
                  'initialized optimizer.' % error)


# The per-variable state tf.keras optimizers keep, by slot name (old and
# new optimizer classes), in the order Keras 2.2's optimizers list theirs.
_TF_KERAS_SLOTS = {
    'Adam': [('m',), ('v',), ('vhat',)],
    'SGD': [('momentum', 'm')],
    'RMSprop': [('rms', 'velocity')],
    'Adagrad': [('accumulator',)],
}
_KERAS_2_2_WITH_ITERATIONS = ('Adam', 'SGD')


def _slot_name(weight_name):
    parts = weight_name.rsplit(':', 1)[0].split('/')
    if parts[-1] in ('iter', 'iteration', 'iterations'):
        return 'iterations'
    # New optimizers: `Adam/m/dense/kernel`; old ones: `Adam/dense/kernel/m`.
    known = {s for slots in _TF_KERAS_SLOTS.values() for group in slots
             for s in group}
    if len(parts) > 2 and parts[1] in known:
        return parts[1]
    return parts[-1]


def _tf_keras_optimizer_state(optimizer, names, values):
    """The state saved by a tf.keras optimizer, laid out as the keras22
    optimizer lists it, or None if it cannot be."""
    kind = type(optimizer).__name__
    if kind not in _TF_KERAS_SLOTS:
        return None
    slots = {}
    for name, value in zip(names, values):
        slots.setdefault(_slot_name(name), []).append(value)
    state = []
    if kind in _KERAS_2_2_WITH_ITERATIONS:
        if len(slots.get('iterations', [])) != 1:
            return None
        state.append(np.asarray(slots['iterations'][0], 'int64'))
    ours = optimizer.weights
    per_variable = None
    for group in _TF_KERAS_SLOTS[kind]:
        found = [slots[s] for s in group if s in slots]
        if found:
            per_variable = len(found[0])
            state += found[0]
        elif kind == 'SGD' or (group == ('vhat',) and
                               not getattr(optimizer, 'amsgrad', False)):
            # State Keras 2.2 kept but never read: SGD's moments without
            # momentum, Adam's `vhat`s without AMSGrad.
            count = per_variable or len(ours) - len(state)
            state += [np.zeros(K.int_shape(w), K.dtype(w))
                      for w in ours[len(state):len(state) + count]]
        else:
            return None
    return state


def _parse_json(text, attribute):
    try:
        return json.loads(text)
    except ValueError as e:
        raise ValueError('The "%s" attribute is not valid JSON (%s): the '
                         'file is damaged.' % (attribute, e))


def _deserialize_model(f, custom_objects=None, compile=True, safe_mode=True):
    """Builds a model from an H5Dict written by `_serialize_model` (or by
    Keras 2.x / tf_keras)."""
    custom_objects = dict(custom_objects or {})
    text = _get_text(f, 'model_config')
    if text is None:
        raise ValueError('No model found in config file: it has no '
                         '"model_config" attribute (a weights-only file? use '
                         '`model.load_weights`).')
    model = model_from_config(_parse_json(text, 'model_config'),
                              custom_objects=custom_objects,
                              safe_mode=safe_mode)
    _load_model_weights(model, f)
    if not compile:
        return model
    training = _get_text(f, 'training_config')
    if training is None:
        warnings.warn('No training configuration found in save file: the '
                      'model was *not* compiled. Compile it manually.')
        return model
    _compile_from_file(model, f, _parse_json(training, 'training_config'),
                       custom_objects)
    return model


# ----------------------------------------------------------------------
# Files.

def _is_h5_object(obj):
    return isinstance(obj, H5Dict) or (h5py is not None and
                                       isinstance(obj, h5py.Group))


def _check_path(filepath, what):
    if not isinstance(filepath, (str, os.PathLike)):
        raise TypeError('%s: `filepath` must be a path or an open h5py.File, '
                        'got %s.' % (what, type(filepath).__name__))
    return os.fspath(filepath)


def _write_atomically(filepath, overwrite, write):
    """Writes an HDF5 file through a temporary file in the same directory,
    renamed over `filepath` only once complete: an interrupted or failed
    save leaves the previous file as it was.

    # Returns
        False if the user declined to overwrite, else True.
    """
    directory, base = os.path.split(os.path.abspath(filepath))
    if not os.path.isdir(directory):
        raise FileNotFoundError('Cannot save to %r: the directory %r does not '
                                'exist.' % (filepath, directory))
    if not overwrite and os.path.isfile(filepath):
        if not ask_to_proceed_with_overwrite(filepath):
            return False
    temporary = os.path.join(directory, '.%s.%s.tmp'
                             % (base, secrets.token_hex(4)))
    try:
        with h5py.File(temporary, 'w-') as f:
            write(H5Dict(f))
            f.flush()
        os.replace(temporary, filepath)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
    return True


@contextlib.contextmanager
def _reading(filepath, what):
    """Opens a path, an h5py object or an H5Dict for reading, as an
    H5Dict. Errors from a damaged file name the file and the problem."""
    if _is_h5_object(filepath):
        yield _as_h5dict(filepath, mode='r')
        return
    path = _check_path(filepath, what)
    if not os.path.exists(path):
        raise FileNotFoundError('%s: no file at %r.' % (what, path))
    try:
        handle = h5py.File(path, 'r')
    except OSError as e:
        raise OSError('%s: cannot read %r as an HDF5 file: it is not one, '
                      'or it is truncated or corrupt (%s).' % (what, path, e))
    try:
        try:
            yield H5Dict(handle, mode='r')
        except (OSError, KeyError, RuntimeError, UnicodeError) as e:
            # What h5py (or decoding) reports when the bytes are wrong.
            raise ValueError('%s: %r is damaged or not a Keras file (%s: %s).'
                             % (what, path, type(e).__name__, e))
        except ValueError as e:
            if type(e) is not ValueError:
                raise
            raise ValueError('%s (file %r)' % (e, path)) from e
    finally:
        handle.close()


def save_model(model, filepath, overwrite=True, include_optimizer=True):
    """Saves a model to an HDF5 file, in Keras 2.2's format.

    The file holds the architecture, the weights, the compile arguments and
    the optimizer state, so `load_model` gives back a model that predicts
    the same and continues training where it stopped. Files written by
    keras22 load in Keras 2.2 and tf_keras, and the other way round.

    The file is written under a temporary name in the same directory and
    renamed into place when complete: a save that fails or is interrupted
    leaves an existing file untouched.

    # Arguments
        model: the model (functional or `Sequential`).
        filepath: a path, or an open `h5py.File` (written in place).
        overwrite: whether to replace an existing file silently (otherwise
            the user is asked on the terminal).
        include_optimizer: whether to save the training configuration and
            optimizer state.

    # Raises
        NotImplementedError: for a subclassed model (save its weights).
        ImportError: if h5py is missing.
    """
    if h5py is None:  # pragma: no cover
        raise ImportError('`save_model` requires h5py.')
    _check_saveable(model)
    if _is_h5_object(filepath):
        _serialize_model(model, _as_h5dict(filepath), include_optimizer)
        return
    path = _check_path(filepath, 'save_model')
    _write_atomically(path, overwrite, lambda f: _serialize_model(
        model, f, include_optimizer))


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """Loads a model saved by `save_model` (or by Keras 2.x or tf_keras in
    HDF5).

    # Arguments
        filepath: a path, or an open `h5py.File`.
        custom_objects: dict mapping names to the custom classes and
            functions the model uses (layers, losses, metrics, ...; a
            Lambda layer's function may be given under the layer's name).
        compile: whether to compile the model with the saved training
            configuration and restore the optimizer state.
        safe_mode: when True (the default), refuse to run the Python
            bytecode a `Lambda` layer saved in another process (a
            ValueError names the layer); pass False only for files you
            trust. Keras 2.2 always ran it. Bytecode of a function this
            process serialized is the user's own code and always loads.

    # Returns
        The model; compiled if the file had a training configuration and
        `compile` is True.

    # Raises
        FileNotFoundError: if there is no such file.
        OSError: if the file is not HDF5, or truncated.
        ValueError: if it holds no model, or is damaged, or a Lambda layer
            holds code written elsewhere and `safe_mode` is True.

    # Example
    ```python
        model.save('my_model.h5')
        del model
        model = load_model('my_model.h5')
    ```
    """
    if h5py is None:  # pragma: no cover
        raise ImportError('`load_model` requires h5py.')
    with _reading(filepath, 'load_model') as f:
        return _deserialize_model(f, custom_objects, compile, safe_mode)


def save_weights(model, filepath, overwrite=True):
    """Saves a model's weights to an HDF5 file (what
    `Network.save_weights` does).

    Works for every model, subclassed ones included. Written atomically,
    like `save_model`.

    # Arguments
        model: the model.
        filepath: a path, or an open `h5py.File`.
        overwrite: whether to replace an existing file silently.
    """
    if h5py is None:  # pragma: no cover
        raise ImportError('`save_weights` requires h5py.')
    if _is_h5_object(filepath):
        save_weights_to_hdf5_group(filepath, model.layers)
        return
    path = _check_path(filepath, 'save_weights')
    _write_atomically(path, overwrite,
                      lambda f: save_weights_to_hdf5_group(f, model.layers))


def load_weights(model, filepath, by_name=False, skip_mismatch=False,
                 reshape=False):
    """Loads weights saved by `save_weights` or `save_model` into a model
    (what `Network.load_weights` does).

    # Arguments
        model: the model.
        filepath: a path, or an open `h5py.File`.
        by_name: load into the layers of the same name (for a model with
            another architecture); otherwise by the order of the layers
            with weights.
        skip_mismatch: with `by_name`, skip (with a warning) layers whose
            weights do not match.
        reshape: reshape weights of equal size but another shape.

    # Raises
        ValueError: if the file holds no weights, or they do not match the
            model (the message names the layer and both shapes).
    """
    if h5py is None:  # pragma: no cover
        raise ImportError('`load_weights` requires h5py.')
    if skip_mismatch and not by_name:
        warnings.warn('`skip_mismatch` only applies with `by_name=True`.')
    with _reading(filepath, 'load_weights') as f:
        if 'layer_names' not in f and 'model_weights' in f:
            f = f['model_weights']
        if 'layer_names' not in f and 'layer_names0' not in f:
            raise ValueError('No weights found: the file has no '
                             '"layer_names" attribute.')
        if not model.weights and load_attributes_from_hdf5_group(
                f, 'layer_names'):
            raise ValueError('Model "%s" has no weights yet: build it (call '
                             'it on data, or fit it) before loading weights.'
                             % model.name)
        if by_name:
            load_weights_from_hdf5_group_by_name(
                f, model.layers, skip_mismatch=skip_mismatch,
                reshape=reshape)
        else:
            load_weights_from_hdf5_group(f, model.layers, reshape=reshape)


# ----------------------------------------------------------------------
# Pickling.

def pickle_model(model):
    """The state of a model as a dict of plain values, for pickling.

    The dict holds what `save_model` writes to a file (architecture,
    weights, training configuration, optimizer state); `pickle.dumps(model)`
    uses it.

    # Arguments
        model: a functional or `Sequential` model.

    # Returns
        A dict.

    # Raises
        NotImplementedError: for a subclassed model.
    """
    _check_saveable(model)
    state = {}
    _serialize_model(model, H5Dict(state, mode='w'))
    return state


def unpickle_model(state, safe_mode=True):
    """Rebuilds a model from the dict `pickle_model` made.

    # Arguments
        state: the dict.
        safe_mode: refuse the Python bytecode of Lambda layers (see
            `load_model`). `pickle.loads(...)` passes False: unpickling
            runs code from the pickle anyway.

    # Returns
        The model, compiled if it was.
    """
    return _deserialize_model(H5Dict(state, mode='r'), safe_mode=safe_mode)


def _unpickle_trusted(state):
    # pickle.loads can run any code the pickle names, so the bytecode of a
    # Lambda layer in it adds no risk.
    return unpickle_model(state, safe_mode=False)


# ----------------------------------------------------------------------
# Configs, JSON and YAML.

def model_from_config(config, custom_objects=None, safe_mode=True):
    """Instantiates a model from its config (`{'class_name', 'config'}`).

    Configs of tf.keras and tf_keras are translated to Keras 2.2's first.

    # Arguments
        config: the configuration dict.
        custom_objects: dict of names of custom layers, functions, ...
        safe_mode: refuse the Python bytecode of Lambda layers (see
            `load_model`).

    # Returns
        A model (not compiled, with fresh weights).

    # Raises
        TypeError: if `config` is a list (use `Sequential.from_config`).
        ValueError: for unknown layers, options Keras 2.2 cannot
            reproduce, or Lambda bytecode under `safe_mode`.
    """
    if isinstance(config, list):
        raise TypeError('`model_from_config` expects a dictionary, not a '
                        'list. Maybe you meant to use '
                        '`Sequential.from_config(config)`?')
    from ..layers import core
    from ..layers import deserialize
    config = _upgrade_model_config(config, custom_objects)
    allowing = (core.allow_lambda_bytecode() if not safe_mode
                else contextlib.nullcontext())
    with allowing:
        return deserialize(config, custom_objects=custom_objects)


def model_from_json(json_string, custom_objects=None, safe_mode=True):
    """Instantiates a model from a JSON string made by `to_json`.

    # Arguments
        json_string: the JSON text.
        custom_objects: dict of names of custom layers, functions, ...
        safe_mode: refuse the Python bytecode of Lambda layers (see
            `load_model`).

    # Returns
        A model (not compiled, with fresh weights).
    """
    return model_from_config(json.loads(json_string),
                             custom_objects=custom_objects,
                             safe_mode=safe_mode)


def _yaml_loader():
    import yaml

    class Loader(yaml.SafeLoader):
        """Safe loading, plus the tuples Keras 2.2's `to_yaml` wrote as
        `!!python/tuple`."""

    Loader.add_constructor(
        'tag:yaml.org,2002:python/tuple',
        lambda loader, node: tuple(loader.construct_sequence(node)))
    return Loader


def model_from_yaml(yaml_string, custom_objects=None, safe_mode=True):
    """Instantiates a model from a YAML string made by `to_yaml`.

    YAML is read safely (no Python objects other than the tuples Keras 2.2
    wrote); Keras 2.2 used `yaml.load`, which can build any object.

    # Arguments
        yaml_string: the YAML text.
        custom_objects: dict of names of custom layers, functions, ...
        safe_mode: refuse the Python bytecode of Lambda layers (see
            `load_model`).

    # Returns
        A model (not compiled, with fresh weights).
    """
    import yaml
    config = yaml.load(yaml_string, Loader=_yaml_loader())
    return model_from_config(config, custom_objects=custom_objects,
                             safe_mode=safe_mode)
