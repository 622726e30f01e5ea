"""Weight conversions on load: Keras 1 layouts, Theano kernels, CuDNN <->
plain recurrent layers, wrappers and nested models.

Where tf_keras is installed, its legacy HDF5 loader (which keeps Keras
2.2's conversions) serves as an independent reference on the same arrays.
"""
import h5py
import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import layers
from keras22.engine.saving import preprocess_weights_for_loading
from keras22.models import Sequential
from keras22.utils.conv_utils import convert_kernel


def fake_layer(class_name, **attributes):
    """An object that looks like a layer of `class_name` to the
    conversions, which dispatch on the class name."""
    layer = type(class_name, (), {})()
    layer.name = 'fake_' + class_name.lower()
    layer.__dict__.update(attributes)
    return layer


def _reference(layer, weights, version, backend):
    legacy = pytest.importorskip('tf_keras.src.saving.legacy.hdf5_format')
    return legacy.preprocess_weights_for_loading(
        layer, [np.copy(w) for w in weights], version, backend)


def _check(layer, weights, version=None, backend=None, expected=None,
           compare=True):
    ours = preprocess_weights_for_loading(layer, [np.copy(w) for w in weights],
                                          version, backend)
    if expected is not None:
        assert len(ours) == len(expected)
        for got, want in zip(ours, expected):
            assert_allclose(got, want)
    if not compare:
        return ours
    reference = _reference(layer, weights, version, backend)
    assert [np.shape(w) for w in ours] == [np.shape(w) for w in reference]
    for got, want in zip(ours, reference):
        assert_allclose(got, want)
    return ours


RNG = np.random.RandomState(11)


def _random(*shape):
    return RNG.randn(*shape).astype('float32')


def test_keras_1_lstm_gates_are_merged_in_keras_2_order():
    units, dim = 3, 2
    # Keras 1: W, U, b for the gates i, c, f, o.
    per_gate = {}
    weights = []
    for gate in 'icfo':
        per_gate[gate] = [_random(dim, units), _random(units, units),
                          _random(units)]
        weights += per_gate[gate]
    expected = [np.concatenate([per_gate[g][part] for g in 'ifco'], axis=-1)
                for part in range(3)]
    _check(fake_layer('LSTM'), weights, '1', 'theano', expected)


def test_keras_1_gru_gates_are_merged():
    units, dim = 2, 3
    weights = [w for _ in 'zrh'
               for w in (_random(dim, units), _random(units, units),
                         _random(units))]
    expected = [np.concatenate(weights[part::3], axis=-1)
                for part in range(3)]
    _check(fake_layer('GRU', reset_after=False), weights, '1', 'tensorflow',
           expected)


def test_keras_1_bidirectional_lstm_converts_each_direction():
    forward = fake_layer('LSTM')
    backward = fake_layer('LSTM')
    weights = [_random(2, 3) if i % 3 == 0 else
               _random(3, 3) if i % 3 == 1 else _random(3)
               for i in range(24)]
    converted = _check(fake_layer('Bidirectional', forward_layer=forward,
                                  backward_layer=backward),
                       weights, '1', 'tensorflow')
    assert [w.shape for w in converted] == [(2, 12), (3, 12), (12,)] * 2


@pytest.mark.parametrize('class_name,data_format,saved,expected', [
    ('Conv2D', 'channels_first', (4, 3, 2, 5), (2, 5, 3, 4)),
    ('Conv2DTranspose', 'channels_first', (4, 3, 2, 5), (2, 5, 4, 3)),
    ('Conv2DTranspose', 'channels_last', (2, 5, 3, 4), (2, 5, 4, 3)),
    ('Conv3D', 'channels_first', (4, 3, 2, 2, 5), (2, 2, 5, 3, 4)),
])
def test_keras_1_convolution_kernels_are_transposed(class_name, data_format,
                                                    saved, expected):
    layer = fake_layer(class_name, data_format=data_format,
                       weights=[np.zeros(expected)])
    converted = _check(layer, [_random(*saved), _random(expected[-1])],
                       '1', 'tensorflow')
    assert converted[0].shape == expected


def test_keras_1_conv1d_kernels_of_both_layouts():
    layer = fake_layer('Conv1D', kernel_size=(3,), filters=4,
                       weights=[np.zeros((3, 2, 4))])
    # Keras 1.0: (length, 1, input_dim, filters); Keras 1.1:
    # (filters, input_dim, length, 1).
    old = _random(3, 1, 2, 4)
    assert_allclose(_check(layer, [old, _random(4)], '1', 'tensorflow')[0],
                    old[:, 0])
    older = _random(4, 2, 3, 1)
    assert_allclose(_check(layer, [older, _random(4)], '1', 'tensorflow')[0],
                    np.transpose(older, (2, 3, 1, 0))[:, 0])


def test_keras_1_conv_lstm_2d():
    kernel_shape, recurrent_shape = (2, 2, 1, 3), (2, 2, 3, 3)
    weights = []
    for _ in range(4):
        weights += [_random(*kernel_shape), _random(*recurrent_shape),
                    _random(3)]
    layer = fake_layer('ConvLSTM2D', data_format='channels_last',
                       weights=[np.zeros((2, 2, 1, 12))])
    converted = _check(layer, weights, '1', 'tensorflow')
    assert [w.shape for w in converted] == [(2, 2, 1, 12), (2, 2, 3, 12),
                                            (12,)]


def test_theano_kernels_are_flipped():
    # tf_keras no longer converts Theano files: no reference here.
    kernel = _random(3, 2, 1, 4)
    layer = fake_layer('Conv2D', data_format='channels_last',
                       weights=[np.zeros(kernel.shape)])
    flipped = _check(layer, [kernel, _random(4)], '2.1.6', 'theano',
                     compare=False)
    assert_allclose(flipped[0], kernel[::-1, ::-1])
    assert_allclose(flipped[0], convert_kernel(kernel))
    same = _check(layer, [kernel, _random(4)], '2.1.6', 'tensorflow',
                  compare=False)
    assert_allclose(same[0], kernel)
    lstm = fake_layer('ConvLSTM2D', data_format='channels_last',
                      weights=[np.zeros((3, 2, 1, 8))])
    saved = [_random(3, 2, 1, 8), _random(3, 2, 2, 8), _random(8)]
    both = _check(lstm, saved, '2.1.6', 'theano', compare=False)
    assert_allclose(both[0], saved[0][::-1, ::-1])
    assert_allclose(both[1], saved[1][::-1, ::-1])


def _cudnn_lstm_weights(dim, units):
    return [_random(dim, 4 * units), _random(units, 4 * units),
            _random(8 * units)]


def test_cudnn_and_plain_recurrent_weights_convert_both_ways():
    dim, units = 3, 2
    cudnn = _cudnn_lstm_weights(dim, units)
    plain = _check(fake_layer('LSTM', use_bias=True), cudnn)
    assert plain[2].shape == (4 * units,)
    back = _check(fake_layer('CuDNNLSTM'), plain)
    # The two CuDNN biases only matter through their sum.
    assert_allclose(back[0], cudnn[0])
    assert_allclose(back[1], cudnn[1])
    assert_allclose(back[2][:4 * units] + back[2][4 * units:],
                    cudnn[2][:4 * units] + cudnn[2][4 * units:], rtol=1e-6)

    cudnn_gru = [_random(dim, 3 * units), _random(units, 3 * units),
                 _random(6 * units)]
    plain_gru = _check(fake_layer('GRU', reset_after=True, use_bias=True),
                       cudnn_gru)
    assert plain_gru[2].shape == (2, 3 * units)
    for got, want in zip(_check(fake_layer('CuDNNGRU'), plain_gru),
                         cudnn_gru):
        assert_allclose(got, want)
    with pytest.raises(ValueError, match='reset_after'):
        preprocess_weights_for_loading(
            fake_layer('GRU', reset_after=False, use_bias=True), cudnn_gru)


def _sequence(n=3, steps=4, dim=3, seed=2):
    return np.random.RandomState(seed).rand(n, steps, dim).astype('float32')


@pytest.mark.parametrize('cudnn_class,plain_class,options', [
    ('CuDNNLSTM', 'LSTM', {'recurrent_activation': 'sigmoid'}),
    ('CuDNNGRU', 'GRU', {'recurrent_activation': 'sigmoid',
                         'reset_after': True}),
])
def test_cudnn_files_load_into_plain_layers_and_back(tmp_path, cudnn_class,
                                                     plain_class, options):
    x = _sequence()
    cudnn = Sequential([getattr(layers, cudnn_class)(
        4, input_shape=(4, 3), bias_initializer='uniform')])
    path = str(tmp_path / 'cudnn.h5')
    cudnn.save_weights(path)
    plain = Sequential([getattr(layers, plain_class)(4, input_shape=(4, 3),
                                                     **options)])
    plain.load_weights(path)
    assert_allclose(plain.predict(x), cudnn.predict(x), rtol=1e-5,
                    atol=1e-6)
    plain.save_weights(path)
    again = Sequential([getattr(layers, cudnn_class)(4, input_shape=(4, 3))])
    again.load_weights(path)
    assert_allclose(again.predict(x), cudnn.predict(x), rtol=1e-5,
                    atol=1e-6)


def test_keras_1_lstm_file_loads_into_lstm(tmp_path):
    units, dim = 3, 3
    per_gate = {g: [_random(dim, units), _random(units, units),
                    _random(units)] for g in 'icfo'}
    path = str(tmp_path / 'keras1_lstm.h5')
    with h5py.File(path, 'w') as f:
        # Keras 1 files carry no keras_version attribute.
        f.attrs['layer_names'] = [b'lstm_1']
        group = f.create_group('lstm_1')
        names = []
        for gate in 'icfo':
            for part, array in zip('WUb', per_gate[gate]):
                name = 'lstm_1_%s_%s' % (part, gate)
                group[name] = array
                names.append(name.encode())
        group.attrs['weight_names'] = names
    model = Sequential([layers.LSTM(units, input_shape=(4, dim))])
    model.load_weights(path)
    expected = Sequential([layers.LSTM(units, input_shape=(4, dim))])
    expected.set_weights([np.concatenate([per_gate[g][part] for g in 'ifco'],
                                         axis=-1) for part in range(3)])
    x = _sequence(dim=dim)
    assert_allclose(model.predict(x), expected.predict(x), rtol=1e-6)


def test_theano_file_kernels_flipped_inside_nested_models(tmp_path):
    inner = Sequential([layers.Conv2D(2, (3, 2), input_shape=(5, 5, 1)),
                        layers.BatchNormalization()], name='inner')
    model = Sequential([inner, layers.Flatten(), layers.Dense(1)])
    path = str(tmp_path / 'theano.h5')
    model.save_weights(path)
    with h5py.File(path, 'a') as f:
        f.attrs['backend'] = b'theano'
        f.attrs['keras_version'] = b'2.1.6'
    target = Sequential([
        Sequential([layers.Conv2D(2, (3, 2), input_shape=(5, 5, 1)),
                    layers.BatchNormalization()]),
        layers.Flatten(), layers.Dense(1)])
    target.load_weights(path)
    saved, loaded = model.get_weights(), target.get_weights()
    assert_allclose(loaded[0], saved[0][::-1, ::-1])
    for got, want in zip(loaded[1:], saved[1:]):
        assert_allclose(got, want)
