"""The Layer class, its input specification, and the nodes joining layers."""
import re

import numpy as np
import tensorflow as tf

from .. import backend as K
from ..backend import graph as graph_lib
from ..utils.generic_utils import (has_arg, is_all_none, object_list_uid,
                                   to_list, unpack_singleton)


class InputSpec(object):
    """What a layer accepts as input: rank, dtype, and some dimensions.

    Layers set `self.input_spec` (one spec, or a list with one per input)
    and every call checks its inputs against it, so a wrong input fails
    with a clear message before any computation.

    # Arguments
        dtype: the expected dtype, or `None`.
        shape: the expected shape (entries may be `None`), or `None`.
        ndim: the expected rank, or `None`.
        max_ndim: the largest accepted rank, or `None`.
        min_ndim: the smallest accepted rank, or `None`.
        axes: dict `{axis: size}` of dimensions that must have a value.
    """

    def __init__(self, dtype=None, shape=None, ndim=None, max_ndim=None,
                 min_ndim=None, axes=None):
        self.dtype = dtype
        self.shape = shape
        self.ndim = len(shape) if shape is not None else ndim
        self.max_ndim = max_ndim
        self.min_ndim = min_ndim
        self.axes = axes or {}

    def __repr__(self):
        fields = ['%s=%s' % (name, getattr(self, name))
                  for name in ('dtype', 'shape', 'ndim', 'max_ndim',
                               'min_ndim', 'axes') if getattr(self, name)]
        return 'InputSpec(%s)' % ', '.join(fields)


class Node(object):
    """One call of a layer on some inputs: an edge of the layer graph.

    A node is created each time a layer is called on Keras tensors. It is
    added to the `_inbound_nodes` of the layer called (`outbound_layer`)
    and to the `_outbound_nodes` of each layer that produced an input.

    # Arguments
        outbound_layer: the layer that was called.
        inbound_layers: for each input tensor, the layer that made it.
        node_indices: for each input tensor, the index of the node (in its
            layer's `_inbound_nodes`) that made it.
        tensor_indices: for each input tensor, its index among the outputs
            of that node.
        input_tensors: the input tensors.
        output_tensors: the output tensors.
        input_masks: masks of the inputs (or `None`s).
        output_masks: masks of the outputs (or `None`s).
        input_shapes: shapes of the inputs.
        output_shapes: shapes of the outputs.
        arguments: the keyword arguments given to the call.
    """

    def __init__(self, outbound_layer,
                 inbound_layers, node_indices, tensor_indices,
                 input_tensors, output_tensors,
                 input_masks, output_masks,
                 input_shapes, output_shapes,
                 arguments=None):
        self.outbound_layer = outbound_layer
        self.inbound_layers = inbound_layers
        self.node_indices = node_indices
        self.tensor_indices = tensor_indices
        self.input_tensors = input_tensors
        self.output_tensors = output_tensors
        self.input_masks = input_masks
        self.output_masks = output_masks
        self.input_shapes = input_shapes
        self.output_shapes = output_shapes
        self.arguments = arguments
        for layer in inbound_layers:
            if layer is not None:
                layer._outbound_nodes.append(self)
        outbound_layer._inbound_nodes.append(self)

    def get_config(self):
        return {'outbound_layer': self.outbound_layer.name,
                'inbound_layers': [layer.name if layer is not None else None
                                   for layer in self.inbound_layers],
                'node_indices': self.node_indices,
                'tensor_indices': self.tensor_indices}


def _to_snake_case(name):
    """`'MaxPooling2D'` -> `'max_pooling2d'`, the prefix of default names."""
    words = re.sub(r'(.)([A-Z][a-z0-9]+)', r'\1_\2', name)
    snake = re.sub(r'([a-z])([A-Z])', r'\1_\2', words).lower()
    return snake if not snake.startswith('_') else 'private' + snake


_ALLOWED_LAYER_KWARGS = frozenset([
    'input_shape', 'batch_input_shape', 'batch_size', 'dtype', 'name',
    'trainable', 'weights', 'input_dtype'])


class Layer(object):
    """The base class of every layer.

    A layer turns input tensors into output tensors (`call`), owns the
    weights it needs (created in `build`, once the input shape is known),
    and records each call as a `Node`, so that models can be made from the
    tensors it returns.

    # Arguments
        input_shape: shape of the input without the batch axis, for the
            first layer of a `Sequential` model.
        batch_input_shape: shape of the input with the batch axis.
        batch_size: batch size to combine with `input_shape`.
        dtype: dtype of the layer's weights and of its input layer.
        name: a name, unique within a model (default: made from the class
            name and a counter, e.g. `'dense_1'`).
        trainable: whether the weights are updated by training.
        weights: initial weight values, as a list of NumPy arrays.

    # Properties
        name, input_spec, trainable, uses_learning_phase, input_shape,
        output_shape, input, output, input_mask, output_mask, weights,
        trainable_weights, non_trainable_weights, losses, updates,
        built.

    # Raises
        TypeError: for an unknown keyword argument.
    """

    def __init__(self, **kwargs):
        self.input_spec = None
        self.supports_masking = False
        self.stateful = False
        self._trainable_weights = []
        self._non_trainable_weights = []
        self._losses = []
        self._updates = []
        self._per_input_losses = {}
        self._per_input_updates = {}
        self._built = False
        self._inbound_nodes = []
        self._outbound_nodes = []
        for kwarg in kwargs:
            if kwarg not in _ALLOWED_LAYER_KWARGS:
                raise TypeError('%s: keyword argument not understood: %r'
                                % (type(self).__name__, kwarg))
        name = kwargs.get('name')
        if not name:
            prefix = _to_snake_case(type(self).__name__)
            name = '%s_%d' % (prefix, K.get_uid(prefix))
        self.name = name
        self.trainable = kwargs.get('trainable', True)
        if 'batch_input_shape' in kwargs or 'input_shape' in kwargs:
            if 'batch_input_shape' in kwargs:
                batch_input_shape = tuple(kwargs['batch_input_shape'])
            else:
                batch_input_shape = ((kwargs.get('batch_size'),) +
                                     tuple(kwargs['input_shape']))
            self.batch_input_shape = batch_input_shape
        self.dtype = (kwargs.get('dtype') or kwargs.get('input_dtype') or
                      K.floatx())
        self._initial_weights = kwargs.get('weights')

    # ------------------------------------------------------------------
    # Weights.

    @property
    def built(self):
        return self._built

    @built.setter
    def built(self, value):
        self._built = value

    @property
    def trainable_weights(self):
        # The list itself, as in Keras 2.2: Keras 1 style layers append to it.
        if getattr(self, 'trainable', True):
            return self._trainable_weights
        return []

    @trainable_weights.setter
    def trainable_weights(self, weights):
        self._trainable_weights = weights

    @property
    def non_trainable_weights(self):
        if getattr(self, 'trainable', True):
            return self._non_trainable_weights
        return self._trainable_weights + self._non_trainable_weights

    @non_trainable_weights.setter
    def non_trainable_weights(self, weights):
        self._non_trainable_weights = weights

    @property
    def weights(self):
        return self.trainable_weights + self.non_trainable_weights

    def add_weight(self, name, shape, dtype=None, initializer=None,
                   regularizer=None, trainable=True, constraint=None):
        """Creates a weight of the layer.

        # Arguments
            name: the weight's name within the layer (the variable is
                named `'<layer name>/<name>'`).
            shape: the weight's shape.
            dtype: its dtype (default: `floatx()`).
            initializer: an initializer (name, instance or function).
            regularizer: a regularizer; its penalty joins the layer's
                losses.
            trainable: whether training updates the weight.
            constraint: a constraint applied after optimizer updates.

        # Returns
            The variable.
        """
        from .. import constraints, initializers, regularizers
        initializer = initializers.get(initializer)
        regularizer = regularizers.get(regularizer)
        constraint = constraints.get(constraint)
        if dtype is None:
            dtype = K.floatx()
        shape = tuple(int(d) for d in shape)
        with tf.init_scope():
            value = initializer(shape, dtype=dtype)
            weight = K.variable(value, dtype=dtype,
                                name='%s/%s' % (self.name, name),
                                constraint=constraint)
        if regularizer is not None:
            with graph_lib.keras_graph_scope():
                self.add_loss(regularizer(weight))
        if trainable:
            self._trainable_weights.append(weight)
        else:
            self._non_trainable_weights.append(weight)
        return weight

    def get_weights(self):
        """The layer's weight values, as a list of NumPy arrays."""
        return K.batch_get_value(self.weights)

    def set_weights(self, weights):
        """Sets the layer's weights from NumPy arrays.

        # Arguments
            weights: a list of arrays, in the order and shapes of
                `get_weights()`.

        # Raises
            ValueError: if the number of arrays or a shape differs.
        """
        params = self.weights
        if len(params) != len(weights):
            raise ValueError(
                'You called `set_weights(weights)` on layer "%s" with a '
                'weight list of length %d, but the layer was expecting %d '
                'weights. Provided weights: %s...'
                % (self.name, len(weights), len(params), str(weights)[:50]))
        tuples = []
        for param, value in zip(params, weights):
            expected = K.int_shape(param)
            value = np.asarray(value)
            if expected != value.shape:
                raise ValueError('Layer weight shape %s not compatible with '
                                 'provided weight shape %s (layer "%s", '
                                 'weight %s).' % (expected, value.shape,
                                                  self.name, param.name))
            tuples.append((param, value))
        K.batch_set_value(tuples)

    def count_params(self):
        """The number of scalars in the layer's weights.

        # Raises
            RuntimeError: if the layer is not built yet.
        """
        if not self.built:
            if type(self).build is Layer.build:
                self.build(None)
                self.built = True
            else:
                raise RuntimeError('You tried to call `count_params` on %s, '
                                   'but the layer isn\'t built. You can '
                                   'build it manually via: `%s.build('
                                   'batch_input_shape)`.'
                                   % (self.name, self.name))
        return int(sum(K.count_params(w) for w in self.weights))

    # ------------------------------------------------------------------
    # What subclasses implement.

    def build(self, input_shape):
        """Creates the layer's weights once the input shape is known.

        # Arguments
            input_shape: a shape tuple, or a list of them for several
                inputs.
        """
        self.built = True

    def call(self, inputs, **kwargs):
        """The layer's computation.

        # Arguments
            inputs: a tensor or list of tensors.
            **kwargs: extra arguments (`mask`, `training`, ...).

        # Returns
            A tensor or list of tensors.
        """
        return inputs

    def compute_output_shape(self, input_shape):
        """The output shape for a given input shape.

        The base class assumes the layer keeps the shape.

        # Arguments
            input_shape: a shape tuple (or list of them).

        # Returns
            A shape tuple (or list of them).
        """
        return input_shape

    def compute_mask(self, inputs, mask=None):
        """The mask of the output, from the inputs and their mask.

        # Arguments
            inputs: a tensor or list of tensors.
            mask: a mask tensor or list of them, or `None`.

        # Returns
            The output mask, or `None`.

        # Raises
            TypeError: if a mask is given to a layer that does not support
                masking.
        """
        if not self.supports_masking:
            if mask is not None and not is_all_none(mask):
                raise TypeError('Layer %s does not support masking, but was '
                                'passed an input_mask: %s'
                                % (self.name, mask))
            return None
        return mask

    def get_config(self):
        """The constructor arguments that recreate this layer, as a dict.

        # Returns
            A JSON-serializable dict.
        """
        config = {'name': self.name, 'trainable': self.trainable}
        if hasattr(self, 'batch_input_shape'):
            config['batch_input_shape'] = self.batch_input_shape
        if hasattr(self, 'dtype'):
            config['dtype'] = self.dtype
        return config

    @classmethod
    def from_config(cls, config):
        """Creates a layer from the output of `get_config`.

        # Arguments
            config: a dict.

        # Returns
            A layer.
        """
        return cls(**config)

    # ------------------------------------------------------------------
    # Calling.

    def assert_input_compatibility(self, inputs):
        """Checks inputs against `self.input_spec`.

        # Arguments
            inputs: a tensor or list of tensors.

        # Raises
            ValueError: naming the layer, the input, and the expected and
                given ranks, dtypes or dimensions.
        """
        inputs = to_list(inputs)
        for x in inputs:
            if not K.is_tensor(x):
                raise ValueError(
                    'Layer %s was called with an input that isn\'t a '
                    'symbolic tensor. Received type: %s. Full input: %s. All '
                    'inputs to the layer should be tensors.'
                    % (self.name, type(x), inputs))
        if not self.input_spec:
            return
        specs = to_list(self.input_spec, allow_tuple=True)
        if len(inputs) != len(specs):
            raise ValueError('Layer %s expects %d inputs, but it received %d '
                             'input tensors. Input received: %s'
                             % (self.name, len(specs), len(inputs), inputs))
        for index, (x, spec) in enumerate(zip(inputs, specs)):
            if spec is None:
                continue
            _check_spec(self.name, index, x, spec)

    def __call__(self, inputs, **kwargs):
        """Calls the layer on a tensor or list of tensors.

        On Keras tensors (symbolic) the layer also records the call as a
        node, so a model can be built from the outputs. On eager tensors
        the layer simply computes.

        # Arguments
            inputs: a tensor or list of tensors.
            **kwargs: passed on to `call`.

        # Returns
            The output tensor(s).
        """
        if isinstance(inputs, list):
            inputs = inputs[:]
        input_list = to_list(inputs)
        symbolic = any(graph_lib.is_symbolic(x) for x in input_list)
        self.assert_input_compatibility(inputs)
        if not self.built:
            input_shapes = [_keras_shape(x) for x in input_list]
            self.build(unpack_singleton(input_shapes))
            self.built = True
            if self._initial_weights is not None:
                self.set_weights(self._initial_weights)
                del self._initial_weights
                self._initial_weights = None
            self.assert_input_compatibility(inputs)
        if not symbolic:
            return self._call_eager(inputs, input_list, kwargs)
        return self._call_symbolic(inputs, input_list, kwargs)

    def _call_eager(self, inputs, input_list, kwargs):
        previous_mask = kwargs.get('mask')
        if previous_mask is None and 'mask' not in kwargs:
            previous_mask = _collect_previous_mask(input_list)
            if not is_all_none(previous_mask) and has_arg(self.call, 'mask'):
                kwargs['mask'] = unpack_singleton(previous_mask)
        output = self.call(inputs, **kwargs)
        # Keras 2.2 recorded the activity penalty of every call, also on
        # concrete tensors and variables (its calls were all symbolic).
        regularizer = getattr(self, 'activity_regularizer', None)
        if regularizer is not None:
            self.add_loss([regularizer(x) for x in to_list(output)],
                          inputs=input_list)
        return output

    def _call_symbolic(self, inputs, input_list, kwargs):
        user_kwargs = dict(kwargs)
        previous_mask = _collect_previous_mask(input_list)
        if not is_all_none(previous_mask) and has_arg(self.call, 'mask') \
                and 'mask' not in kwargs:
            kwargs['mask'] = unpack_singleton(previous_mask)
        mask_arg = unpack_singleton(previous_mask)
        graph = graph_lib._tensor_graph(
            next(x for x in input_list if graph_lib.is_symbolic(x)))
        with graph.as_default(), tf.compat.v1.name_scope(self.name):
            output = self.call(inputs, **kwargs)
            output_mask = self.compute_mask(inputs, mask_arg)
            # A layer returning its input unchanged still needs a tensor of
            # its own to carry its history.
            output_list = [tf.identity(x) if any(x is y for y in input_list)
                           else x for x in to_list(output)]
        output = unpack_singleton(output_list)
        input_shapes = unpack_singleton([_keras_shape(x)
                                         for x in input_list])
        output_shapes = self._output_shapes(input_shapes, output_list)
        # A model whose outputs depend on the learning phase passes that on
        # to all the outputs of each call, as Keras 2.2 did.
        uses_lp = any(getattr(x, '_uses_learning_phase', False)
                      for x in input_list) or \
            bool(getattr(self, 'uses_learning_phase', False))
        for x, shape in zip(output_list, to_list(output_shapes)):
            _set_keras_shape(x, shape)
            x._uses_learning_phase = (getattr(x, '_uses_learning_phase', False)
                                      or uses_lp)
        self._add_inbound_node(input_tensors=inputs, output_tensors=output,
                               input_masks=mask_arg, output_masks=output_mask,
                               input_shapes=input_shapes,
                               output_shapes=output_shapes,
                               arguments=user_kwargs)
        regularizer = getattr(self, 'activity_regularizer', None)
        if regularizer is not None:
            with graph.as_default():
                penalties = [regularizer(x) for x in output_list]
            self.add_loss(penalties, inputs=input_list)
        return output

    def _declares_output_shape(self):
        """Whether `compute_output_shape` states the output shape (rather
        than the base class's guess that the shape is unchanged)."""
        return type(self).compute_output_shape is not \
            Layer.compute_output_shape

    def _output_shapes(self, input_shapes, output_list):
        """Output shapes: the layer's `compute_output_shape` where it has
        one (Keras 2.2 trusted it), completed by the shapes TensorFlow
        inferred; TensorFlow's shapes alone where the layer has none."""
        actual = [_static_shape(x) for x in output_list]
        if not self._declares_output_shape():
            return unpack_singleton(actual)
        if any(s is None for s in to_list(input_shapes, allow_tuple=False)):
            return unpack_singleton(actual)
        try:
            declared = self.compute_output_shape(input_shapes)
        except (NotImplementedError, TypeError, ValueError, IndexError):
            return unpack_singleton(actual)
        declared_list = declared if isinstance(declared, list) else [declared]
        if len(declared_list) != len(actual):
            return unpack_singleton(actual)
        merged = [_merge_shapes(d, a) for d, a in zip(declared_list, actual)]
        return unpack_singleton(merged)

    def _add_inbound_node(self, input_tensors, output_tensors,
                          input_masks, output_masks,
                          input_shapes, output_shapes, arguments=None):
        input_tensors = to_list(input_tensors)
        output_tensors = to_list(output_tensors)
        # A layer without masking gives one `None` for all its outputs;
        # every output (and input) needs its own entry.
        if input_masks is None:
            input_masks = [None] * len(input_tensors)
        if output_masks is None:
            output_masks = [None] * len(output_tensors)
        inbound_layers, node_indices, tensor_indices = [], [], []
        for x in input_tensors:
            history = getattr(x, '_keras_history', None)
            if history is not None:
                layer, node_index, tensor_index = history
            else:
                layer = node_index = tensor_index = None
            inbound_layers.append(layer)
            node_indices.append(node_index)
            tensor_indices.append(tensor_index)
        Node(self, inbound_layers=inbound_layers,
             node_indices=node_indices, tensor_indices=tensor_indices,
             input_tensors=input_tensors, output_tensors=output_tensors,
             input_masks=to_list(input_masks),
             output_masks=to_list(output_masks),
             input_shapes=to_list(input_shapes),
             output_shapes=to_list(output_shapes),
             arguments=arguments)
        node_index = len(self._inbound_nodes) - 1
        for i, x in enumerate(output_tensors):
            x._keras_history = (self, node_index, i)

    # ------------------------------------------------------------------
    # Losses and updates.

    def add_loss(self, losses, inputs=None):
        """Adds loss tensors (e.g. regularization penalties) to the layer.

        # Arguments
            losses: a tensor, a number, or a list of them.
            inputs: the inputs these losses depend on (`None` for
                unconditional losses such as weight penalties).
        """
        if losses is None or (isinstance(losses, list) and not losses):
            return
        losses = to_list(losses)
        self._losses += losses
        key = _inputs_key(inputs)
        self._per_input_losses.setdefault(key, []).extend(losses)

    def add_update(self, updates, inputs=None):
        """Adds updates (`K.update*` results) to the layer.

        # Arguments
            updates: an update or list of updates.
            inputs: the inputs these updates depend on (`None` for
                unconditional updates).
        """
        if updates is None or (isinstance(updates, list) and not updates):
            return
        updates = to_list(updates)
        self._updates += updates
        key = _inputs_key(inputs)
        self._per_input_updates.setdefault(key, []).extend(updates)

    @property
    def losses(self):
        return list(self._losses)

    @property
    def updates(self):
        if not getattr(self, 'trainable', True) and not getattr(
                self, 'stateful', False):
            return []
        return list(self._updates)

    def get_losses_for(self, inputs):
        """The losses added for `inputs` (`None`: the unconditional ones)."""
        return list(self._per_input_losses.get(_inputs_key(inputs), []))

    def get_updates_for(self, inputs):
        """The updates added for `inputs` (`None`: the unconditional ones).

        Like `updates`, empty for a frozen layer that is not stateful, so
        that a frozen layer called several times (or a frozen model used
        as a layer) is not updated either.
        """
        if not getattr(self, 'trainable', True) and not getattr(
                self, 'stateful', False):
            return []
        return list(self._per_input_updates.get(_inputs_key(inputs), []))

    # ------------------------------------------------------------------
    # Nodes.

    def _node_attribute(self, node_index, attr, attr_name):
        if not self._inbound_nodes:
            raise RuntimeError('The layer has never been called and thus has '
                               'no defined %s.' % attr_name)
        if not 0 <= node_index < len(self._inbound_nodes):
            raise ValueError('Asked to get %s at node %d, but the layer has '
                             'only %d inbound nodes.'
                             % (attr_name, node_index,
                                len(self._inbound_nodes)))
        values = getattr(self._inbound_nodes[node_index], attr)
        return unpack_singleton(values)

    def get_input_at(self, node_index):
        """The input tensor(s) of the layer's call number `node_index`."""
        return self._node_attribute(node_index, 'input_tensors', 'input')

    def get_output_at(self, node_index):
        """The output tensor(s) of the layer's call number `node_index`."""
        return self._node_attribute(node_index, 'output_tensors', 'output')

    def get_input_shape_at(self, node_index):
        """The input shape(s) of the layer's call number `node_index`."""
        return self._node_attribute(node_index, 'input_shapes',
                                    'input shape')

    def get_output_shape_at(self, node_index):
        """The output shape(s) of the layer's call number `node_index`."""
        return self._node_attribute(node_index, 'output_shapes',
                                    'output shape')

    def get_input_mask_at(self, node_index):
        """The input mask(s) of the layer's call number `node_index`."""
        return self._node_attribute(node_index, 'input_masks', 'input mask')

    def get_output_mask_at(self, node_index):
        """The output mask(s) of the layer's call number `node_index`."""
        return self._node_attribute(node_index, 'output_masks',
                                    'output mask')

    def _single_node_attribute(self, attr, what):
        if not self._inbound_nodes:
            raise AttributeError('Layer %s is not connected, no %s to '
                                 'return.' % (self.name, what))
        if len(self._inbound_nodes) > 1:
            raise AttributeError(
                'Layer %s has multiple inbound nodes, hence the notion of '
                '"layer %s" is ill-defined. Use `get_%s_at(node_index)` '
                'instead.' % (self.name, what, what.replace(' ', '_')))
        return self._node_attribute(0, attr, what)

    @property
    def input(self):
        return self._single_node_attribute('input_tensors', 'input')

    @property
    def output(self):
        return self._single_node_attribute('output_tensors', 'output')

    @property
    def input_mask(self):
        return self._single_node_attribute('input_masks', 'input mask')

    @property
    def output_mask(self):
        return self._single_node_attribute('output_masks', 'output mask')

    def _shared_shape(self, attr, what):
        if not self._inbound_nodes:
            raise AttributeError('The layer has never been called and thus '
                                 'has no defined %s.' % what)
        shapes = [str(getattr(node, attr)) for node in self._inbound_nodes]
        if len(set(shapes)) != 1:
            raise AttributeError(
                'The layer "%s" has multiple inbound nodes, with different '
                '%ss. Hence the notion of "%s" is ill-defined for the layer. '
                'Use `get_%s_at(node_index)` instead.'
                % (self.name, what, what, what.replace(' ', '_')))
        return unpack_singleton(getattr(self._inbound_nodes[0], attr))

    @property
    def input_shape(self):
        return self._shared_shape('input_shapes', 'input shape')

    @property
    def output_shape(self):
        return self._shared_shape('output_shapes', 'output shape')


# ----------------------------------------------------------------------
# Helpers.

# Argument checks shared by layer constructors.

def pop_input_dim(kwargs):
    """Turns the `input_dim` shorthand into `input_shape=(input_dim,)`."""
    if 'input_shape' not in kwargs and 'input_dim' in kwargs:
        kwargs['input_shape'] = (kwargs.pop('input_dim'),)
    else:
        kwargs.pop('input_dim', None)
    return kwargs


def check_positive_int(layer_name, argument, value, allow_none=False):
    """Raises a ValueError unless `value` is a positive integer."""
    if value is None and allow_none:
        return value
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) \
            or value <= 0:
        raise ValueError('%s: `%s` must be a positive integer, got %r.'
                         % (layer_name, argument, value))
    return int(value)


def check_rate(layer_name, rate):
    """A drop rate must be a number in [0, 1] (Keras 2.2 clipped silently
    any value outside; keras22 refuses it)."""
    try:
        rate = float(rate)
    except (TypeError, ValueError):
        raise ValueError('%s: `rate` must be a number between 0 and 1, got '
                         '%r.' % (layer_name, rate))
    if not 0. <= rate <= 1.:
        raise ValueError('%s: `rate` must be between 0 and 1, got %r.'
                         % (layer_name, rate))
    return rate



def _inputs_key(inputs):
    if inputs is None or (isinstance(inputs, list) and not inputs):
        return None
    return object_list_uid(inputs)


def _static_shape(x):
    try:
        return tuple(x.shape.as_list())
    except (ValueError, AttributeError):
        return None


def _keras_shape(x):
    """A tensor's shape as Keras sees it: the shape its layer declared,
    else TensorFlow's static shape."""
    shape = getattr(x, '_keras_shape', None)
    if shape is not None:
        return tuple(shape)
    return _static_shape(x)


def _merge_shapes(declared, actual):
    if declared is None:
        return actual
    declared = tuple(declared)
    if actual is None or len(actual) != len(declared):
        return declared
    return tuple(d if d is not None else a for d, a in zip(declared, actual))


def _set_keras_shape(x, shape):
    if shape is None:
        return
    shape = tuple(shape)
    try:
        if x.shape.is_compatible_with(shape):
            x.set_shape(shape)
    except (ValueError, TypeError, AttributeError):
        pass
    try:
        x._keras_shape = shape
    except AttributeError:
        pass


def _collect_previous_mask(input_tensors):
    masks = []
    for x in input_tensors:
        history = getattr(x, '_keras_history', None)
        if history is not None:
            layer, node_index, tensor_index = history
            node = layer._inbound_nodes[node_index]
            masks.append(node.output_masks[tensor_index])
        else:
            masks.append(None)
    return masks


def _check_spec(layer_name, index, x, spec):
    """Checks one input against its InputSpec."""
    shape = _keras_shape(x)
    ndim = len(shape) if shape is not None else None
    where = 'Input %d is incompatible with layer %s' % (index, layer_name)
    if spec.ndim is not None and ndim is not None and ndim != spec.ndim:
        raise ValueError('%s: expected ndim=%d, found ndim=%d (input shape '
                         '%s).' % (where, spec.ndim, ndim, shape))
    if spec.max_ndim is not None and ndim is not None and \
            ndim > spec.max_ndim:
        raise ValueError('%s: expected max_ndim=%d, found ndim=%d.'
                         % (where, spec.max_ndim, ndim))
    if spec.min_ndim is not None and ndim is not None and \
            ndim < spec.min_ndim:
        raise ValueError('%s: expected min_ndim=%d, found ndim=%d.'
                         % (where, spec.min_ndim, ndim))
    if spec.dtype is not None:
        dtype = K.dtype(x)
        if dtype != spec.dtype:
            raise ValueError('%s: expected dtype=%s, found dtype=%s.'
                             % (where, spec.dtype, dtype))
    if spec.axes and shape is not None:
        for axis, value in spec.axes.items():
            if value is None:
                continue
            try:
                actual = shape[int(axis)]
            except IndexError:
                raise ValueError('%s: expected an axis %s, but the input has '
                                 'shape %s.' % (where, axis, shape))
            if actual is not None and actual != value:
                raise ValueError('%s: expected axis %s of input shape to '
                                 'have value %d but got shape %s.'
                                 % (where, axis, value, shape))
    if spec.shape is not None and shape is not None:
        for expected, actual in zip(spec.shape, shape):
            if expected is not None and actual is not None and \
                    expected != actual:
                raise ValueError('%s: expected shape=%s, found shape=%s.'
                                 % (where, spec.shape, shape))
