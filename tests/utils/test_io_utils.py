"""Tests of keras22.utils.io_utils: HDF5Matrix, H5Dict,
ask_to_proceed_with_overwrite."""
import h5py
import numpy as np
import pytest

from keras22 import utils
from keras22.utils import io_utils
from keras22.utils.io_utils import (H5Dict, HDF5Matrix,
                                    ask_to_proceed_with_overwrite)


@pytest.fixture
def h5_file(tmp_path):
    path = str(tmp_path / 'data.h5')
    with h5py.File(path, 'w') as f:
        f['x'] = np.arange(60, dtype='uint8').reshape(12, 5)
        f['y'] = np.arange(12, dtype='float32')
    yield path
    for opened in list(HDF5Matrix.refs):
        if opened == path:
            HDF5Matrix.refs[opened].close()
            del HDF5Matrix.refs[opened]


REFERENCE = np.arange(60, dtype='uint8').reshape(12, 5)


@pytest.mark.parametrize('key', [
    0, 3, -1, -7, np.int64(2),
    slice(None), slice(1, 4), slice(None, None, 2), slice(-3, None),
    slice(5, 1), slice(None, None, -1), slice(6, 0, -2),
    [4, 0, 0, 2], np.array([3, 1]), [], np.array([-1, 0]),
    np.array([True, False, True, False, False, True, False]),
    (slice(0, 3), 1), (2, 3), (slice(None), slice(1, 3)), (),
])
def test_hdf5_matrix_indexing_matches_numpy(h5_file, key):
    matrix = HDF5Matrix(h5_file, 'x', start=3, end=10)
    expected = REFERENCE[3:10][key]
    got = matrix[key]
    np.testing.assert_array_equal(got, expected)
    assert np.shape(got) == expected.shape


def test_hdf5_matrix_properties(h5_file):
    matrix = HDF5Matrix(h5_file, 'x', start=2, end=9)
    assert len(matrix) == 7
    assert matrix.shape == (7, 5)
    assert matrix.dtype == np.uint8
    assert matrix.ndim == 2
    assert matrix.size == 35
    whole = HDF5Matrix(h5_file, 'x')
    assert whole.shape == (12, 5)
    np.testing.assert_array_equal(whole[:], REFERENCE)
    # Iteration stops at the end of the view.
    assert len(list(matrix)) == 7


def test_hdf5_matrix_normalizer_sets_shape_and_dtype(h5_file):
    matrix = HDF5Matrix(h5_file, 'x', end=4,
                        normalizer=lambda x: (x / 255.).astype('float32'))
    assert matrix.dtype == np.float32
    assert matrix.shape == (4, 5)
    np.testing.assert_allclose(matrix[1], REFERENCE[1] / 255., rtol=1e-6)
    np.testing.assert_allclose(matrix[[2, 0]], REFERENCE[[2, 0]] / 255.,
                               rtol=1e-6)
    flat = HDF5Matrix(h5_file, 'x', normalizer=lambda x: x.reshape(
        len(x), -1)[:, :2])
    assert flat.shape == (12, 2)


def test_hdf5_matrix_shares_open_files(h5_file):
    a = HDF5Matrix(h5_file, 'x')
    b = HDF5Matrix(h5_file, 'y')
    assert a.data.file.id == b.data.file.id
    assert h5_file in HDF5Matrix.refs
    np.testing.assert_array_equal(b[[1, 5]], [1., 5.])


def test_hdf5_matrix_errors(h5_file):
    matrix = HDF5Matrix(h5_file, 'x', start=2, end=6)
    with pytest.raises(IndexError, match='out of range'):
        matrix[4]
    with pytest.raises(IndexError, match='out of range'):
        matrix[-5]
    with pytest.raises(IndexError, match='out of range'):
        matrix[[0, 4]]
    with pytest.raises(IndexError, match='boolean mask'):
        matrix[np.array([True, False])]
    with pytest.raises(IndexError, match='cannot index'):
        matrix[[0.5]]
    # Keras 2.2 refused slices reaching past the view, and None.
    with pytest.raises(IndexError, match='slice stop 5 is out of range'):
        matrix[2:5]
    with pytest.raises(IndexError, match='out of range'):
        matrix[100:101]
    np.testing.assert_array_equal(matrix[2:4], REFERENCE[4:6])
    np.testing.assert_array_equal(matrix[3:], REFERENCE[5:6])
    with pytest.raises(TypeError, match='cannot index'):
        matrix[None]
    with pytest.raises(ValueError, match='start'):
        HDF5Matrix(h5_file, 'x', start=5, end=3)
    with pytest.raises(ValueError, match='end'):
        HDF5Matrix(h5_file, 'x', end=13)


def test_ask_to_proceed_with_overwrite(monkeypatch, capsys):
    answers = iter(['maybe', ' Y '])
    prompts = []

    def fake_input(prompt=''):
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr('builtins.input', fake_input)
    assert ask_to_proceed_with_overwrite('/some/model.h5') is True
    assert '/some/model.h5' in prompts[0]
    assert len(prompts) == 2
    assert 'overwrite=True' in capsys.readouterr().out

    monkeypatch.setattr('builtins.input', lambda prompt='': 'n')
    assert ask_to_proceed_with_overwrite('/some/model.h5') is False

    def closed(prompt=''):
        raise EOFError

    monkeypatch.setattr('builtins.input', closed)
    with pytest.raises(EOFError, match='overwrite=True'):
        ask_to_proceed_with_overwrite('/some/model.h5')


def test_ask_to_proceed_reads_six_moves_input_when_replaced(monkeypatch):
    # Keras 2.2 read the answer through six.moves.input, which legacy
    # tests and scripts replace.
    six = pytest.importorskip('six')
    monkeypatch.setattr(six.moves, 'input', lambda prompt='': 'n',
                        raising=False)
    monkeypatch.setattr('builtins.input', lambda prompt='': 'y')
    assert ask_to_proceed_with_overwrite('/some/model.h5') is False
    monkeypatch.undo()
    monkeypatch.setattr('builtins.input', lambda prompt='': 'y')
    assert ask_to_proceed_with_overwrite('/some/model.h5') is True


def _fill(store):
    store['keras_version'] = b'2.2.4'
    store['backend'] = 'tensorflow'
    store['kernel'] = np.arange(6, dtype='float32').reshape(2, 3)
    store['scalar'] = np.float32(1.5)
    store['names'] = [b'dense_1', 'dense_2']
    store['group']['inner']['bias'] = np.zeros(3)


def test_h5dict_file_round_trip(tmp_path):
    path = str(tmp_path / 'model.h5')
    store = H5Dict(path, mode='w')
    _fill(store)
    store.close()

    store = H5Dict(path, mode='r')
    try:
        assert store['keras_version'] == b'2.2.4'
        assert store['backend'] == 'tensorflow'
        np.testing.assert_array_equal(store['kernel'],
                                      np.arange(6).reshape(2, 3))
        assert store['kernel'].dtype == np.float32
        assert store['scalar'] == np.float32(1.5)
        assert store['names'] == [b'dense_1', b'dense_2']
        inner = store['group']['inner']
        assert isinstance(inner, H5Dict)
        np.testing.assert_array_equal(inner['bias'], np.zeros(3))
        assert 'kernel' in store and 'backend' in store
        assert 'missing' not in store
        assert store.get('missing', 7) == 7
        assert sorted(store) == ['group', 'kernel', 'scalar']
        assert sorted(store.iter()) == ['group', 'kernel', 'scalar']
        assert len(store) == 3
        # Other attributes come from the h5py file.
        assert store.attrs['backend'] == 'tensorflow'
        assert sorted(store.keys()) == ['group', 'kernel', 'scalar']
        with pytest.raises(ValueError, match='read-only'):
            store['missing']
        with pytest.raises(ValueError, match='read-only'):
            inner['missing']
        with pytest.raises(ValueError, match='read-only'):
            store['x'] = 1
    finally:
        store.close()


def test_h5dict_long_name_lists_are_split(tmp_path):
    path = str(tmp_path / 'big.h5')
    names = [('layer_%06d' % i).encode('utf8') for i in range(9000)]
    with H5Dict(path, mode='w') as store:
        store['layer_names'] = names
    with h5py.File(path, 'r') as f:
        assert 'layer_names' not in f.attrs
        assert 'layer_names0' in f.attrs and 'layer_names1' in f.attrs
    with H5Dict(path, mode='r') as store:
        assert store['layer_names'] == names
    with pytest.raises(RuntimeError, match='longer than'):
        with H5Dict(str(tmp_path / 'huge.h5'), mode='w') as store:
            store['x'] = [b'a' * (io_utils.HDF5_OBJECT_HEADER_LIMIT + 1)]


def test_h5dict_refuses_to_overwrite_a_group(tmp_path):
    with H5Dict(str(tmp_path / 'g.h5'), mode='w') as store:
        store['group']['a'] = np.ones(1)
        with pytest.raises(KeyError, match='group'):
            store['group'] = np.ones(2)


def test_h5dict_over_h5py_group(tmp_path):
    path = str(tmp_path / 'g.h5')
    with h5py.File(path, 'w') as f:
        store = H5Dict(f)
        store['a'] = np.ones(2)
        store.close()  # flushes, but does not close a file it did not open
        assert f.id.valid
        assert list(f.keys()) == ['a']


def test_h5dict_over_dict():
    data = {'stale': 1}
    store = H5Dict(data, mode='w')
    assert 'stale' not in data
    _fill(store)
    store.update({'extra': b'x'})
    assert store['keras_version'] == b'2.2.4'
    assert store['extra'] == b'x'
    kernel = store['kernel']
    assert isinstance(kernel, np.ndarray) and kernel.dtype == np.float32
    np.testing.assert_array_equal(kernel, np.arange(6).reshape(2, 3))
    # Arrays are kept pickled in the dict, so it can itself be pickled.
    assert isinstance(data['kernel'], bytes)
    inner = store['group']['inner']
    np.testing.assert_array_equal(inner['bias'], np.zeros(3))
    assert data['group']['_is_group'] is True
    assert store.get('nothing') is None
    read_only = H5Dict(data, mode='r')
    with pytest.raises(ValueError, match='read-only'):
        read_only['nothing']


def test_h5dict_bad_path():
    with pytest.raises(TypeError, match='h5py.Group or a dict'):
        H5Dict(42)


def test_utils_exports():
    assert utils.h5dict is H5Dict
    assert io_utils.h5dict is H5Dict
    assert utils.HDF5Matrix is HDF5Matrix
    assert utils.io_utils is io_utils
    assert utils.data_utils.get_file is utils.get_file
