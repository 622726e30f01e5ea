"""mnist and fashion_mnist loaders, on small files in the real formats."""
import gzip
import struct

import numpy as np
import pytest

from keras22.datasets import fashion_mnist, mnist


def _images(count, seed):
    return np.random.RandomState(seed).randint(
        0, 256, size=(count, 28, 28)).astype('uint8')


def test_mnist_reads_cached_npz(cache, loader_calls):
    x_train, x_test = _images(5, 0), _images(3, 1)
    y_train = np.array([0, 1, 2, 3, 9], dtype='uint8')
    y_test = np.array([7, 8, 5], dtype='uint8')
    np.savez(str(cache / 'mnist.npz'), x_train=x_train, y_train=y_train,
             x_test=x_test, y_test=y_test)

    (a, b), (c, d) = mnist.load_data()
    for got, want in ((a, x_train), (b, y_train), (c, x_test), (d, y_test)):
        assert got.dtype == np.uint8
        np.testing.assert_array_equal(got, want)
    assert a.shape == (5, 28, 28)
    assert loader_calls == [{
        'fname': 'mnist.npz',
        'origin': 'https://s3.amazonaws.com/img-datasets/mnist.npz',
        'file_hash': '8a61469f7ea1b51cbae51d4f78837e45'}]


def test_mnist_custom_path(cache, loader_calls):
    np.savez_compressed(str(cache / 'digits.npz'), x_train=_images(2, 0),
                        y_train=np.zeros(2, 'uint8'), x_test=_images(1, 1),
                        y_test=np.zeros(1, 'uint8'))
    (x_train, _), (x_test, _) = mnist.load_data(path='digits.npz')
    assert x_train.shape == (2, 28, 28) and x_test.shape == (1, 28, 28)


def test_mnist_missing_and_offline(cache):
    with pytest.raises(Exception) as info:
        mnist.load_data()
    message = str(info.value)
    assert 'mnist.npz' in message
    assert 'https://s3.amazonaws.com/img-datasets/mnist.npz' in message
    assert str(cache / 'mnist.npz') in message


def test_mnist_wrong_hash_offline(cache):
    # A cached file with the wrong md5 is downloaded again; offline, the
    # error says the file there is not the expected one.
    np.savez(str(cache / 'mnist.npz'), x_train=_images(1, 0))
    with pytest.raises(Exception, match='8a61469f7ea1b51cbae51d4f78837e45'):
        mnist.load_data()


def _write_idx(path, array, magic):
    header = struct.pack('>II', magic, len(array))
    if array.ndim == 3:
        header = struct.pack('>IIII', magic, *array.shape)
    with gzip.open(str(path), 'wb') as f:
        f.write(header + array.tobytes())


def test_fashion_mnist_reads_gzipped_idx(cache, loader_calls):
    folder = cache / 'fashion-mnist'
    folder.mkdir()
    x_train, x_test = _images(4, 2), _images(2, 3)
    y_train = np.array([9, 0, 3, 3], 'uint8')
    y_test = np.array([1, 2], 'uint8')
    _write_idx(folder / 'train-labels-idx1-ubyte.gz', y_train, 2049)
    _write_idx(folder / 'train-images-idx3-ubyte.gz', x_train, 2051)
    _write_idx(folder / 't10k-labels-idx1-ubyte.gz', y_test, 2049)
    _write_idx(folder / 't10k-images-idx3-ubyte.gz', x_test, 2051)

    (a, b), (c, d) = fashion_mnist.load_data()
    for got, want in ((a, x_train), (b, y_train), (c, x_test), (d, y_test)):
        assert got.dtype == np.uint8
        assert got.shape == want.shape
        np.testing.assert_array_equal(got, want)
    a[0, 0, 0] = 1  # the arrays are writable
    base = 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/'
    assert [c['fname'] for c in loader_calls] == [
        'train-labels-idx1-ubyte.gz', 'train-images-idx3-ubyte.gz',
        't10k-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz']
    for call in loader_calls:
        assert call['origin'] == base + call['fname']
        assert call['cache_subdir'] == 'datasets/fashion-mnist'


def test_fashion_mnist_missing_and_offline(cache):
    with pytest.raises(Exception) as info:
        fashion_mnist.load_data()
    assert 'train-labels-idx1-ubyte.gz' in str(info.value)
    assert str(cache / 'fashion-mnist' / 'train-labels-idx1-ubyte.gz') in \
        str(info.value)
