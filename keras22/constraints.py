"""Constraints: projections applied to weights after each optimizer step.

A constraint is called on the new value of a weight and returns the value
to store instead. Layers take them as `kernel_constraint` and
`bias_constraint`; optimizers apply them.
"""
from . import backend as K
from . import _identifiers


class Constraint(object):
    """Base class of constraints; this one leaves weights unchanged."""

    def __call__(self, w):
        return w

    def get_config(self):
        """The constructor arguments, as a JSON-friendly dict."""
        return {}


def _norms(w, axis):
    return K.sqrt(K.sum(K.square(w), axis=axis, keepdims=True))


class MaxNorm(Constraint):
    """Caps the norm of the weights reaching each unit.

    Slices along `axis` whose L2 norm exceeds `max_value` are scaled down
    to that norm; the others are left (nearly) unchanged.

    # Arguments
        max_value: the largest norm allowed.
        axis: the axis or axes along which norms are computed. For a
            `Dense` kernel `(input_dim, units)` the default 0 constrains the
            incoming weights of each unit; for a `Conv2D` kernel
            `(rows, cols, input_depth, filters)` use `axis=[0, 1, 2]`.
    """

    def __init__(self, max_value=2, axis=0):
        self.max_value = max_value
        self.axis = axis

    def __call__(self, w):
        norms = _norms(w, self.axis)
        desired = K.clip(norms, 0, self.max_value)
        return w * (desired / (K.epsilon() + norms))

    def get_config(self):
        return {'max_value': self.max_value, 'axis': self.axis}


class NonNeg(Constraint):
    """Sets negative weights to zero."""

    def __call__(self, w):
        return w * K.cast(K.greater_equal(w, 0.), K.floatx())


class UnitNorm(Constraint):
    """Scales the weights reaching each unit to an L2 norm of one.

    # Arguments
        axis: the axis or axes along which norms are computed (see
            `MaxNorm`).
    """

    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, w):
        return w / (K.epsilon() + _norms(w, self.axis))

    def get_config(self):
        return {'axis': self.axis}


class MinMaxNorm(Constraint):
    """Keeps the norm of the weights reaching each unit within bounds.

    The norm is moved towards `[min_value, max_value]` by the fraction
    `rate`: the new norm is
    `rate * clip(norm, min_value, max_value) + (1 - rate) * norm`.

    # Arguments
        min_value: the smallest norm allowed.
        max_value: the largest norm allowed.
        rate: 1.0 enforces the bounds at once; smaller values move the norm
            part of the way at each step.
        axis: the axis or axes along which norms are computed (see
            `MaxNorm`).
    """

    def __init__(self, min_value=0.0, max_value=1.0, rate=1.0, axis=0):
        self.min_value = min_value
        self.max_value = max_value
        self.rate = rate
        self.axis = axis

    def __call__(self, w):
        norms = _norms(w, self.axis)
        desired = (self.rate * K.clip(norms, self.min_value, self.max_value)
                   + (1 - self.rate) * norms)
        return w * (desired / (K.epsilon() + norms))

    def get_config(self):
        return {'min_value': self.min_value, 'max_value': self.max_value,
                'rate': self.rate, 'axis': self.axis}


# Names Keras 2.2 also accepted (the last three date from Keras 1).
max_norm = maxnorm = MaxNorm
non_neg = nonneg = NonNeg
unit_norm = unitnorm = UnitNorm
min_max_norm = MinMaxNorm


_OBJECTS = _identifiers.public_objects(globals(), [
    'Constraint', 'MaxNorm', 'NonNeg', 'UnitNorm', 'MinMaxNorm', 'max_norm',
    'non_neg', 'unit_norm', 'min_max_norm', 'maxnorm', 'nonneg',
    'unitnorm'])


def serialize(constraint):
    """A constraint as a JSON-friendly dict.

    # Arguments
        constraint: a `Constraint` instance (or `None`).

    # Returns
        `{'class_name': ..., 'config': ...}`, or `None`.
    """
    return _identifiers.serialize(constraint)


def deserialize(config, custom_objects=None):
    """Builds a constraint from a dict made by `serialize`.

    # Arguments
        config: `{'class_name': ..., 'config': ...}`.
        custom_objects: optional dict of user constraints, searched first.

    # Returns
        A constraint.

    # Raises
        ValueError: `Unknown constraint: <name>`.
    """
    return _identifiers.deserialize(config, _OBJECTS, 'constraint',
                                    custom_objects)


def get(identifier):
    """Turns a name, a config dict or a callable into a constraint.

    # Arguments
        identifier: `None`, a name (`'max_norm'`, `'non_neg'`, ...), a dict
            made by `serialize`, or a callable.

    # Returns
        The constraint, or `None` for `None`.

    # Raises
        ValueError: for an unknown name or anything else.
    """
    if identifier is None:
        return None
    return _identifiers.get(identifier, _OBJECTS, 'constraint',
                            name_is_class=True)
