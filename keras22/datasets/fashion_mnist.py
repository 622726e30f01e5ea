"""Fashion-MNIST: 70,000 grey-scale 28x28 images of clothes in 10
classes."""
import gzip
import os

import numpy as np

from ..utils.data_utils import get_file

_BASE_URL = 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/'


def _read_idx(path, header_size):
    with gzip.open(path, 'rb') as source:
        content = source.read()
    # A bytearray keeps the array writable (np.frombuffer over bytes would
    # not be).
    return np.frombuffer(bytearray(content), np.uint8, offset=header_size)


def load_data():
    """Loads Fashion-MNIST.

    The four gzipped IDX files (`train-labels-idx1-ubyte.gz`,
    `train-images-idx3-ubyte.gz`, `t10k-labels-idx1-ubyte.gz`,
    `t10k-images-idx3-ubyte.gz`) are kept in `datasets/fashion-mnist` in
    the Keras cache directory, downloaded from the Fashion-MNIST site when
    missing.

    # Returns
        Tuple of NumPy arrays `(x_train, y_train), (x_test, y_test)`:
        images of dtype uint8 and shapes (60000, 28, 28) and
        (10000, 28, 28), and class numbers (0-9) of dtype uint8.

    # Raises
        Exception: if a file is not cached and cannot be downloaded.
    """
    dirname = os.path.join('datasets', 'fashion-mnist')
    names = ['train-labels-idx1-ubyte.gz', 'train-images-idx3-ubyte.gz',
             't10k-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz']
    paths = [get_file(name, origin=_BASE_URL + name, cache_subdir=dirname)
             for name in names]
    # IDX headers: 8 bytes for label files, 16 for image files.
    y_train = _read_idx(paths[0], 8)
    x_train = _read_idx(paths[1], 16).reshape(len(y_train), 28, 28)
    y_test = _read_idx(paths[2], 8)
    x_test = _read_idx(paths[3], 16).reshape(len(y_test), 28, 28)
    return (x_train, y_train), (x_test, y_test)
