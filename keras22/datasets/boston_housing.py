"""Boston housing prices: 506 neighbourhoods, 13 features, prices in
thousands of dollars."""
import numpy as np

from ..utils.data_utils import get_file
from ._loading import load_npz

_ORIGIN = 'https://s3.amazonaws.com/keras-datasets/boston_housing.npz'
_SHA256 = 'f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5'


def load_data(path='boston_housing.npz', test_split=0.2, seed=113):
    """Loads the Boston housing data, shuffled and split.

    The file is `datasets/<path>` in the Keras cache directory, downloaded
    from `https://s3.amazonaws.com/keras-datasets/boston_housing.npz` when
    missing.

    # Arguments
        path: file name of the cached copy.
        test_split: fraction of the samples kept for the test set.
        seed: seed of the shuffle. As in Keras 2.2, NumPy's global random
            generator is seeded with it.

    # Returns
        Tuple of NumPy arrays `(x_train, y_train), (x_test, y_test)`:
        features of shape (N, 13) and prices of shape (N,), float64.

    # Raises
        ValueError: if `test_split` is not in [0, 1) (Keras 2.2 asserted).
        Exception: if the file is not cached and cannot be downloaded.
    """
    if not 0 <= test_split < 1:
        raise ValueError('boston_housing.load_data: `test_split` must be in '
                         '[0, 1), got %r.' % (test_split,))
    path = get_file(path, origin=_ORIGIN, file_hash=_SHA256)
    arrays = load_npz(path)
    x, y = arrays['x'], arrays['y']

    np.random.seed(seed)
    order = np.arange(len(x))
    np.random.shuffle(order)
    x, y = x[order], y[order]

    split = int(len(x) * (1 - test_split))
    return (x[:split], y[:split]), (x[split:], y[split:])
