"""CIFAR-10: 60,000 32x32 colour images in 10 classes."""
import os

import numpy as np

from .. import backend as K
from ..utils.data_utils import get_file
from .cifar import load_batch


def load_data():
    """Loads CIFAR-10.

    The archive `cifar-10-python.tar.gz` is downloaded from
    `https://www.cs.toronto.edu/~kriz/` when needed and extracted to
    `datasets/cifar-10-batches-py` in the Keras cache directory; the
    batches `data_batch_1` to `data_batch_5` make the training set and
    `test_batch` the test set.

    # Returns
        Tuple of NumPy arrays `(x_train, y_train), (x_test, y_test)`.
        Images are uint8, of shape (50000, 32, 32, 3) and
        (10000, 32, 32, 3), or (N, 3, 32, 32) when
        `K.image_data_format()` is `'channels_first'`. Labels (0-9) have
        shape (N, 1); as in Keras 2.2, `y_train` is uint8 and `y_test`
        int64.

    # Raises
        Exception: if the data is not cached and cannot be downloaded.
    """
    path = get_file('cifar-10-batches-py',
                    origin='https://www.cs.toronto.edu/~kriz/'
                           'cifar-10-python.tar.gz',
                    untar=True)
    images, labels = [], []
    for number in range(1, 6):
        data, batch_labels = load_batch(
            os.path.join(path, 'data_batch_%d' % number))
        images.append(data)
        labels.append(np.asarray(batch_labels, dtype='uint8'))
    x_train = np.concatenate(images).astype('uint8', copy=False)
    y_train = np.concatenate(labels)
    x_test, y_test = load_batch(os.path.join(path, 'test_batch'))

    y_train = np.reshape(y_train, (len(y_train), 1))
    y_test = np.reshape(np.asarray(y_test, dtype='int64'), (len(y_test), 1))
    if K.image_data_format() == 'channels_last':
        x_train = x_train.transpose(0, 2, 3, 1)
        x_test = x_test.transpose(0, 2, 3, 1)
    return (x_train, y_train), (x_test, y_test)
