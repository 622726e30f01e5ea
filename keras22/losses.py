"""Loss functions: what training minimises.

Each function takes the targets `y_true` and the predictions `y_pred` (same
shape, except for the sparse losses) and returns one loss per sample: the
last axis is averaged (or summed, for the probability-based losses), the
others are kept. The model then weights and averages them.
"""
import numpy as np

from . import backend as K
from . import _identifiers


def mean_squared_error(y_true, y_pred):
    """Mean of the squared differences over the last axis.

    # Arguments
        y_true: targets.
        y_pred: predictions, same shape.

    # Returns
        A tensor with the last axis removed.
    """
    return K.mean(K.square(y_pred - y_true), axis=-1)


def mean_absolute_error(y_true, y_pred):
    """Mean of the absolute differences over the last axis.

    # Arguments
        y_true: targets.
        y_pred: predictions, same shape.

    # Returns
        A tensor with the last axis removed.
    """
    return K.mean(K.abs(y_pred - y_true), axis=-1)


def mean_absolute_percentage_error(y_true, y_pred):
    """Mean absolute difference relative to the target, in percent.

    Targets closer to zero than `K.epsilon()` count as `K.epsilon()`.

    # Arguments
        y_true: targets.
        y_pred: predictions, same shape.

    # Returns
        A tensor with the last axis removed.
    """
    ratio = K.abs((y_true - y_pred) /
                  K.clip(K.abs(y_true), K.epsilon(), None))
    return 100. * K.mean(ratio, axis=-1)


def mean_squared_logarithmic_error(y_true, y_pred):
    """Mean squared difference of `log(1 + y)` over the last axis.

    Values below `K.epsilon()` count as `K.epsilon()`.

    # Arguments
        y_true: targets.
        y_pred: predictions, same shape.

    # Returns
        A tensor with the last axis removed.
    """
    log_pred = K.log(K.clip(y_pred, K.epsilon(), None) + 1.)
    log_true = K.log(K.clip(y_true, K.epsilon(), None) + 1.)
    return K.mean(K.square(log_pred - log_true), axis=-1)


def squared_hinge(y_true, y_pred):
    """Mean of `max(1 - y_true * y_pred, 0) ** 2` over the last axis.

    # Arguments
        y_true: targets, -1 or 1.
        y_pred: predictions, same shape.

    # Returns
        A tensor with the last axis removed.
    """
    return K.mean(K.square(K.maximum(1. - y_true * y_pred, 0.)), axis=-1)


def hinge(y_true, y_pred):
    """Mean of `max(1 - y_true * y_pred, 0)` over the last axis.

    # Arguments
        y_true: targets, -1 or 1.
        y_pred: predictions, same shape.

    # Returns
        A tensor with the last axis removed.
    """
    return K.mean(K.maximum(1. - y_true * y_pred, 0.), axis=-1)


def categorical_hinge(y_true, y_pred):
    """Multi-class hinge: `max(0, 1 + best wrong score - true score)`.

    # Arguments
        y_true: one-hot targets.
        y_pred: scores, same shape.

    # Returns
        A tensor with the last axis removed.
    """
    positive = K.sum(y_true * y_pred, axis=-1)
    negative = K.max((1. - y_true) * y_pred, axis=-1)
    return K.maximum(0., negative - positive + 1.)


def logcosh(y_true, y_pred):
    """Mean of `log(cosh(y_pred - y_true))` over the last axis.

    Close to `x ** 2 / 2` for small errors and to `abs(x) - log(2)` for
    large ones, so it behaves like the squared error without being as
    sensitive to outliers. Computed as `x + softplus(-2 x) - log(2)`, which
    does not overflow for large `x`.

    # Arguments
        y_true: targets.
        y_pred: predictions, same shape.

    # Returns
        A tensor with the last axis removed.
    """
    x = y_pred - y_true
    return K.mean(x + K.softplus(-2. * x) - np.log(2.), axis=-1)


def categorical_crossentropy(y_true, y_pred):
    """Cross-entropy between one-hot (or soft) targets and probabilities.

    # Arguments
        y_true: targets, distributions along the last axis.
        y_pred: predicted probabilities (e.g. softmax outputs), same shape.

    # Returns
        A tensor with the last axis removed.
    """
    return K.categorical_crossentropy(y_true, y_pred)


def sparse_categorical_crossentropy(y_true, y_pred):
    """Cross-entropy between integer class targets and probabilities.

    # Arguments
        y_true: class indices, of the shape of `y_pred` without its last
            axis, or with a last axis of size 1.
        y_pred: predicted probabilities along the last axis.

    # Returns
        A tensor with the last axis removed.
    """
    return K.sparse_categorical_crossentropy(y_true, y_pred)


def binary_crossentropy(y_true, y_pred):
    """Binary cross-entropy, averaged over the last axis.

    # Arguments
        y_true: targets, 0 or 1 (or probabilities).
        y_pred: predicted probabilities (e.g. sigmoid outputs), same shape.

    # Returns
        A tensor with the last axis removed.
    """
    return K.mean(K.binary_crossentropy(y_true, y_pred), axis=-1)


def kullback_leibler_divergence(y_true, y_pred):
    """Kullback-Leibler divergence of `y_pred` from `y_true`.

    Both are clipped to `[K.epsilon(), 1]` so the logarithm stays finite.

    # Arguments
        y_true: target distributions along the last axis.
        y_pred: predicted distributions, same shape.

    # Returns
        A tensor with the last axis removed.
    """
    y_true = K.clip(y_true, K.epsilon(), 1)
    y_pred = K.clip(y_pred, K.epsilon(), 1)
    return K.sum(y_true * K.log(y_true / y_pred), axis=-1)


def poisson(y_true, y_pred):
    """Poisson loss: mean of `y_pred - y_true * log(y_pred + epsilon)`.

    # Arguments
        y_true: targets (counts).
        y_pred: predicted rates, same shape.

    # Returns
        A tensor with the last axis removed.
    """
    return K.mean(y_pred - y_true * K.log(y_pred + K.epsilon()), axis=-1)


def cosine_proximity(y_true, y_pred):
    """The opposite of the cosine similarity along the last axis.

    -1 when the vectors point the same way, so minimising it aligns them.

    # Arguments
        y_true: target vectors.
        y_pred: predicted vectors, same shape.

    # Returns
        A tensor with the last axis removed.
    """
    y_true = K.l2_normalize(y_true, axis=-1)
    y_pred = K.l2_normalize(y_pred, axis=-1)
    return -K.sum(y_true * y_pred, axis=-1)


# Short names Keras 2.2 also accepted.
mse = MSE = mean_squared_error
mae = MAE = mean_absolute_error
mape = MAPE = mean_absolute_percentage_error
msle = MSLE = mean_squared_logarithmic_error
kld = KLD = kullback_leibler_divergence
cosine = cosine_proximity

_LOSS_NAMES = [
    'mean_squared_error', 'mean_absolute_error',
    'mean_absolute_percentage_error', 'mean_squared_logarithmic_error',
    'squared_hinge', 'hinge', 'categorical_hinge', 'logcosh',
    'categorical_crossentropy', 'sparse_categorical_crossentropy',
    'binary_crossentropy', 'kullback_leibler_divergence', 'poisson',
    'cosine_proximity', 'mse', 'MSE', 'mae', 'MAE', 'mape', 'MAPE', 'msle',
    'MSLE', 'kld', 'KLD', 'cosine']

_OBJECTS = _identifiers.public_objects(globals(), _LOSS_NAMES)

__all__ = _LOSS_NAMES + ['serialize', 'deserialize', 'get']


def serialize(loss):
    """The name under which a loss function is saved.

    # Arguments
        loss: a loss function (or an object with `get_config`).

    # Returns
        The function's name (`serialize(mse)` is `'mean_squared_error'`).
    """
    return _identifiers.serialize(loss)


def deserialize(name, custom_objects=None):
    """The loss function of a given name.

    # Arguments
        name: the name, e.g. `'mse'` (or a config dict of a loss object).
        custom_objects: optional dict of user losses, searched first.

    # Returns
        The function.

    # Raises
        ValueError: `Unknown loss function: <name>`.
    """
    return _identifiers.deserialize(name, _OBJECTS, 'loss function',
                                    custom_objects)


def get(identifier):
    """Turns what `compile(loss=...)` was given into a loss function.

    # Arguments
        identifier: `None`, a name, a config dict, or a callable
            `loss(y_true, y_pred)`.

    # Returns
        The loss function, or `None` for `None`.

    # Raises
        ValueError: for an unknown name or anything else.

    # Example
    ```python
        >>> losses.get('mse') is losses.mean_squared_error
        True
    ```
    """
    if identifier is None:
        return None
    return _identifiers.get(identifier, _OBJECTS, 'loss function')
