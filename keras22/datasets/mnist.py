"""MNIST: 70,000 grey-scale 28x28 images of handwritten digits."""
from ..utils.data_utils import get_file
from ._loading import load_npz


def load_data(path='mnist.npz'):
    """Loads the MNIST digits.

    The file is `datasets/<path>` in the Keras cache directory, downloaded
    from `https://s3.amazonaws.com/img-datasets/mnist.npz` when missing.

    # Arguments
        path: file name of the cached copy.

    # Returns
        Tuple of NumPy arrays `(x_train, y_train), (x_test, y_test)`:
        images of dtype uint8 and shapes (60000, 28, 28) and
        (10000, 28, 28), and digits (0-9) of dtype uint8 and shapes
        (60000,) and (10000,).

    # Raises
        Exception: if the file is not cached and cannot be downloaded.
    """
    path = get_file(path,
                    origin='https://s3.amazonaws.com/img-datasets/mnist.npz',
                    file_hash='8a61469f7ea1b51cbae51d4f78837e45')
    arrays = load_npz(path)
    return ((arrays['x_train'], arrays['y_train']),
            (arrays['x_test'], arrays['y_test']))
