"""Activation layers with parameters: LeakyReLU, PReLU, ELU,
ThresholdedReLU, Softmax and ReLU."""
import numbers

import tensorflow as tf

from .. import activations
from .. import backend as K
from .. import constraints
from .. import initializers
from .. import regularizers
from ..engine.base_layer import InputSpec, Layer
from ..legacy.interfaces import legacy_support


def _check_number(layer_name, argument, value, non_negative=False):
    """A float from `value`, or a ValueError naming the layer and argument."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise ValueError('%s: `%s` must be a number, got %r.'
                             % (layer_name, argument, value))
    if non_negative and value < 0:
        raise ValueError('%s: `%s` cannot be negative, got %r.'
                         % (layer_name, argument, value))
    return float(value)


def _relu(x, alpha=0., max_value=None, threshold=0.):
    """`K.relu`, but on TensorFlow's fused `LeakyRelu` or `Relu6` op when
    the arguments match one exactly, as Keras 2.2.4 did: one op instead of
    several, and graphs that name the op legacy code looks for."""
    if K.dtype(x).startswith('float') and threshold == 0.:
        if alpha != 0. and max_value is None:
            return tf.nn.leaky_relu(x, alpha=alpha)
        if alpha == 0. and max_value == 6.:
            return tf.nn.relu6(x)
    return K.relu(x, alpha=alpha, max_value=max_value, threshold=threshold)


class _ElementwiseActivation(Layer):
    """An activation layer that keeps the shape and passes masks through."""

    def __init__(self, **kwargs):
        super(_ElementwiseActivation, self).__init__(**kwargs)
        self.supports_masking = True

    def compute_output_shape(self, input_shape):
        return input_shape

    def _merged_config(self, config):
        base = super(_ElementwiseActivation, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class LeakyReLU(_ElementwiseActivation):
    """Leaky rectified linear unit: a small slope below zero.

    `f(x) = alpha * x` for `x < 0`, `f(x) = x` for `x >= 0`.

    # Arguments
        alpha: the slope below zero (a float).

    # Input shape
        Any. Give `input_shape` when this is the first layer of a model.

    # Output shape
        Same as the input.

    # Raises
        ValueError: if `alpha` is not a number.
    """

    def __init__(self, alpha=0.3, **kwargs):
        super(LeakyReLU, self).__init__(**kwargs)
        self.alpha = _check_number('LeakyReLU', 'alpha', alpha)

    def call(self, inputs):
        return _relu(inputs, alpha=self.alpha)

    def get_config(self):
        return self._merged_config({'alpha': self.alpha})


class PReLU(Layer):
    """Parametric rectified linear unit: a learned slope below zero.

    `f(x) = alpha * x` for `x < 0`, `f(x) = x` for `x >= 0`, where `alpha`
    is a weight with one value per input element (batch axis excluded), or
    fewer when `shared_axes` makes some axes share one value.

    # Arguments
        alpha_initializer: initializer of the slopes.
        alpha_regularizer: regularizer of the slopes.
        alpha_constraint: constraint on the slopes.
        shared_axes: an axis or list of axes (counting the batch axis as 0)
            along which one slope serves every position. For feature maps
            of shape `(batch, height, width, channels)`, `shared_axes=[1, 2]`
            learns one slope per channel.

    # Input shape
        Any, with every non-batch dimension known. Give `input_shape` when
        this is the first layer of a model.

    # Output shape
        Same as the input.

    # Weights
        `alpha`, of the input shape without the batch axis, with the shared
        axes of size 1.

    # Raises
        ValueError: if a shared axis is the batch axis or not an axis of
            the input, or a non-shared dimension of the input is unknown.
    """

    @legacy_support(positional=['alpha_initializer'],
                    renamed={'init': 'alpha_initializer'})
    def __init__(self, alpha_initializer='zeros', alpha_regularizer=None,
                 alpha_constraint=None, shared_axes=None, **kwargs):
        super(PReLU, self).__init__(**kwargs)
        self.supports_masking = True
        self.alpha_initializer = initializers.get(alpha_initializer)
        self.alpha_regularizer = regularizers.get(alpha_regularizer)
        self.alpha_constraint = constraints.get(alpha_constraint)
        if shared_axes is None:
            self.shared_axes = None
        elif isinstance(shared_axes, (list, tuple)):
            self.shared_axes = list(shared_axes)
        else:
            self.shared_axes = [shared_axes]

    def _param_shape(self, input_shape):
        rank = len(input_shape)
        shape = list(input_shape[1:])
        for axis in self.shared_axes or []:
            if isinstance(axis, bool) or not isinstance(axis, int) or \
                    not 1 <= axis < rank:
                raise ValueError('PReLU %s: `shared_axes` must hold axes '
                                 'between 1 and %d (0 is the batch axis) for '
                                 'an input of shape %s, got %s.'
                                 % (self.name, rank - 1, tuple(input_shape),
                                    self.shared_axes))
            shape[axis - 1] = 1
        if None in shape:
            raise ValueError('PReLU %s: every dimension of the input that is '
                             'not in `shared_axes` must be known; input shape '
                             '%s.' % (self.name, tuple(input_shape)))
        return shape

    def build(self, input_shape):
        param_shape = self._param_shape(input_shape)
        shared = set(self.shared_axes or [])
        self.param_broadcast = [i in shared
                                for i in range(1, len(input_shape))]
        self.alpha = self.add_weight(shape=param_shape, name='alpha',
                                     initializer=self.alpha_initializer,
                                     regularizer=self.alpha_regularizer,
                                     constraint=self.alpha_constraint)
        axes = dict((i, input_shape[i]) for i in range(1, len(input_shape))
                    if i not in shared)
        self.input_spec = InputSpec(ndim=len(input_shape), axes=axes)
        self.built = True

    def call(self, inputs, mask=None):
        return K.relu(inputs) - self.alpha * K.relu(-inputs)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = {
            'alpha_initializer': initializers.serialize(
                self.alpha_initializer),
            'alpha_regularizer': regularizers.serialize(
                self.alpha_regularizer),
            'alpha_constraint': constraints.serialize(self.alpha_constraint),
            'shared_axes': self.shared_axes}
        base = super(PReLU, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class ELU(_ElementwiseActivation):
    """Exponential linear unit.

    `f(x) = alpha * (exp(x) - 1)` for `x < 0`, `f(x) = x` for `x >= 0`.

    # Arguments
        alpha: the scale of the negative part.

    # Input shape
        Any. Give `input_shape` when this is the first layer of a model.

    # Output shape
        Same as the input.

    # Raises
        ValueError: if `alpha` is not a number.
    """

    def __init__(self, alpha=1.0, **kwargs):
        super(ELU, self).__init__(**kwargs)
        self.alpha = _check_number('ELU', 'alpha', alpha)

    def call(self, inputs):
        return K.elu(inputs, self.alpha)

    def get_config(self):
        return self._merged_config({'alpha': self.alpha})


class ThresholdedReLU(_ElementwiseActivation):
    """Passes the values above a threshold and zeroes the others.

    `f(x) = x` for `x > theta`, `f(x) = 0` otherwise.

    # Arguments
        theta: the threshold.

    # Input shape
        Any. Give `input_shape` when this is the first layer of a model.

    # Output shape
        Same as the input.

    # Raises
        ValueError: if `theta` is not a number.
    """

    def __init__(self, theta=1.0, **kwargs):
        super(ThresholdedReLU, self).__init__(**kwargs)
        self.theta = _check_number('ThresholdedReLU', 'theta', theta)

    def call(self, inputs, mask=None):
        above = K.cast(K.greater(inputs, self.theta), K.dtype(inputs))
        return inputs * above

    def get_config(self):
        return self._merged_config({'theta': self.theta})


class Softmax(_ElementwiseActivation):
    """Softmax along an axis.

    # Arguments
        axis: the axis whose slices become probability distributions.

    # Input shape
        Any rank of 2 or more. Give `input_shape` when this is the first
        layer of a model.

    # Output shape
        Same as the input.

    # Raises
        ValueError: if `axis` is not an integer, or not an axis of the
            input (when the layer is built).
    """

    def __init__(self, axis=-1, **kwargs):
        super(Softmax, self).__init__(**kwargs)
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise ValueError('Softmax: `axis` must be an integer, got %r.'
                             % (axis,))
        self.axis = axis

    def build(self, input_shape):
        if input_shape is not None:
            rank = len(input_shape)
            if not -rank <= self.axis < rank:
                raise ValueError('Softmax %s: `axis`=%d is not an axis of '
                                 'the input (shape %s).'
                                 % (self.name, self.axis, tuple(input_shape)))
        self.built = True

    def call(self, inputs):
        return activations.softmax(inputs, axis=self.axis)

    def get_config(self):
        return self._merged_config({'axis': self.axis})


class ReLU(_ElementwiseActivation):
    """Rectified linear unit, with optional ceiling, threshold and leak.

    `f(x) = max_value` for `x >= max_value`,
    `f(x) = x` for `threshold <= x < max_value`,
    `f(x) = negative_slope * (x - threshold)` otherwise.

    # Arguments
        max_value: the largest output value (a non-negative float), or
            `None` for no limit.
        negative_slope: the slope below the threshold (non-negative).
        threshold: where the unit switches on (non-negative, as for the
            other two).

    # Input shape
        Any. Give `input_shape` when this is the first layer of a model.

    # Output shape
        Same as the input.

    # Raises
        ValueError: if `max_value`, `negative_slope` or `threshold` is
            negative or not a number.
    """

    def __init__(self, max_value=None, negative_slope=0., threshold=0.,
                 **kwargs):
        super(ReLU, self).__init__(**kwargs)
        if max_value is not None:
            max_value = _check_number('ReLU', 'max_value', max_value,
                                      non_negative=True)
        self.max_value = max_value
        self.negative_slope = _check_number('ReLU', 'negative_slope',
                                            negative_slope, non_negative=True)
        self.threshold = _check_number('ReLU', 'threshold', threshold,
                                       non_negative=True)

    def call(self, inputs):
        return _relu(inputs, alpha=self.negative_slope,
                     max_value=self.max_value, threshold=self.threshold)

    def get_config(self):
        return self._merged_config({'max_value': self.max_value,
                                    'negative_slope': self.negative_slope,
                                    'threshold': self.threshold})
