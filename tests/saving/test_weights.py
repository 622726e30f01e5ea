"""save_weights / load_weights: by order, by name, mismatches, reshaping,
subclassed models."""
import h5py
import pytest
from numpy.testing import assert_allclose

from keras22 import layers
from keras22.engine import saving
from keras22.models import Model, Sequential

from saving_helpers import (assert_same_predictions, assert_same_weights,
                            tiny_data, tiny_sequential)


def test_weights_load_by_order_into_a_model_with_other_names(tmp_path):
    source = tiny_sequential()
    path = str(tmp_path / 'w.h5')
    source.save_weights(path)
    with h5py.File(path, 'r') as f:
        assert [n.decode() for n in f.attrs['layer_names']] == \
            [layer.name for layer in source.layers]
        assert 'model_config' not in f.attrs
    target = tiny_sequential()
    assert [l.name for l in target.layers] != [l.name for l in source.layers]
    target.load_weights(path)
    assert_same_weights(source, target)
    x = tiny_data()[0]
    assert_same_predictions(source, target, x)
    # A whole-model file holds the same weights under `model_weights`.
    model_path = str(tmp_path / 'model.h5')
    source.save(model_path)
    third = tiny_sequential()
    third.load_weights(model_path)
    assert_same_weights(source, third)


def test_open_h5py_files_for_weights(tmp_path):
    source = tiny_sequential()
    path = str(tmp_path / 'w.h5')
    with h5py.File(path, 'w') as f:
        source.save_weights(f)
    target = tiny_sequential()
    with h5py.File(path, 'r') as f:
        target.load_weights(f)
    assert_same_weights(source, target)


def test_layer_count_mismatch_names_both_sides(tmp_path):
    source = tiny_sequential()
    path = str(tmp_path / 'w.h5')
    source.save_weights(path)
    bigger = Sequential([layers.Dense(4, input_shape=(3,)),
                         layers.BatchNormalization(), layers.Dense(2),
                         layers.Dense(2, name='extra')])
    # Keras 2.2's wording, then the layers with weights on both sides.
    with pytest.raises(ValueError, match=r'load a weight file containing 3 '
                                         r'layers into a model with 4 layers '
                                         r'.*dense_1.*extra'):
        bigger.load_weights(path)


def test_shape_mismatch_names_layer_and_shapes_and_changes_nothing(tmp_path):
    source = tiny_sequential()
    path = str(tmp_path / 'w.h5')
    source.save_weights(path)
    other = Sequential([layers.Dense(4, input_shape=(3,)),
                        layers.BatchNormalization(),
                        layers.Dense(5, name='wide')])
    before = other.get_weights()
    with pytest.raises(ValueError) as info:
        other.load_weights(path)
    message = str(info.value)
    assert 'wide' in message and '(4, 5)' in message and '(4, 2)' in message
    # Checked before anything was set: the first layers were not loaded.
    for a, b in zip(other.get_weights(), before):
        assert_allclose(a, b)


def test_by_name_loads_matching_layers_only(tmp_path):
    a = layers.Input(shape=(3,))
    hidden = layers.Dense(4, name='hidden')(a)
    source = Model(a, layers.Dense(2, name='head')(hidden))
    path = str(tmp_path / 'w.h5')
    source.save_weights(path)

    b = layers.Input(shape=(3,))
    x = layers.Dense(4, name='hidden')(b)
    x = layers.Dense(6, name='new_layer')(x)
    target = Model(b, layers.Dense(1, name='other_head')(x))
    untouched = target.get_layer('new_layer').get_weights()
    target.load_weights(path, by_name=True)
    for got, want in zip(target.get_layer('hidden').get_weights(),
                         source.get_layer('hidden').get_weights()):
        assert_allclose(got, want)
    for got, want in zip(target.get_layer('new_layer').get_weights(),
                         untouched):
        assert_allclose(got, want)


def test_by_name_mismatch_raises_or_is_skipped(tmp_path):
    a = layers.Input(shape=(3,))
    x = layers.Dense(4, name='hidden')(a)
    source = Model(a, layers.Dense(2, name='head')(x))
    path = str(tmp_path / 'w.h5')
    source.save_weights(path)

    b = layers.Input(shape=(3,))
    y = layers.Dense(4, name='hidden')(b)
    target = Model(b, layers.Dense(7, name='head')(y))
    head_before = target.get_layer('head').get_weights()
    with pytest.raises(ValueError, match=r'head.*\(4, 7\).*\(4, 2\)'):
        target.load_weights(path, by_name=True)
    with pytest.warns(UserWarning, match='Skipping loading of weights for '
                                         'layer head due to mismatch in '
                                         'shape'):
        target.load_weights(path, by_name=True, skip_mismatch=True)
    for got, want in zip(target.get_layer('hidden').get_weights(),
                         source.get_layer('hidden').get_weights()):
        assert_allclose(got, want)
    for got, want in zip(target.get_layer('head').get_weights(),
                         head_before):
        assert_allclose(got, want)

    no_bias = Model(b, layers.Dense(2, name='head', use_bias=False)(y))
    with pytest.raises(ValueError, match='expects 1 weights'):
        no_bias.load_weights(path, by_name=True)
    with pytest.warns(UserWarning, match='Skipping loading of weights for '
                                         'layer head due to mismatch in '
                                         'number of weights'):
        no_bias.load_weights(path, by_name=True, skip_mismatch=True)


def test_reshape_only_on_request(tmp_path):
    source = Sequential([layers.Embedding(6, 2, input_length=3)])
    path = str(tmp_path / 'w.h5')
    source.save_weights(path)
    target = Sequential([layers.Embedding(4, 3, input_length=3)])
    with pytest.raises(ValueError, match='reshape=True'):
        target.load_weights(path)
    target.load_weights(path, reshape=True)
    assert_allclose(target.get_weights()[0],
                    source.get_weights()[0].reshape(4, 3))
    wrong_size = Sequential([layers.Embedding(5, 3, input_length=3)])
    with pytest.raises(ValueError, match=r'\(5, 3\).*\(6, 2\)'):
        wrong_size.load_weights(path, reshape=True)


class TwoLayers(Model):
    def __init__(self):
        super(TwoLayers, self).__init__()
        self.hidden = layers.Dense(4, activation='relu')
        self.out = layers.Dense(2)

    def call(self, inputs):
        return self.out(self.hidden(inputs))


def test_subclassed_model_weights_round_trip(tmp_path):
    x = tiny_data()[0]
    source = TwoLayers()
    expected = source.predict(x)
    path = str(tmp_path / 'sub.h5')
    source.save_weights(path)
    fresh = TwoLayers()
    with pytest.raises(ValueError, match='no weights yet'):
        fresh.load_weights(path)
    fresh.predict(x[:1])  # builds it
    fresh.load_weights(path)
    assert_allclose(fresh.predict(x), expected, rtol=1e-6)


def test_group_functions_work_on_h5py_groups(tmp_path):
    source = tiny_sequential()
    with h5py.File(str(tmp_path / 'g.h5'), 'w') as f:
        group = f.create_group('nested/place')
        saving.save_weights_to_hdf5_group(group, source.layers)
        target = tiny_sequential()
        saving.load_weights_from_hdf5_group(group, target.layers)
        assert_same_weights(source, target)
        by_name = tiny_sequential()
        for mine, theirs in zip(by_name.layers, source.layers):
            mine.name = theirs.name
        saving.load_weights_from_hdf5_group_by_name(group, by_name.layers)
        assert_same_weights(source, by_name)
