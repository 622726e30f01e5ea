"""The symbolic graph: placeholders, Keras tensors and the learning phase.

Keras 2.2 built every model as a TensorFlow 1 graph. keras22 keeps that
model of computation on TensorFlow 2 with eager execution on:

* One `FuncGraph` (the "Keras graph") holds every symbolic tensor: the
  placeholders made by `K.placeholder()` and `Input()`, the learning phase,
  and everything computed from them by `K.*` functions, layers, Python
  operators or raw `tf.*` calls.
* `K.function` prunes the part of that graph between its inputs and outputs
  (plus its updates) into a compiled TensorFlow function, once; see
  `keras22/backend/function.py`.
* Variables live outside the graph as ordinary eager `tf.Variable`s, so
  `K.get_value`/`K.set_value` act at once; the graph captures them by
  handle.

Every `K.*` function that may receive a symbolic tensor is decorated with
`symbolic`, which enters the Keras graph when one of its arguments lives
there. Raw TensorFlow operations (`x + 1`, `tf.reduce_sum(x)`) reach the same
place through a fallback dispatcher registered below: TensorFlow refuses a
graph tensor in an eager op with a TypeError, and then offers the call to
registered dispatchers, which re-run it inside the Keras graph.
"""
import collections
import contextlib
import functools
import threading

import tensorflow as tf
from tensorflow.python.util import dispatch as _tf_dispatch

_state = threading.local()


class _KerasGraph(object):
    """The current Keras graph and what belongs to it."""

    def __init__(self):
        # wrap_function gives a FuncGraph that can later be pruned into
        # callable concrete functions (WrappedFunction.prune).
        self.wrapped = tf.compat.v1.wrap_function(lambda: None, [])
        self.graph = self.wrapped.graph
        self.graph._is_keras_graph = True
        self.learning_phase = None  # the placeholder, made on first use


_GRAPH = None
_GRAPH_LOCK = threading.RLock()

# Values of K.set_learning_phase (None: not set, so the placeholder is used).
_LEARNING_PHASE_VALUE = None

# Per-prefix counters behind K.get_uid.
_UIDS = collections.defaultdict(int)


def _keras_graph():
    global _GRAPH
    if _GRAPH is None:
        with _GRAPH_LOCK:
            if _GRAPH is None:
                _GRAPH = _KerasGraph()
    return _GRAPH


def get_graph():
    """Returns the TensorFlow `FuncGraph` that holds Keras's symbolic tensors."""
    return _keras_graph().graph


def reset_graph():
    """Starts a new Keras graph; symbolic tensors of the old one are dropped."""
    global _GRAPH
    with _GRAPH_LOCK:
        _GRAPH = _KerasGraph()


def is_symbolic(x):
    """True for a graph tensor (dense, sparse or ragged) of any graph."""
    if isinstance(x, tf.Tensor):
        return tf.is_symbolic_tensor(x)
    if isinstance(x, (tf.SparseTensor, tf.RaggedTensor)):
        return is_symbolic(x.values)
    return False


def _graph_of(items):
    """The graph of the first symbolic tensor among `items` (one level of
    nesting is searched, enough for `K.concatenate([a, b])`)."""
    for item in items:
        if isinstance(item, (list, tuple)):
            for sub in item:
                if is_symbolic(sub):
                    return _tensor_graph(sub)
        elif is_symbolic(item):
            return _tensor_graph(item)
    return None


def _tensor_graph(x):
    if isinstance(x, (tf.SparseTensor, tf.RaggedTensor)):
        return x.values.graph
    return x.graph


def in_keras_graph():
    """True while ops are being added to the Keras graph."""
    return tf.compat.v1.get_default_graph() is get_graph()


@contextlib.contextmanager
def keras_graph_scope():
    """Makes the Keras graph the default graph (no-op if it already is)."""
    graph = get_graph()
    if tf.compat.v1.get_default_graph() is graph:
        yield graph
    else:
        with graph.as_default():
            yield graph


def symbolic(fn):
    """Decorator: run `fn` inside the graph of its symbolic arguments.

    Arguments that are plain values, NumPy arrays, eager tensors or
    variables leave `fn` running eagerly.
    """
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        graph = _graph_of(args)
        if graph is None and kwargs:
            graph = _graph_of(kwargs.values())
        if graph is None or _within(tf.compat.v1.get_default_graph(), graph):
            return fn(*args, **kwargs)
        with graph.as_default():
            return fn(*args, **kwargs)
    return wrapper


def _within(inner, outer):
    """True if `inner` is `outer` or a graph nested in it (the body of a
    loop or a branch of a `tf.cond` built there), where tensors of `outer`
    are captured automatically: ops must then stay in `inner`."""
    while inner is not None:
        if inner is outer:
            return True
        inner = getattr(inner, 'outer_graph', None)
    return False


class _KerasGraphDispatcher(_tf_dispatch.GlobalOpDispatcher):
    """Re-runs a TensorFlow API call inside the graph of its symbolic inputs.

    TensorFlow only consults dispatchers after the op failed with a
    TypeError or ValueError, so eager calls pay nothing for this.
    """

    def handle(self, op, args, kwargs):
        graph = None
        for item in tf.nest.flatten([args, kwargs], expand_composites=True):
            if isinstance(item, tf.Tensor) and tf.is_symbolic_tensor(item):
                graph = item.graph
                break
        if graph is None or tf.compat.v1.get_default_graph() is graph:
            return self.NOT_SUPPORTED
        with graph.as_default():
            return op(*args, **kwargs)


_KerasGraphDispatcher().register()


def _install_tf1_tensor_identity():
    """Gives tensors of Keras graphs the identity semantics of TF1.

    In Keras 2.2 (TensorFlow 1) a symbolic tensor was hashable and `==`
    compared identity, so legacy code writes `feed_dict={x: value}` and
    `if t in model.inputs`. TensorFlow 2 made graph tensors of functions
    unhashable with an elementwise `==`; this restores the TF1 behaviour for
    the tensors of Keras graphs only (other graphs are untouched).
    `K.equal` remains the elementwise comparison.
    """
    from tensorflow.python.framework import ops
    cls = ops.SymbolicTensor
    if getattr(cls, '_keras22_identity', False):
        return
    tf_eq, tf_ne, tf_hash = cls.__eq__, cls.__ne__, cls.__hash__

    def __eq__(self, other):
        if getattr(self.graph, '_is_keras_graph', False):
            return self is other
        return tf_eq(self, other)

    def __ne__(self, other):
        if getattr(self.graph, '_is_keras_graph', False):
            return self is not other
        return tf_ne(self, other)

    def __hash__(self):
        if getattr(self.graph, '_is_keras_graph', False):
            return id(self)
        return tf_hash(self)

    cls.__eq__, cls.__ne__, cls.__hash__ = __eq__, __ne__, __hash__
    cls._keras22_identity = True


_install_tf1_tensor_identity()


# --------------------------------------------------------------------------
# Names.

def get_uid(prefix=''):
    """A counter per prefix, used to give layers unique default names.

    # Arguments
        prefix: the name to count (e.g. `'dense'`).

    # Returns
        1 on the first call for `prefix`, then 2, 3, ... until
        `reset_uids` or `clear_session`.
    """
    _UIDS[prefix] += 1
    return _UIDS[prefix]


def reset_uids():
    """Restarts every `get_uid` counter."""
    _UIDS.clear()


# --------------------------------------------------------------------------
# The learning phase.

def learning_phase():
    """The flag telling layers whether they run for training or for testing.

    Dropout, noise and BatchNormalization behave differently in the two
    phases. Unless `set_learning_phase` fixed it, the flag is a symbolic
    boolean scalar that defaults to test mode, and that a `K.function` listing
    it among its inputs is fed with 0 or 1.

    # Returns
        The symbolic flag, or the integer 0 or 1 fixed by
        `set_learning_phase`.
    """
    if _LEARNING_PHASE_VALUE is not None:
        return _LEARNING_PHASE_VALUE
    return learning_phase_placeholder()


def learning_phase_placeholder():
    """The symbolic learning phase of the current graph, even when a value
    has been set with `set_learning_phase`."""
    kg = _keras_graph()
    if kg.learning_phase is None:
        with kg.graph.as_default():
            kg.learning_phase = tf.compat.v1.placeholder_with_default(
                False, shape=(), name='keras_learning_phase')
            kg.learning_phase._keras_learning_phase = True
    return kg.learning_phase


def set_learning_phase(value):
    """Fixes the learning phase to test (0) or training (1) mode.

    # Arguments
        value: 0 or 1.

    # Raises
        ValueError: for any other value.
    """
    global _LEARNING_PHASE_VALUE
    if value not in (0, 1):
        raise ValueError('set_learning_phase: expected 0 or 1, got %r.'
                         % (value,))
    _LEARNING_PHASE_VALUE = int(value)


def _learning_phase_value():
    """The learning phase as Python int when set, else None."""
    return _LEARNING_PHASE_VALUE


def _clear_learning_phase():
    global _LEARNING_PHASE_VALUE
    _LEARNING_PHASE_VALUE = None


def is_learning_phase(x):
    """True if `x` is a learning phase placeholder."""
    return getattr(x, '_keras_learning_phase', False)


# --------------------------------------------------------------------------
# Placeholders and tensor predicates.

def placeholder(shape=None, ndim=None, dtype=None, sparse=False, name=None):
    """Creates a symbolic input tensor to be fed when a function runs.

    # Arguments
        shape: the shape, a tuple whose entries may be `None` (unknown).
        ndim: the number of axes, all unknown; used when `shape` is not
            given.
        dtype: the element type (default: `floatx()`).
        sparse: whether to create a sparse placeholder.
        name: an optional name.

    # Returns
        A symbolic tensor of the Keras graph.

    # Raises
        ValueError: when `shape` holds anything but non-negative integers
            and `None`, or `ndim` is negative.

    # Example
    ```python
        >>> x = K.placeholder(shape=(None, 4, 5))
        >>> K.int_shape(x)
        (None, 4, 5)
    ```
    """
    from .common import floatx
    if dtype is None:
        dtype = floatx()
    if shape is None and ndim is not None:
        if not isinstance(ndim, int) or ndim < 0:
            raise ValueError('placeholder: `ndim` must be a non-negative '
                             'integer, got %r.' % (ndim,))
        shape = (None,) * ndim
    if shape is not None:
        shape = _check_shape('placeholder', 'shape', shape)
    with keras_graph_scope():
        if sparse:
            x = tf.compat.v1.sparse_placeholder(dtype, shape=shape, name=name)
        else:
            x = tf.compat.v1.placeholder(dtype, shape=shape, name=name)
    x._keras_shape = shape
    x._uses_learning_phase = False
    x._keras_placeholder = True
    return x


def _check_shape(fn_name, arg, shape):
    """Validates a shape argument: a tuple/list of ints >= 0 or None."""
    if isinstance(shape, int):
        shape = (shape,)
    if isinstance(shape, tf.TensorShape):
        shape = tuple(shape.as_list()) if shape.rank is not None else None
        return shape
    try:
        shape = tuple(shape)
    except TypeError:
        raise ValueError('%s: `%s` must be a tuple of integers or None, got '
                         '%r.' % (fn_name, arg, shape))
    for dim in shape:
        if dim is not None and (not isinstance(dim, int) or
                                isinstance(dim, bool) or dim < 0):
            try:
                import numpy as np
                if isinstance(dim, np.integer) and dim >= 0:
                    continue
            except ImportError:
                pass
            raise ValueError('%s: `%s` must hold non-negative integers or '
                             'None, got %r.' % (fn_name, arg, shape))
    return tuple(None if d is None else int(d) for d in shape)


def is_placeholder(x):
    """Tells whether `x` is a placeholder.

    # Arguments
        x: any object.

    # Returns
        A boolean.
    """
    if getattr(x, '_keras_placeholder', False):
        return True
    op = getattr(x, 'op', None)
    try:
        return op is not None and op.type == 'Placeholder'
    except AttributeError:
        return False


def is_tensor(x):
    """Tells whether `x` is a tensor (symbolic, eager or sparse) or a variable.

    # Arguments
        x: any object.

    # Returns
        A boolean.
    """
    return (isinstance(x, (tf.Tensor, tf.Variable, tf.SparseTensor,
                           tf.RaggedTensor)) or tf.is_tensor(x))


def is_keras_tensor(x):
    """Tells whether a tensor came out of a Keras layer or `Input`.

    Such tensors carry the history (`_keras_history`) that lets a `Model` be
    built from them.

    # Arguments
        x: a tensor or variable.

    # Returns
        A boolean.

    # Raises
        ValueError: if `x` is not a tensor at all (a NumPy array, say).

    # Example
    ```python
        >>> K.is_keras_tensor(Input(shape=(3,)))
        True
        >>> K.is_keras_tensor(K.placeholder(shape=(3,)))
        False
    ```
    """
    if not is_tensor(x):
        raise ValueError('is_keras_tensor: unexpectedly found an instance of '
                         'type `%s`. Expected a symbolic tensor instance.'
                         % (type(x),))
    return hasattr(x, '_keras_history')


def is_sparse(tensor):
    """Tells whether a tensor is sparse.

    # Arguments
        tensor: a tensor.

    # Returns
        A boolean.
    """
    return isinstance(tensor, tf.SparseTensor)


# --------------------------------------------------------------------------
# Switching on the learning phase.

def _resolve(branch):
    return branch() if callable(branch) else branch


def in_train_phase(x, alt, training=None):
    """Chooses between two values according to the learning phase.

    # Arguments
        x: the value in training mode: a tensor, or a function returning
            one (called only if needed).
        alt: the value otherwise, same form and shape as `x`.
        training: 0/1, a boolean, or a symbolic scalar to decide on instead
            of the global learning phase.

    # Returns
        `x` or `alt`; a symbolic selection when the phase is only known when
        the function runs. Called eagerly with the phase unset, test mode
        applies.
    """
    uses_learning_phase = training is None
    if training is None:
        training = learning_phase()
        if is_learning_phase(training) and not _within(
                tf.compat.v1.get_default_graph(), training.graph) and not (
                is_symbolic(x) or is_symbolic(alt)):
            training = 0
    if training is True or (isinstance(training, int) and training == 1):
        return _resolve(x)
    if training is False or (isinstance(training, int) and training == 0):
        return _resolve(alt)
    if not is_symbolic(training):
        # an eager boolean tensor
        return _resolve(x) if bool(training) else _resolve(alt)
    graph = tf.compat.v1.get_default_graph()
    if not _within(graph, training.graph):
        graph = training.graph
    with graph.as_default():
        out = tf.cond(tf.cast(training, 'bool'),
                      lambda: _resolve(x), lambda: _resolve(alt))
    if uses_learning_phase:
        out._uses_learning_phase = True
    return out


def in_test_phase(x, alt, training=None):
    """Chooses between two values according to the learning phase.

    The mirror of `in_train_phase`: `x` in test mode, `alt` in training mode.

    # Arguments
        x: the value in test mode (a tensor or a function returning one).
        alt: the value in training mode, same form and shape as `x`.
        training: 0/1, a boolean, or a symbolic scalar to decide on instead
            of the global learning phase.

    # Returns
        `x` or `alt`.
    """
    return in_train_phase(alt, x, training=training)
