"""Variables, constants, their values, and update operations."""
import numpy as np
import tensorflow as tf
from tensorflow.python.ops import resource_variable_ops

from .common import floatx
from .graph import is_symbolic, symbolic, _check_shape


class KerasVariable(resource_variable_ops.ResourceVariable):
    """A TensorFlow resource variable with Keras 2.2's Python semantics.

    As in TensorFlow 1, it is hashable and `==` compares identity, so legacy
    code can key dicts by weights and test `w in layer.weights`. Arithmetic
    and comparisons other than `==`/`!=` work as on any variable.

    TensorFlow 1 variables had no in-place operators, so `loss += x` on a
    variable rebound `loss` to the tensor `loss + x` (Keras 2.2's neural
    style transfer example builds its loss that way); TensorFlow 2 raises
    instead. The augmented operators here return the new tensor and leave
    the variable unchanged.
    """

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    def __hash__(self):
        return id(self)

    def __iadd__(self, other):
        return self + other

    def __isub__(self, other):
        return self - other

    def __imul__(self, other):
        return self * other

    def __itruediv__(self, other):
        return self / other

    def __ifloordiv__(self, other):
        return self // other

    def __ipow__(self, other):
        return self ** other



def _operator_in_graph_of_operand(name):
    """Wraps a variable operator so that, with a symbolic operand, the
    operation is built in that operand's graph.

    TensorFlow 2 evaluates `variable * placeholder` by reading the variable
    eagerly first, so the symbolic result would hold a frozen copy of its
    value: no gradient, and later `K.set_value` calls unseen. Built in the
    graph, the variable is read when the graph runs, as in TensorFlow 1.
    """
    base = getattr(resource_variable_ops.ResourceVariable, name)

    def method(self, *args):
        for arg in args:
            if is_symbolic(arg):
                if tf.compat.v1.get_default_graph() is not arg.graph:
                    with arg.graph.as_default():
                        return base(self, *args)
                break
        return base(self, *args)
    method.__name__ = name
    return method


for _name in ('__add__', '__radd__', '__sub__', '__rsub__', '__mul__',
              '__rmul__', '__truediv__', '__rtruediv__', '__floordiv__',
              '__rfloordiv__', '__mod__', '__rmod__', '__pow__', '__rpow__',
              '__matmul__', '__rmatmul__', '__lt__', '__le__', '__gt__',
              '__ge__', '__and__', '__rand__', '__or__', '__ror__',
              '__xor__', '__rxor__'):
    setattr(KerasVariable, _name, _operator_in_graph_of_operand(_name))

def _as_tf_dtype(dtype, fn_name='variable'):
    try:
        return tf.as_dtype(dtype)
    except TypeError:
        raise TypeError('%s: unknown dtype %r.' % (fn_name, dtype))


def variable(value, dtype=None, name=None, constraint=None):
    """Creates a variable holding `value`.

    The variable is an eager TensorFlow variable: `get_value`/`set_value` act
    on it at once, and symbolic computations read it when they run.

    # Arguments
        value: the initial value (a NumPy array or anything convertible). A
            scipy sparse matrix gives a constant `tf.SparseTensor` instead,
            as in Keras 2.2.
        dtype: the element type (default: `floatx()`, also for integer
            values).
        name: an optional name.
        constraint: an optional function that optimizers apply to the new
            value after each update.

    # Returns
        A variable.

    # Raises
        ValueError: if `constraint` is not callable.

    # Example
    ```python
        >>> v = K.variable(np.array([[1, 2], [3, 4]]), dtype='float64')
        >>> K.dtype(v)
        'float64'
        >>> K.eval(v)
        array([[1., 2.],
               [3., 4.]])
    ```
    """
    if dtype is None:
        dtype = floatx()
    tf_dtype = _as_tf_dtype(dtype)
    if hasattr(value, 'tocoo'):
        coo = value.tocoo()
        indices = np.stack([coo.row, coo.col], axis=1).astype('int64')
        sparse = tf.SparseTensor(indices=indices,
                                 values=coo.data.astype(tf_dtype.as_numpy_dtype),
                                 dense_shape=coo.shape)
        sparse._keras_shape = tuple(coo.shape)
        sparse._uses_learning_phase = False
        return sparse
    if is_symbolic(value):
        value = eval(value)
    if constraint is not None and not callable(constraint):
        raise ValueError('variable: `constraint` must be callable, got %r.'
                         % (constraint,))
    with tf.init_scope():
        if isinstance(value, (tf.Tensor, tf.Variable)):
            value = tf.cast(value, tf_dtype)
        v = KerasVariable(value, dtype=tf_dtype, name=name,
                          constraint=constraint)
    v._keras_shape = tuple(v.shape.as_list())
    v._uses_learning_phase = False
    return v


def constant(value, dtype=None, shape=None, name=None):
    """Creates a constant tensor.

    # Arguments
        value: a number, list or array.
        dtype: the element type (default: `floatx()`).
        shape: an optional shape; a scalar `value` is repeated to fill it.
        name: an optional name.

    # Returns
        A constant tensor.
    """
    if dtype is None:
        dtype = floatx()
    return tf.constant(value, dtype=dtype, shape=shape, name=name)


def _filled_variable(fn_name, fill, shape, dtype, name):
    if dtype is None:
        dtype = floatx()
    shape = _check_shape(fn_name, 'shape', shape)
    tf_dtype = _as_tf_dtype(dtype, fn_name)
    return variable(fill(shape, dtype=tf_dtype.as_numpy_dtype), tf_dtype,
                    name)


def zeros(shape, dtype=None, name=None):
    """Creates a variable filled with zeros.

    # Arguments
        shape: the shape, a tuple of integers.
        dtype: the element type (default: `floatx()`).
        name: an optional name.

    # Returns
        A variable.

    # Example
    ```python
        >>> K.eval(K.zeros((2, 3)))
        array([[0., 0., 0.],
               [0., 0., 0.]], dtype=float32)
    ```
    """
    return _filled_variable('zeros', np.zeros, shape, dtype, name)


def ones(shape, dtype=None, name=None):
    """Creates a variable filled with ones.

    # Arguments
        shape: the shape, a tuple of integers.
        dtype: the element type (default: `floatx()`).
        name: an optional name.

    # Returns
        A variable.
    """
    return _filled_variable('ones', np.ones, shape, dtype, name)


def eye(size, dtype=None, name=None):
    """Creates a variable holding an identity matrix.

    # Arguments
        size: the number of rows and columns, or a pair `(rows, columns)`.
        dtype: the element type (default: `floatx()`).
        name: an optional name.

    # Returns
        A variable.
    """
    if dtype is None:
        dtype = floatx()
    if isinstance(size, (list, tuple)):
        n, m = size
    else:
        n, m = size, size
    tf_dtype = _as_tf_dtype(dtype, 'eye')
    return variable(np.eye(n, m, dtype=tf_dtype.as_numpy_dtype), tf_dtype,
                    name)


@symbolic
def zeros_like(x, dtype=None, name=None):
    """A tensor of zeros shaped like `x`.

    # Arguments
        x: a tensor or variable.
        dtype: the element type (default: that of `x`).
        name: an optional name.

    # Returns
        A tensor.
    """
    return tf.zeros_like(x, dtype=dtype, name=name)


@symbolic
def ones_like(x, dtype=None, name=None):
    """A tensor of ones shaped like `x`.

    # Arguments
        x: a tensor or variable.
        dtype: the element type (default: that of `x`).
        name: an optional name.

    # Returns
        A tensor.
    """
    return tf.ones_like(x, dtype=dtype, name=name)


def _random_seed(seed):
    if seed is None:
        return np.random.randint(10e6)
    return seed


def random_uniform_variable(shape, low, high, dtype=None,
                            name=None, seed=None):
    """Creates a variable filled with uniform random values.

    # Arguments
        shape: the shape, a tuple of integers.
        low: the lower bound of the interval.
        high: the upper bound of the interval.
        dtype: the element type (default: `floatx()`).
        name: an optional name.
        seed: an integer seed, for repeatable values.

    # Returns
        A variable.
    """
    if dtype is None:
        dtype = floatx()
    shape = _check_shape('random_uniform_variable', 'shape', shape)
    rng = np.random.RandomState(_random_seed(seed))
    value = rng.uniform(low, high, size=shape)
    return variable(value, dtype=dtype, name=name)


def random_normal_variable(shape, mean, scale, dtype=None,
                           name=None, seed=None):
    """Creates a variable filled with normally distributed random values.

    # Arguments
        shape: the shape, a tuple of integers.
        mean: the mean of the distribution.
        scale: its standard deviation.
        dtype: the element type (default: `floatx()`).
        name: an optional name.
        seed: an integer seed, for repeatable values.

    # Returns
        A variable.
    """
    if dtype is None:
        dtype = floatx()
    shape = _check_shape('random_normal_variable', 'shape', shape)
    rng = np.random.RandomState(_random_seed(seed))
    value = rng.normal(mean, scale, size=shape)
    return variable(value, dtype=dtype, name=name)


def count_params(x):
    """The number of elements of a tensor or variable, from its static shape.

    # Arguments
        x: a tensor or variable.

    # Returns
        An integer.

    # Raises
        ValueError: if a dimension is unknown.
    """
    shape = x.shape.as_list()
    if any(d is None for d in shape):
        raise ValueError('count_params: the shape of %s is not fully '
                         'defined (%s).' % (getattr(x, 'name', x), shape))
    return int(np.prod(shape))


def get_variable_shape(x):
    """The shape of a variable.

    # Arguments
        x: a variable.

    # Returns
        A tuple of integers.
    """
    return tuple(x.shape.as_list())


# --------------------------------------------------------------------------
# Values.

def eval(x):
    """The value of a variable or tensor, as a NumPy array.

    Variables and eager tensors are read directly; a symbolic tensor is
    computed by a compiled function without inputs, so it must not depend on a
    placeholder.

    # Arguments
        x: a variable or tensor.

    # Returns
        A NumPy array.

    # Raises
        ValueError: if `x` is symbolic and needs a placeholder's value.
    """
    if isinstance(x, tf.SparseTensor) and not is_symbolic(x):
        return tf.sparse.to_dense(x).numpy()
    if is_symbolic(x):
        from .function import function
        return function([], [x], name='eval')([])[0]
    if isinstance(x, (tf.Tensor, tf.Variable)):
        return x.numpy()
    if isinstance(x, np.ndarray):
        return x
    return np.asarray(x)


def get_value(x):
    """The value of a variable, as a NumPy array.

    # Arguments
        x: a variable (or tensor).

    # Returns
        A NumPy array.
    """
    return eval(x)


def batch_get_value(ops):
    """The values of several variables.

    # Arguments
        ops: a list of variables or tensors.

    # Returns
        A list of NumPy arrays.
    """
    if not ops:
        return []
    return [get_value(x) for x in ops]


def _check_variable(fn_name, x):
    if not isinstance(x, tf.Variable):
        raise TypeError('%s: expected a variable (made by K.variable or a '
                        'layer), got %s.' % (fn_name, type(x).__name__))


def set_value(x, value):
    """Gives a variable a new value.

    # Arguments
        x: the variable.
        value: a NumPy array (or convertible) of the variable's shape.

    # Raises
        TypeError: if `x` is not a variable.
        ValueError: if the shapes differ.
    """
    _check_variable('set_value', x)
    value = np.asarray(value, dtype=x.dtype.as_numpy_dtype)
    if not x.shape.is_compatible_with(value.shape):
        raise ValueError('set_value: variable %s has shape %s, but the value '
                         'has shape %s.' % (x.name, tuple(x.shape.as_list()),
                                            value.shape))
    x.assign(value)


def batch_set_value(tuples):
    """Gives several variables new values.

    # Arguments
        tuples: a list of `(variable, value)` pairs.
    """
    for x, value in tuples:
        set_value(x, value)


# --------------------------------------------------------------------------
# Updates. As in Keras 2.2, an update changes a variable only when a
# K.function that lists it in its `updates` runs, after that function's
# outputs are computed. To make that order certain (TensorFlow does not order
# a variable read against an assignment made elsewhere in the graph), the
# assignment itself is built by each function, under a control dependency on
# its outputs.

class KerasUpdate(object):
    """A pending update of a variable; see `K.update`.

    # Arguments
        variable: the variable to change.
        kind: `'assign'`, `'add'`, `'sub'` or `'moving_average'`.
        value: the new value, the increment or decrement, or (for
            `'moving_average'`) a pair `(value, momentum)`.
    """

    __slots__ = ('variable', 'kind', 'value')

    def __init__(self, variable, kind, value):
        self.variable = variable
        self.kind = kind
        self.value = value

    def build(self):
        """Adds the assignment to the current graph; returns the operation."""
        x = self.variable
        if self.kind == 'assign':
            return x.assign(_cast_to(self.value, x), read_value=False)
        if self.kind == 'add':
            return x.assign_add(_cast_to(self.value, x), read_value=False)
        if self.kind == 'sub':
            return x.assign_sub(_cast_to(self.value, x), read_value=False)
        value, momentum = self.value
        decay = tf.cast(1. - momentum, x.dtype)
        delta = (x.read_value() - _cast_to(value, x)) * decay
        return x.assign_sub(delta, read_value=False)

    def __repr__(self):
        return '<KerasUpdate %s of %s>' % (self.kind, self.variable.name)


def _cast_to(value, variable):
    value = tf.convert_to_tensor(value)
    if value.dtype != variable.dtype:
        value = tf.cast(value, variable.dtype)
    return value


def _pending(fn_name, x, kind, value):
    _check_variable(fn_name, x)
    return KerasUpdate(x, kind, value)


def update(x, new_x):
    """Update the value of `x` to `new_x`.

    # Arguments
        x: A `Variable`.
        new_x: A tensor of same shape as `x`.

    # Returns
        The update, to give to `K.function(..., updates=[...])` or
        `Layer.add_update`: it runs when that function runs, after the
        function's outputs are computed.
    """
    return _pending('update', x, 'assign', new_x)


def update_add(x, increment):
    """Update the value of `x` by adding `increment`.

    # Arguments
        x: A `Variable`.
        increment: A tensor of same shape as `x`.

    # Returns
        The update (see `update`).
    """
    return _pending('update_add', x, 'add', increment)


def update_sub(x, decrement):
    """Update the value of `x` by subtracting `decrement`.

    # Arguments
        x: A `Variable`.
        decrement: A tensor of same shape as `x`.

    # Returns
        The update (see `update`).
    """
    return _pending('update_sub', x, 'sub', decrement)


def moving_average_update(x, value, momentum):
    """Compute the moving average of a variable.

    The new value is `x * momentum + value * (1 - momentum)`. Keras 2.2.4
    used TensorFlow's zero-debiased average here, which ignores the
    variable's initial value and creates hidden variables; keras22 keeps the
    plain average (as tf.keras does), so a moving variance initialised to
    one stays meaningful from the first step.

    # Arguments
        x: A Variable.
        value: A tensor with the same shape as `x`.
        momentum: The moving average momentum.

    # Returns
        The update (see `update`).
    """
    return _pending('moving_average_update', x, 'moving_average',
                    (value, momentum))


def manual_variable_initialization(value):
    """Legacy switch for initialising variables by hand.

    keras22's variables are initialised when they are created, so the flag
    changes nothing; it is kept so that legacy code runs.

    # Arguments
        value: a boolean.
    """
    global _MANUAL_VAR_INIT
    _MANUAL_VAR_INIT = bool(value)


_MANUAL_VAR_INIT = False
