"""Helpers about layers and models: summaries, parameter counts, sources,
and weight-layout conversions."""
import numpy as np

from .. import backend as K


def count_params(weights):
    """The number of scalars in a list of weights, each weight counted once.

    # Arguments
        weights: a list of variables.

    # Returns
        An integer.
    """
    unique = {id(w): w for w in weights}.values()
    return int(sum(K.count_params(w) for w in unique))


def _is_sequential_like(model):
    """Whether the summary can omit the "Connected to" column."""
    if model.__class__.__name__ == 'Sequential' or \
            not getattr(model, '_is_graph_network', False):
        return True
    nodes = []
    for depth_nodes in model._nodes_by_depth.values():
        if len(depth_nodes) > 1 or (len(depth_nodes) == 1 and
                                    len(depth_nodes[0].inbound_layers) > 1):
            return False
        nodes += depth_nodes
    node_ids = set(id(n) for n in nodes)
    for layer in model.layers:
        owned = [n for n in layer._inbound_nodes if id(n) in node_ids]
        if len(owned) > 1:
            return False
    return True


def print_summary(model, line_length=None, positions=None, print_fn=None):
    """Prints a table of a model's layers, in Keras 2.2's layout.

    # Arguments
        model: the model.
        line_length: total length of the lines (default 65, or 98 when the
            "Connected to" column is shown).
        positions: where each column ends, relative (fractions) or
            absolute.
        print_fn: the function that prints each line (default `print`).
    """
    if print_fn is None:
        print_fn = print
    sequential_like = _is_sequential_like(model)
    if sequential_like:
        line_length = line_length or 65
        positions = positions or [.45, .85, 1.]
        headers = ['Layer (type)', 'Output Shape', 'Param #']
    else:
        line_length = line_length or 98
        positions = positions or [.33, .55, .67, 1.]
        headers = ['Layer (type)', 'Output Shape', 'Param #', 'Connected to']
    if positions[-1] <= 1:
        positions = [int(line_length * p) for p in positions]
    relevant = set()
    if not sequential_like:
        for depth_nodes in model._nodes_by_depth.values():
            relevant.update(id(n) for n in depth_nodes)

    def row(fields):
        line = ''
        for i, field in enumerate(fields):
            if i > 0:
                line = line[:-1] + ' '
            line += str(field)
            line = line[:positions[i]]
            line += ' ' * (positions[i] - len(line))
        print_fn(line)

    print_fn('_' * line_length)
    row(headers)
    print_fn('=' * line_length)
    layers = model.layers
    for i, layer in enumerate(layers):
        try:
            output_shape = layer.output_shape
        except (AttributeError, RuntimeError):
            output_shape = 'multiple'
        first = ['%s (%s)' % (layer.name, layer.__class__.__name__),
                 output_shape, layer.count_params()]
        if sequential_like:
            row(first)
        else:
            connections = _connections(layer, relevant)
            row(first + [connections[0] if connections else ''])
            for extra in connections[1:]:
                row(['', '', '', extra])
        print_fn(('=' if i == len(layers) - 1 else '_') * line_length)
    check = getattr(model, '_check_trainable_weights_consistency', None)
    if check is not None:
        check()
    if hasattr(model, '_collected_trainable_weights'):
        trainable = count_params(model._collected_trainable_weights)
    else:
        trainable = count_params(model.trainable_weights)
    non_trainable = count_params(model.non_trainable_weights)
    print_fn('Total params: {:,}'.format(trainable + non_trainable))
    print_fn('Trainable params: {:,}'.format(trainable))
    print_fn('Non-trainable params: {:,}'.format(non_trainable))
    print_fn('_' * line_length)


def _connections(layer, relevant):
    result = []
    for node in layer._inbound_nodes:
        if relevant and id(node) not in relevant:
            continue
        for inbound, node_index, tensor_index in zip(
                node.inbound_layers, node.node_indices, node.tensor_indices):
            result.append('%s[%d][%d]' % (inbound.name, node_index,
                                          tensor_index))
    return result


def get_source_inputs(tensor, layer=None, node_index=None):
    """The input tensors (of `Input` layers) a tensor was computed from.

    # Arguments
        tensor: the tensor to start from.
        layer: the layer that produced it (optional; read from the tensor's
            history otherwise).
        node_index: the node of `layer` that produced it.

    # Returns
        A list of tensors.
    """
    if not hasattr(tensor, '_keras_history'):
        return tensor
    if layer is None or node_index:
        layer, node_index, _ = tensor._keras_history
    if not layer._inbound_nodes:
        return [tensor]
    node = layer._inbound_nodes[node_index]
    if not node.inbound_layers:
        return node.input_tensors
    sources = []
    for x, inbound, index in zip(node.input_tensors, node.inbound_layers,
                                 node.node_indices):
        for source in get_source_inputs(x, inbound, index):
            if not any(source is s for s in sources):
                sources.append(source)
    return sources


def convert_all_kernels_in_model(model):
    """Flips the kernels of convolution layers (Theano <-> TensorFlow).

    Kernels trained with Theano's true convolution are the spatial mirror of
    TensorFlow's cross-correlation kernels; this converts them in place.

    # Arguments
        model: the model whose `Conv1D`, `Conv2D`, `Conv3D` and
            `Conv2DTranspose` kernels are converted.
    """
    from .conv_utils import convert_kernel
    conv_classes = {'Conv1D', 'Conv2D', 'Conv3D', 'Conv2DTranspose'}
    updates = []
    for layer in model.layers:
        if layer.__class__.__name__ in conv_classes:
            kernel = K.get_value(layer.kernel)
            updates.append((layer.kernel, convert_kernel(kernel)))
    K.batch_set_value(updates)


def convert_dense_weights_data_format(dense, previous_feature_map_shape,
                                      target_data_format='channels_first'):
    """Reorders a Dense kernel that follows a Flatten, for a new data format.

    When a model trained with one image data format is used with the other,
    the features a `Flatten` layer produces come out in another order; the
    kernel rows of the following `Dense` layer must be permuted to match.

    # Arguments
        dense: the `Dense` layer to convert (in place).
        previous_feature_map_shape: the shape of the feature map before
            `Flatten`, without the batch axis, written in the target
            layout: `(channels, rows, cols)` when converting to channels
            first, `(rows, cols, channels)` when converting to channels
            last.
        target_data_format: `'channels_first'` or `'channels_last'`.

    # Raises
        ValueError: for an unknown `target_data_format`.
    """
    if target_data_format not in ('channels_last', 'channels_first'):
        raise ValueError('convert_dense_weights_data_format: unknown '
                         'target_data_format %r.' % (target_data_format,))
    kernel, bias = dense.get_weights()
    size = int(np.prod(previous_feature_map_shape))
    for unit in range(kernel.shape[1]):
        if target_data_format == 'channels_first':
            c, h, w = previous_feature_map_shape
            column = kernel[:, unit].reshape((h, w, c)).transpose(2, 0, 1)
        else:
            h, w, c = previous_feature_map_shape
            column = kernel[:, unit].reshape((c, h, w)).transpose(1, 2, 0)
        kernel[:, unit] = column.reshape((size,))
    dense.set_weights([kernel, bias])
