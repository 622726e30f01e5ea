"""Drawing models as graphs, with pydot and Graphviz."""
import os
import uuid

try:
    import pydot
except ImportError:  # Only the functions of this module need it.
    pydot = None

_IMPORT_MESSAGE = ('Failed to import pydot. You must install pydot and '
                   'graphviz for `pydotprint` to work.')


def _check_pydot():
    if pydot is None:
        raise ImportError(_IMPORT_MESSAGE + ' The Python package `pydot` is '
                          'not installed (`pip install pydot`).')


def _check_graphviz():
    """Raises ImportError when pydot cannot run Graphviz's `dot` program,
    which drawing (but not building the DOT graph) needs."""
    _check_pydot()
    try:
        pydot.Dot.create(pydot.Dot())
    except Exception as e:
        # pydot reports a missing program as OSError in some versions and
        # as a plain Exception in others.
        raise ImportError(_IMPORT_MESSAGE + ' pydot could not run the '
                          'Graphviz program `dot` (%s): install Graphviz '
                          '(for example `apt-get install graphviz`) and make '
                          'sure `dot` is on the PATH.' % (e,))


def _is_network(layer):
    return getattr(layer, '_is_graph_network', False)


def _label(layer, show_shapes, show_layer_names):
    name = layer.name
    class_name = layer.__class__.__name__
    inner = getattr(layer, 'layer', None)
    if inner is not None and hasattr(inner, 'name'):
        # A wrapper (TimeDistributed, Bidirectional, ...): show the
        # wrapped layer too.
        name = '%s(%s)' % (name, inner.name)
        class_name = '%s(%s)' % (class_name, inner.__class__.__name__)
    label = '%s: %s' % (name, class_name) if show_layer_names else \
        class_name
    if show_shapes:
        try:
            outputs = str(layer.output_shape)
        except AttributeError:
            outputs = 'multiple'
        try:
            inputs = str(layer.input_shape)
        except AttributeError:
            inputs = 'multiple'
        label = '%s\n|{input:|output:}|{{%s}|{%s}}' % (label, inputs,
                                                       outputs)
    return label


class _DotBuilder(object):
    """Adds the layers of a (possibly nested) model to a pydot graph."""

    def __init__(self, dot, show_shapes, show_layer_names, expand_nested):
        self.dot = dot
        self.show_shapes = show_shapes
        self.show_layer_names = show_layer_names
        self.expand_nested = expand_nested

    def _expanded(self, layer):
        return self.expand_nested and _is_network(layer)

    def entries(self, layer, position):
        """The node ids an edge into input `position` of `layer` ends at."""
        if self._expanded(layer):
            inputs = layer._input_layers
            return self.entries(inputs[min(position, len(inputs) - 1)], 0)
        return [str(id(layer))]

    def exits(self, layer):
        """The node ids an edge out of `layer` starts from."""
        if self._expanded(layer):
            return [node for output in layer._output_layers
                    for node in self.exits(output)]
        return [str(id(layer))]

    def add_nodes(self, model, graph):
        for layer in model._layers:
            if self._expanded(layer):
                cluster = pydot.Cluster(
                    str(id(layer)), label='%s: %s' % (
                        layer.name, layer.__class__.__name__),
                    style='dashed')
                self.add_nodes(layer, cluster)
                self.add_edges(layer)
                graph.add_subgraph(cluster)
            else:
                graph.add_node(pydot.Node(
                    str(id(layer)), label=_label(layer, self.show_shapes,
                                                 self.show_layer_names)))

    def add_edges(self, model):
        for layer in model._layers:
            for index, node in enumerate(layer._inbound_nodes):
                if '%s_ib-%d' % (layer.name, index) not in \
                        model._network_nodes:
                    continue
                for position, inbound in enumerate(node.inbound_layers):
                    if inbound is None:
                        continue
                    for source in self.exits(inbound):
                        for target in self.entries(layer, position):
                            self.dot.add_edge(pydot.Edge(source, target))


def model_to_dot(model, show_shapes=False, show_layer_names=True,
                 rankdir='TB', expand_nested=False, dpi=96):
    """Builds a pydot graph of a model: one node per layer (the input
    layers included), one edge per connection.

    Only the `pydot` package is needed; Graphviz is needed to draw the
    graph (`plot_model`, or `create_png()` on the result), not to build it
    or get its DOT source (`to_string()`). Keras 2.2 required both here.

    # Arguments
        model: a functional or `Sequential` model (built).
        show_shapes: show each layer's input and output shapes.
        show_layer_names: show the layer names (else the class names only).
        rankdir: the Graphviz `rankdir`: `'TB'` (top to bottom) or `'LR'`
            (left to right).
        expand_nested: draw the layers of nested models, each model in a
            dashed box (an addition of later Keras versions).
        dpi: the resolution of the drawing (an addition of later Keras
            versions).

    # Returns
        A `pydot.Dot`.

    # Raises
        ImportError: if pydot is not installed.
        ValueError: for a subclassed model (its layer graph is not known)
            or a `Sequential` model that is not built.
    """
    _check_pydot()
    if not getattr(model, 'built', True) or \
            not hasattr(model, '_network_nodes'):
        if getattr(model, '_is_graph_network', None) is False:
            raise ValueError('model_to_dot: %r is a subclassed model (or '
                             'an unbuilt Sequential model), whose layer '
                             'graph is not known; build it from Input '
                             'tensors or give the first layer an input '
                             'shape.' % model.name)
        raise ValueError('model_to_dot: the model %r is not built yet.'
                         % model.name)
    dot = pydot.Dot()
    dot.set('rankdir', rankdir)
    dot.set('concentrate', True)
    dot.set('dpi', dpi)
    dot.set_node_defaults(shape='record')
    builder = _DotBuilder(dot, show_shapes, show_layer_names, expand_nested)
    builder.add_nodes(model, dot)
    builder.add_edges(model)
    return dot


def plot_model(model, to_file='model.png', show_shapes=False,
               show_layer_names=True, rankdir='TB', expand_nested=False,
               dpi=96):
    """Draws a model's graph into an image file.

    # Arguments
        model: a functional or `Sequential` model (built).
        to_file: the file to write; its extension (`.png`, `.svg`,
            `.pdf`, ...) picks the format, PNG when there is none. The
            file is written whole or not at all.
        show_shapes: show each layer's input and output shapes.
        show_layer_names: show the layer names.
        rankdir: `'TB'` (top to bottom) or `'LR'` (left to right).
        expand_nested: draw the layers of nested models (an addition of
            later Keras versions).
        dpi: the resolution of the drawing (an addition of later Keras
            versions).

    # Raises
        ImportError: if pydot is not installed or Graphviz's `dot`
            program cannot be run.

    # Example
    ```python
        plot_model(model, to_file='model.png', show_shapes=True)
    ```
    """
    _check_graphviz()
    dot = model_to_dot(model, show_shapes, show_layer_names, rankdir,
                       expand_nested=expand_nested, dpi=dpi)
    extension = os.path.splitext(to_file)[1][1:] or 'png'
    directory, name = os.path.split(os.path.abspath(to_file))
    temporary = os.path.join(directory, '.%s.%s.tmp' % (name,
                                                         uuid.uuid4().hex))
    # Created with 0o666 so that the umask sets the final permissions, as
    # for a file written in place (mkstemp would force 0o600).
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL,
                     0o666))
    try:
        dot.write(temporary, format=extension)
        os.replace(temporary, to_file)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
