"""Activation functions: what layers apply to their outputs.

Layers take them by name (`Dense(10, activation='relu')`) or as any
callable; `get` turns both into a function.
"""
import warnings

from . import backend as K
from . import _identifiers


def softmax(x, axis=-1):
    """Softmax: exponentials normalised to sum to one along an axis.

    # Arguments
        x: a tensor of rank 2 or more.
        axis: the axis to normalise over (the last by default).

    # Returns
        A tensor of the shape of `x` whose slices along `axis` are
        probability distributions.

    # Raises
        ValueError: if `x` is one-dimensional.

    Keras 2.2.4 ignored `axis` on 2D inputs (always normalising the last
    axis); here `axis` is honoured for every rank.
    """
    ndim = K.ndim(x)
    if ndim is not None and ndim < 2:
        raise ValueError('Cannot apply softmax to a tensor that is 1D. '
                         'Received input: %s' % (x,))
    return K.softmax(x, axis=axis)


def elu(x, alpha=1.0):
    """Exponential linear unit.

    # Arguments
        x: a tensor.
        alpha: the scale of the negative part: `alpha * (exp(x) - 1)` for
            `x < 0`, `x` elsewhere.

    # Returns
        A tensor of the shape of `x`.
    """
    return K.elu(x, alpha)


def selu(x):
    """Scaled exponential linear unit (Klambauer et al., 2017).

    `scale * elu(x, alpha)` with the two constants chosen so that, with
    `lecun_normal` weights and `AlphaDropout`, activations keep zero mean and
    unit variance from layer to layer.

    # Arguments
        x: a tensor.

    # Returns
        A tensor of the shape of `x`.
    """
    alpha = 1.6732632423543772848170429916717
    scale = 1.0507009873554804934193349852946
    return scale * K.elu(x, alpha)


def softplus(x):
    """Softplus, `log(exp(x) + 1)`.

    # Arguments
        x: a tensor.

    # Returns
        A tensor of the shape of `x`.
    """
    return K.softplus(x)


def softsign(x):
    """Softsign, `x / (abs(x) + 1)`.

    # Arguments
        x: a tensor.

    # Returns
        A tensor of the shape of `x`.
    """
    return K.softsign(x)


def relu(x, alpha=0., max_value=None, threshold=0.):
    """Rectified linear unit.

    With the defaults, `max(x, 0)`. Otherwise: `x` between `threshold` and
    `max_value`, `max_value` above it, and `alpha * (x - threshold)` below
    `threshold`.

    # Arguments
        x: a tensor.
        alpha: slope below the threshold.
        max_value: saturation value, or `None` for none.
        threshold: where the unit starts letting values through.

    # Returns
        A tensor of the shape of `x`.
    """
    return K.relu(x, alpha=alpha, max_value=max_value, threshold=threshold)


def tanh(x):
    """Hyperbolic tangent.

    # Arguments
        x: a tensor.

    # Returns
        A tensor of the shape of `x`.
    """
    return K.tanh(x)


def sigmoid(x):
    """Logistic sigmoid, `1 / (1 + exp(-x))`.

    # Arguments
        x: a tensor.

    # Returns
        A tensor of the shape of `x`.
    """
    return K.sigmoid(x)


def hard_sigmoid(x):
    """A piecewise linear approximation of the sigmoid, cheap to compute.

    0 below -2.5, 1 above 2.5, `0.2 * x + 0.5` in between.

    # Arguments
        x: a tensor.

    # Returns
        A tensor of the shape of `x`.
    """
    return K.hard_sigmoid(x)


def exponential(x):
    """The exponential function, `exp(x)`.

    # Arguments
        x: a tensor.

    # Returns
        A tensor of the shape of `x`.
    """
    return K.exp(x)


def linear(x):
    """The identity: returns `x` unchanged (the default activation).

    # Arguments
        x: a tensor.

    # Returns
        `x`.
    """
    return x


_OBJECTS = _identifiers.public_objects(globals(), [
    'softmax', 'elu', 'selu', 'softplus', 'softsign', 'relu', 'tanh',
    'sigmoid', 'hard_sigmoid', 'exponential', 'linear'])


def serialize(activation):
    """The name under which an activation function is saved.

    # Arguments
        activation: a function (or an object with `get_config`).

    # Returns
        The function's name, e.g. `'relu'` (a config dict for an object).
    """
    if hasattr(activation, '__name__'):
        return activation.__name__
    return _identifiers.serialize(activation)


def deserialize(name, custom_objects=None):
    """The activation function of a given name.

    # Arguments
        name: the name, e.g. `'tanh'`.
        custom_objects: optional dict of user activations, searched first.

    # Returns
        The function.

    # Raises
        ValueError: `Unknown activation function: <name>`.
    """
    return _identifiers.deserialize(name, _OBJECTS, 'activation function',
                                    custom_objects)


def get(identifier):
    """Turns what a layer was given as `activation` into a function.

    # Arguments
        identifier: `None` (meaning `linear`), a name, or a callable.

    # Returns
        The activation function.

    # Raises
        ValueError: for an unknown name or anything else.

    A layer instance (such as `LeakyReLU()`) is accepted with a warning, as
    in Keras 2.2: advanced activation layers are meant to be added to the
    model as layers of their own.

    # Example
    ```python
        >>> activations.get('relu') is activations.relu
        True
        >>> activations.get(None) is activations.linear
        True
    ```
    """
    if identifier is None:
        return linear
    if callable(identifier) and _is_layer(identifier):
        warnings.warn('Do not pass a layer instance (such as %s) as the '
                      'activation argument of another layer. Instead, '
                      'advanced activation layers should be used just like '
                      'any other layer in a model.'
                      % identifier.__class__.__name__)
    return _identifiers.get(identifier, _OBJECTS, 'activation function')


def _is_layer(obj):
    try:
        from .engine.base_layer import Layer
    except ImportError:  # the engine is optional for this module
        return False
    return isinstance(obj, Layer)
