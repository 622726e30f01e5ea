"""Reading the CIFAR-10 and CIFAR-100 batch files."""
from ._loading import safe_pickle_load


def load_batch(fpath, label_key='labels'):
    """Reads one batch file of the CIFAR "python version" datasets.

    These files are Python 2 pickles of a dict whose `data` entry holds the
    images as rows of 3072 bytes (red, green, then blue planes of 32x32).
    Only NumPy arrays and plain Python values are accepted in the pickle,
    so a tampered file cannot run code (Keras 2.2 unpickled anything).

    # Arguments
        fpath: path of the batch file.
        label_key: the entry holding the labels: `'labels'` for CIFAR-10,
            `'fine_labels'` or `'coarse_labels'` for CIFAR-100.

    # Returns
        A tuple `(data, labels)`: a uint8 array of shape
        `(num_images, 3, 32, 32)` and the labels as stored (a list of
        ints).

    # Raises
        KeyError: if the file has no `label_key` entry.
    """
    with open(fpath, 'rb') as source:
        content = safe_pickle_load(source, encoding='bytes')
    content = {(key.decode('utf8') if isinstance(key, bytes) else key): value
               for key, value in content.items()}
    data = content['data']
    labels = content[label_key]
    data = data.reshape(data.shape[0], 3, 32, 32)
    return data, labels
