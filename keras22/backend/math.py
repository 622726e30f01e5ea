"""Arithmetic: reductions, elementwise functions, comparisons, products.

Like every backend function, these accept NumPy arrays, eager tensors and
variables (computing eagerly) as well as symbolic tensors (adding to the
Keras graph).
"""
import builtins

import numpy as np
import tensorflow as tf

from .common import floatx
from .graph import symbolic
from .tensors import (_to_tensor, _rank, _static_dims, _dims,
                      _normalize_axis, _shape_str, _is_int, _match_dtypes)

__all__ = [
    'max', 'min', 'sum', 'prod', 'mean', 'var', 'std', 'any', 'all',
    'argmax', 'argmin', 'cumsum', 'cumprod', 'logsumexp',
    'square', 'abs', 'sqrt', 'exp', 'log', 'round', 'sign', 'pow', 'clip',
    'sin', 'cos', 'maximum', 'minimum',
    'equal', 'not_equal', 'greater', 'greater_equal', 'less', 'less_equal',
    'dot', 'batch_dot', 'l2_normalize', 'in_top_k', 'switch',
]


# --------------------------------------------------------------------------
# Reductions.

def _bool_to_float(x):
    x = _to_tensor(x)
    if x.dtype == tf.bool:
        return tf.cast(x, floatx())
    return x


@symbolic
def max(x, axis=None, keepdims=False):
    """The largest value of a tensor, overall or along some axes.

    # Arguments
        x: a tensor, variable or array.
        axis: an axis, a list of axes, or None (every axis).
        keepdims: whether reduced axes stay, with length 1.

    # Returns
        A tensor.

    # Example
    ```python
        >>> K.eval(K.max(np.array([[1, 5], [3, 2]]), axis=1))
        array([5, 3])
    ```
    """
    return tf.reduce_max(x, axis, keepdims)


@symbolic
def min(x, axis=None, keepdims=False):
    """The smallest value of a tensor, overall or along some axes.

    # Arguments
        x: a tensor, variable or array.
        axis: an axis, a list of axes, or None (every axis).
        keepdims: whether reduced axes stay, with length 1.

    # Returns
        A tensor.
    """
    return tf.reduce_min(x, axis, keepdims)


@symbolic
def sum(x, axis=None, keepdims=False):
    """The sum of the values of a tensor, overall or along some axes.

    # Arguments
        x: a tensor, variable or array.
        axis: an axis, a list of axes, or None (every axis).
        keepdims: whether reduced axes stay, with length 1.

    # Returns
        A tensor.

    # Example
    ```python
        >>> K.eval(K.sum(np.array([[1, 2], [3, 4]]), axis=0, keepdims=True))
        array([[4, 6]])
    ```
    """
    return tf.reduce_sum(x, axis, keepdims)


@symbolic
def prod(x, axis=None, keepdims=False):
    """The product of the values of a tensor, overall or along some axes.

    # Arguments
        x: a tensor, variable or array.
        axis: an axis, a list of axes, or None (every axis).
        keepdims: whether reduced axes stay, with length 1.

    # Returns
        A tensor.
    """
    return tf.reduce_prod(x, axis, keepdims)


@symbolic
def mean(x, axis=None, keepdims=False):
    """The mean of a tensor, overall or along some axes.

    Booleans count as 0. and 1.

    # Arguments
        x: a tensor, variable or array.
        axis: an axis, a list of axes, or None (every axis).
        keepdims: whether reduced axes stay, with length 1.

    # Returns
        A tensor (`floatx()` for boolean input).
    """
    return tf.reduce_mean(_bool_to_float(x), axis, keepdims)


@symbolic
def var(x, axis=None, keepdims=False):
    """The variance of a tensor, overall or along some axes.

    It is the population variance: the mean squared deviation from the mean
    (NumPy's `ddof=0`). Booleans count as 0. and 1.

    # Arguments
        x: a tensor, variable or array.
        axis: an axis, a list of axes, or None (every axis).
        keepdims: whether reduced axes stay, with length 1.

    # Returns
        A tensor.
    """
    x = _bool_to_float(x)
    centre = tf.reduce_mean(x, axis, keepdims=True)
    return tf.reduce_mean(tf.square(x - centre), axis, keepdims)


@symbolic
def std(x, axis=None, keepdims=False):
    """The standard deviation of a tensor, overall or along some axes.

    The square root of `var` (population standard deviation, `ddof=0`).

    # Arguments
        x: a tensor, variable or array.
        axis: an axis, a list of axes, or None (every axis).
        keepdims: whether reduced axes stay, with length 1.

    # Returns
        A tensor.
    """
    return tf.sqrt(var(x, axis=axis, keepdims=keepdims))


@symbolic
def any(x, axis=None, keepdims=False):
    """Whether any value is true (non-zero), overall or along some axes.

    # Arguments
        x: a tensor, variable or array (cast to booleans).
        axis: an axis, a list of axes, or None (every axis).
        keepdims: whether reduced axes stay, with length 1.

    # Returns
        A boolean tensor.
    """
    return tf.reduce_any(tf.cast(x, tf.bool), axis, keepdims)


@symbolic
def all(x, axis=None, keepdims=False):
    """Whether every value is true (non-zero), overall or along some axes.

    # Arguments
        x: a tensor, variable or array (cast to booleans).
        axis: an axis, a list of axes, or None (every axis).
        keepdims: whether reduced axes stay, with length 1.

    # Returns
        A boolean tensor.
    """
    return tf.reduce_all(tf.cast(x, tf.bool), axis, keepdims)


@symbolic
def argmax(x, axis=-1):
    """The index of the largest value along an axis.

    # Arguments
        x: a tensor, variable or array.
        axis: the axis to search.

    # Returns
        An `int64` tensor, without `axis`.

    # Example
    ```python
        >>> K.eval(K.argmax(np.array([[1, 5, 2]])))
        array([1])
    ```
    """
    return tf.argmax(x, axis)


@symbolic
def argmin(x, axis=-1):
    """The index of the smallest value along an axis.

    # Arguments
        x: a tensor, variable or array.
        axis: the axis to search.

    # Returns
        An `int64` tensor, without `axis`.
    """
    return tf.argmin(x, axis)


@symbolic
def cumsum(x, axis=0):
    """Running sums along an axis.

    # Arguments
        x: a tensor, variable or array.
        axis: the axis to accumulate along.

    # Returns
        A tensor of the shape of `x`.

    # Example
    ```python
        >>> K.eval(K.cumsum(np.array([1, 2, 3])))
        array([1, 3, 6])
    ```
    """
    return tf.cumsum(x, axis=axis)


@symbolic
def cumprod(x, axis=0):
    """Running products along an axis.

    # Arguments
        x: a tensor, variable or array.
        axis: the axis to accumulate along.

    # Returns
        A tensor of the shape of `x`.
    """
    return tf.math.cumprod(x, axis=axis)


@symbolic
def logsumexp(x, axis=None, keepdims=False):
    """`log(sum(exp(x)))`, computed without overflow for large values.

    # Arguments
        x: a tensor, variable or array.
        axis: an axis, a list of axes, or None (every axis).
        keepdims: whether reduced axes stay, with length 1.

    # Returns
        A tensor.

    # Example
    ```python
        >>> K.eval(K.logsumexp(np.array([1000., 1000.])))
        1000.6931471805599
    ```
    """
    return tf.reduce_logsumexp(x, axis, keepdims)


# --------------------------------------------------------------------------
# Elementwise functions.

@symbolic
def square(x):
    """Elementwise square.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    return tf.square(x)


@symbolic
def abs(x):
    """Elementwise absolute value.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    return tf.abs(x)


@symbolic
def sqrt(x):
    """Elementwise square root; negative values give 0 (they are clipped to
    zero first, as in Keras 2.2).

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    x = _to_tensor(x)
    return tf.sqrt(tf.maximum(x, tf.zeros([], x.dtype)))


@symbolic
def exp(x):
    """Elementwise exponential.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    return tf.exp(x)


@symbolic
def log(x):
    """Elementwise natural logarithm.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    return tf.math.log(x)


@symbolic
def round(x):
    """Elementwise rounding to the nearest integer; halves go to the even
    neighbour (`round(2.5) == 2`).

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor of the dtype of `x`.
    """
    return tf.round(x)


@symbolic
def sign(x):
    """Elementwise sign: -1, 0 or 1.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    return tf.sign(x)


@symbolic
def pow(x, a):
    """Elementwise power `x ** a`.

    # Arguments
        x: a tensor, variable or array.
        a: the exponent (a number or a tensor).

    # Returns
        A tensor.
    """
    return tf.pow(x, a)


@symbolic
def clip(x, min_value, max_value):
    """Limits values to an interval.

    As in Keras 2.2, a `max_value` below `min_value` is raised to
    `min_value`; a `None` bound is open.

    # Arguments
        x: a tensor, variable or array.
        min_value: the lower bound (a number, a tensor or None).
        max_value: the upper bound (a number, a tensor or None).

    # Returns
        A tensor.

    # Example
    ```python
        >>> K.eval(K.clip(np.array([-1., .5, 2.]), 0., 1.))
        array([0. , 0.5, 1. ])
    ```
    """
    x = _to_tensor(x)
    numbers = (int, float, np.number)
    if isinstance(min_value, numbers) and isinstance(max_value, numbers) \
            and max_value < min_value:
        max_value = min_value
    if min_value is None:
        min_value = -np.inf
    if max_value is None:
        max_value = np.inf
    return tf.clip_by_value(x, tf.cast(min_value, x.dtype),
                            tf.cast(max_value, x.dtype))


@symbolic
def sin(x):
    """Elementwise sine.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    return tf.sin(x)


@symbolic
def cos(x):
    """Elementwise cosine.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    return tf.cos(x)


@symbolic
def maximum(x, y):
    """Elementwise maximum of two tensors (broadcasting).

    # Arguments
        x: a tensor, variable or array.
        y: a tensor, variable, array or number.

    # Returns
        A tensor.
    """
    return tf.maximum(x, y)


@symbolic
def minimum(x, y):
    """Elementwise minimum of two tensors (broadcasting).

    # Arguments
        x: a tensor, variable or array.
        y: a tensor, variable, array or number.

    # Returns
        A tensor.
    """
    return tf.minimum(x, y)


# --------------------------------------------------------------------------
# Comparisons. Unlike `==` on Keras tensors (identity, as in TensorFlow 1),
# these compare values.

@symbolic
def equal(x, y):
    """Elementwise `x == y`.

    # Arguments
        x: a tensor, variable or array.
        y: a tensor, variable, array or number.

    # Returns
        A boolean tensor.
    """
    return tf.equal(x, y)


@symbolic
def not_equal(x, y):
    """Elementwise `x != y`.

    # Arguments
        x: a tensor, variable or array.
        y: a tensor, variable, array or number.

    # Returns
        A boolean tensor.
    """
    return tf.not_equal(x, y)


@symbolic
def greater(x, y):
    """Elementwise `x > y`.

    # Arguments
        x: a tensor, variable or array.
        y: a tensor, variable, array or number.

    # Returns
        A boolean tensor.
    """
    return tf.greater(x, y)


@symbolic
def greater_equal(x, y):
    """Elementwise `x >= y`.

    # Arguments
        x: a tensor, variable or array.
        y: a tensor, variable, array or number.

    # Returns
        A boolean tensor.
    """
    return tf.greater_equal(x, y)


@symbolic
def less(x, y):
    """Elementwise `x < y`.

    # Arguments
        x: a tensor, variable or array.
        y: a tensor, variable, array or number.

    # Returns
        A boolean tensor.
    """
    return tf.less(x, y)


@symbolic
def less_equal(x, y):
    """Elementwise `x <= y`.

    # Arguments
        x: a tensor, variable or array.
        y: a tensor, variable, array or number.

    # Returns
        A boolean tensor.
    """
    return tf.less_equal(x, y)


# --------------------------------------------------------------------------
# Products.

def _check_same_length(fn_name, x, x_axis, y, y_axis):
    a = _static_dims(x)[x_axis]
    b = _static_dims(y)[y_axis]
    if a is not None and b is not None and a != b:
        raise ValueError('K.%s: cannot multiply tensors of shapes %s and %s: '
                         'axis %d of x has length %d but axis %d of y has '
                         'length %d.' % (fn_name, _shape_str(x), _shape_str(y),
                                         x_axis, a, y_axis, b))


@symbolic
def dot(x, y):
    """Matrix product, extended to N-D tensors as in Keras 2.2.

    The last axis of `x` is multiplied with the second-to-last axis of `y`
    (the first one, for a 2-D `y`); the result has the other axes of `x`,
    then those of `y`: shapes `(2, 3, 4)` and `(4, 5)` give `(2, 3, 5)`;
    `(2, 3)` and `(4, 3, 5)` give `(2, 4, 5)`.

    # Arguments
        x: a tensor, variable, array or sparse tensor (rank >= 2).
        y: a tensor, variable or array (rank >= 2).

    # Returns
        A tensor.

    # Raises
        ValueError: if a rank is below 2 or the multiplied axes are known
            to differ in length.

    # Example
    ```python
        >>> x = K.placeholder(shape=(32, 28, 3))
        >>> y = K.placeholder(shape=(3, 4))
        >>> K.int_shape(K.dot(x, y))
        (32, 28, 4)
    ```
    """
    if isinstance(x, tf.SparseTensor):
        return tf.sparse.sparse_dense_matmul(x, y)
    x, y = _match_dtypes(x, y)
    x_rank, y_rank = _rank(x), _rank(y)
    for arg, t, rank in (('x', x, x_rank), ('y', y, y_rank)):
        if rank is None or rank < 2:
            raise ValueError('K.dot: `%s` must have a known rank of at least '
                             '2, got shape %s.' % (arg, _shape_str(t)))
    _check_same_length('dot', x, x_rank - 1, y, y_rank - 2)
    if x_rank == 2 and y_rank == 2:
        return tf.matmul(x, y)
    return tf.tensordot(x, y, [[x_rank - 1], [y_rank - 2]])


def _batch_dot_axes(axes, x_rank, y_rank):
    if axes is None:
        # a 2-D `y` holds one vector per sample: contract its only axis
        return x_rank - 1, (y_rank - 1 if y_rank == 2 else y_rank - 2)
    if _is_int(axes):
        axes = (axes, axes)
    if (not isinstance(axes, (list, tuple)) or len(axes) != 2 or
            not builtins.all(_is_int(a) for a in axes)):
        raise ValueError('K.batch_dot: `axes` must be an integer or a pair of '
                         'integers (one axis per tensor), got %r.' % (axes,))
    a = _normalize_axis('batch_dot', axes[0], x_rank, 'axes[0]')
    b = _normalize_axis('batch_dot', axes[1], y_rank, 'axes[1]')
    if (a == 0 or b == 0) and not (x_rank == 2 and y_rank == 2):
        raise ValueError('K.batch_dot: cannot contract the batch axis 0 of a '
                         'tensor of rank > 2; got axes %r.' % (axes,))
    return a, b


@symbolic
def batch_dot(x, y, axes=None):
    """Sample-by-sample dot product of two batches.

    For each sample `i`, `x[i]` and `y[i]` are multiplied along
    `axes[0]` of `x` and `axes[1]` of `y` (summing the products). The
    result has the batch axis, the remaining axes of `x`, then those of
    `y`; when nothing remains it is `(batch_size, 1)`.

    Keras 2.2.4 gave this result for 2-D and 3-D inputs; for 4-D and more
    it fell back on `tf.matmul` broadcasting, which could pair the wrong
    axes. keras22 applies the rule above at every rank.

    Two 2-D tensors may also be contracted along axis 0, as in Keras 2.2.4:
    the other axis then pairs the rows, so `batch_dot(x, y, axes=0)` of two
    `(32, 20)` tensors is `(20, 1)`, and `axes=(0, 1)` pairs `x[:, i]` with
    `y[i, :]`.

    # Arguments
        x: a tensor of rank >= 2, samples along axis 0.
        y: a tensor of rank >= 2, same number of samples.
        axes: an integer (the same axis of both) or a pair of integers.
            Default: the last axis of `x` with the second-to-last of `y`
            (the last, for a 2-D `y`). Axis 0 is accepted only when both
            tensors are 2-D.

    # Returns
        A tensor.

    # Raises
        ValueError: for bad `axes`, ranks below 2, or contracted axes known
            to differ in length.

    # Example
    ```python
        >>> x = K.placeholder((32, 20, 1))
        >>> y = K.placeholder((32, 30, 20))
        >>> K.int_shape(K.batch_dot(x, y, axes=(1, 2)))
        (32, 1, 30)
        >>> K.int_shape(K.batch_dot(K.placeholder((32, 20)),
        ...                         K.placeholder((32, 20)), axes=1))
        (32, 1)
    ```
    """
    x, y = _match_dtypes(x, y)
    x_rank, y_rank = _rank(x), _rank(y)
    for arg, t, rank in (('x', x, x_rank), ('y', y, y_rank)):
        if rank is None or rank < 2:
            raise ValueError('K.batch_dot: `%s` must have a known rank of at '
                             'least 2, got shape %s.' % (arg, _shape_str(t)))
    a, b = _batch_dot_axes(axes, x_rank, y_rank)
    _check_same_length('batch_dot', x, a, y, b)
    if x_rank == 2 and a == 0:
        # 2-D only: the uncontracted axis becomes the axis samples pair on
        x, a = tf.transpose(x), 1
    if y_rank == 2 and b == 0:
        y, b = tf.transpose(y), 1
    x_perm = [i for i in range(x_rank) if i != a] + [a]
    y_perm = [0, b] + [i for i in range(1, y_rank) if i != b]
    if x_perm != list(range(x_rank)):
        x = tf.transpose(x, x_perm)
    if y_perm != list(range(y_rank)):
        y = tf.transpose(y, y_perm)
    x_dims, y_dims = _dims(x), _dims(y)
    x_free, y_free = x_dims[1:-1], y_dims[2:]
    if x_rank == 3 and y_rank == 3:
        out = tf.matmul(x, y)
    else:
        batch, depth = x_dims[0], x_dims[-1]
        x3 = tf.reshape(x, tf.stack([batch, -1, depth]))
        y3 = tf.reshape(y, tf.stack([batch, depth, -1]))
        out = tf.matmul(x3, y3)
        out_dims = [batch] + x_free + y_free
        if len(out_dims) == 1:
            out_dims.append(1)
        out = tf.reshape(out, tf.stack(out_dims))
    static = ([_static_dims(x)[0] if _static_dims(x)[0] is not None
               else _static_dims(y)[0]] + _static_dims(x)[1:-1] +
              _static_dims(y)[2:])
    if len(static) == 1:
        static.append(1)
    out.set_shape(static)
    return out


# --------------------------------------------------------------------------
# Miscellaneous.

@symbolic
def l2_normalize(x, axis=None):
    """Divides by the Euclidean norm along an axis (all axes by default).

    # Arguments
        x: a tensor, variable or array.
        axis: the axis (or list of axes) the norm is computed over.

    # Returns
        A tensor of the shape of `x`.
    """
    return tf.nn.l2_normalize(x, axis=axis)


@symbolic
def in_top_k(predictions, targets, k):
    """Whether each target is among the `k` highest predictions.

    # Arguments
        predictions: a float tensor of shape `(batch_size, classes)`.
        targets: the true class indices, shape `(batch_size,)` (cast to
            integers if needed).
        k: how many of the top predictions count.

    # Returns
        A boolean tensor of shape `(batch_size,)`. Ties with the `k`-th
        prediction count as in the top `k`.

    # Example
    ```python
        >>> K.eval(K.in_top_k(np.array([[.1, .9], [.8, .2]], 'float32'),
        ...                   np.array([1, 1]), 1))
        array([ True, False])
    ```
    """
    predictions = _to_tensor(predictions)
    targets = _to_tensor(targets)
    if targets.dtype not in (tf.int32, tf.int64):
        targets = tf.cast(targets, 'int32')
    if predictions.dtype != tf.float32:
        predictions = tf.cast(predictions, 'float32')
    return tf.math.in_top_k(targets, predictions, k)


def _constant_branch(value):
    return value if callable(value) else (lambda: value)


@symbolic
def switch(condition, then_expression, else_expression):
    """Chooses between two values according to a condition.

    # Arguments
        condition: a scalar (a boolean, a number, or a tensor), or a tensor
            whose rank is at most that of the expressions.
        then_expression: a tensor, or a function returning one, used where
            the condition holds.
        else_expression: the same for where it does not.

    # Returns
        With a scalar condition, one of the two expressions (only the chosen
        function is called when the condition is known at run time). With a
        tensor condition, an elementwise choice: the condition's axes are the
        leading axes of the expressions, and it applies to every element
        below them (a condition of shape `(batch,)` chooses whole samples).

    # Raises
        ValueError: if the condition has more axes than the expressions.

    # Example
    ```python
        >>> x = np.array([[1., -2.], [-3., 4.]])
        >>> K.eval(K.switch(x > 0, x, np.zeros_like(x)))
        array([[1., 0.],
               [0., 4.]])
    ```
    """
    if isinstance(condition, (bool, int, np.bool_, np.integer)):
        chosen = then_expression if condition else else_expression
        return chosen() if callable(chosen) else chosen
    condition = _to_tensor(condition)
    if condition.dtype != tf.bool:
        condition = tf.cast(condition, tf.bool)
    cond_rank = _rank(condition)
    if not cond_rank:
        return tf.cond(condition, _constant_branch(then_expression),
                       _constant_branch(else_expression))
    if callable(then_expression):
        then_expression = then_expression()
    if callable(else_expression):
        else_expression = else_expression()
    then_expression = _to_tensor(then_expression)
    else_expression = _to_tensor(else_expression)
    expr_rank = _rank(then_expression)
    if expr_rank is not None and cond_rank > expr_rank:
        raise ValueError('K.switch: `condition` (shape %s) must not have more '
                         'axes than `then_expression` (shape %s).'
                         % (_shape_str(condition), _shape_str(then_expression)))
    if expr_rank is not None and cond_rank < expr_rank:
        # Keras 2.2 (TensorFlow 1's `where`) aligned the condition with the
        # leading axes; TensorFlow 2 broadcasts from the trailing ones.
        condition = tf.reshape(
            condition, _dims(condition) + [1] * (expr_rank - cond_rank))
    return tf.where(condition, then_expression, else_expression)
