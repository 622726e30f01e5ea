"""Model-related names: Model, Sequential, loading, saving and cloning."""
from . import backend as K
from .engine.input_layer import Input  # noqa: F401
from .engine.input_layer import InputLayer  # noqa: F401
from .engine.saving import load_model  # noqa: F401
from .engine.saving import model_from_config  # noqa: F401
from .engine.saving import model_from_json  # noqa: F401
from .engine.saving import model_from_yaml  # noqa: F401
from .engine.saving import save_model  # noqa: F401
from .engine.sequential import Sequential  # noqa: F401
from .engine.training import Model  # noqa: F401
from .utils.generic_utils import CustomObjectScope, has_arg, to_list


def _layer_classes(layers, found=None):
    """Every layer class used by `layers`, nested models and wrappers
    included, by name."""
    found = {} if found is None else found
    for layer in layers:
        found.setdefault(layer.__class__.__name__, layer.__class__)
        inner = [getattr(layer, attr) for attr in ('layer', 'forward_layer',
                                                   'backward_layer', 'cell')
                 if hasattr(getattr(layer, attr, None), 'get_config')]
        _layer_classes(list(getattr(layer, 'layers', None) or []) + inner,
                       found)
    return found


def _clone_layer(layer):
    """A new layer with the same config (and so fresh weights).

    The config comes from this process, so a Lambda layer's function is
    reused as it is rather than rebuilt from its bytecode (which would
    lose the globals it refers to); a function given as `output_shape`,
    and Lambda layers inside nested models, come back from their bytecode,
    which is allowed here.
    """
    from .engine.saving import _upgrade_model_config
    from .layers.core import Lambda, allow_lambda_bytecode
    config = layer.get_config()
    if getattr(layer, '_is_graph_network', False):
        # Models nested in the model keep their names (and those of the
        # models nested in them), which Keras 2.2's list config of a
        # Sequential model lost.
        config = _upgrade_model_config(
            {'class_name': layer.__class__.__name__, 'config': config,
             'name': layer.name},
            {layer.__class__.__name__: layer.__class__})['config']
    with allow_lambda_bytecode():
        if isinstance(layer, Lambda):
            return layer.__class__.from_config(
                config, custom_objects={layer.name: layer.function})
        return layer.__class__.from_config(config)


def _clone_functional_model(model, input_tensors=None):
    if not isinstance(model, Model):
        raise ValueError('clone_model: expected a `Model` instance, got %r.'
                         % (model,))
    if isinstance(model, Sequential):
        raise ValueError('clone_model: expected a functional `Model`, got a '
                         '`Sequential` model: %r.' % (model,))
    if not getattr(model, '_is_graph_network', False):
        raise ValueError('clone_model: model "%s" is a subclassed model; '
                         'only functional and Sequential models can be '
                         'cloned (create a new instance of its class '
                         'instead).' % model.name)
    new_layers = {}
    if input_tensors is None:
        input_tensors = []
        for layer in model._input_layers:
            x = Input(batch_shape=layer.batch_input_shape, dtype=layer.dtype,
                      sparse=getattr(layer, 'sparse', False),
                      name=layer.name)
            input_tensors.append(x)
            new_layers[layer] = x._keras_history[0]
    else:
        input_tensors = to_list(input_tensors, allow_tuple=True)
        if len(input_tensors) != len(model.inputs):
            raise ValueError('clone_model: model "%s" has %d inputs, but %d '
                             'input_tensors were given.'
                             % (model.name, len(model.inputs),
                                len(input_tensors)))
        wrapped = []
        for i, x in enumerate(input_tensors):
            if not K.is_keras_tensor(x):
                original = model._input_layers[i]
                x = Input(tensor=x,
                          name='input_wrapper_for_' + original.name)
                new_layers[original] = x._keras_history[0]
            wrapped.append(x)
        input_tensors = wrapped

    computed = {}
    for x, y in zip(model.inputs, input_tensors):
        computed[id(x)] = (y, None)
    for depth in sorted(model._nodes_by_depth, reverse=True):
        for node in model._nodes_by_depth[depth]:
            layer = node.outbound_layer
            if layer not in new_layers:
                new_layers[layer] = _clone_layer(layer)
            elif isinstance(new_layers[layer], InputLayer):
                continue
            new_layer = new_layers[layer]
            if isinstance(new_layer, InputLayer):
                continue
            refs = node.input_tensors
            if not all(id(x) in computed for x in refs):
                continue
            tensors = [computed[id(x)][0] for x in refs]
            masks = [computed[id(x)][1] for x in refs]
            kwargs = dict(node.arguments or {})
            if len(refs) == 1:
                tensors, masks = tensors[0], masks[0]
            if has_arg(new_layer.call, 'mask') and 'mask' not in kwargs \
                    and not all(m is None for m in to_list(masks)):
                kwargs['mask'] = masks
            outputs = to_list(new_layer(tensors, **kwargs))
            out_masks = new_layer.compute_mask(tensors, masks)
            out_masks = ([None] * len(outputs) if out_masks is None
                         else to_list(out_masks))
            for x, y, mask in zip(node.output_tensors, outputs, out_masks):
                computed[id(x)] = (y, mask)

    outputs = []
    for x in model.outputs:
        if id(x) not in computed:
            raise ValueError('clone_model: could not compute output %s of '
                             'model "%s".' % (x, model.name))
        outputs.append(computed[id(x)][0])
    return Model(input_tensors, outputs, name=model.name)


def _clone_sequential_model(model, input_tensors=None):
    if not isinstance(model, Sequential):
        raise ValueError('clone_model: expected a `Sequential` model, got %r.'
                         % (model,))
    layers = [_clone_layer(layer) for layer in model.layers]
    if input_tensors is None:
        return Sequential(layers=layers, name=model.name)
    tensors = to_list(input_tensors, allow_tuple=True)
    if len(tensors) != 1:
        raise ValueError('clone_model: to clone a `Sequential` model, give '
                         'at most one tensor as `input_tensors`, got %d.'
                         % len(tensors))
    x = tensors[0]
    if K.is_keras_tensor(x):
        origin = x._keras_history[0]
        if not isinstance(origin, InputLayer):
            raise ValueError('clone_model: cannot clone a `Sequential` model '
                             'on top of a tensor made by layer "%s"; only '
                             'the output of an `Input` will do. Use the '
                             'functional API instead.' % origin.name)
        return Sequential(layers=[origin] + layers, name=model.name)
    x = Input(tensor=x, name='input_wrapper_for_' + model.name)
    return Sequential(layers=[x._keras_history[0]] + layers, name=model.name)


def clone_model(model, input_tensors=None):
    """Makes a new model with the architecture of `model`.

    Every layer is created again from its config, so the clone has fresh
    weights of its own (copy them with
    `clone.set_weights(model.get_weights())`) and shares nothing with the
    original. The clone is not compiled.

    # Arguments
        model: a functional or `Sequential` model.
        input_tensors: optional tensors (Keras tensors or plain tensors) to
            build the clone on, instead of new `Input`s.

    # Returns
        The new model.

    # Raises
        ValueError: for a subclassed model, or input tensors that do not
            fit the model.

    # Example
    ```python
        twin = clone_model(model)
        twin.set_weights(model.get_weights())
    ```
    """
    # Nested models rebuild their layers by class name, so the classes of
    # the user's own layers must be known while cloning.
    with CustomObjectScope(_layer_classes(model.layers)):
        if isinstance(model, Sequential):
            return _clone_sequential_model(model, input_tensors)
        return _clone_functional_model(model, input_tensors)
