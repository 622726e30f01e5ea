"""model_to_dot (needs pydot only) and plot_model (needs Graphviz's `dot`
program too; those tests are skipped without it)."""
import os
import shutil

import pytest

pydot = pytest.importorskip('pydot')

from keras22 import layers  # noqa: E402
from keras22.layers import Dense, Input, concatenate  # noqa: E402
from keras22.models import Model, Sequential  # noqa: E402
from keras22.utils import plot_model  # noqa: E402
from keras22.utils import vis_utils  # noqa: E402
from keras22.utils.vis_utils import model_to_dot  # noqa: E402

needs_dot = pytest.mark.skipif(
    shutil.which('dot') is None,
    reason="Graphviz's `dot` program is not installed (apt-get install "
           "graphviz)")


def node_labels(dot):
    labels = {}
    for graph in [dot] + dot.get_subgraph_list():
        for node in graph.get_nodes():
            label = node.get('label')
            if label:
                labels[node.get_name()] = label.strip('"')
    return labels


def edges_by_label(dot):
    labels = node_labels(dot)
    return sorted((labels[e.get_source()].split(':')[0],
                   labels[e.get_destination()].split(':')[0])
                  for e in dot.get_edges())


def branching_model():
    a = Input(shape=(4,), name='features')
    left = Dense(3, name='left')(a)
    right = Dense(2, name='right')(a)
    merged = concatenate([left, right], name='merged')
    return Model(a, Dense(1, name='score')(merged))


def test_one_node_per_layer_with_names_and_edges():
    dot = model_to_dot(branching_model())
    labels = node_labels(dot)
    assert sorted(labels.values()) == [
        'features: InputLayer', 'left: Dense', 'merged: Concatenate',
        'right: Dense', 'score: Dense']
    assert edges_by_label(dot) == [
        ('features', 'left'), ('features', 'right'), ('left', 'merged'),
        ('merged', 'score'), ('right', 'merged')]
    source = dot.to_string()
    assert 'rankdir=TB' in source and 'dpi=96' in source


def test_sequential_model_includes_its_input_layer():
    model = Sequential([Dense(2, input_dim=3, name='first'),
                        Dense(1, name='second')])
    labels = sorted(node_labels(model_to_dot(model)).values())
    assert labels == ['first: Dense', 'first_input: InputLayer',
                      'second: Dense']


def test_shapes_class_names_rankdir_and_dpi():
    dot = model_to_dot(branching_model(), show_shapes=True,
                       show_layer_names=False, rankdir='LR', dpi=200)
    labels = node_labels(dot)
    merged = [l for l in labels.values() if l.startswith('Concatenate')]
    assert merged == ['Concatenate\n|{input:|output:}|'
                      '{{[(None, 3), (None, 2)]}|{(None, 5)}}']
    assert not any('left' in l for l in labels.values())
    source = dot.to_string()
    assert 'rankdir=LR' in source and 'dpi=200' in source


def test_nested_models_collapsed_or_expanded():
    inner_in = Input(shape=(4,), name='inner_in')
    inner = Model(inner_in, Dense(3, name='inner_dense')(inner_in),
                  name='encoder')
    a = Input(shape=(4,), name='outer_in')
    model = Model(a, Dense(1, name='head')(inner(a)))
    collapsed = model_to_dot(model)
    assert sorted(node_labels(collapsed).values()) == [
        'encoder: Model', 'head: Dense', 'outer_in: InputLayer']
    expanded = model_to_dot(model, expand_nested=True)
    clusters = expanded.get_subgraph_list()
    assert len(clusters) == 1
    assert sorted(n.get('label').strip('"')
                  for n in clusters[0].get_nodes()) == [
        'inner_dense: Dense', 'inner_in: InputLayer']
    assert edges_by_label(expanded) == [
        ('inner_dense', 'head'), ('inner_in', 'inner_dense'),
        ('outer_in', 'inner_in')]


@pytest.mark.skipif(not hasattr(layers, 'TimeDistributed'),
                    reason='wrapper layers are not available yet')
def test_wrapped_layers_show_the_inner_layer():
    model = Sequential([layers.TimeDistributed(Dense(2, name='inner'),
                                               input_shape=(5, 3),
                                               name='wrapper')])
    labels = node_labels(model_to_dot(model)).values()
    assert 'wrapper(inner): TimeDistributed(Dense)' in labels


def test_unbuilt_and_subclassed_models_are_refused():
    with pytest.raises(ValueError, match='model_to_dot'):
        model_to_dot(Sequential([Dense(2)]))

    class Custom(Model):
        def __init__(self):
            super(Custom, self).__init__()
            self.dense = Dense(1)

        def call(self, inputs):
            return self.dense(inputs)

    with pytest.raises(ValueError, match='subclassed'):
        model_to_dot(Custom())


def test_missing_pydot_or_dot_program_raise_import_error(monkeypatch,
                                                         tmp_path):
    model = branching_model()
    monkeypatch.setattr(vis_utils, 'pydot', None)
    with pytest.raises(ImportError, match='`pydot` is not installed'):
        model_to_dot(model)
    monkeypatch.undo()
    monkeypatch.setenv('PATH', str(tmp_path))
    with pytest.raises(ImportError, match='Graphviz program `dot`'):
        plot_model(model, to_file=str(tmp_path / 'model.png'))
    assert os.listdir(str(tmp_path)) == []


@needs_dot
def test_plot_model_writes_png_and_svg(tmp_path):
    model = branching_model()
    png = str(tmp_path / 'model.png')
    plot_model(model, to_file=png, show_shapes=True)
    with open(png, 'rb') as f:
        assert f.read(8) == b'\x89PNG\r\n\x1a\n'
    svg = str(tmp_path / 'model.svg')
    plot_model(model, to_file=svg, rankdir='LR')
    with open(svg) as f:
        text = f.read()
    assert '<svg' in text and 'merged: Concatenate' in text
    # No temporary files are left behind.
    assert sorted(os.listdir(str(tmp_path))) == ['model.png', 'model.svg']


@needs_dot
def test_plot_model_default_format_and_permissions(tmp_path):
    path = str(tmp_path / 'graph')
    old = os.umask(0o022)
    try:
        plot_model(branching_model(), to_file=path)
    finally:
        os.umask(old)
    with open(path, 'rb') as f:
        assert f.read(4) == b'\x89PNG'
    assert os.stat(path).st_mode & 0o777 == 0o644
