"""CIFAR-100: 60,000 32x32 colour images in 100 classes (grouped in 20
superclasses)."""
import os

import numpy as np

from .. import backend as K
from ..utils.data_utils import get_file
from .cifar import load_batch


def load_data(label_mode='fine'):
    """Loads CIFAR-100.

    The archive `cifar-100-python.tar.gz` is downloaded from
    `https://www.cs.toronto.edu/~kriz/` when needed and extracted to
    `datasets/cifar-100-python` in the Keras cache directory (files
    `train` and `test`).

    # Arguments
        label_mode: `'fine'` (100 classes) or `'coarse'` (20
            superclasses).

    # Returns
        Tuple of NumPy arrays `(x_train, y_train), (x_test, y_test)`.
        Images are uint8, of shape (50000, 32, 32, 3) and
        (10000, 32, 32, 3), or (N, 3, 32, 32) when
        `K.image_data_format()` is `'channels_first'`. Labels are int64 of
        shape (N, 1).

    # Raises
        ValueError: for an unknown `label_mode`.
        Exception: if the data is not cached and cannot be downloaded.
    """
    if label_mode not in ('fine', 'coarse'):
        raise ValueError('cifar100.load_data: `label_mode` must be "fine" '
                         'or "coarse", got %r.' % (label_mode,))
    path = get_file('cifar-100-python',
                    origin='https://www.cs.toronto.edu/~kriz/'
                           'cifar-100-python.tar.gz',
                    untar=True)
    key = label_mode + '_labels'
    x_train, y_train = load_batch(os.path.join(path, 'train'), label_key=key)
    x_test, y_test = load_batch(os.path.join(path, 'test'), label_key=key)

    y_train = np.reshape(np.asarray(y_train, dtype='int64'),
                         (len(y_train), 1))
    y_test = np.reshape(np.asarray(y_test, dtype='int64'), (len(y_test), 1))
    if K.image_data_format() == 'channels_last':
        x_train = x_train.transpose(0, 2, 3, 1)
        x_test = x_test.transpose(0, 2, 3, 1)
    return (x_train, y_train), (x_test, y_test)
