"""Tensor shapes, dtypes and manipulation: `int_shape`, `reshape`,
`concatenate`, padding, resizing, random tensors, ...

Every function accepts NumPy arrays, eager tensors and variables (and then
computes eagerly) as well as symbolic tensors of the Keras graph (and then
adds operations to that graph, keeping static shapes).
"""
import builtins
import sys

import numpy as np
import tensorflow as tf

from .common import floatx, normalize_data_format
from .graph import symbolic
from .variables import _random_seed

__all__ = [
    'int_shape', 'ndim', 'dtype', 'shape', 'cast', 'reshape',
    'permute_dimensions', 'repeat', 'repeat_elements', 'tile', 'flatten',
    'batch_flatten', 'expand_dims', 'squeeze', 'concatenate', 'stack',
    'one_hot', 'reverse', 'slice', 'gather', 'transpose', 'arange',
    'temporal_padding', 'spatial_2d_padding', 'spatial_3d_padding',
    'resize_images', 'resize_volumes', 'identity', 'to_dense',
    'print_tensor', 'random_uniform', 'random_normal', 'random_binomial',
    'truncated_normal',
]


# --------------------------------------------------------------------------
# Helpers shared by the backend modules.

def _to_tensor(x, dtype=None):
    """`x` as something with a TensorShape: tensors, sparse tensors and
    variables pass through; arrays and numbers are converted."""
    if isinstance(x, (tf.Tensor, tf.Variable, tf.SparseTensor,
                      tf.RaggedTensor)):
        if dtype is not None and x.dtype != tf.as_dtype(dtype):
            return tf.cast(x, dtype)
        return x
    return tf.convert_to_tensor(x, dtype=dtype)


def _match_dtypes(x, other):
    """Converts arrays to tensors, giving an array the dtype of the tensor
    it is combined with (so a float64 NumPy input meets a float32 kernel
    or weight); two tensors keep their dtypes."""
    x_is_tensor = isinstance(x, (tf.Tensor, tf.Variable))
    other_is_tensor = isinstance(other, (tf.Tensor, tf.Variable))
    other = _to_tensor(other)
    if not x_is_tensor:
        x = tf.cast(_to_tensor(x), other.dtype)
    if not other_is_tensor and other.dtype != x.dtype:
        other = tf.cast(other, x.dtype)
    return x, other


def _rank(x):
    """The static rank of `x`, or None."""
    shape = getattr(x, 'shape', None)
    if isinstance(shape, tf.TensorShape):
        return shape.rank
    return np.ndim(x)


def _static_dims(x):
    """The static dimensions of `x` (a list, None entries unknown)."""
    return x.shape.as_list()


def _dims(x):
    """Every dimension of `x`: the static int when known, otherwise a
    scalar tensor read at run time."""
    static = x.shape.as_list()
    if builtins.all(d is not None for d in static):
        return static
    dynamic = tf.shape(x)
    return [d if d is not None else dynamic[i] for i, d in enumerate(static)]


def _check_rank(fn_name, arg, x, expected):
    """Raises a ValueError unless `x` has one of the `expected` ranks
    (an int or a tuple of ints; an unknown rank passes)."""
    if isinstance(expected, int):
        expected = (expected,)
    rank = _rank(x)
    if rank is not None and rank not in expected:
        raise ValueError('K.%s: `%s` must be a tensor of rank %s; got rank %d '
                         '(shape %s).' % (fn_name, arg,
                                          ' or '.join(map(str, expected)),
                                          rank, _shape_str(x)))


def _shape_str(x):
    shape = int_shape(x)
    return 'unknown' if shape is None else str(tuple(shape))


def _normalize_axis(fn_name, axis, rank, arg='axis'):
    """A non-negative axis index, checked against `rank` when known."""
    if not isinstance(axis, (int, np.integer)) or isinstance(axis, bool):
        raise TypeError('K.%s: `%s` must be an integer, got %r.'
                        % (fn_name, arg, axis))
    axis = int(axis)
    if rank is None:
        return axis
    if not -rank <= axis < rank:
        raise ValueError('K.%s: `%s`=%d is out of range for a tensor of rank '
                         '%d.' % (fn_name, arg, axis, rank))
    return axis % rank


def _is_int(value):
    return (isinstance(value, (int, np.integer)) and
            not isinstance(value, bool))


def _keep_learning_phase_flag(out, *sources):
    """Marks `out` as depending on the learning phase if a source does, as
    Keras 2.2 layers expect from tensors derived from dropout and the like."""
    if builtins.any(getattr(s, '_uses_learning_phase', False)
                    for s in sources):
        try:
            out._uses_learning_phase = True
        except AttributeError:
            pass
    return out


# --------------------------------------------------------------------------
# Shapes and dtypes.

def int_shape(x):
    """The static shape of a tensor or variable, as a tuple.

    # Arguments
        x: a tensor, variable or NumPy array.

    # Returns
        A tuple of integers, with `None` for dimensions unknown until the
        tensor is computed; `None` when even the rank is unknown.

    # Example
    ```python
        >>> K.int_shape(K.placeholder(shape=(None, 4)))
        (None, 4)
        >>> K.int_shape(K.variable(np.zeros((2, 3))))
        (2, 3)
    ```
    """
    if hasattr(x, '_keras_shape'):
        return x._keras_shape
    shape = getattr(x, 'shape', None)
    if isinstance(shape, tf.TensorShape):
        if shape.rank is None:
            return None
        return tuple(shape.as_list())
    if shape is not None and not callable(shape):
        return tuple(shape)
    return tuple(np.shape(x))


def ndim(x):
    """The number of axes of a tensor or variable.

    # Arguments
        x: a tensor, variable or NumPy array.

    # Returns
        An integer, or `None` if the rank is unknown.

    # Example
    ```python
        >>> K.ndim(K.placeholder(shape=(2, 4, 5)))
        3
    ```
    """
    return _rank(x)


def dtype(x):
    """The element type of a tensor or variable, as a string.

    # Arguments
        x: a tensor, variable or NumPy array.

    # Returns
        A string such as `'float32'` or `'int64'`.

    # Example
    ```python
        >>> K.dtype(K.placeholder(shape=(2,), dtype='float64'))
        'float64'
    ```
    """
    dt = getattr(x, 'dtype', None)
    if dt is None:
        return np.asarray(x).dtype.name
    if isinstance(dt, tf.DType):
        return dt.base_dtype.name
    return np.dtype(dt).name


@symbolic
def shape(x):
    """The shape of a tensor as a tensor, known when it is computed.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A 1-D `int32` tensor (symbolic if `x` is).

    # Example
    ```python
        >>> K.eval(K.shape(K.zeros((2, 3))))
        array([2, 3], dtype=int32)
    ```
    """
    return tf.shape(x)


@symbolic
def cast(x, dtype):
    """Converts a tensor to another element type.

    # Arguments
        x: a tensor, variable or array.
        dtype: the target type, e.g. `'float16'`, `'int32'`, `'bool'`.

    # Returns
        A tensor of type `dtype`.

    # Example
    ```python
        >>> K.dtype(K.cast(K.placeholder((2, 3)), 'float16'))
        'float16'
    ```
    """
    return tf.cast(x, dtype)


# --------------------------------------------------------------------------
# Rearranging.

def _check_reshape(x, new_shape):
    """Compares element counts when both shapes are fully static."""
    known = [d for d in new_shape if d != -1]
    if builtins.sum(1 for d in new_shape if d == -1) > 1:
        raise ValueError('K.reshape: `shape` may hold at most one -1, got %s.'
                         % (tuple(new_shape),))
    if builtins.any(d < -1 for d in new_shape):
        raise ValueError('K.reshape: `shape` %s has a negative dimension.'
                         % (tuple(new_shape),))
    old = _static_dims(x) if _rank(x) is not None else None
    if old is None or builtins.any(d is None for d in old):
        return
    size = int(np.prod(old))
    part = int(np.prod(known))
    ok = (size == part) if len(known) == len(new_shape) else (
        part != 0 and size % part == 0)
    if not ok:
        raise ValueError('K.reshape: cannot reshape a tensor of shape %s (%d '
                         'elements) to %s.' % (tuple(old), size,
                                               tuple(new_shape)))


@symbolic
def reshape(x, shape):
    """Gives a tensor a new shape with the same elements.

    # Arguments
        x: a tensor, variable or array.
        shape: the target shape: a tuple of integers (one of them may be -1,
            inferred) and/or scalar tensors, or a 1-D integer tensor.

    # Returns
        A tensor.

    # Raises
        ValueError: if both shapes are known and hold different numbers of
            elements.

    # Example
    ```python
        >>> K.int_shape(K.reshape(K.placeholder((None, 2, 3)), (-1, 6)))
        (None, 6)
    ```
    """
    x = _to_tensor(x)
    if isinstance(shape, (list, tuple)) and builtins.all(
            _is_int(d) for d in shape):
        _check_reshape(x, [int(d) for d in shape])
    return tf.reshape(x, shape)


@symbolic
def permute_dimensions(x, pattern):
    """Reorders the axes of a tensor.

    # Arguments
        x: a tensor, variable or array.
        pattern: a permutation of `range(ndim(x))`, e.g. `(0, 2, 1)`.

    # Returns
        A tensor whose axis `i` is axis `pattern[i]` of `x`.

    # Raises
        ValueError: if `pattern` is not a permutation of the axes.

    # Example
    ```python
        >>> K.int_shape(K.permute_dimensions(K.placeholder((2, 3, 4)),
        ...                                  (0, 2, 1)))
        (2, 4, 3)
    ```
    """
    x = _to_tensor(x)
    pattern = list(pattern)
    rank = _rank(x)
    if rank is not None and sorted(pattern) != list(range(rank)):
        raise ValueError('K.permute_dimensions: `pattern` must be a '
                         'permutation of %s for a tensor of rank %d, got %s.'
                         % (list(range(rank)), rank, tuple(pattern)))
    return tf.transpose(x, perm=pattern)


@symbolic
def transpose(x):
    """Reverses the order of the axes (the matrix transpose for 2-D).

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.

    # Example
    ```python
        >>> K.int_shape(K.transpose(K.placeholder((2, 3))))
        (3, 2)
    ```
    """
    return tf.transpose(x)


@symbolic
def repeat_elements(x, rep, axis):
    """Repeats every slice along an axis, like `np.repeat`.

    # Arguments
        x: a tensor, variable or array.
        rep: how many times each slice appears (an integer).
        axis: the axis to repeat along.

    # Returns
        A tensor whose `axis` is `rep` times longer.

    # Example
    ```python
        >>> K.eval(K.repeat_elements(np.array([[1, 2]]), 2, axis=1))
        array([[1, 1, 2, 2]])
    ```
    """
    x = _to_tensor(x)
    if not _is_int(rep) or rep < 0:
        raise ValueError('K.repeat_elements: `rep` must be a non-negative '
                         'integer, got %r.' % (rep,))
    axis = _normalize_axis('repeat_elements', axis, _rank(x))
    out = tf.repeat(x, int(rep), axis=axis)
    if _rank(x) is not None:
        dims = _static_dims(x)
        if dims[axis] is not None:
            dims[axis] *= int(rep)
        out.set_shape(dims)
        # Keras 2.2 recorded the static shape here, and legacy code reads
        # it back (`y._keras_shape`) as it does for layer outputs.
        out._keras_shape = tuple(dims)
    return out


@symbolic
def repeat(x, n):
    """Repeats a batch of vectors along a new time axis.

    # Arguments
        x: a tensor of shape `(samples, dim)`.
        n: the number of repetitions.

    # Returns
        A tensor of shape `(samples, n, dim)`.

    # Raises
        ValueError: if `x` is not 2-D.

    # Example
    ```python
        >>> K.int_shape(K.repeat(K.placeholder((None, 3)), 4))
        (None, 4, 3)
    ```
    """
    x = _to_tensor(x)
    _check_rank('repeat', 'x', x, 2)
    return tf.tile(tf.expand_dims(x, 1), [1, n, 1])


@symbolic
def tile(x, n):
    """Repeats a whole tensor along each axis, like `np.tile`.

    # Arguments
        x: a tensor, variable or array.
        n: an integer (for a 1-D `x`) or one count per axis (a list, a
            tuple or an integer tensor).

    # Returns
        A tiled tensor.

    # Raises
        ValueError: if the number of counts differs from the rank of `x`.

    # Example
    ```python
        >>> K.eval(K.tile(np.array([[1, 2]]), (2, 1)))
        array([[1, 2],
               [1, 2]])
    ```
    """
    x = _to_tensor(x)
    if _is_int(n):
        n = [n]
    rank = _rank(x)
    if isinstance(n, (list, tuple)) and rank is not None and len(n) != rank:
        raise ValueError('K.tile: `n` needs one count per axis of `x` (rank '
                         '%d), got %r.' % (rank, n))
    return tf.tile(x, n)


@symbolic
def flatten(x):
    """Lays out all elements of a tensor in one axis.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A 1-D tensor.

    # Example
    ```python
        >>> K.eval(K.flatten(np.array([[1, 2], [3, 4]])))
        array([1, 2, 3, 4])
    ```
    """
    return tf.reshape(x, [-1])


@symbolic
def batch_flatten(x):
    """Flattens every sample: `(batch, d1, d2, ...)` to
    `(batch, d1 * d2 * ...)`.

    # Arguments
        x: a tensor of rank 1 or more.

    # Returns
        A 2-D tensor.

    # Example
    ```python
        >>> K.int_shape(K.batch_flatten(K.placeholder((None, 2, 3))))
        (None, 6)
    ```
    """
    x = _to_tensor(x)
    dims = _static_dims(x) if _rank(x) is not None else None
    if dims is not None and builtins.all(d is not None for d in dims[1:]):
        return tf.reshape(x, [-1, int(np.prod(dims[1:]))])
    return tf.reshape(x, tf.stack([-1, tf.reduce_prod(tf.shape(x)[1:])]))


@symbolic
def expand_dims(x, axis=-1):
    """Inserts an axis of length 1.

    # Arguments
        x: a tensor, variable or array.
        axis: where the new axis goes (-1: last).

    # Returns
        A tensor with one more axis.

    # Example
    ```python
        >>> K.int_shape(K.expand_dims(K.placeholder((2, 3)), 1))
        (2, 1, 3)
    ```
    """
    return tf.expand_dims(x, axis)


@symbolic
def squeeze(x, axis):
    """Removes an axis of length 1.

    # Arguments
        x: a tensor, variable or array.
        axis: the axis to remove.

    # Returns
        A tensor with one axis fewer.

    # Raises
        ValueError: if that axis is known not to have length 1.

    # Example
    ```python
        >>> K.int_shape(K.squeeze(K.placeholder((2, 1, 3)), 1))
        (2, 3)
    ```
    """
    x = _to_tensor(x)
    rank = _rank(x)
    axis = _normalize_axis('squeeze', axis, rank)
    if rank is not None:
        size = _static_dims(x)[axis]
        if size is not None and size != 1:
            raise ValueError('K.squeeze: axis %d of a tensor of shape %s has '
                             'length %d, not 1.' % (axis, _shape_str(x), size))
    return tf.squeeze(x, [axis])


@symbolic
def concatenate(tensors, axis=-1):
    """Joins a list of tensors along an axis.

    # Arguments
        tensors: a list of tensors of the same rank (all sparse, or dense).
        axis: the axis to join along.

    # Returns
        A tensor (sparse if every input is).

    # Raises
        ValueError: if `tensors` is empty or the ranks differ.

    # Example
    ```python
        >>> a, b = K.placeholder((None, 2)), K.placeholder((None, 3))
        >>> K.int_shape(K.concatenate([a, b]))
        (None, 5)
    ```
    """
    if not isinstance(tensors, (list, tuple)) or not tensors:
        raise ValueError('K.concatenate: `tensors` must be a non-empty list '
                         'of tensors, got %r.' % (tensors,))
    tensors = [_to_tensor(t) for t in tensors]
    ranks = [_rank(t) for t in tensors]
    known = set(r for r in ranks if r is not None)
    if len(known) > 1:
        raise ValueError('K.concatenate: all tensors must have the same rank; '
                         'got shapes %s.' % ', '.join(_shape_str(t)
                                                       for t in tensors))
    rank = known.pop() if known else None
    if rank == 0:
        raise ValueError('K.concatenate: scalars cannot be concatenated.')
    axis = _normalize_axis('concatenate', axis, rank)
    if builtins.all(isinstance(t, tf.SparseTensor) for t in tensors):
        return tf.sparse.concat(axis, tensors)
    return tf.concat([to_dense(t) for t in tensors], axis)


@symbolic
def stack(x, axis=0):
    """Stacks tensors of one shape along a new axis.

    # Arguments
        x: a list of tensors.
        axis: where the new axis goes.

    # Returns
        A tensor with one more axis than the inputs.

    # Example
    ```python
        >>> K.int_shape(K.stack([K.placeholder((2, 3))] * 4, axis=1))
        (2, 4, 3)
    ```
    """
    return tf.stack(x, axis=axis)


@symbolic
def one_hot(indices, num_classes):
    """Turns integer class indices into one-hot vectors.

    # Arguments
        indices: an integer tensor of shape `(d1, ..., dn)`; float indices
            are truncated to integers.
        num_classes: the number of classes.

    # Returns
        A float tensor of shape `(d1, ..., dn, num_classes)`.

    # Example
    ```python
        >>> K.eval(K.one_hot(np.array([0, 2]), 3))
        array([[1., 0., 0.],
               [0., 0., 1.]], dtype=float32)
    ```
    """
    indices = _to_tensor(indices)
    if not indices.dtype.is_integer:
        indices = tf.cast(indices, 'int32')
    return tf.one_hot(indices, depth=num_classes, axis=-1)


@symbolic
def reverse(x, axes):
    """Reverses a tensor along some axes.

    # Arguments
        x: a tensor, variable or array.
        axes: an axis or a list of axes.

    # Returns
        A tensor.

    # Example
    ```python
        >>> K.eval(K.reverse(np.array([[1, 2, 3]]), 1))
        array([[3, 2, 1]])
    ```
    """
    if _is_int(axes):
        axes = [axes]
    return tf.reverse(x, list(axes))


@symbolic
def slice(x, start, size):
    """Extracts a block of a tensor.

    # Arguments
        x: a tensor, variable or array.
        start: where the block starts, one index per axis.
        size: its length along each axis (-1: to the end).

    # Returns
        A tensor of shape `size`.

    # Example
    ```python
        >>> K.eval(K.slice(np.arange(6).reshape(2, 3), (0, 1), (2, 2)))
        array([[1, 2],
               [4, 5]])
    ```
    """
    x = _to_tensor(x)
    rank = _rank(x)
    for arg, value in (('start', start), ('size', size)):
        if isinstance(value, (list, tuple)) and rank is not None \
                and len(value) != rank:
            raise ValueError('K.slice: `%s` needs one entry per axis of `x` '
                             '(rank %d), got %r.' % (arg, rank, value))
    return tf.slice(x, start, size)


@symbolic
def gather(reference, indices):
    """Picks rows of a tensor by index.

    # Arguments
        reference: a tensor, variable or array.
        indices: integer indices into the first axis of `reference` (any
            shape; float indices are truncated).

    # Returns
        A tensor of shape `shape(indices) + shape(reference)[1:]`.

    # Example
    ```python
        >>> K.eval(K.gather(np.array([[1, 2], [3, 4], [5, 6]]), [2, 0]))
        array([[5, 6],
               [1, 2]])
    ```
    """
    indices = _to_tensor(indices)
    if not indices.dtype.is_integer:
        indices = tf.cast(indices, 'int32')
    return tf.gather(reference, indices)


@symbolic
def arange(start, stop=None, step=1, dtype='int32'):
    """A 1-D tensor of evenly spaced numbers, like `np.arange`.

    With a single argument, it counts from 0 to `start` (a negative value,
    even one held in a tensor, gives an empty tensor, as in Keras 2.2).

    # Arguments
        start: the first value (or the end, when `stop` is None).
        stop: the end (excluded).
        step: the difference between consecutive values.
        dtype: the element type.

    # Returns
        A 1-D tensor.

    # Example
    ```python
        >>> K.eval(K.arange(1, 7, 2))
        array([1, 3, 5], dtype=int32)
    ```
    """
    if stop is None:
        if isinstance(start, (tf.Tensor, tf.Variable)):
            # a negative end known only when the tensor is computed
            start = tf.maximum(start, tf.zeros((), start.dtype))
        elif start < 0:
            start = 0
    result = tf.range(start, limit=stop, delta=step, name='arange')
    if result.dtype != tf.as_dtype(dtype):
        result = tf.cast(result, dtype)
    return result


@symbolic
def identity(x, name=None):
    """A tensor equal to `x` (a distinct tensor, not the same object).

    # Arguments
        x: a tensor, variable or array.
        name: an optional name.

    # Returns
        A tensor.
    """
    return tf.identity(x, name=name)


@symbolic
def to_dense(tensor):
    """Converts a sparse tensor to a dense one; dense tensors pass through.

    # Arguments
        tensor: a tensor, sparse or not.

    # Returns
        A dense tensor.

    # Example
    ```python
        >>> b = K.placeholder((2, 2), sparse=True)
        >>> K.is_sparse(K.to_dense(b))
        False
    ```
    """
    if isinstance(tensor, tf.SparseTensor):
        dense = tf.sparse.to_dense(tensor)
        # a sparse placeholder's dense shape is fed, so only its Keras shape
        # knows the dimensions
        static = int_shape(tensor)
        if static is not None:
            dense.set_shape(static)
        return dense
    return tensor


@symbolic
def print_tensor(x, message=''):
    """Prints a tensor's value each time it is computed.

    The text goes to standard error. Only the returned tensor prints: use it
    in place of `x`.

    # Arguments
        x: a tensor.
        message: a text printed before the value.

    # Returns
        A tensor equal to `x`.

    # Example
    ```python
        >>> x = K.print_tensor(x, message='x is: ')
    ```
    """
    x = _to_tensor(x)
    printed = tf.print(message, x, output_stream=sys.stderr)
    with tf.control_dependencies([printed]):
        return _keep_learning_phase_flag(tf.identity(x), x)


# --------------------------------------------------------------------------
# Padding and resizing.

def _pad_pairs(fn_name, padding, count):
    """Checks `count` pairs of non-negative integers."""
    try:
        pairs = [tuple(p) for p in padding]
        ok = len(pairs) == count and builtins.all(
            len(p) == 2 and _is_int(a) and a >= 0 for p in pairs for a in p)
    except TypeError:
        ok = False
    if not ok:
        raise ValueError('K.%s: `padding` must be %d pairs of non-negative '
                         'integers, got %r.' % (fn_name, count, padding))
    return [[int(a), int(b)] for a, b in pairs]


@symbolic
def temporal_padding(x, padding=(1, 1)):
    """Pads the middle axis of a 3-D tensor with zeros.

    # Arguments
        x: a tensor of shape `(samples, steps, features)`.
        padding: `(before, after)`: how many zero steps to add.

    # Returns
        A tensor of shape `(samples, before + steps + after, features)`.

    # Raises
        ValueError: if `x` is not 3-D or `padding` is not a pair.
    """
    x = _to_tensor(x)
    _check_rank('temporal_padding', 'x', x, 3)
    pair = _pad_pairs('temporal_padding', [padding], 1)[0]
    return tf.pad(x, [[0, 0], pair, [0, 0]])


def _spatial_padding(fn_name, x, padding, data_format, n):
    data_format = normalize_data_format(data_format)
    x = _to_tensor(x)
    _check_rank(fn_name, 'x', x, n + 2)
    pairs = _pad_pairs(fn_name, padding, n)
    if data_format == 'channels_first':
        pattern = [[0, 0], [0, 0]] + pairs
    else:
        pattern = [[0, 0]] + pairs + [[0, 0]]
    return tf.pad(x, pattern)


@symbolic
def spatial_2d_padding(x, padding=((1, 1), (1, 1)), data_format=None):
    """Pads the rows and columns of a batch of images with zeros.

    # Arguments
        x: a 4-D tensor.
        padding: `((top, bottom), (left, right))`.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).

    # Returns
        A padded 4-D tensor.

    # Raises
        ValueError: for a bad `data_format`, `padding` or rank.
    """
    return _spatial_padding('spatial_2d_padding', x, padding, data_format, 2)


@symbolic
def spatial_3d_padding(x, padding=((1, 1), (1, 1), (1, 1)), data_format=None):
    """Pads the three spatial axes of a batch of volumes with zeros.

    # Arguments
        x: a 5-D tensor.
        padding: three `(before, after)` pairs, for depth, rows and columns.
        data_format: `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).

    # Returns
        A padded 5-D tensor.

    # Raises
        ValueError: for a bad `data_format`, `padding` or rank.
    """
    return _spatial_padding('spatial_3d_padding', x, padding, data_format, 3)


def _check_factors(fn_name, **factors):
    for name, value in factors.items():
        if not _is_int(value) or value < 1:
            raise ValueError('K.%s: `%s` must be a positive integer, got %r.'
                             % (fn_name, name, value))


@symbolic
def resize_images(x, height_factor, width_factor, data_format,
                  interpolation='nearest'):
    """Enlarges a batch of images by integer factors.

    # Arguments
        x: a 4-D tensor.
        height_factor: how many times taller the images become.
        width_factor: how many times wider.
        data_format: `'channels_last'` or `'channels_first'` (`None`:
            `image_data_format()`).
        interpolation: `'nearest'` (every pixel is repeated) or `'bilinear'`
            (TensorFlow 1's bilinear resizing, as in Keras 2.2: source
            coordinates are target coordinates divided by the factor).

    # Returns
        A 4-D tensor.

    # Raises
        ValueError: for a bad `data_format` or `interpolation`, a factor that
            is not a positive integer, or an input that is not 4-D.

    # Example
    ```python
        >>> x = K.placeholder((None, 2, 3, 1))
        >>> K.int_shape(K.resize_images(x, 2, 3, 'channels_last'))
        (None, 4, 9, 1)
    ```
    """
    data_format = normalize_data_format(data_format)
    x = _to_tensor(x)
    _check_rank('resize_images', 'x', x, 4)
    _check_factors('resize_images', height_factor=height_factor,
                   width_factor=width_factor)
    if interpolation not in ('nearest', 'bilinear'):
        raise ValueError('K.resize_images: `interpolation` must be "nearest" '
                         'or "bilinear", got %r.' % (interpolation,))
    rows, cols = (2, 3) if data_format == 'channels_first' else (1, 2)
    if interpolation == 'nearest':
        x = repeat_elements(x, height_factor, rows)
        return repeat_elements(x, width_factor, cols)
    if data_format == 'channels_first':
        x = tf.transpose(x, [0, 2, 3, 1])
    dims = _dims(x)
    size = [dims[1] * height_factor, dims[2] * width_factor]
    # the raw op keeps TensorFlow 1's coordinate mapping without the
    # deprecation warning of tf.compat.v1.image.resize_bilinear
    out = tf.raw_ops.ResizeBilinear(images=x, size=tf.stack(size),
                                    align_corners=False,
                                    half_pixel_centers=False)
    if out.dtype != x.dtype:
        out = tf.cast(out, x.dtype)
    static = _static_dims(x)
    out.set_shape([static[0],
                   None if static[1] is None else static[1] * height_factor,
                   None if static[2] is None else static[2] * width_factor,
                   static[3]])
    if data_format == 'channels_first':
        out = tf.transpose(out, [0, 3, 1, 2])
    return out


@symbolic
def resize_volumes(x, depth_factor, height_factor, width_factor, data_format):
    """Enlarges a batch of volumes by repeating voxels.

    # Arguments
        x: a 5-D tensor.
        depth_factor: how many times each voxel repeats along depth.
        height_factor: along rows.
        width_factor: along columns.
        data_format: `'channels_last'` or `'channels_first'` (`None`:
            `image_data_format()`).

    # Returns
        A 5-D tensor.

    # Raises
        ValueError: for a bad `data_format`, a factor that is not a positive
            integer, or an input that is not 5-D.
    """
    data_format = normalize_data_format(data_format)
    x = _to_tensor(x)
    _check_rank('resize_volumes', 'x', x, 5)
    _check_factors('resize_volumes', depth_factor=depth_factor,
                   height_factor=height_factor, width_factor=width_factor)
    first = 2 if data_format == 'channels_first' else 1
    for i, factor in enumerate((depth_factor, height_factor, width_factor)):
        x = repeat_elements(x, factor, first + i)
    return x


# --------------------------------------------------------------------------
# Random tensors. As in Keras 2.2, a missing seed is drawn from NumPy's
# global generator, so `np.random.seed` makes results repeatable.
#
# In Keras 2.2 every call made a new graph op, and two ops with the same
# seed gave the same values (initializers with a seed repeat themselves),
# while one op gave new values at every run. Eager calls therefore use
# TensorFlow's stateless ops, keyed by the seed; symbolic ones use seeded
# stateful ops, sampled anew each time a function runs.

def _random_dtype(dtype):
    return floatx() if dtype is None else dtype


def _sample(stateful, stateless, shape, seed, **kwargs):
    seed = _random_seed(seed)
    if tf.executing_eagerly():
        return stateless(shape, seed=[int(seed), 0], **kwargs)
    return stateful(shape, seed=seed, **kwargs)


@symbolic
def random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    """A tensor of random values drawn uniformly from `[minval, maxval)`.

    # Arguments
        shape: the shape: a tuple of integers or a 1-D integer tensor.
        minval: the lower bound.
        maxval: the upper bound (excluded).
        dtype: the element type (default: `floatx()`).
        seed: an integer seed (the same seed gives the same eager values).

    # Returns
        A tensor; a symbolic one is sampled anew each time a function
        computing it runs.
    """
    return _sample(tf.random.uniform, tf.random.stateless_uniform, shape,
                   seed, minval=minval, maxval=maxval,
                   dtype=_random_dtype(dtype))


@symbolic
def random_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """A tensor of normally distributed random values.

    # Arguments
        shape: the shape: a tuple of integers or a 1-D integer tensor.
        mean: the mean of the distribution.
        stddev: its standard deviation.
        dtype: the element type (default: `floatx()`).
        seed: an integer seed (the same seed gives the same eager values).

    # Returns
        A tensor; a symbolic one is sampled anew each time a function
        computing it runs.
    """
    return _sample(tf.random.normal, tf.random.stateless_normal, shape, seed,
                   mean=mean, stddev=stddev, dtype=_random_dtype(dtype))


@symbolic
def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """A tensor of normal random values, redrawn when further than two
    standard deviations from the mean.

    # Arguments
        shape: the shape: a tuple of integers or a 1-D integer tensor.
        mean: the mean of the distribution.
        stddev: the standard deviation before truncation.
        dtype: the element type (default: `floatx()`).
        seed: an integer seed (the same seed gives the same eager values).

    # Returns
        A tensor; a symbolic one is sampled anew each time a function
        computing it runs.
    """
    return _sample(tf.random.truncated_normal,
                   tf.random.stateless_truncated_normal, shape, seed,
                   mean=mean, stddev=stddev, dtype=_random_dtype(dtype))


@symbolic
def random_binomial(shape, p=0.0, dtype=None, seed=None):
    """A tensor of random zeros and ones, each one with probability `p`.

    # Arguments
        shape: the shape: a tuple of integers or a 1-D integer tensor.
        p: the probability of a one.
        dtype: the element type (default: `floatx()`).
        seed: an integer seed (the same seed gives the same eager values).

    # Returns
        A tensor of 0. and 1. values.
    """
    dtype = _random_dtype(dtype)
    draw = random_uniform(shape, dtype=dtype, seed=seed)
    return tf.cast(draw <= p, dtype)
