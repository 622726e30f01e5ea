"""Fixtures for the dataset tests: a private cache directory, no network,
and a record of what the loaders ask `get_file` for.

The tests write small files in the datasets' exact formats; their hashes
cannot be the real datasets' ones, so `loader_calls` records the hash the
loader passed and calls the real `get_file` without it.
"""
from urllib.error import URLError

import pytest

from keras22.datasets import (boston_housing, cifar10, cifar100,
                              fashion_mnist, imdb, mnist, reuters)
from keras22.utils import data_utils

LOADERS = (boston_housing, cifar10, cifar100, fashion_mnist, imdb, mnist,
           reuters)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """`$KERAS_HOME/datasets` in a temporary directory; downloads fail."""
    monkeypatch.setenv('KERAS_HOME', str(tmp_path))
    datasets = tmp_path / 'datasets'
    datasets.mkdir()

    def no_network(url, filename, reporthook=None, data=None):
        raise URLError('network disabled in tests')

    monkeypatch.setattr(data_utils, 'urlretrieve', no_network)
    return datasets


@pytest.fixture
def loader_calls(cache, monkeypatch):
    calls = []
    real_get_file = data_utils.get_file

    def recording_get_file(fname, origin, **kwargs):
        calls.append(dict(kwargs, fname=fname, origin=origin))
        kwargs.pop('file_hash', None)
        kwargs.pop('md5_hash', None)
        return real_get_file(fname, origin, **kwargs)

    for module in LOADERS:
        monkeypatch.setattr(module, 'get_file', recording_get_file)
    return calls

