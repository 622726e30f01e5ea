"""Fixtures for the seed-document examples: a working directory for the
relative file names the examples use, stand-ins for matplotlib and IPython
(not dependencies of keras22; the examples only hand them History values
and SVG text), and offline datasets in their real file formats."""
import gzip
import json
import pickle
import struct
import sys
import types
from urllib.error import URLError

import numpy as np
import pytest

from _seedutil import DATASET_SIZES


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """Runs the example in `tmp_path`, so `'my_model.h5'` lands there."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


class _Recorder(types.ModuleType):
    """A module whose every function records its call."""

    def __init__(self, name):
        super(_Recorder, self).__init__(name)
        self.calls = []

    def __getattr__(self, attr):
        if attr.startswith('__'):
            raise AttributeError(attr)

        def record(*args, **kwargs):
            self.calls.append((attr, args, kwargs))
        return record


@pytest.fixture
def fake_pyplot(monkeypatch):
    """`matplotlib.pyplot` that records `plot(...)` & co. instead of drawing."""
    pyplot = _Recorder('matplotlib.pyplot')
    matplotlib = types.ModuleType('matplotlib')
    matplotlib.pyplot = pyplot
    monkeypatch.setitem(sys.modules, 'matplotlib', matplotlib)
    monkeypatch.setitem(sys.modules, 'matplotlib.pyplot', pyplot)
    return pyplot


@pytest.fixture
def fake_ipython(monkeypatch):
    """`IPython.display.SVG` keeping the data it is given."""
    class SVG(object):
        def __init__(self, data=None):
            self.data = data
    display = types.ModuleType('IPython.display')
    display.SVG = SVG
    ipython = types.ModuleType('IPython')
    ipython.display = display
    monkeypatch.setitem(sys.modules, 'IPython', ipython)
    monkeypatch.setitem(sys.modules, 'IPython.display', display)
    return display


# ----------------------------------------------------------------------------
# Offline datasets: small files in the formats the real downloads have.

def _objects(lists):
    out = np.empty(len(lists), dtype=object)
    for i, item in enumerate(lists):
        out[i] = list(item)
    return out


def _pickle_dump(path, content):
    with open(str(path), 'wb') as f:
        pickle.dump(content, f, protocol=2)


def _write_idx(path, array, magic):
    header = struct.pack('>I', magic) + b''.join(
        struct.pack('>I', d) for d in array.shape)
    with gzip.open(str(path), 'wb') as f:
        f.write(header + array.astype(np.uint8).tobytes())




@pytest.fixture
def offline_datasets(tmp_path, monkeypatch):
    """`$KERAS_HOME/datasets` holding small copies of every dataset.

    The files cannot have the real hashes, so the loaders' `get_file` is
    called without the hash they pass; downloading raises."""
    from keras22.datasets import (boston_housing, cifar10, cifar100,
                                  fashion_mnist, imdb, mnist, reuters)
    from keras22.utils import data_utils

    monkeypatch.setenv('KERAS_HOME', str(tmp_path))
    root = tmp_path / 'datasets'
    root.mkdir()
    rng = np.random.RandomState(0)
    n_train, n_test = DATASET_SIZES['train'], DATASET_SIZES['test']

    np.savez(str(root / 'mnist.npz'),
             x_train=rng.randint(0, 256, (n_train, 28, 28)).astype('uint8'),
             y_train=rng.randint(0, 10, n_train).astype('uint8'),
             x_test=rng.randint(0, 256, (n_test, 28, 28)).astype('uint8'),
             y_test=rng.randint(0, 10, n_test).astype('uint8'))

    fashion = root / 'fashion-mnist'
    fashion.mkdir()
    _write_idx(fashion / 'train-labels-idx1-ubyte.gz',
               rng.randint(0, 10, n_train), 2049)
    _write_idx(fashion / 'train-images-idx3-ubyte.gz',
               rng.randint(0, 256, (n_train, 28, 28)), 2051)
    _write_idx(fashion / 't10k-labels-idx1-ubyte.gz',
               rng.randint(0, 10, n_test), 2049)
    _write_idx(fashion / 't10k-images-idx3-ubyte.gz',
               rng.randint(0, 256, (n_test, 28, 28)), 2051)

    c10 = root / 'cifar-10-batches-py'
    c10.mkdir()
    for name in ['data_batch_%d' % i for i in range(1, 6)] + ['test_batch']:
        count = 2 if name.startswith('data') else n_test
        _pickle_dump(c10 / name, {
            b'data': rng.randint(0, 256, (count, 3072)).astype('uint8'),
            b'labels': [int(v) for v in rng.randint(0, 10, count)]})
    c100 = root / 'cifar-100-python'
    c100.mkdir()
    for name, count in (('train', n_train), ('test', n_test)):
        _pickle_dump(c100 / name, {
            b'data': rng.randint(0, 256, (count, 3072)).astype('uint8'),
            b'fine_labels': [int(v) for v in rng.randint(0, 100, count)],
            b'coarse_labels': [int(v) for v in rng.randint(0, 20, count)]})

    def sequences(count):
        return _objects([list(rng.randint(1, 50, rng.randint(3, 9)))
                         for _ in range(count)])
    np.savez(str(root / 'imdb.npz'),
             x_train=sequences(n_train), y_train=rng.randint(0, 2, n_train),
             x_test=sequences(n_test), y_test=rng.randint(0, 2, n_test))
    np.savez(str(root / 'reuters.npz'), x=sequences(n_train + n_test),
             y=rng.randint(0, 46, n_train + n_test))
    with open(str(root / 'reuters_word_index.json'), 'w') as f:
        json.dump({'giraffe': 1234, 'the': 1}, f)
    np.savez(str(root / 'boston_housing.npz'),
             x=rng.rand(n_train + n_test, 13), y=rng.rand(n_train + n_test))

    def no_network(url, filename, reporthook=None, data=None):
        raise URLError('network disabled in tests')
    monkeypatch.setattr(data_utils, 'urlretrieve', no_network)

    real_get_file = data_utils.get_file

    def get_file_without_hash(fname, origin, **kwargs):
        kwargs.pop('file_hash', None)
        kwargs.pop('md5_hash', None)
        return real_get_file(fname, origin, **kwargs)
    for module in (boston_housing, cifar10, cifar100, fashion_mnist, imdb,
                   mnist, reuters):
        monkeypatch.setattr(module, 'get_file', get_file_without_hash)
    return root
