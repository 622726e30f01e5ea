"""Recurrence and higher-order functions: `rnn`, `map_fn`, `foldl`, `foldr`.

`K.rnn` runs a step function over the time axis with a `tf.while_loop`
(or a Python loop when unrolled). Inside the Keras graph the loop is part
of the graph, so `K.gradients` and `K.function` see through it; given eager
tensors it runs at once.
"""
import numpy as np
import tensorflow as tf

from .graph import symbolic
from .tensors import _to_tensor, _rank, _static_dims, _dims, _shape_str

__all__ = ['rnn', 'map_fn', 'foldl', 'foldr']


def _as_list(value):
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _time_major(x, rank):
    return tf.transpose(x, [1, 0] + list(range(2, rank)))


def _prepare_mask(mask, inputs):
    """The mask as booleans of shape (time, samples)."""
    mask = _to_tensor(mask)
    rank = _rank(mask)
    if rank is None or rank < 2:
        raise ValueError('K.rnn: `mask` must have shape (samples, time), got '
                         '%s.' % _shape_str(mask))
    if rank > 2:
        extra = _static_dims(mask)[2:]
        if any(d != 1 for d in extra):
            raise ValueError('K.rnn: `mask` must have shape (samples, time) '
                             '(trailing axes of length 1 are allowed), got '
                             '%s.' % _shape_str(mask))
        mask = tf.reshape(mask, _dims(mask)[:2])
    if mask.dtype != tf.bool:
        mask = tf.cast(mask, tf.bool)
    return tf.transpose(mask, [1, 0])


def _select(mask_t, new, old):
    """`new` for the samples whose mask is on, `old` for the others."""
    rank = _rank(new)
    if rank is not None and rank > 1:
        mask_t = tf.reshape(mask_t, [-1] + [1] * (rank - 1))
    return tf.where(mask_t, new, old)


def _call_step(step_function, x_t, states, constants):
    output, new_states = step_function(x_t, list(states) + list(constants))
    new_states = _as_list(new_states)
    if len(new_states) != len(states):
        raise ValueError('K.rnn: the step function returned %d state(s) but '
                         'got %d initial state(s).'
                         % (len(new_states), len(states)))
    return output, new_states


def _as_state(value, dtype):
    if isinstance(value, (tf.Tensor, tf.Variable)):
        return value
    value = np.asarray(value)
    if value.dtype.kind == 'f' and dtype.is_floating:
        return tf.constant(value, dtype=dtype)
    return tf.convert_to_tensor(value)


@symbolic
def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None,
        constants=None, unroll=False, input_length=None):
    """Iterates a step function over the time axis of a batch of sequences.

    # Arguments
        step_function: a function `(input_t, states) -> (output_t,
            new_states)`. `input_t` is one time step, `(samples, ...)`;
            `states` is the list of current states followed by the
            `constants`; `new_states` must hold as many tensors as the
            initial states, of the same shapes.
        inputs: a tensor `(samples, time, ...)`, at least 3-D.
        initial_states: the list of states at the first step, each
            `(samples, ...)`.
        go_backwards: whether to run from the last step to the first (the
            outputs then come in that reversed order).
        mask: `None`, or a tensor `(samples, time)` (booleans or 0/1). At a
            masked step a sample keeps its previous output (zeros before
            its first step) and its previous states.
        constants: a list of tensors handed to every step after the states.
        unroll: whether to build one copy of the step per time step instead
            of a loop (needs a known number of steps).
        input_length: the number of time steps, when `unroll` needs it and
            the static shape of `inputs` does not tell (else unused).

    # Returns
        A tuple `(last_output, outputs, new_states)`: the output of the last
        step `(samples, ...)`, all outputs `(samples, time, ...)`, and the
        list of final states.

    # Raises
        ValueError: if `inputs` has fewer than 3 axes, if `unroll` is
            requested with an unknown number of time steps, for a mask of
            the wrong shape, or if the step function returns the wrong
            number of states.
    """
    inputs = _to_tensor(inputs)
    rank = _rank(inputs)
    if rank is None or rank < 3:
        raise ValueError('K.rnn: `inputs` must be at least 3-D (samples, '
                         'time, ...), got shape %s.' % _shape_str(inputs))
    states = [_as_state(s, inputs.dtype) for s in _as_list(initial_states)]
    constants = _as_list(constants) if constants is not None else []
    steps = _static_dims(inputs)[1]
    if steps is None and unroll and input_length is not None:
        steps = int(input_length)
        inputs = tf.ensure_shape(inputs, [None, steps] + [None] * (rank - 2))
    if unroll and steps is None:
        raise ValueError('K.rnn: unroll=True needs a known number of time '
                         'steps, but `inputs` has shape %s; give '
                         '`input_length` or a static shape.'
                         % _shape_str(inputs))
    xs = _time_major(inputs, rank)
    masks = None if mask is None else _prepare_mask(mask, inputs)
    if go_backwards:
        xs = tf.reverse(xs, [0])
        if masks is not None:
            masks = tf.reverse(masks, [0])
    run = _unrolled if unroll else _looped
    last_output, outputs, new_states, uses_learning_phase = run(
        step_function, xs, states, constants, masks, steps)
    batch = _static_dims(inputs)[0]
    outputs = tf.transpose(outputs, [1, 0] + list(range(2, _rank(outputs))))
    outputs.set_shape([batch, steps] + _static_dims(last_output)[1:])
    if uses_learning_phase:
        for t in [last_output, outputs]:
            t._uses_learning_phase = True
    return last_output, outputs, new_states


def _unrolled(step_function, xs, states, constants, masks, steps):
    outputs = []
    inputs_t = tf.unstack(xs, num=steps)
    masks_t = tf.unstack(masks, num=steps) if masks is not None else None
    previous = None
    for t in range(steps):
        output, new_states = _call_step(step_function, inputs_t[t], states,
                                        constants)
        if masks_t is not None:
            if previous is None:
                previous = tf.zeros_like(output)
            output = _select(masks_t[t], output, previous)
            new_states = [_select(masks_t[t], new, old)
                          for new, old in zip(new_states, states)]
        outputs.append(output)
        states = new_states
        previous = output
    uses = any(getattr(o, '_uses_learning_phase', False) for o in outputs)
    return outputs[-1], tf.stack(outputs), states, uses


def _looped(step_function, xs, states, constants, masks, steps):
    # One call outside the loop tells the outputs' dtype and shape (and
    # whether the step depends on the learning phase); unused otherwise.
    probe, _ = _call_step(step_function, xs[0], states, constants)
    uses = getattr(probe, '_uses_learning_phase', False)
    n_steps = tf.shape(xs)[0]
    input_ta = tf.TensorArray(xs.dtype, size=n_steps,
                              element_shape=xs.shape[1:]).unstack(xs)
    mask_ta = None
    if masks is not None:
        mask_ta = tf.TensorArray(tf.bool, size=n_steps,
                                 element_shape=masks.shape[1:]).unstack(masks)
    output_ta = tf.TensorArray(probe.dtype, size=n_steps,
                               element_shape=probe.shape)
    state_shapes = [s.shape for s in states]

    def body(t, output_ta, previous, *states):
        output, new_states = _call_step(step_function, input_ta.read(t),
                                        states, constants)
        for new, shape in zip(new_states, state_shapes):
            if not new.shape.is_compatible_with(shape):
                raise ValueError('K.rnn: the step function changed a '
                                 'state\'s shape from %s to %s.'
                                 % (shape, new.shape))
            new.set_shape(shape)
        if mask_ta is not None:
            mask_t = mask_ta.read(t)
            output = _select(mask_t, output, previous)
            new_states = [_select(mask_t, new, old)
                          for new, old in zip(new_states, states)]
        output.set_shape(probe.shape)
        return (t + 1, output_ta.write(t, output), output) + tuple(new_states)

    results = tf.while_loop(
        lambda t, *_: t < n_steps, body,
        (tf.constant(0), output_ta, _zeros_for(probe, tf.shape(xs)[1]))
        + tuple(states),
        maximum_iterations=n_steps)
    last_output = results[2]
    outputs = results[1].stack()
    return last_output, outputs, list(results[3:]), uses


def _zeros_for(probe, batch):
    """Zeros shaped like the step output, built without running the probe
    step when the output's static shape (beyond the batch) is known."""
    dims = _static_dims(probe)
    if _rank(probe) is None or any(d is None for d in dims[1:]):
        return tf.zeros_like(probe)
    return tf.zeros([batch] + dims[1:], dtype=probe.dtype)


@symbolic
def map_fn(fn, elems, name=None, dtype=None):
    """Applies a function to every element along the first axis of a tensor.

    # Arguments
        fn: a function of one element.
        elems: a tensor (or a nested structure of tensors) to split along
            axis 0.
        name: an optional name.
        dtype: the output dtype, when it differs from that of `elems`.

    # Returns
        A tensor stacking the results along axis 0.

    # Example
    ```python
        >>> K.eval(K.map_fn(lambda row: K.sum(row), np.ones((3, 2))))
        array([2., 2., 2.])
    ```
    """
    kwargs = {}
    if dtype is not None:
        kwargs['fn_output_signature'] = tf.as_dtype(dtype)
    return tf.map_fn(fn, elems, name=name, **kwargs)


@symbolic
def foldl(fn, elems, initializer=None, name=None):
    """Reduces a tensor along its first axis from left to right.

    # Arguments
        fn: a function `(accumulator, element) -> new accumulator`.
        elems: a tensor, split along axis 0.
        initializer: the first accumulator (default: `elems[0]`, the
            reduction then starting at `elems[1]`).
        name: an optional name.

    # Returns
        The final accumulator.

    # Example
    ```python
        >>> K.eval(K.foldl(lambda acc, x: acc * 10 + x, np.array([1, 2, 3])))
        123
    ```
    """
    return tf.foldl(fn, elems, initializer=initializer, name=name)


@symbolic
def foldr(fn, elems, initializer=None, name=None):
    """Reduces a tensor along its first axis from right to left.

    # Arguments
        fn: a function `(accumulator, element) -> new accumulator`.
        elems: a tensor, split along axis 0.
        initializer: the first accumulator (default: `elems[-1]`, the
            reduction then starting at `elems[-2]`).
        name: an optional name.

    # Returns
        The final accumulator.

    # Example
    ```python
        >>> K.eval(K.foldr(lambda acc, x: acc * 10 + x, np.array([1, 2, 3])))
        321
    ```
    """
    return tf.foldr(fn, elems, initializer=initializer, name=name)

