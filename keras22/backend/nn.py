"""Neural-network operations: activations, dropout, crossentropies, biases
and batch normalization."""
import builtins

import numpy as np
import tensorflow as tf

from .common import epsilon, floatx, normalize_data_format
from .graph import symbolic
from .tensors import (_to_tensor, _rank, _static_dims, _dims, _shape_str,
                      _normalize_axis)
from .variables import _random_seed

__all__ = [
    'relu', 'elu', 'softmax', 'softplus', 'softsign', 'sigmoid',
    'hard_sigmoid', 'tanh', 'dropout', 'categorical_crossentropy',
    'sparse_categorical_crossentropy', 'binary_crossentropy', 'bias_add',
    'batch_normalization', 'normalize_batch_in_training',
]


def _const(value, like):
    return tf.constant(value, dtype=like.dtype.base_dtype)


# --------------------------------------------------------------------------
# Activations.

@symbolic
def relu(x, alpha=0., max_value=None, threshold=0.):
    """Rectified linear unit, with optional leak, ceiling and threshold.

    Values above `threshold` pass (up to `max_value`); values at or below
    it become `alpha * (x - threshold)`. With `max_value`, results are
    limited to `[0, max_value]` before the leak is added, as in Keras 2.2.4.

    # Arguments
        x: a tensor, variable or array.
        alpha: the slope below the threshold.
        max_value: the largest value returned (None: no limit).
        threshold: where the unit switches on.

    # Returns
        A tensor.

    # Example
    ```python
        >>> K.eval(K.relu(np.array([-2., 1., 8.]), alpha=.5, max_value=6.))
        array([-1.,  1.,  6.])
    ```
    """
    x = _to_tensor(x)
    if not x.dtype.is_floating:
        x = tf.cast(x, floatx())
    below = None
    if alpha != 0.:
        below = tf.nn.relu(_const(threshold, x) - x) if threshold != 0. \
            else tf.nn.relu(-x)
    if threshold != 0.:
        y = x * tf.cast(x > _const(threshold, x), x.dtype)
    else:
        y = tf.nn.relu(x)
    if max_value is not None:
        y = tf.clip_by_value(y, _const(0., x), _const(max_value, x))
    if below is not None:
        y = y - _const(alpha, x) * below
    return y


@symbolic
def elu(x, alpha=1.):
    """Exponential linear unit: `x` above zero, `alpha * (exp(x) - 1)`
    below.

    # Arguments
        x: a tensor, variable or array.
        alpha: the scale of the negative part.

    # Returns
        A tensor.
    """
    x = _to_tensor(x)
    y = tf.nn.elu(x)
    if alpha == 1:
        return y
    return tf.where(x > 0, y, _const(alpha, y) * y)


@symbolic
def softmax(x, axis=-1):
    """Softmax along an axis: exponentials divided by their sum.

    # Arguments
        x: a tensor, variable or array.
        axis: the axis that sums to one.

    # Returns
        A tensor of the shape of `x`.
    """
    return tf.nn.softmax(x, axis=axis)


@symbolic
def softplus(x):
    """Softplus: `log(exp(x) + 1)`.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    return tf.nn.softplus(x)


@symbolic
def softsign(x):
    """Softsign: `x / (abs(x) + 1)`.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    return tf.nn.softsign(x)


@symbolic
def sigmoid(x):
    """Logistic sigmoid: `1 / (1 + exp(-x))`.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    return tf.sigmoid(x)


@symbolic
def hard_sigmoid(x):
    """Piecewise-linear sigmoid: `clip(0.2 * x + 0.5, 0, 1)`.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    x = _to_tensor(x)
    y = _const(0.2, x) * x + _const(0.5, x)
    return tf.clip_by_value(y, _const(0., x), _const(1., x))


@symbolic
def tanh(x):
    """Hyperbolic tangent.

    # Arguments
        x: a tensor, variable or array.

    # Returns
        A tensor.
    """
    return tf.tanh(x)


# --------------------------------------------------------------------------
# Dropout.

@symbolic
def dropout(x, level, noise_shape=None, seed=None):
    """Zeroes random entries and scales up the others.

    Each entry is dropped with probability `level`; kept ones are divided
    by `1 - level`, so the expected sum is unchanged. This happens whenever
    the result is computed, whatever the learning phase: combine with
    `K.in_train_phase` to drop in training only.

    # Arguments
        x: a tensor.
        level: the fraction dropped, in `[0, 1)`.
        noise_shape: the shape of the random mask, broadcast against `x`
            (e.g. `(batch, 1, features)` drops whole features over time);
            `None` entries take the size of `x`.
        seed: an integer seed.

    # Returns
        A tensor of the shape of `x`.

    # Raises
        ValueError: if `level` is outside `[0, 1)`.
    """
    if isinstance(level, (int, float, np.number)) and not 0. <= level < 1.:
        raise ValueError('K.dropout: `level` must be in [0, 1), got %r.'
                         % (level,))
    x = _to_tensor(x)
    if noise_shape is not None:
        noise_shape = _fill_noise_shape(x, noise_shape)
    seed = _random_seed(seed)
    if tf.executing_eagerly():
        # the same seed gives the same mask, as a new op did in Keras 2.2
        return tf.nn.experimental.stateless_dropout(
            x * _const(1., x), rate=level, seed=[int(seed), 0],
            noise_shape=noise_shape)
    return tf.nn.dropout(x * _const(1., x), rate=level,
                         noise_shape=noise_shape, seed=seed)


def _fill_noise_shape(x, noise_shape):
    if not isinstance(noise_shape, (list, tuple)):
        return noise_shape
    if builtins.all(d is not None for d in noise_shape):
        return list(noise_shape)
    dims = _dims(x)
    return [dims[i] if d is None else d for i, d in enumerate(noise_shape)]


# --------------------------------------------------------------------------
# Crossentropies.

def _check_class_axis(fn_name, output, axis):
    rank = _rank(output)
    if rank is not None and not -rank <= axis < rank:
        raise ValueError('K.%s: `axis`=%d is not an axis of `output` (shape '
                         '%s).' % (fn_name, axis, _shape_str(output)))


@symbolic
def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """Crossentropy between one-hot (or soft) targets and predicted class
    probabilities.

    Unless `from_logits`, `output` is first divided by its sum along `axis`
    and clipped to `[epsilon, 1 - epsilon]`.

    # Arguments
        target: a tensor of the shape of `output`.
        output: probabilities (a softmax output), or logits if
            `from_logits`.
        from_logits: whether `output` holds logits.
        axis: the classes axis.

    # Returns
        A tensor: `output` without `axis`.

    # Raises
        ValueError: if `axis` is not an axis of `output`.
    """
    output = _to_tensor(output)
    target = _to_tensor(target, output.dtype.base_dtype)
    _check_class_axis('categorical_crossentropy', output, axis)
    if from_logits:
        # Keras 2.2 used TensorFlow 1's op, which did not differentiate
        # with respect to the targets.
        return tf.nn.softmax_cross_entropy_with_logits(
            labels=tf.stop_gradient(target), logits=output, axis=axis)
    output = output / tf.reduce_sum(output, axis, keepdims=True)
    eps = _const(epsilon(), output)
    output = tf.clip_by_value(output, eps, 1. - eps)
    return -tf.reduce_sum(target * tf.math.log(output), axis)


@symbolic
def sparse_categorical_crossentropy(target, output, from_logits=False,
                                    axis=-1):
    """Crossentropy between integer class targets and predicted class
    probabilities.

    # Arguments
        target: integer class indices (any numeric dtype), with the shape of
            `output` without its classes axis, optionally followed by an
            axis of length 1.
        output: probabilities, or logits if `from_logits`; its classes axis
            is `axis`.
        from_logits: whether `output` holds logits.
        axis: the classes axis of `output`.

    # Returns
        A tensor shaped like `output` without its classes axis.

    # Raises
        ValueError: if `axis` is not an axis of `output`.
    """
    output = _to_tensor(output)
    target = _to_tensor(target)
    _check_class_axis('sparse_categorical_crossentropy', output, axis)
    rank = _rank(output)
    if rank is not None:
        axis = axis % rank
        if axis != rank - 1:
            perm = [i for i in range(rank) if i != axis] + [axis]
            output = tf.transpose(output, perm)
    if not from_logits:
        eps = _const(epsilon(), output)
        output = tf.math.log(tf.clip_by_value(output, eps, 1. - eps))
    out_dims = _dims(output)
    classes = out_dims[-1]
    labels = tf.cast(tf.reshape(target, [-1]), 'int64')
    logits = tf.reshape(output, tf.stack([-1, classes]))
    losses = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels,
                                                            logits=logits)
    if rank is not None and rank >= 3:
        losses = tf.reshape(losses, tf.stack(out_dims[:-1]))
        losses.set_shape(_static_dims(output)[:-1])
    elif rank == 2:
        losses.set_shape(_static_dims(output)[:1])
    return losses


@symbolic
def binary_crossentropy(target, output, from_logits=False):
    """Crossentropy of independent yes/no predictions, elementwise.

    Unless `from_logits`, `output` is clipped to `[epsilon, 1 - epsilon]`
    and turned into logits.

    # Arguments
        target: a tensor of 0/1 (or soft) targets, shaped like `output`.
        output: probabilities (a sigmoid output), or logits if
            `from_logits`.
        from_logits: whether `output` holds logits.

    # Returns
        A tensor of the shape of `output`.
    """
    output = _to_tensor(output)
    target = _to_tensor(target, output.dtype.base_dtype)
    if not from_logits:
        eps = _const(epsilon(), output)
        output = tf.clip_by_value(output, eps, 1. - eps)
        output = tf.math.log(output / (1. - output))
    return tf.nn.sigmoid_cross_entropy_with_logits(labels=target,
                                                   logits=output)


# --------------------------------------------------------------------------
# Biases and normalization.

@symbolic
def bias_add(x, bias, data_format=None):
    """Adds a bias to a tensor.

    # Arguments
        x: a tensor of rank 2 to 5.
        bias: a vector with one value per channel, or a tensor with one
            value per position and channel, shaped `x.shape[1:]` in
            channels-last order.
        data_format: where the channels of a 3-D to 5-D `x` are:
            `'channels_last'` or `'channels_first'` (default:
            `image_data_format()`).

    # Returns
        A tensor of the shape of `x`.

    # Raises
        ValueError: for a bad `data_format`, or a bias of the wrong rank.

    A full (non-vector) bias with `channels_first` is rearranged with a
    reshape, not a transpose, exactly as Keras 2.2 did, so that weights
    trained there give the same results here.
    """
    data_format = normalize_data_format(data_format)
    x = _to_tensor(x)
    bias = _to_tensor(bias)
    rank = _rank(x)
    bias_shape = tuple(_static_dims(bias))
    if len(bias_shape) != 1 and (rank is None or len(bias_shape) != rank - 1):
        raise ValueError('K.bias_add: `bias` must have 1 or %s dimensions, got '
                         'shape %s.' % ('ndim(x) - 1' if rank is None
                                        else rank - 1, bias_shape))
    dims = _dims(bias)
    if rank is None or rank <= 2 or data_format == 'channels_last':
        if len(bias_shape) == 1:
            return tf.nn.bias_add(x, bias)
        return x + tf.reshape(bias, [1] + dims)
    if len(bias_shape) == 1:
        return x + tf.reshape(bias, [1, dims[0]] + [1] * (rank - 2))
    return x + tf.reshape(bias, [1, dims[-1]] + dims[:-1])


def _broadcast_stat(stat, x_rank, axis):
    """Reshapes a per-channel vector to broadcast along `axis` of `x`."""
    if stat is None:
        return None
    stat = _to_tensor(stat)
    if _rank(stat) == 1 and x_rank is not None and axis != x_rank - 1:
        shape = [1] * x_rank
        shape[axis] = -1
        stat = tf.reshape(stat, shape)
    return stat


@symbolic
def batch_normalization(x, mean, var, beta, gamma, axis=-1, epsilon=1e-3):
    """Normalizes a tensor with given statistics:
    `(x - mean) / sqrt(var + epsilon) * gamma + beta`.

    # Arguments
        x: a tensor.
        mean: the mean, a vector along `axis` or a tensor broadcasting
            against `x`.
        var: the variance, shaped like `mean`.
        beta: the offset (None: 0).
        gamma: the scale (None: 1).
        axis: the features axis the statistics run along.
        epsilon: added to the variance.

    # Returns
        A tensor of the shape of `x`.
    """
    x = _to_tensor(x)
    rank = _rank(x)
    if rank is not None:
        axis = _normalize_axis('batch_normalization', axis, rank)
    mean, var, beta, gamma = [_broadcast_stat(s, rank, axis)
                              for s in (mean, var, beta, gamma)]
    return tf.nn.batch_normalization(x, mean, var, beta, gamma, epsilon)


@symbolic
def normalize_batch_in_training(x, gamma, beta, reduction_axes,
                                epsilon=1e-3):
    """Normalizes a batch with its own mean and variance.

    # Arguments
        x: a tensor.
        gamma: the scale, one value per feature (None: 1).
        beta: the offset, one value per feature (None: 0).
        reduction_axes: the axes the statistics are computed over (every
            axis but the features axis).
        epsilon: added to the variance.

    # Returns
        A tuple `(normalized, mean, variance)`; the statistics keep only the
        axes not reduced. The variance is the population variance of the
        batch. (On 4-D inputs Keras 2.2.4 used TensorFlow's fused kernel,
        whose returned variance carried Bessel's correction; keras22 returns
        the same kind of variance at every rank.)
    """
    x = _to_tensor(x)
    reduction_axes = [int(a) for a in reduction_axes]
    rank = _rank(x)
    if rank is None:
        raise ValueError('K.normalize_batch_in_training: `x` needs a known '
                         'rank.')
    batch_mean, batch_var = tf.nn.moments(x, reduction_axes, keepdims=False)
    kept = [i for i in range(rank) if i not in
            [a % rank for a in reduction_axes]]
    if kept == [rank - 1]:
        normed = tf.nn.batch_normalization(x, batch_mean, batch_var, beta,
                                           gamma, epsilon)
        return normed, batch_mean, batch_var
    dims = _dims(x)
    target = [dims[i] if i in kept else 1 for i in range(rank)]

    def fit(t):
        return None if t is None else tf.reshape(t, tf.stack(target))
    normed = tf.nn.batch_normalization(x, fit(batch_mean), fit(batch_var),
                                       fit(beta), fit(gamma), epsilon)
    return normed, batch_mean, batch_var

