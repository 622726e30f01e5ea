"""Fixtures for the application tests: a private cache with no network, a
fake ImageNet class index, and a record of the files asked of `get_file`.
"""
import json
from urllib.error import URLError

import pytest

from keras22.applications import imagenet_utils
from keras22.utils import data_utils


def pytest_configure(config):
    config.addinivalue_line(
        'markers', 'slow: builds one of the largest applications (runs by '
        'default; deselect with -m "not slow")')


@pytest.fixture
def offline_cache(tmp_path, monkeypatch):
    """`$KERAS_HOME/models` in a temporary directory; downloads fail."""
    monkeypatch.setenv('KERAS_HOME', str(tmp_path))
    models = tmp_path / 'models'
    models.mkdir()

    def no_network(url, filename, reporthook=None, data=None):
        raise URLError('network disabled in tests')

    monkeypatch.setattr(data_utils, 'urlretrieve', no_network)
    monkeypatch.setattr(imagenet_utils, 'CLASS_INDEX', None)
    return models


@pytest.fixture
def requested_files(monkeypatch):
    """Makes `get_file` record its arguments, then raise a RuntimeError
    ('weights requested: <file name>') instead of fetching anything."""
    calls = []

    def recording_get_file(fname, origin, **kwargs):
        calls.append(dict(kwargs, fname=fname, origin=origin))
        raise RuntimeError('weights requested: %s' % fname)

    monkeypatch.setattr(data_utils, 'get_file', recording_get_file)
    return calls


@pytest.fixture
def fake_class_index(offline_cache, monkeypatch):
    """A complete but fake `imagenet_class_index.json` in the cache.

    Its hash cannot be the real file's, so `get_file` is called without
    the hash (after recording what the caller asked for)."""
    index = {str(i): ['n%08d' % i, 'class_%d' % i] for i in range(1000)}
    (offline_cache / 'imagenet_class_index.json').write_text(
        json.dumps(index))
    calls = []
    real_get_file = data_utils.get_file

    def get_file_without_hash(fname, origin, **kwargs):
        calls.append(dict(kwargs, fname=fname, origin=origin))
        kwargs.pop('file_hash', None)
        return real_get_file(fname, origin, **kwargs)

    monkeypatch.setattr(data_utils, 'get_file', get_file_without_hash)
    return calls
