"""NumPy-related utilities."""
import numpy as np


def to_categorical(y, num_classes=None, dtype='float32'):
    """One-hot encodes integer class labels.

    # Arguments
        y: integer labels, any shape (a trailing axis of size 1 is
            dropped).
        num_classes: the number of classes; by default the largest label
            plus one.
        dtype: the dtype of the result.

    # Returns
        An array with one more axis, of size `num_classes`, holding 1 at
        each label's position and 0 elsewhere.

    # Raises
        ValueError: if `y` holds negative labels, or labels not below
            `num_classes` (Keras 2.2 failed there with an IndexError).

    # Example
    ```python
        >>> to_categorical([2, 0], 3)
        array([[0., 0., 1.],
               [1., 0., 0.]], dtype=float32)
    ```
    """
    y = np.array(y, dtype='int')
    input_shape = y.shape
    if input_shape and input_shape[-1] == 1 and len(input_shape) > 1:
        input_shape = tuple(input_shape[:-1])
    y = y.ravel()
    if y.size and y.min() < 0:
        raise ValueError('to_categorical: class labels must be >= 0, found '
                         '%d.' % y.min())
    if not num_classes:
        num_classes = int(np.max(y)) + 1 if y.size else 0
    elif y.size and y.max() >= num_classes:
        raise ValueError('to_categorical: found label %d, but num_classes=%d '
                         '(labels must be below num_classes).'
                         % (y.max(), num_classes))
    n = y.shape[0]
    categorical = np.zeros((n, num_classes), dtype=dtype)
    categorical[np.arange(n), y] = 1
    return np.reshape(categorical, input_shape + (num_classes,))


def normalize(x, axis=-1, order=2):
    """Scales slices of an array to unit norm.

    # Arguments
        x: a NumPy array.
        axis: the axis along which norms are taken.
        order: the order of the norm (2 for Euclidean).

    # Returns
        A new array; slices whose norm is zero are left as zeros.
    """
    norm = np.atleast_1d(np.linalg.norm(x, order, axis))
    norm[norm == 0] = 1
    return x / np.expand_dims(norm, axis)
