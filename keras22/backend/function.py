"""Compiling symbolic computations: `K.function`, `K.gradients`.

A `Function` prunes the Keras graph between its inputs and its outputs and
updates into one compiled TensorFlow function when it is created. The
inputs are placeholders with possibly unknown dimensions, so the same
compiled function serves every batch size: calling it never traces again.
"""
import numpy as np
import tensorflow as tf

from . import graph as graph_lib
from .graph import is_symbolic
from .variables import KerasUpdate



class Function(object):
    """A compiled function of the Keras graph.

    # Arguments
        inputs: List of placeholder (or other symbolic) tensors to feed.
        outputs: List of tensors to compute.
        updates: List of update operations (`K.update(...)`, or tuples
            `(variable, new_value)`) run after the outputs are computed.
        name: A name to help users identify what this function does.
        session_kwargs: as in Keras 2.2 (TensorFlow 1 `Session.run`):
            `fetches`: extra operations or tensors to run at each call.
            `feed_dict`: values for other placeholders; the dictionary is
                read at each call, so changing it later takes effect.
            `options`: a `tf.compat.v1.RunOptions`; with
                `output_partition_graphs=True`, each call stores the graph
                it ran in `run_metadata.partition_graphs` (TensorFlow 2
                has no per-call tracing, so `trace_level` is ignored).
            `run_metadata`: a `tf.compat.v1.RunMetadata`, cleared at each
                call and then filled as `options` asks.

    # Raises
        TypeError: if `inputs`, `outputs` or `updates` is not a list/tuple.
        ValueError: if an input is not a symbolic tensor, or for an
            unknown keyword argument.
    """

    def __init__(self, inputs, outputs, updates=None, name=None,
                 **session_kwargs):
        updates = updates or []
        for arg, value in (('inputs', inputs), ('outputs', outputs),
                           ('updates', updates)):
            if not isinstance(value, (list, tuple)):
                raise TypeError('K.function: `%s` should be a list or tuple, '
                                'got %s.' % (arg, type(value).__name__))
        self.inputs = list(inputs)
        self.outputs = list(outputs)
        self.updates = list(updates)
        self.name = name
        self.fetches = list(session_kwargs.pop('fetches', None) or [])
        # Kept by reference: Keras 2.2 read the values at each call.
        feed_dict = session_kwargs.pop('feed_dict', None)
        self.feed_dict = {} if feed_dict is None else feed_dict
        self.run_options = session_kwargs.pop('options', None)
        self.run_metadata = session_kwargs.pop('run_metadata', None)
        self._partition_graph = None
        if session_kwargs:
            raise ValueError('Invalid argument "%s" passed to K.function '
                             'with TensorFlow backend.'
                             % sorted(session_kwargs)[0])
        for i, x in enumerate(self.inputs):
            if not is_symbolic(x):
                raise ValueError(
                    'K.function%s: input #%d must be a symbolic tensor '
                    '(K.placeholder, Input or a layer output), got %r.'
                    % (self._label(), i, x))
        # How many times this function has been compiled: 1, unless the
        # set of `feed_dict` keys changes.
        self.trace_count = 0
        self._compile()

    def _label(self):
        return ' %r' % self.name if self.name else ''

    def _compile(self):
        kg = graph_lib._keras_graph()
        graph = kg.graph
        for x in self.inputs + [o for o in self.outputs if is_symbolic(o)]:
            tensor_graph = graph_lib._tensor_graph(x)
            if tensor_graph is not graph:
                raise ValueError(
                    'K.function%s: tensor %s belongs to a graph that '
                    'K.clear_session() has discarded; rebuild it after '
                    'clearing the session.' % (self._label(), x))
        with graph.as_default():
            out_tensors, self._output_kinds, out_ops = [], [], []
            for out in self.outputs:
                kind, tensor = self._as_output(out)
                self._output_kinds.append(kind)
                if tensor is not None:
                    out_tensors.append(tensor)
                else:
                    out_ops.append(out)
            ops = self._update_ops(out_tensors, out_ops)
        self._feed_keys = list(self.feed_dict)
        feeds = list(self.inputs) + self._feed_keys
        flat_feeds = tf.nest.flatten(feeds, expand_composites=True)
        fetches = out_tensors + ops
        try:
            pruned = kg.wrapped.prune(feeds=flat_feeds, fetches=fetches)
        except (ValueError, TypeError, KeyError) as e:
            raise ValueError('K.function%s: cannot compute the outputs from '
                             'the given inputs: %s' % (self._label(), e))
        self.trace_count += 1
        self._pruned = pruned
        self._atomic = pruned._inference_function
        self._captures = list(pruned.captured_inputs)
        self._n_outputs = len(out_tensors)
        self._converters = [_input_converter(x, i, self._label())
                            for i, x in enumerate(self.inputs)]
        self._feed_converters = [_input_converter(ph, -1, self._label())
                                 for ph in self._feed_keys]
        self._partition_graph = None

    def _as_output(self, out):
        """How an output is fetched: ('tensor', t), ('dense', t) for a
        sparse tensor densified, or ('none', None) for an operation."""
        if isinstance(out, (tf.Operation, KerasUpdate)):
            return 'none', None
        if isinstance(out, tf.SparseTensor):
            return 'tensor', tf.sparse.to_dense(out)
        if is_symbolic(out):
            return 'tensor', out
        if isinstance(out, tf.Variable):
            return 'tensor', tf.identity(out)
        return 'tensor', tf.identity(tf.convert_to_tensor(out))

    def _update_ops(self, out_tensors, out_ops):
        """Operations to run, ordered after the outputs as in Keras 2.2
        (`out_ops`: the operations listed among the outputs)."""
        ops = []
        with tf.control_dependencies(out_tensors):
            for update in self.updates:
                if isinstance(update, tuple):
                    update = KerasUpdate(update[0], 'assign', update[1])
                if isinstance(update, KerasUpdate):
                    ops.append(update.build())
                else:
                    ops.append(_as_operation(update))
        ops.extend(_as_operation(f) for f in self.fetches + out_ops)
        if len(ops) > 1:
            return [tf.group(*ops)]
        return ops

    def __call__(self, inputs):
        if not isinstance(inputs, (list, tuple)):
            raise TypeError('K.function%s: `inputs` should be a list or '
                            'tuple, got %s.' % (self._label(),
                                                type(inputs).__name__))
        if len(inputs) != len(self._converters):
            raise ValueError('K.function%s expects %d input(s), got %d.'
                             % (self._label(), len(self._converters),
                                len(inputs)))
        args = []
        for convert, value in zip(self._converters, inputs):
            args.extend(convert(value))
        args.extend(self._feed_values())
        args.extend(self._captures)
        try:
            results = self._atomic.call_flat(*args)
        except tf.errors.InvalidArgumentError as e:
            raise ValueError('K.function%s: %s' % (self._label(), e.message))
        if self.run_metadata is not None:
            self._fill_run_metadata()
        outputs = []
        i = 0
        for kind in self._output_kinds:
            if kind == 'none':
                outputs.append(None)
            else:
                outputs.append(results[i].numpy())
                i += 1
        return outputs

    def call_tensors(self, args):
        """Runs the function on already converted flat tensors and returns
        the output tensors (no NumPy conversion): the hot path of training
        loops that keep data as tensors."""
        feeds = self._feed_values()  # first: it may compile again
        results = self._atomic.call_flat(*args, *feeds, *self._captures)
        if self.run_metadata is not None:
            self._fill_run_metadata()
        return results[:self._n_outputs]

    def _feed_values(self):
        """The current `feed_dict` values as flat tensors."""
        if not self.feed_dict and not self._feed_keys:
            return []
        if (len(self.feed_dict) != len(self._feed_keys) or
                any(k not in self.feed_dict for k in self._feed_keys)):
            # other placeholders are fed now: they become inputs of a new
            # compiled function, as Keras 2.2 made a new callable
            self._compile()
        values = []
        for key, convert in zip(self._feed_keys, self._feed_converters):
            values.extend(convert(self.feed_dict[key]))
        return values

    def _fill_run_metadata(self):
        """Does to `run_metadata` what a TF1 `Session.run` did: clears it,
        then adds the graph that ran when the run options ask for it."""
        self.run_metadata.Clear()
        if getattr(self.run_options, 'output_partition_graphs', False):
            if self._partition_graph is None:
                self._partition_graph = self._atomic.graph.as_graph_def()
            self.run_metadata.partition_graphs.add().CopyFrom(
                self._partition_graph)


def _as_operation(x):
    if isinstance(x, tf.Operation):
        return x
    if isinstance(x, KerasUpdate):
        return x.build()
    if isinstance(x, tf.Variable):
        raise ValueError('K.function: a variable is not an update; give '
                         'K.update(variable, new_value) or a tuple '
                         '(variable, new_value).')
    return x.op


def _input_converter(placeholder, index, label):
    """Builds the function that turns a fed value into flat tensors."""
    name = getattr(placeholder, 'name', '?')
    if isinstance(placeholder, tf.SparseTensor):
        dtype = placeholder.dtype

        def convert_sparse(value):
            if hasattr(value, 'tocoo'):
                coo = value.tocoo()
                indices = np.stack([coo.row, coo.col], 1).astype('int64')
                return [tf.constant(indices),
                        tf.constant(coo.data, dtype=dtype),
                        tf.constant(coo.shape, dtype='int64')]
            if isinstance(value, tf.SparseTensor):
                return [value.indices, tf.cast(value.values, dtype),
                        value.dense_shape]
            indices, values, shape = value
            return [tf.constant(indices, 'int64'),
                    tf.constant(values, dtype=dtype),
                    tf.constant(shape, 'int64')]
        return convert_sparse

    dtype = placeholder.dtype
    np_dtype = dtype.as_numpy_dtype
    shape = placeholder.shape
    rank = shape.rank
    dims = shape.as_list() if rank is not None else None
    where = ('input #%d (%r)' % (index, name) if index >= 0
             else 'feed_dict entry %r' % name)

    def check(value_shape):
        if rank is None:
            return
        ok = len(value_shape) == rank and all(
            d is None or d == v for d, v in zip(dims, value_shape))
        if not ok:
            raise ValueError('K.function%s: %s expects shape %s, got an '
                             'array of shape %s.'
                             % (label, where, _fmt_shape(dims),
                                tuple(value_shape)))

    def convert(value):
        if isinstance(value, (tf.Tensor, tf.Variable)):
            if value.dtype != dtype:
                value = tf.cast(value, dtype)
            check(tuple(value.shape.as_list()))
            return [value]
        try:
            array = np.asarray(value, dtype=np_dtype)
        except (TypeError, ValueError) as e:
            raise ValueError('K.function%s: %s of dtype %s cannot take %r: %s'
                             % (label, where, dtype.name, type(value), e))
        check(array.shape)
        return [tf.constant(array)]
    return convert


def _fmt_shape(dims):
    return '(' + ', '.join('None' if d is None else str(d)
                           for d in dims) + (',)' if len(dims) == 1 else ')')


def function(inputs, outputs, updates=None, **kwargs):
    """Compiles a function from symbolic inputs to outputs.

    # Arguments
        inputs: a list of placeholders (or other symbolic tensors) to feed;
            `K.learning_phase()` may be one of them.
        outputs: a list of tensors to compute.
        updates: a list of updates (`K.update*` results or
            `(variable, new_value)` pairs), applied after the outputs are
            computed.
        **kwargs: `name`; `fetches`, `feed_dict`, `options` and
            `run_metadata` as in Keras 2.2 (see `Function`).

    # Returns
        A `Function`: call it with a list of values, one per input, to get a
        list of NumPy arrays, one per output.

    # Raises
        ValueError: for an unknown keyword argument or an input that is not
            symbolic.

    # Example
    ```python
        x = K.placeholder(shape=(None, 3))
        f = K.function([x, K.learning_phase()], [K.dropout(x, 0.5)])
        f([np.ones((2, 3)), 1])
    ```
    """
    return Function(inputs, outputs, updates=updates, **kwargs)


def gradients(loss, variables):
    """Returns the gradients of `loss` w.r.t. `variables`.

    As in Keras 2.2, a non-scalar `loss` is summed first (so
    `K.gradients(model.output[:, k], model.input)` gives per-sample
    gradients of output `k`).

    # Arguments
        loss: Scalar tensor to minimize, symbolic.
        variables: List of variables or symbolic tensors (or a single one).

    # Returns
        A list of symbolic gradient tensors, `None` where `loss` does not
        depend on the variable.

    # Raises
        ValueError: if `loss` is not a symbolic tensor of the Keras graph.
    """
    if not is_symbolic(loss):
        raise ValueError('K.gradients: `loss` must be a symbolic tensor (a '
                         'layer output or K ops on placeholders), got %s. '
                         'For eager tensors use tf.GradientTape.'
                         % type(loss).__name__)
    if not isinstance(variables, (list, tuple)):
        variables = [variables]
    for i, v in enumerate(variables):
        if not (isinstance(v, tf.Variable) or is_symbolic(v)):
            raise ValueError('K.gradients: `variables[%d]` must be a variable '
                             'or a symbolic tensor, got %s.'
                             % (i, type(v).__name__))
    with loss.graph.as_default():
        return tf.gradients(loss, list(variables))


def stop_gradient(variables):
    """Makes gradients ignore the given tensors' dependencies.

    # Arguments
        variables: a tensor or a list of tensors.

    # Returns
        The same values (one tensor or a list), with zero gradient with
        respect to anything they were computed from.
    """
    if isinstance(variables, (list, tuple)):
        return [stop_gradient(v) for v in variables]
    graph = graph_lib._graph_of([variables])
    if graph is None:
        return tf.stop_gradient(variables)
    with graph.as_default():
        return tf.stop_gradient(variables)
