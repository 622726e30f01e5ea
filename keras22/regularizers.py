"""Regularizers: penalties on weights or activations, added to the loss.

A regularizer is called on a tensor and returns a scalar to add to the
training loss. Layers take them as `kernel_regularizer`,
`bias_regularizer` and `activity_regularizer`.
"""
from . import backend as K
from . import _identifiers


class Regularizer(object):
    """Base class of regularizers; this one penalises nothing."""

    def __call__(self, x):
        return 0.

    @classmethod
    def from_config(cls, config):
        """Builds a regularizer from the output of its `get_config`.

        # Arguments
            config: the dict of constructor arguments.

        # Returns
            A regularizer.
        """
        return cls(**config)


class L1L2(Regularizer):
    """Penalises the sum of absolute values and of squares of a tensor.

    The penalty is `l1 * sum(abs(x)) + l2 * sum(square(x))`.

    # Arguments
        l1: the L1 factor (a non-negative number).
        l2: the L2 factor (a non-negative number).
    """

    def __init__(self, l1=0., l2=0.):
        self.l1 = K.cast_to_floatx(l1)
        self.l2 = K.cast_to_floatx(l2)

    def __call__(self, x):
        penalty = None
        if self.l1:
            penalty = K.sum(self.l1 * K.abs(x))
        if self.l2:
            l2 = K.sum(self.l2 * K.square(x))
            penalty = l2 if penalty is None else penalty + l2
        if penalty is None:
            # Keras 2.2 returned the Python number 0 here; a scalar tensor
            # (symbolic when `x` is) keeps the result a tensor, like the
            # other cases.
            penalty = K.sum(K.zeros_like(x))
        return penalty

    def get_config(self):
        return {'l1': float(self.l1), 'l2': float(self.l2)}


def l1(l=0.01):
    """An L1 penalty, `l * sum(abs(x))`.

    # Arguments
        l: the factor.

    # Returns
        An `L1L2` regularizer.
    """
    return L1L2(l1=l)


def l2(l=0.01):
    """An L2 penalty (weight decay), `l * sum(square(x))`.

    # Arguments
        l: the factor.

    # Returns
        An `L1L2` regularizer.
    """
    return L1L2(l2=l)


def l1_l2(l1=0.01, l2=0.01):
    """Both penalties, `l1 * sum(abs(x)) + l2 * sum(square(x))`.

    # Arguments
        l1: the L1 factor.
        l2: the L2 factor.

    # Returns
        An `L1L2` regularizer.
    """
    return L1L2(l1=l1, l2=l2)


_OBJECTS = _identifiers.public_objects(globals(), [
    'Regularizer', 'L1L2', 'l1', 'l2', 'l1_l2'])


def serialize(regularizer):
    """A regularizer as a JSON-friendly dict.

    # Arguments
        regularizer: a `Regularizer` instance (or `None`).

    # Returns
        `{'class_name': ..., 'config': ...}`, or `None`.
    """
    return _identifiers.serialize(regularizer)


def deserialize(config, custom_objects=None):
    """Builds a regularizer from a dict made by `serialize`.

    # Arguments
        config: `{'class_name': ..., 'config': ...}`.
        custom_objects: optional dict of user regularizers, searched first.

    # Returns
        A regularizer.

    # Raises
        ValueError: `Unknown regularizer: <name>`.
    """
    return _identifiers.deserialize(config, _OBJECTS, 'regularizer',
                                    custom_objects)


def get(identifier):
    """Turns a name, a config dict or a callable into a regularizer.

    # Arguments
        identifier: `None`, a name (`'l2'`: the default factor 0.01), a
            dict made by `serialize`, or a callable.

    # Returns
        The regularizer, or `None` for `None`.

    # Raises
        ValueError: for an unknown name or anything else.
    """
    if identifier is None:
        return None
    return _identifiers.get(identifier, _OBJECTS, 'regularizer',
                            name_is_class=True)
