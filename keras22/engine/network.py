"""Network: a graph of layers that is itself a layer."""
import copy
import json
import warnings

import numpy as np
import tensorflow as tf

from .. import backend as K
from ..backend import graph as graph_lib
from ..legacy.interfaces import legacy_support
from ..utils.generic_utils import (has_arg, object_list_uid, to_list,
                                   unpack_singleton)
from ..utils.layer_utils import get_source_inputs, print_summary
from .base_layer import (Layer, Node, _keras_shape, _set_keras_shape,
                         _static_shape)
from .input_layer import InputLayer


def _node_key(layer, node_index):
    return '%s_ib-%d' % (layer.name, node_index)


def _is_graph_call(args, kwargs):
    """Whether Network(...) was given inputs and outputs."""
    return (('inputs' in kwargs and 'outputs' in kwargs) or len(args) == 2 or
            (len(args) == 1 and 'outputs' in kwargs))


class Network(Layer):
    """A directed acyclic graph of layers, usable as a layer itself.

    Built either from tensors (`Network(inputs, outputs)`, the functional
    API) or by subclassing and overriding `call` (Keras 2.2.0+). `Model`
    adds training on top of it.

    # Arguments
        inputs: the input tensor(s), made by `Input`.
        outputs: the output tensor(s), computed from the inputs by layers.
        name: the network's name.

    # Raises
        ValueError: when the inputs do not come from `Input`, an output
            cannot be computed from the inputs ("graph disconnected"), or
            two layers share a name.
    """

    # Keras 1 spelled the arguments `Model(input=..., output=...)`; Keras 2.2
    # still accepted that, with a warning.
    @legacy_support(renamed={'input': 'inputs', 'output': 'outputs'})
    def __init__(self, *args, **kwargs):
        if _is_graph_call(args, kwargs):
            self._init_graph_network(*args, **kwargs)
        else:
            self._init_subclassed_network(**kwargs)

    # ------------------------------------------------------------------
    # Construction.

    def _base_init(self, name):
        if not name:
            prefix = self.__class__.__name__.lower()
            name = '%s_%d' % (prefix, K.get_uid(prefix))
        self.name = name
        self.supports_masking = False
        self.trainable = True
        self._per_input_losses = {}
        self._per_input_updates = {}
        self._updates = []
        self._losses = []
        self._trainable_weights = []
        self._non_trainable_weights = []
        self._inbound_nodes = []
        self._outbound_nodes = []
        self._initial_weights = None
        self.input_spec_ = None
        self.stateful_ = False
        self.dtype = K.floatx()
        self._built = False
        # Rebuilding the graph (Sequential.add, a deferred build) keeps the
        # optimizer and compile arguments but calls for a new compile, which
        # fit performs on the fly.
        self.optimizer = getattr(self, 'optimizer', None)
        self._is_compiled = False
        self._layers = []
        self._output_tensor_cache = {}
        self._output_mask_cache = {}
        self._output_shape_cache = {}
        self._expects_training_arg = has_arg(self.call, 'training')

    def _init_subclassed_network(self, name=None):
        self._is_graph_network = False
        self._base_init(name)
        self.inputs = []
        self.outputs = []
        self.input_names = []
        self.output_names = []
        self._feed_inputs = []
        self._feed_input_names = []
        self._feed_input_shapes = []
        self.built = False

    def _init_graph_network(self, inputs, outputs, name=None):
        self._is_graph_network = True
        self._base_init(name)
        self.inputs = to_list(inputs, allow_tuple=True)
        self.outputs = to_list(outputs, allow_tuple=True)
        self._check_graph_tensors()
        self._output_layers = []
        self._output_coordinates = []
        for x in self.outputs:
            layer, node_index, tensor_index = x._keras_history
            self._output_layers.append(layer)
            self._output_coordinates.append((layer, node_index, tensor_index))
        self._input_layers = []
        self._input_coordinates = []
        for x in self.inputs:
            layer, node_index, tensor_index = x._keras_history
            self._input_layers.append(layer)
            self._input_coordinates.append((layer, node_index, tensor_index))
        self._output_mask_cache = {}
        self._output_shape_cache = {}
        self._feed_inputs = []
        self._feed_input_names = []
        self._feed_input_shapes = []
        self.input_names = []
        for layer in self._input_layers:
            self.input_names.append(layer.name)
            if getattr(layer, 'is_placeholder', False):
                self._feed_input_names.append(layer.name)
                self._feed_inputs.append(layer.input)
                self._feed_input_shapes.append(_keras_shape(layer.input))
        self.output_names = [layer.name for layer in self._output_layers]
        self._map_graph()
        masks = []
        for x in self.inputs:
            layer, node_index, tensor_index = x._keras_history
            node = layer._inbound_nodes[node_index]
            masks.append(node.output_masks[tensor_index])
        output_masks = []
        for x in self.outputs:
            layer, node_index, tensor_index = x._keras_history
            node = layer._inbound_nodes[node_index]
            output_masks.append(node.output_masks[tensor_index])
        mask_key = object_list_uid(self.inputs) + '_' + object_list_uid(masks)
        self._output_mask_cache[mask_key] = unpack_singleton(output_masks)
        Node(outbound_layer=self, inbound_layers=[], node_indices=[],
             tensor_indices=[], input_tensors=self.inputs,
             output_tensors=self.outputs,
             input_masks=[None] * len(self.inputs),
             output_masks=[None] * len(self.outputs),
             input_shapes=[_keras_shape(x) for x in self.inputs],
             output_shapes=[_keras_shape(x) for x in self.outputs])
        self.built = True

    def _check_graph_tensors(self):
        cls_name = self.__class__.__name__
        if len(set(id(x) for x in self.inputs)) != len(self.inputs):
            raise ValueError('The list of inputs passed to the model is '
                             'redundant. All inputs should only appear '
                             'once. Found: %s' % (self.inputs,))
        for x in self.inputs:
            if not hasattr(x, '_keras_history'):
                raise ValueError('Input tensors to a %s must come from '
                                 '`keras22.layers.Input`. Received: %s '
                                 '(missing previous layer metadata).'
                                 % (cls_name, x))
            layer, node_index, tensor_index = x._keras_history
            if len(layer._inbound_nodes) > 1 or (
                    layer._inbound_nodes and
                    layer._inbound_nodes[0].inbound_layers):
                warnings.warn('%s inputs must come from `keras22.layers.'
                              'Input` (thus holding past layer metadata), '
                              'they cannot be the output of a previous '
                              'non-Input layer. Here, a tensor specified as '
                              'input to "%s" was not an Input tensor, it was '
                              'generated by layer %s.'
                              % (cls_name, self.name, layer.name))
        for x in self.outputs:
            if not hasattr(x, '_keras_history'):
                raise ValueError('Output tensors to a %s must be the output '
                                 'of a Keras `Layer` (thus holding past '
                                 'layer metadata). Found: %s' % (cls_name, x))

    def _map_graph(self):
        """Orders the layers and nodes between inputs and outputs.

        Nodes are visited depth-first from the outputs; each node's depth is
        its longest distance to an output, and layers are listed from the
        deepest (the inputs) to the outputs, ties broken by the order in
        which the traversal met them. Keras 2.2 ordered `model.layers` this
        way, and weight files list layers in that order.
        """
        network_nodes = set()
        layer_order = {}
        finished, in_progress = set(), set()
        post_order = []

        def visit(tensor, layer, node_index):
            node = layer._inbound_nodes[node_index]
            if id(node) in in_progress:
                raise ValueError('The tensor %s at layer "%s" is part of a '
                                 'cycle.' % (tensor, layer.name))
            if id(node) in finished:
                return
            network_nodes.add(_node_key(layer, node_index))
            layer_order.setdefault(layer, len(layer_order))
            in_progress.add(id(node))
            for x, inbound, index in zip(node.input_tensors,
                                         node.inbound_layers,
                                         node.node_indices):
                if inbound is not None:
                    visit(x, inbound, index)
            in_progress.discard(id(node))
            finished.add(id(node))
            post_order.append(node)

        for x in self.outputs:
            layer, node_index, _ = x._keras_history
            visit(x, layer, node_index)

        node_depth = {}
        layer_depth = {}
        for node in reversed(post_order):
            depth = node_depth.setdefault(id(node), 0)
            # A shared layer sits at the greatest depth of its nodes.
            depth = max(depth, layer_depth.get(node.outbound_layer, 0))
            layer_depth[node.outbound_layer] = depth
            node_depth[id(node)] = depth
            for inbound, index in zip(node.inbound_layers, node.node_indices):
                if inbound is None:
                    continue
                inbound_node = inbound._inbound_nodes[index]
                node_depth[id(inbound_node)] = max(
                    depth + 1, node_depth.get(id(inbound_node), 0))

        nodes_by_depth = {}
        for node in post_order:
            nodes_by_depth.setdefault(node_depth[id(node)], []).append(node)
        layers_by_depth = {}
        for layer, depth in layer_depth.items():
            layers_by_depth.setdefault(depth, []).append(layer)
        layers = []
        for depth in sorted(layers_by_depth, reverse=True):
            layers.extend(sorted(layers_by_depth[depth],
                                 key=lambda l: layer_order[l]))
        self._layers = layers
        self._layers_by_depth = layers_by_depth
        self._nodes_by_depth = nodes_by_depth
        self._network_nodes = network_nodes
        self._check_computable()
        names = [layer.name for layer in self._layers]
        for name in names:
            if names.count(name) != 1:
                raise ValueError('The name "%s" is used %d times in the '
                                 'model. All layer names should be unique. '
                                 'Layer names: %s'
                                 % (name, names.count(name), names))

    def _check_computable(self):
        computable = set(id(x) for x in self.inputs)
        done = []
        for depth in sorted(self._nodes_by_depth, reverse=True):
            for node in self._nodes_by_depth[depth]:
                layer = node.outbound_layer
                for x in node.input_tensors:
                    if id(x) not in computable:
                        raise ValueError(
                            'Graph disconnected: cannot obtain value for '
                            'tensor %s at layer "%s". The following previous '
                            'layers were accessed without issue: %s'
                            % (x, layer.name, done))
                computable.update(id(x) for x in node.output_tensors)
                done.append(layer.name)

    def __setattr__(self, name, value):
        # Subclassed models track the layers assigned to their attributes.
        if isinstance(value, Layer) and name not in ('_output_layers',):
            try:
                is_graph_network = self._is_graph_network
            except AttributeError:
                raise RuntimeError('It looks like you are subclassing `Model` '
                                   'and you forgot to call `super(YourClass, '
                                   'self).__init__()`. Always start with this '
                                   'line.')
            if not is_graph_network and not any(
                    value is layer for layer in self._layers):
                self._layers.append(value)
        object.__setattr__(self, name, value)

    # ------------------------------------------------------------------
    # Properties.

    @property
    def layers(self):
        return self._layers

    def get_layer(self, name=None, index=None):
        """Finds a layer by name or by position in `layers`.

        # Arguments
            name: the layer's name.
            index: its index in `layers` (used when given).

        # Returns
            The layer.

        # Raises
            ValueError: if there is no such layer.
        """
        if index is not None:
            if len(self.layers) <= index:
                raise ValueError('Was asked to retrieve layer at index %d but '
                                 'model only has %d layers.'
                                 % (index, len(self.layers)))
            return self.layers[index]
        if not name:
            raise ValueError('Provide either a layer name or layer index.')
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ValueError('No such layer: %s' % name)

    @property
    def input_spec(self):
        if not getattr(self, '_is_graph_network', False):
            return None
        specs = []
        for layer in self._input_layers:
            if layer.input_spec is None:
                specs.append(None)
            else:
                specs.extend(to_list(layer.input_spec))
        return specs[0] if len(specs) == 1 else specs

    @input_spec.setter
    def input_spec(self, value):
        # Network derives its spec from its input layers.
        pass

    @property
    def stateful(self):
        return any(getattr(layer, 'stateful', False) for layer in self.layers)

    @stateful.setter
    def stateful(self, value):
        pass

    @property
    def uses_learning_phase(self):
        return any(getattr(x, '_uses_learning_phase', False)
                   for x in self.outputs)

    def _owned_node_inputs(self, layer):
        """The input lists of the layer's nodes that belong to this
        network."""
        inputs = []
        for node_index, node in enumerate(layer._inbound_nodes):
            if _node_key(layer, node_index) in self._network_nodes:
                inputs.append(node.input_tensors)
        return inputs

    @property
    def updates(self):
        if not self.trainable and not self.stateful:
            return []
        updates = []
        for layer in self.layers:
            if not hasattr(layer, 'updates'):
                continue
            if not getattr(self, '_is_graph_network', False):
                updates += layer.updates
                continue
            for inputs in self._owned_node_inputs(layer):
                updates += layer.get_updates_for(inputs)
            updates += layer.get_updates_for(None)
        return _unique(updates)

    @property
    def state_updates(self):
        updates = []
        for layer in self.layers:
            if getattr(layer, 'stateful', False) and hasattr(layer,
                                                             'updates'):
                updates += layer.updates
        return updates

    @property
    def losses(self):
        losses = []
        for layer in self.layers:
            if not hasattr(layer, 'losses'):
                continue
            if not getattr(self, '_is_graph_network', False):
                losses += layer.losses
                continue
            for inputs in self._owned_node_inputs(layer):
                losses += layer.get_losses_for(inputs)
            losses += layer.get_losses_for(None)
        losses += self.get_losses_for(None)
        tensors = _unique([x for x in losses
                           if not isinstance(x, (float, int))])
        numbers = [x for x in losses if isinstance(x, (float, int))]
        return tensors + numbers

    @property
    def trainable_weights(self):
        if not self.trainable:
            return []
        weights = list(self._trainable_weights)
        for layer in self.layers:
            weights += layer.trainable_weights
        return weights

    @trainable_weights.setter
    def trainable_weights(self, weights):
        self._trainable_weights = weights

    @property
    def non_trainable_weights(self):
        weights = list(self._non_trainable_weights)
        for layer in self.layers:
            weights += layer.non_trainable_weights
        if not self.trainable:
            trainable = list(self._trainable_weights)
            for layer in self.layers:
                trainable += layer.trainable_weights
            return trainable + weights
        return weights

    @non_trainable_weights.setter
    def non_trainable_weights(self, weights):
        self._non_trainable_weights = weights

    def get_weights(self):
        """All weight values, layer by layer, as NumPy arrays."""
        weights = []
        for layer in self.layers:
            weights += layer.weights
        return K.batch_get_value(weights)

    def set_weights(self, weights):
        """Sets all weights, layer by layer, from NumPy arrays.

        # Arguments
            weights: a list of arrays, in the order of `get_weights()`.

        # Raises
            ValueError: if the number of arrays or a shape differs.
        """
        expected = sum(len(layer.weights) for layer in self.layers)
        if len(weights) != expected:
            raise ValueError('You called `set_weights(weights)` on model "%s" '
                             'with a weight list of length %d, but the model '
                             'was expecting %d weights.'
                             % (self.name, len(weights), expected))
        offset = 0
        for layer in self.layers:
            count = len(layer.weights)
            if count:
                layer.set_weights(weights[offset:offset + count])
            offset += count

    def reset_states(self):
        """Resets the states of every stateful layer."""
        for layer in self.layers:
            if hasattr(layer, 'reset_states') and getattr(layer, 'stateful',
                                                          False):
                layer.reset_states()

    # ------------------------------------------------------------------
    # Calling.

    def call(self, inputs, mask=None):
        inputs = to_list(inputs)
        masks = [None] * len(inputs) if mask is None else to_list(mask)
        if all(graph_lib.is_symbolic(x) for x in inputs):
            key = object_list_uid(inputs) + '_' + object_list_uid(masks)
            if key in self._output_tensor_cache:
                return self._output_tensor_cache[key]
        outputs, _, _ = self.run_internal_graph(inputs, masks)
        return unpack_singleton(outputs)

    def compute_mask(self, inputs, mask):
        if not getattr(self, '_is_graph_network', False):
            return None
        inputs = to_list(inputs)
        masks = [None] * len(inputs) if mask is None else to_list(mask)
        key = object_list_uid(inputs) + '_' + object_list_uid(masks)
        if key in self._output_mask_cache:
            return self._output_mask_cache[key]
        _, output_masks, _ = self.run_internal_graph(inputs, masks)
        return unpack_singleton(output_masks)

    def compute_output_shape(self, input_shape):
        if not getattr(self, '_is_graph_network', False):
            return super(Network, self).compute_output_shape(input_shape)
        input_shapes = to_list(input_shape, allow_tuple=False) \
            if isinstance(input_shape, list) else [input_shape]
        if len(input_shapes) != len(self._input_layers):
            raise ValueError('Invalid input_shape argument %s: model has %d '
                             'tensor inputs.' % (input_shape,
                                                 len(self._input_layers)))
        key = ', '.join(str(s) for s in input_shapes)
        if key in self._output_shape_cache:
            return self._output_shape_cache[key]
        shapes = {}
        for x, shape in zip(self.inputs, input_shapes):
            shapes[id(x)] = tuple(shape) if shape is not None else None
        for depth in sorted(self._nodes_by_depth, reverse=True):
            for node in self._nodes_by_depth[depth]:
                layer = node.outbound_layer
                if isinstance(layer, InputLayer):
                    continue
                known = [shapes.get(id(x)) for x in node.input_tensors]
                if any(s is None for s in known):
                    continue
                out = layer.compute_output_shape(unpack_singleton(known))
                for x, s in zip(node.output_tensors, to_list(out)):
                    shapes[id(x)] = s
        result = [shapes.get(id(x), _keras_shape(x)) for x in self.outputs]
        result = unpack_singleton(result)
        self._output_shape_cache[key] = result
        return result

    def run_internal_graph(self, inputs, masks=None):
        """Runs the network's layers on new inputs.

        # Arguments
            inputs: list of tensors, one per network input.
            masks: list of masks (or `None`s).

        # Returns
            The lists of output tensors, output masks and output shapes.
        """
        if masks is None:
            masks = [None] * len(inputs)
        symbolic = any(graph_lib.is_symbolic(x) for x in inputs)
        values = {}
        for x, y, mask in zip(self.inputs, inputs, masks):
            values[id(x)] = (y, mask)
        for depth in sorted(self._nodes_by_depth, reverse=True):
            for node in self._nodes_by_depth[depth]:
                layer = node.outbound_layer
                if isinstance(layer, InputLayer):
                    # The network's input is the value (and mask) given for
                    # it: a mask reaches the layers after the InputLayer.
                    continue
                refs = node.input_tensors
                if not all(id(x) in values for x in refs):
                    continue
                computed = [values[id(x)] for x in refs]
                outputs, out_masks, tensors = self._run_node(
                    layer, node, computed, symbolic)
                if symbolic:
                    self._track_layer_side_effects(layer, tensors, inputs)
                    self._annotate_outputs(layer, computed, outputs)
                for x, y, mask in zip(node.output_tensors, outputs,
                                      out_masks):
                    values[id(x)] = (y, mask)
        output_tensors, output_masks, output_shapes = [], [], []
        for x in self.outputs:
            if id(x) not in values:
                raise ValueError('Could not compute output %s of model %s.'
                                 % (x, self.name))
            tensor, mask = values[id(x)]
            output_tensors.append(tensor)
            output_masks.append(mask)
            output_shapes.append(_keras_shape(tensor) if symbolic else None)
        if symbolic:
            key = object_list_uid(inputs) + '_' + object_list_uid(masks)
            self._output_tensor_cache[key] = unpack_singleton(output_tensors)
            self._output_mask_cache[key] = unpack_singleton(output_masks)
        return output_tensors, output_masks, output_shapes

    @staticmethod
    def _run_node(layer, node, computed, symbolic):
        kwargs = dict(node.arguments or {})
        tensors = [t for t, _ in computed]
        masks = [m for _, m in computed]
        if len(computed) == 1:
            tensor_arg, mask_arg = tensors[0], masks[0]
        else:
            tensor_arg, mask_arg = tensors, masks
        if has_arg(layer.call, 'mask') and 'mask' not in kwargs:
            kwargs['mask'] = mask_arg
        scope = (tf.compat.v1.name_scope(layer.name) if symbolic
                 else _NullScope())
        with scope:
            outputs = to_list(layer.call(tensor_arg, **kwargs))
            out_masks = layer.compute_mask(tensor_arg, mask_arg)
            out_masks = ([None] * len(outputs) if out_masks is None
                         else to_list(out_masks))
            regularizer = getattr(layer, 'activity_regularizer', None)
            if symbolic and regularizer is not None:
                layer.add_loss([regularizer(x) for x in outputs],
                               inputs=tensors)
        return outputs, out_masks, tensors

    def _track_layer_side_effects(self, layer, layer_inputs, inputs):
        self.add_update(layer.get_updates_for(layer_inputs), inputs)
        self.add_update(layer.get_updates_for(None), None)
        self.add_loss(layer.get_losses_for(layer_inputs), inputs)
        self.add_loss(layer.get_losses_for(None), None)

    @staticmethod
    def _annotate_outputs(layer, computed, outputs):
        uses_lp = any(getattr(t, '_uses_learning_phase', False)
                      for t, _ in computed)
        shapes = [_keras_shape(t) for t, _ in computed]
        declared = None
        if all(s is not None for s in shapes) and \
                layer._declares_output_shape():
            try:
                declared = to_list(layer.compute_output_shape(
                    unpack_singleton(shapes)))
            except (NotImplementedError, TypeError, ValueError, IndexError):
                declared = None
        for i, x in enumerate(outputs):
            if declared is not None and i < len(declared):
                actual = _static_shape(x)
                shape = tuple(declared[i]) if declared[i] is not None \
                    else actual
                if actual is not None and shape is not None and \
                        len(actual) == len(shape):
                    shape = tuple(d if d is not None else a
                                  for d, a in zip(shape, actual))
                _set_keras_shape(x, shape)
            x._uses_learning_phase = (getattr(x, '_uses_learning_phase',
                                              False) or uses_lp)

    # ------------------------------------------------------------------
    # Configuration.

    def get_config(self):
        if not getattr(self, '_is_graph_network', False):
            raise NotImplementedError('Subclassed models cannot be described '
                                      'by a config; save their weights '
                                      'instead.')
        config = {'name': self.name}
        conversion = {}
        for layer in self.layers:
            # A nested network's node 0 is its own construction.
            kept = 1 if isinstance(layer, Network) else 0
            for index, _ in enumerate(layer._inbound_nodes):
                key = _node_key(layer, index)
                if key in self._network_nodes:
                    conversion[key] = kept
                    kept += 1
        layer_configs = []
        for layer in self.layers:
            inbound = []
            for index, node in enumerate(layer._inbound_nodes):
                key = _node_key(layer, index)
                if key not in self._network_nodes or not node.inbound_layers:
                    continue
                kwargs = _serializable_arguments(layer, node.arguments)
                inbound.append([
                    [inbound_layer.name,
                     conversion.get(_node_key(inbound_layer, node_index), 0),
                     tensor_index, kwargs]
                    for inbound_layer, node_index, tensor_index in zip(
                        node.inbound_layers, node.node_indices,
                        node.tensor_indices)])
            layer_configs.append({'name': layer.name,
                                  'class_name': layer.__class__.__name__,
                                  'config': layer.get_config(),
                                  'inbound_nodes': inbound})
        config['layers'] = layer_configs
        config['input_layers'] = self._coordinates_config(
            self._input_coordinates, conversion)
        config['output_layers'] = self._coordinates_config(
            self._output_coordinates, conversion)
        return copy.deepcopy(config)

    def _coordinates_config(self, coordinates, conversion):
        result = []
        for layer, node_index, tensor_index in coordinates:
            key = _node_key(layer, node_index)
            if key in self._network_nodes:
                result.append([layer.name, conversion[key], tensor_index])
        return result

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Rebuilds a network from the output of `get_config`.

        # Arguments
            config: the dict.
            custom_objects: dict of names of custom layers and functions.

        # Returns
            The network.

        # Raises
            ValueError: for a malformed config.
        """
        from ..layers import deserialize as deserialize_layer
        if not isinstance(config, dict) or 'layers' not in config:
            raise ValueError('Improperly formatted model config: expected a '
                             'dict with "layers", got %r.' % (config,))
        created = {}
        pending = {}
        for layer_data in config['layers']:
            layer = deserialize_layer(layer_data,
                                      custom_objects=custom_objects)
            created[layer_data['name']] = layer
            nodes = layer_data.get('inbound_nodes', [])
            if nodes:
                pending.setdefault(layer, []).extend(
                    _normalize_node_data(n) for n in nodes)
        # Nodes whose inputs do not exist yet (layers shared at several
        # depths) wait for the next round.
        while pending:
            progressed = False
            for layer_data in config['layers']:
                layer = created[layer_data['name']]
                if layer not in pending:
                    continue
                waiting = pending.pop(layer)
                while waiting:
                    node_data = waiting[0]
                    tensors = _node_inputs(created, node_data)
                    if tensors is None:
                        break
                    waiting.pop(0)
                    kwargs = node_data[0][3] if node_data else {}
                    layer(unpack_singleton(tensors), **kwargs)
                    progressed = True
                if waiting:
                    pending[layer] = waiting
            if not progressed:
                raise ValueError('Improperly formatted model config: layers '
                                 '%s have inputs that never become available.'
                                 % sorted(l.name for l in pending))
        inputs = [created[name]._inbound_nodes[node].output_tensors[tensor]
                  for name, node, tensor in config['input_layers']]
        outputs = [created[name]._inbound_nodes[node].output_tensors[tensor]
                   for name, node, tensor in config['output_layers']]
        return cls(inputs=inputs, outputs=outputs, name=config.get('name'))

    def to_json(self, **kwargs):
        """The model's architecture as a JSON string.

        # Arguments
            **kwargs: passed to `json.dumps` (e.g. `indent`).

        # Returns
            A JSON string.
        """
        from .saving import _model_config_dict, _json_default
        return json.dumps(_model_config_dict(self), default=_json_default,
                          **kwargs)

    def to_yaml(self, **kwargs):
        """The model's architecture as a YAML string.

        # Arguments
            **kwargs: passed to `yaml.dump` (e.g. `indent`).

        # Returns
            A YAML string.
        """
        import yaml
        from .saving import _model_config_dict, _json_default
        plain = json.loads(json.dumps(_model_config_dict(self),
                                      default=_json_default))
        return yaml.dump(plain, **kwargs)

    # ------------------------------------------------------------------
    # Saving and summary.

    def __reduce__(self):
        # Pickles hold what save() writes to a file: architecture, weights
        # and optimizer state (see saving.pickle_model).
        from .saving import _unpickle_trusted, pickle_model
        return (_unpickle_trusted, (pickle_model(self),))

    def save(self, filepath, overwrite=True, include_optimizer=True):
        """Saves the model (architecture, weights, optimizer state) to HDF5.

        # Arguments
            filepath: path or open `h5py.File`.
            overwrite: whether to overwrite an existing file silently
                (otherwise the user is asked).
            include_optimizer: whether to save the optimizer's state.
        """
        from .saving import save_model
        save_model(self, filepath, overwrite, include_optimizer)

    def save_weights(self, filepath, overwrite=True):
        """Saves all layer weights to an HDF5 file.

        # Arguments
            filepath: the file path.
            overwrite: whether to overwrite an existing file silently.
        """
        from .saving import save_weights
        save_weights(self, filepath, overwrite)

    def load_weights(self, filepath, by_name=False, skip_mismatch=False,
                     reshape=False):
        """Loads weights saved by `save_weights` (or `save`).

        # Arguments
            filepath: the file path.
            by_name: match layers by name instead of by order.
            skip_mismatch: with `by_name`, skip layers whose weights do not
                match in number or shape (with a warning).
            reshape: reshape weights whose size matches but shape differs.

        # Raises
            ValueError: on a mismatch in layer count or weight shapes.
        """
        from .saving import load_weights
        load_weights(self, filepath, by_name=by_name,
                     skip_mismatch=skip_mismatch, reshape=reshape)

    def summary(self, line_length=None, positions=None, print_fn=None):
        """Prints a table of the layers, their output shapes and weights.

        # Arguments
            line_length: total length of the lines.
            positions: relative or absolute positions of the columns.
            print_fn: the function that prints each line (default:
                `print`).

        # Raises
            ValueError: for a subclassed model that is not built yet.
        """
        if not self.built:
            raise ValueError('This model has not yet been built. Build the '
                             'model first by calling build() or calling fit() '
                             'with some data. Or specify input_shape or '
                             'batch_input_shape in the first layer for '
                             'automatic build.')
        return print_summary(self, line_length=line_length,
                             positions=positions, print_fn=print_fn)


class _NullScope(object):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _unique(items):
    seen, result = set(), []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            result.append(item)
    return result


def _serializable_arguments(layer, arguments):
    if not arguments:
        return {}
    try:
        json.dumps(arguments)
        return arguments
    except TypeError:
        warnings.warn('Layer %s was passed non-serializable keyword '
                      'arguments: %s. They will not be included in the '
                      'serialized model (and thus will be missing at '
                      'deserialization time).' % (layer.name, arguments))
        return {}


def _normalize_node_data(node_data):
    """Node data as a list of `[layer_name, node_index, tensor_index,
    kwargs]`; accepts the 3-item form of older files."""
    if isinstance(node_data, dict):
        # tf_keras >= 2.13 writes {"args": ..., "kwargs": ...}; only the
        # keras history entries matter here.
        raise ValueError('Unsupported node format in model config: %r'
                         % (node_data,))
    normalized = []
    for entry in node_data:
        if len(entry) == 3:
            normalized.append([entry[0], entry[1], entry[2], {}])
        elif len(entry) == 4:
            normalized.append(list(entry))
        else:
            raise ValueError('Improperly formatted model config: node entry '
                             '%r.' % (entry,))
    return normalized


def _node_inputs(created, node_data):
    """The tensors a node needs, or None if one does not exist yet."""
    tensors = []
    for name, node_index, tensor_index, _ in node_data:
        layer = created[name]
        if len(layer._inbound_nodes) <= node_index:
            return None
        tensors.append(
            layer._inbound_nodes[node_index].output_tensors[tensor_index])
    return tensors
