"""cifar10, cifar100 and cifar.load_batch on small files in the real
format (Python 2 style pickles with bytes keys)."""
import os
import pickle
import tarfile

import numpy as np
import pytest

from keras22 import backend as K
from keras22.datasets import cifar, cifar10, cifar100


def _batch(count, seed):
    state = np.random.RandomState(seed)
    data = state.randint(0, 256, size=(count, 3072)).astype('uint8')
    return data, [int(v) for v in state.randint(0, 10, size=count)]


def _write_batch(path, content):
    with open(str(path), 'wb') as f:
        pickle.dump({key.encode('utf8'): value
                     for key, value in content.items()}, f, protocol=2)


def _cifar10_files(folder):
    folder.mkdir()
    batches = []
    for number in range(1, 6):
        data, labels = _batch(2, number)
        batches.append((data, labels))
        _write_batch(folder / ('data_batch_%d' % number),
                     {'data': data, 'labels': labels,
                      'batch_label': b'training batch %d of 5' % number})
    test = _batch(3, 9)
    _write_batch(folder / 'test_batch', {'data': test[0], 'labels': test[1]})
    return batches, test


def test_load_batch(tmp_path):
    data, labels = _batch(4, 0)
    _write_batch(tmp_path / 'b', {'data': data, 'fine_labels': labels})
    images, got_labels = cifar.load_batch(str(tmp_path / 'b'),
                                          label_key='fine_labels')
    assert images.shape == (4, 3, 32, 32) and images.dtype == np.uint8
    np.testing.assert_array_equal(images.reshape(4, -1), data)
    assert got_labels == labels
    with pytest.raises(KeyError):
        cifar.load_batch(str(tmp_path / 'b'))


class _Evil(object):
    def __reduce__(self):
        return (os.getcwd, ())


def test_load_batch_refuses_code_in_pickles(tmp_path):
    with open(str(tmp_path / 'evil'), 'wb') as f:
        pickle.dump({b'data': _Evil(), b'labels': []}, f, protocol=2)
    with pytest.raises(pickle.UnpicklingError, match='posix.getcwd|getcwd'):
        cifar.load_batch(str(tmp_path / 'evil'))


@pytest.mark.parametrize('data_format', ['channels_last', 'channels_first'])
def test_cifar10_from_extracted_directory(cache, loader_calls, data_format):
    K.set_image_data_format(data_format)
    batches, test = _cifar10_files(cache / 'cifar-10-batches-py')
    (x_train, y_train), (x_test, y_test) = cifar10.load_data()

    images = np.concatenate([b[0] for b in batches]).reshape(10, 3, 32, 32)
    if data_format == 'channels_last':
        images = images.transpose(0, 2, 3, 1)
        assert x_train.shape == (10, 32, 32, 3)
    else:
        assert x_train.shape == (10, 3, 32, 32)
    np.testing.assert_array_equal(x_train, images)
    assert x_train.dtype == np.uint8 and x_test.dtype == np.uint8
    assert y_train.shape == (10, 1) and y_train.dtype == np.uint8
    assert y_test.shape == (3, 1) and y_test.dtype == np.int64
    np.testing.assert_array_equal(y_train[:, 0],
                                  sum((b[1] for b in batches), []))
    np.testing.assert_array_equal(y_test[:, 0], test[1])
    assert loader_calls == [{
        'fname': 'cifar-10-batches-py',
        'origin': 'https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz',
        'untar': True}]


def test_cifar10_extracts_cached_tarball(cache, tmp_path, loader_calls):
    batches, _ = _cifar10_files(tmp_path / 'cifar-10-batches-py')
    with tarfile.open(str(cache / 'cifar-10-batches-py.tar.gz'),
                      'w:gz') as archive:
        archive.add(str(tmp_path / 'cifar-10-batches-py'),
                    arcname='cifar-10-batches-py')
    (x_train, _), (x_test, _) = cifar10.load_data()
    assert (cache / 'cifar-10-batches-py' / 'test_batch').exists()
    assert x_train.shape == (10, 32, 32, 3) and x_test.shape == (3, 32, 32, 3)


def test_cifar10_missing_and_offline(cache):
    with pytest.raises(Exception) as info:
        cifar10.load_data()
    assert 'cifar-10-python.tar.gz' in str(info.value)
    assert str(cache / 'cifar-10-batches-py.tar.gz') in str(info.value)


@pytest.mark.parametrize('label_mode', ['fine', 'coarse'])
def test_cifar100(cache, loader_calls, label_mode):
    folder = cache / 'cifar-100-python'
    folder.mkdir()
    train, test = _batch(4, 1), _batch(2, 2)
    for name, (data, labels) in (('train', train), ('test', test)):
        _write_batch(folder / name, {'data': data, 'fine_labels': labels,
                                     'coarse_labels': [v // 5 for v in
                                                       labels]})
    (x_train, y_train), (x_test, y_test) = cifar100.load_data(label_mode)
    assert x_train.shape == (4, 32, 32, 3) and x_test.shape == (2, 32, 32, 3)
    np.testing.assert_array_equal(
        x_train, train[0].reshape(4, 3, 32, 32).transpose(0, 2, 3, 1))
    expected = train[1] if label_mode == 'fine' else [v // 5
                                                      for v in train[1]]
    assert y_train.shape == (4, 1) and y_train.dtype == np.int64
    np.testing.assert_array_equal(y_train[:, 0], expected)
    assert y_test.shape == (2, 1)
    assert loader_calls[0]['origin'] == \
        'https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz'
    assert loader_calls[0]['fname'] == 'cifar-100-python'


def test_cifar100_label_mode_checked(cache):
    with pytest.raises(ValueError, match='label_mode'):
        cifar100.load_data('medium')
