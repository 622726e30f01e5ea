"""Whole models in HDF5: layout, round trips, optimizer state, custom
objects, damaged files and atomic writes."""
import json
import os
import warnings

import h5py
import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import layers, losses, optimizers
from keras22.engine import saving
from keras22.models import Model, Sequential, load_model, save_model
from keras22.utils import CustomObjectScope

from saving_helpers import (assert_same_predictions, assert_same_weights,
                            multi_io_data, multi_io_model, tiny_data,
                            tiny_sequential)


def _text(value):
    return value.decode('utf8') if isinstance(value, bytes) else value


def test_sequential_file_has_keras_2_2_layout(tmp_path):
    model = tiny_sequential()
    model.compile(optimizers.Adam(lr=0.01), 'categorical_crossentropy',
                  metrics=['acc'])
    x, y = tiny_data()
    model.fit(x, y, epochs=1, batch_size=8, verbose=0)
    path = str(tmp_path / 'model.h5')
    model.save(path)
    with h5py.File(path, 'r') as f:
        assert _text(f.attrs['keras_version']) == '2.2.4'
        assert _text(f.attrs['backend']) == 'tensorflow'
        config = json.loads(_text(f.attrs['model_config']))
        assert config['class_name'] == 'Sequential'
        assert config['config']['name'] == model.name
        assert [c['class_name'] for c in config['config']['layers']] == \
            ['Dense', 'BatchNormalization', 'Dense']
        training = json.loads(_text(f.attrs['training_config']))
        assert training['optimizer_config']['class_name'] == 'Adam'
        assert training['optimizer_config']['config']['lr'] == \
            pytest.approx(0.01)
        assert training['loss'] == 'categorical_crossentropy'
        assert training['metrics'] == ['acc']
        assert training['sample_weight_mode'] is None
        assert training['loss_weights'] is None
        weights = f['model_weights']
        names = [_text(n) for n in weights.attrs['layer_names']]
        assert names == [layer.name for layer in model.layers]
        dense = model.layers[0].name
        assert [_text(n) for n in weights[dense].attrs['weight_names']] == \
            [dense + '/kernel:0', dense + '/bias:0']
        assert_allclose(weights[dense][dense + '/kernel:0'][()],
                        K.get_value(model.layers[0].kernel))
        opt_names = [_text(n)
                     for n in f['optimizer_weights'].attrs['weight_names']]
        # Eager variables may share a name; the file's names are unique.
        assert len(set(opt_names)) == len(opt_names) == \
            len(model.optimizer.weights)
        assert f['optimizer_weights'][opt_names[0]][()] == 2  # iterations
    # Compiled loading (which restores the optimizer) is checked below;
    # building a training function costs seconds.
    loaded = load_model(path, compile=False)
    assert isinstance(loaded, Sequential) and loaded.optimizer is None
    assert_same_predictions(model, loaded, x)


def test_functional_multi_io_shared_and_nested_round_trip(tmp_path):
    model = multi_io_model()
    model.compile('rmsprop', loss={'first': 'mse',
                                   'second': 'categorical_crossentropy'},
                  loss_weights={'first': 0.5, 'second': 2.},
                  metrics={'second': ['acc']})
    xs, ys = multi_io_data()
    path = str(tmp_path / 'multi.h5')
    save_model(model, path)
    loaded = load_model(path)
    assert [l.name for l in loaded.layers] == [l.name for l in model.layers]
    assert loaded.get_layer('inner_sequential').__class__ is Sequential
    assert loaded.loss_weights == {'first': 0.5, 'second': 2.}
    assert_same_weights(model, loaded)
    assert_same_predictions(model, loaded, xs)
    assert loaded.metrics_names == model.metrics_names
    assert_allclose(loaded.test_on_batch(xs, ys),
                    model.test_on_batch(xs, ys), rtol=1e-5)
    # The shared layer is still one layer, used twice.
    shared = loaded.get_layer('shared')
    assert len(shared._inbound_nodes) == 3


def test_training_continues_where_it_stopped(tmp_path):
    # Adam's state: iterations (which the decay reads), moments, and the
    # unused `vhat`s Keras 2.2 saved.
    def make_optimizer():
        return optimizers.Adam(lr=0.01, decay=0.01)

    x, y = tiny_data(n=24)
    straight = tiny_sequential()
    straight.compile(make_optimizer(), 'categorical_crossentropy')
    resumed = tiny_sequential()
    resumed.set_weights(straight.get_weights())
    resumed.compile(make_optimizer(), 'categorical_crossentropy')

    straight.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)
    resumed.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
    path = str(tmp_path / 'checkpoint.h5')
    resumed.save(path)
    reloaded = load_model(path)
    assert K.get_value(reloaded.optimizer.iterations) == 6
    reloaded.fit(x, y, epochs=1, batch_size=8, shuffle=False, verbose=0)

    assert K.get_value(reloaded.optimizer.iterations) == 9
    assert_same_weights(straight, reloaded)
    for a, b in zip(straight.optimizer.get_weights(),
                    reloaded.optimizer.get_weights()):
        assert_allclose(b, a, rtol=1e-5, atol=1e-7)


def test_without_optimizer_the_model_loads_uncompiled(tmp_path):
    model = tiny_sequential()
    model.compile('adam', 'mse')
    path = str(tmp_path / 'no_opt.h5')
    model.save(path, include_optimizer=False)
    with h5py.File(path, 'r') as f:
        assert 'training_config' not in f.attrs
        assert 'optimizer_weights' not in f
    with pytest.warns(UserWarning, match='No training configuration'):
        loaded = load_model(path)
    assert loaded.optimizer is None
    # compile=False never compiles, even with a training config.
    model.save(path)
    assert load_model(path, compile=False).optimizer is None


def test_open_h5py_file_objects_are_accepted(tmp_path):
    model = tiny_sequential()
    model.compile('sgd', 'mse')
    x, y = tiny_data()
    path = str(tmp_path / 'handle.h5')
    with h5py.File(path, 'w') as f:
        save_model(model, f)
        f.attrs['user_note'] = 'kept'
    with h5py.File(path, 'r') as f:
        loaded = load_model(f)
        assert f.attrs['user_note'] == 'kept'
    assert_same_predictions(model, loaded, x)
    assert isinstance(loaded.optimizer, optimizers.SGD)


def test_groups_and_in_memory_files_are_accepted(tmp_path):
    model = tiny_sequential()
    model.compile('adam', 'mse')
    x, _ = tiny_data()
    path = str(tmp_path / 'groups.h5')
    with h5py.File(path, 'w') as f:
        group = f.create_group('model')
        save_model(model, group)
        assert_same_predictions(model, load_model(group), x)
    # An in-memory file, whose bytes are then loaded from disk.
    with h5py.File('in memory', mode='w', driver='core',
                   backing_store=False) as f:
        save_model(model, f)
        assert_same_predictions(model, load_model(f), x)
        f.flush()
        image = f.id.get_file_image()
    with open(path, 'wb') as raw:
        raw.write(image)
    with h5py.File(path, 'r') as f:
        assert_same_predictions(model, load_model(f), x)


def test_subclassed_models_cannot_be_saved_whole(tmp_path):
    class Subclassed(Model):
        def __init__(self):
            super(Subclassed, self).__init__()
            self.dense = layers.Dense(2)

        def call(self, inputs):
            return self.dense(inputs)

    model = Subclassed()
    model.predict(np.zeros((2, 3), 'float32'))
    path = str(tmp_path / 'sub.h5')
    with pytest.raises(NotImplementedError, match='save_weights'):
        model.save(path)
    assert not os.path.exists(path)


class Scale(layers.Layer):
    """A custom layer with a weight and a constructor argument."""

    def __init__(self, factor=2., **kwargs):
        super(Scale, self).__init__(**kwargs)
        self.factor = factor

    def build(self, input_shape):
        self.alpha = self.add_weight('alpha', (input_shape[-1],),
                                     initializer='ones')
        super(Scale, self).build(input_shape)

    def call(self, inputs):
        return inputs * self.alpha * self.factor

    def get_config(self):
        config = super(Scale, self).get_config()
        config['factor'] = self.factor
        return config


def halved_mse(y_true, y_pred):
    return 0.5 * losses.mean_squared_error(y_true, y_pred)


def max_error(y_true, y_pred):
    return K.max(K.abs(y_true - y_pred), axis=-1)


def test_custom_layers_losses_and_metrics(tmp_path):
    model = Sequential([layers.Dense(2, input_shape=(3,)), Scale(3.)])
    model.compile('adam', halved_mse, metrics=[max_error])
    x, y = tiny_data()
    path = str(tmp_path / 'custom.h5')
    model.save(path)
    with h5py.File(path, 'r') as f:
        training = json.loads(_text(f.attrs['training_config']))
    assert training['loss'] == 'halved_mse'
    assert training['metrics'] == ['max_error']
    with pytest.raises(ValueError, match='Scale'):
        load_model(path)
    custom = {'Scale': Scale, 'halved_mse': halved_mse,
              'max_error': max_error}
    loaded = load_model(path, custom_objects=custom)
    assert loaded.layers[1].factor == 3.
    assert loaded.loss is halved_mse
    assert_same_predictions(model, loaded, x)
    assert_allclose(loaded.test_on_batch(x, y), model.test_on_batch(x, y),
                    rtol=1e-6)
    with CustomObjectScope(custom):
        scoped = load_model(path)
    assert_same_predictions(model, scoped, x)


class WeightedMSE(object):
    """A loss object with state and `get_config` (Keras 2.2 saves it as
    `{'class_name', 'config'}`)."""

    def __init__(self, weight):
        self.weight = weight

    def __call__(self, y_true, y_pred):
        return self.weight * losses.mean_squared_error(y_true, y_pred)

    def get_config(self):
        return {'weight': self.weight}


def test_loss_objects_of_the_user(tmp_path):
    inputs = layers.Input(shape=(3,))
    model = Model(inputs, layers.Dense(2, name='out')(inputs))
    model.compile('sgd', loss={'out': WeightedMSE(0.3)})
    x, y = tiny_data()
    path = str(tmp_path / 'loss_object.h5')
    model.save(path)
    with h5py.File(path, 'r') as f:
        training = json.loads(_text(f.attrs['training_config']))
    assert training['loss'] == {'out': {'class_name': 'WeightedMSE',
                                        'config': {'weight': 0.3}}}
    with pytest.raises(ValueError, match='WeightedMSE.*custom_objects'):
        load_model(path)
    expected = 0.3 * np.mean((model.predict(x) - y) ** 2)
    loaded = load_model(path, custom_objects={'WeightedMSE': WeightedMSE})
    assert_allclose(loaded.test_on_batch(x, y), expected, rtol=1e-5)
    with CustomObjectScope({'WeightedMSE': WeightedMSE}):
        scoped = load_model(path)
    assert_allclose(scoped.test_on_batch(x, y), expected, rtol=1e-5)


def test_large_configs_and_long_name_lists(tmp_path):
    big = np.arange(12000, dtype='float32')

    def shift(x, offset):
        return x + offset[:1] * 0.

    model = Sequential([layers.Dense(2, input_shape=(3,), name='d'),
                        layers.Lambda(shift, arguments={'offset': big},
                                      name='shift')])
    path = str(tmp_path / 'big_config.h5')
    model.save(path)
    with h5py.File(path, 'r') as f:
        assert len(_text(f.attrs['model_config'])) > \
            saving.HDF5_OBJECT_HEADER_LIMIT
    loaded = load_model(path, custom_objects={'shift': shift})
    assert_allclose(loaded.layers[1].arguments['offset'], big)
    assert_same_predictions(model, loaded, tiny_data()[0])

    names = ['layer_with_a_rather_long_name_%05d' % i for i in range(4000)]
    with h5py.File(str(tmp_path / 'names.h5'), 'w') as f:
        saving.save_attributes_to_hdf5_group(f, 'layer_names', names)
        assert 'layer_names' not in f.attrs and 'layer_names0' in f.attrs
        assert saving.load_attributes_from_hdf5_group(f, 'layer_names') == \
            names
        saving.save_attributes_to_hdf5_group(f, 'short', ['a', 'b'])
        assert list(f.attrs['short']) == [b'a', b'b']
        assert saving.load_attributes_from_hdf5_group(f, 'missing') == []


def test_damaged_and_foreign_files_give_clear_errors(tmp_path):
    model = tiny_sequential()
    path = tmp_path / 'good.h5'
    model.save(str(path))
    data = path.read_bytes()

    truncated = tmp_path / 'truncated.h5'
    truncated.write_bytes(data[:len(data) // 3])
    with pytest.raises(OSError, match='truncated.h5'):
        load_model(str(truncated))
    with pytest.raises(OSError, match='truncated.h5'):
        model.load_weights(str(truncated))

    text = tmp_path / 'notes.h5'
    text.write_text('these are not weights')
    with pytest.raises(OSError, match='not one'):
        load_model(str(text))

    with pytest.raises(FileNotFoundError, match='missing.h5'):
        load_model(str(tmp_path / 'missing.h5'))
    with pytest.raises(FileNotFoundError, match='does not exist'):
        model.save(str(tmp_path / 'no_such_dir' / 'model.h5'))

    other = tmp_path / 'other.h5'
    with h5py.File(str(other), 'w') as f:
        f['data'] = np.arange(3)
    with pytest.raises(ValueError, match='No model found'):
        load_model(str(other))
    with pytest.raises(ValueError, match='No weights found'):
        model.load_weights(str(other))

    garbled = tmp_path / 'garbled.h5'
    model.save(str(garbled))
    with h5py.File(str(garbled), 'a') as f:
        f.attrs['model_config'] = b'{"class_name": "Sequ'
    with pytest.raises(ValueError, match='model_config.*garbled.h5'):
        load_model(str(garbled))

    weights_only = tmp_path / 'weights.h5'
    model.save_weights(str(weights_only))
    with pytest.raises(ValueError, match='load_weights'):
        load_model(str(weights_only))


def test_corrupted_bytes_never_crash_the_loader(tmp_path):
    model = Sequential([layers.Dense(4, input_shape=(3,)), layers.Dense(2)])
    good = tmp_path / 'good.h5'
    model.save(str(good))
    data = good.read_bytes()
    path = tmp_path / 'corrupted.h5'
    outcomes = set()
    for start in range(0, len(data), len(data) // 16):
        damaged = bytearray(data)
        damaged[start:start + 256] = b'\xff' * len(damaged[start:start + 256])
        path.write_bytes(bytes(damaged))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                load_model(str(path))
            outcomes.add('loaded')
        except (OSError, ValueError) as e:
            # Whatever broke, the message says which file.
            assert 'corrupted.h5' in str(e), repr(e)
            outcomes.add(type(e).__name__)
    assert 'OSError' in outcomes and 'ValueError' in outcomes


def test_a_failed_save_leaves_the_previous_file_intact(tmp_path,
                                                       monkeypatch):
    model = tiny_sequential()
    path = tmp_path / 'model.h5'
    model.save(str(path))
    before = path.read_bytes()

    def broken_writer(f, layers):
        raise RuntimeError('disk full')

    monkeypatch.setattr(saving, 'save_weights_to_hdf5_group', broken_writer)
    with pytest.raises(RuntimeError, match='disk full'):
        model.save(str(path))
    with pytest.raises(RuntimeError, match='disk full'):
        model.save_weights(str(path))
    assert path.read_bytes() == before
    assert os.listdir(str(tmp_path)) == ['model.h5']
    monkeypatch.undo()
    assert_same_predictions(model, load_model(str(path)), tiny_data()[0])


def test_overwrite_false_asks_first(tmp_path, monkeypatch):
    first, second = tiny_sequential(), tiny_sequential()
    path = str(tmp_path / 'model.h5')
    first.save(path)
    answers = []

    def answer(value):
        def ask(filepath):
            answers.append(filepath)
            return value
        return ask

    monkeypatch.setattr(saving, 'ask_to_proceed_with_overwrite',
                        answer(False))
    second.save(path, overwrite=False)
    second.save_weights(path, overwrite=False)
    assert answers == [path, path]
    assert_same_weights(first, load_model(path))
    monkeypatch.setattr(saving, 'ask_to_proceed_with_overwrite',
                        answer(True))
    second.save(path, overwrite=False)
    assert_same_weights(second, load_model(path))
    fresh = str(tmp_path / 'fresh.h5')
    second.save(fresh, overwrite=False)  # nothing to overwrite: no question
    assert len(answers) == 3


def test_file_written_by_keras_2_2_loads(tmp_path):
    """A file laid out by hand as Keras 2.2.4 wrote it (fixed-length byte
    attributes, `Sequential` config as a list, SGD state), without going
    through keras22's writer."""
    rng = np.random.RandomState(3)
    kernel = rng.randn(3, 2).astype('float32')
    bias = rng.randn(2).astype('float32')
    moments = [rng.randn(3, 2).astype('float32'),
               rng.randn(2).astype('float32')]
    config = {'class_name': 'Sequential', 'config': [{
        'class_name': 'Dense', 'config': {
            'name': 'dense_1', 'trainable': True,
            'batch_input_shape': [None, 3], 'dtype': 'float32', 'units': 2,
            'activation': 'sigmoid', 'use_bias': True,
            'kernel_initializer': {'class_name': 'VarianceScaling',
                                   'config': {'scale': 1.0,
                                              'mode': 'fan_avg',
                                              'distribution': 'uniform',
                                              'seed': None}},
            'bias_initializer': {'class_name': 'Zeros', 'config': {}},
            'kernel_regularizer': None, 'bias_regularizer': None,
            'activity_regularizer': None, 'kernel_constraint': None,
            'bias_constraint': None}}]}
    training = {'optimizer_config': {'class_name': 'SGD', 'config': {
        'lr': 0.01, 'momentum': 0.9, 'decay': 0.0, 'nesterov': False}},
        'loss': 'binary_crossentropy', 'metrics': ['accuracy'],
        'sample_weight_mode': None, 'loss_weights': None}
    path = str(tmp_path / 'keras224.h5')
    with h5py.File(path, 'w') as f:
        f.attrs['keras_version'] = b'2.2.4'
        f.attrs['backend'] = b'tensorflow'
        f.attrs['model_config'] = json.dumps(config).encode('utf8')
        f.attrs['training_config'] = json.dumps(training).encode('utf8')
        weights = f.create_group('model_weights')
        weights.attrs['layer_names'] = [b'dense_1']
        weights.attrs['backend'] = b'tensorflow'
        weights.attrs['keras_version'] = b'2.2.4'
        group = weights.create_group('dense_1')
        group.attrs['weight_names'] = [b'dense_1/kernel:0',
                                       b'dense_1/bias:0']
        group['dense_1/kernel:0'] = kernel
        group['dense_1/bias:0'] = bias
        opt = f.create_group('optimizer_weights')
        names = [b'SGD/iterations:0', b'training/SGD/Variable:0',
                 b'training/SGD/Variable_1:0']
        opt.attrs['weight_names'] = names
        opt[names[0]] = np.int64(40)
        opt[names[1]] = moments[0]
        opt[names[2]] = moments[1]
    model = load_model(path)
    x = rng.rand(5, 3).astype('float32')
    assert_allclose(model.predict(x), 1. / (1. + np.exp(-(x @ kernel +
                                                          bias))),
                    rtol=1e-5)
    assert K.get_value(model.optimizer.iterations) == 40
    assert_allclose(model.optimizer.get_weights()[1], moments[0])
    assert model.metrics_names == ['loss', 'acc']


def _keras_1_dense(name, units, activation, input_dim=None):
    config = {'name': name, 'output_dim': units, 'init': 'glorot_uniform',
              'activation': activation, 'W_regularizer': None,
              'b_regularizer': None, 'activity_regularizer': None,
              'W_constraint': None, 'b_constraint': None, 'bias': True,
              'input_dim': input_dim, 'trainable': True}
    if input_dim:
        config.update(batch_input_shape=[None, input_dim],
                      input_dtype='float32')
    return {'class_name': 'Dense', 'config': config}


def test_keras_1_file_loads(tmp_path):
    """Keras 1 wrote no version attribute, its own argument names in
    configs, and weights named `dense_1_W`."""
    rng = np.random.RandomState(5)
    values = [rng.randn(3, 4).astype('float32'), rng.randn(4).astype('f4'),
              rng.randn(4, 2).astype('float32'), rng.randn(2).astype('f4')]
    config = {'class_name': 'Sequential', 'config': [
        _keras_1_dense('dense_1', 4, 'relu', input_dim=3),
        {'class_name': 'Dropout', 'config': {'p': 0.5, 'trainable': True,
                                             'name': 'dropout_1'}},
        _keras_1_dense('dense_2', 2, 'linear')]}
    path = str(tmp_path / 'keras1.h5')
    with h5py.File(path, 'w') as f:
        f.attrs['model_config'] = json.dumps(config).encode('utf8')
        weights = f.create_group('model_weights')
        weights.attrs['layer_names'] = [b'dense_1', b'dropout_1', b'dense_2']
        for name, pair in (('dense_1', values[:2]), ('dense_2', values[2:])):
            group = weights.create_group(name)
            group.attrs['weight_names'] = [(name + '_W').encode(),
                                           (name + '_b').encode()]
            group[name + '_W'] = pair[0]
            group[name + '_b'] = pair[1]
        weights.create_group('dropout_1').attrs['weight_names'] = []
    with pytest.warns(UserWarning, match='Keras 2 API'):
        model = load_model(path, compile=False)
    x = rng.rand(5, 3).astype('float32')
    hidden = np.maximum(x @ values[0] + values[1], 0.)
    assert_allclose(model.predict(x), hidden @ values[2] + values[3],
                    rtol=1e-5, atol=1e-6)
    other = Sequential([layers.Dense(4, input_shape=(3,)),
                        layers.Dropout(0.5), layers.Dense(2)])
    other.load_weights(path)
    for actual, expected in zip(other.get_weights(), values):
        assert_allclose(actual, expected)
