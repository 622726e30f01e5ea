"""Metrics: quantities reported (not optimised) during training.

A metric is called like a loss, `metric(y_true, y_pred)`, and returns a
value per sample (or one value for the batch); `fit` and `evaluate` average
it over the batches. Every loss function can be used as a metric, so they
are all importable from here too. The names `'acc'` and `'accuracy'` are
resolved by `Model.compile`, which picks the accuracy that fits the loss.
"""
from . import backend as K
from . import _identifiers
from .losses import (  # noqa: F401
    mean_squared_error, mean_absolute_error, mean_absolute_percentage_error,
    mean_squared_logarithmic_error, squared_hinge, hinge, logcosh,
    categorical_crossentropy, sparse_categorical_crossentropy,
    binary_crossentropy, kullback_leibler_divergence, poisson,
    cosine_proximity)


def _as_float(x):
    return K.cast(x, K.floatx())


def binary_accuracy(y_true, y_pred):
    """How often the rounded prediction equals the binary target.

    # Arguments
        y_true: targets, 0 or 1.
        y_pred: predicted probabilities, same shape.

    # Returns
        The fraction of matches over the last axis, per sample.
    """
    return K.mean(_as_float(K.equal(_as_float(y_true),
                                    K.round(_as_float(y_pred)))), axis=-1)


def categorical_accuracy(y_true, y_pred):
    """Whether the most probable class is the target class.

    # Arguments
        y_true: one-hot targets.
        y_pred: predicted probabilities, same shape.

    # Returns
        1.0 or 0.0 per sample.
    """
    return _as_float(K.equal(K.argmax(y_true, axis=-1),
                             K.argmax(y_pred, axis=-1)))


def sparse_categorical_accuracy(y_true, y_pred):
    """Whether the most probable class is the integer target.

    # Arguments
        y_true: class indices, shaped like `y_pred` without its last axis
            or with a last axis of size 1.
        y_pred: predicted probabilities along the last axis.

    # Returns
        1.0 or 0.0 per sample (per time step for sequences).
    """
    if K.ndim(y_true) == K.ndim(y_pred):
        y_true = K.squeeze(y_true, -1)
    labels = _as_float(K.argmax(y_pred, axis=-1))
    return _as_float(K.equal(_as_float(y_true), labels))


def top_k_categorical_accuracy(y_true, y_pred, k=5):
    """How often the target class is among the `k` most probable ones.

    # Arguments
        y_true: one-hot targets, shape `(samples, classes)`.
        y_pred: predicted probabilities, same shape.
        k: how many of the top classes count as a hit.

    # Returns
        The fraction of hits over the batch (a scalar, as in Keras 2.2).
    """
    return K.mean(_as_float(K.in_top_k(y_pred, K.argmax(y_true, axis=-1),
                                       k)), axis=-1)


def sparse_top_k_categorical_accuracy(y_true, y_pred, k=5):
    """How often the integer target is among the `k` most probable classes.

    # Arguments
        y_true: class indices, shape `(samples,)` or `(samples, 1)`.
        y_pred: predicted probabilities, shape `(samples, classes)`.
        k: how many of the top classes count as a hit.

    # Returns
        The fraction of hits over the batch (a scalar, as in Keras 2.2).
    """
    targets = K.cast(K.flatten(y_true), 'int32')
    return K.mean(_as_float(K.in_top_k(y_pred, targets, k)), axis=-1)


# Short names Keras 2.2 also accepted.
mse = MSE = mean_squared_error
mae = MAE = mean_absolute_error
mape = MAPE = mean_absolute_percentage_error
msle = MSLE = mean_squared_logarithmic_error
cosine = cosine_proximity

_METRIC_NAMES = [
    'binary_accuracy', 'categorical_accuracy', 'sparse_categorical_accuracy',
    'top_k_categorical_accuracy', 'sparse_top_k_categorical_accuracy',
    'mean_squared_error', 'mean_absolute_error',
    'mean_absolute_percentage_error', 'mean_squared_logarithmic_error',
    'squared_hinge', 'hinge', 'logcosh', 'categorical_crossentropy',
    'sparse_categorical_crossentropy', 'binary_crossentropy',
    'kullback_leibler_divergence', 'poisson', 'cosine_proximity', 'mse',
    'MSE', 'mae', 'MAE', 'mape', 'MAPE', 'msle', 'MSLE', 'cosine']

_OBJECTS = _identifiers.public_objects(globals(), _METRIC_NAMES)

__all__ = _METRIC_NAMES + ['serialize', 'deserialize', 'get']


def serialize(metric):
    """The name under which a metric function is saved.

    # Arguments
        metric: a metric function (or an object with `get_config`).

    # Returns
        The function's name.
    """
    return _identifiers.serialize(metric)


def deserialize(config, custom_objects=None):
    """The metric function of a given name.

    # Arguments
        config: the name (or a config dict of a metric object).
        custom_objects: optional dict of user metrics, searched first.

    # Returns
        The function.

    # Raises
        ValueError: `Unknown metric function: <name>`.
    """
    return _identifiers.deserialize(config, _OBJECTS, 'metric function',
                                    custom_objects)


def get(identifier):
    """Turns a name, a config dict or a callable into a metric function.

    # Arguments
        identifier: a name (`'mae'`, `'top_k_categorical_accuracy'`, ...),
            a config dict, or a callable `metric(y_true, y_pred)`.

    # Returns
        The metric function.

    # Raises
        ValueError: for an unknown name or anything else. (Keras 2.2
            mishandled dicts; here they are deserialized.)
    """
    return _identifiers.get(identifier, _OBJECTS, 'metric function')
