"""Regularization layers that add noise in training: GaussianNoise,
GaussianDropout and AlphaDropout. At test time they pass their input
through unchanged."""
import numbers

import numpy as np

from .. import backend as K
from ..engine.base_layer import Layer, check_rate
from ..legacy.interfaces import legacy_support

# The constants of the SELU activation (Klambauer et al., 2017).
_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


class _NoiseLayer(Layer):
    """A layer that changes its input in the training phase only."""

    def __init__(self, **kwargs):
        super(_NoiseLayer, self).__init__(**kwargs)
        self.supports_masking = True

    def _noised(self, inputs):
        """The training-phase output."""
        raise NotImplementedError

    def _active(self):
        return True

    def call(self, inputs, training=None):
        if not self._active():
            return inputs
        return K.in_train_phase(lambda: self._noised(inputs), inputs,
                                training=training)

    def compute_output_shape(self, input_shape):
        return input_shape

    def _merged_config(self, config):
        base = super(_NoiseLayer, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class GaussianNoise(_NoiseLayer):
    """Adds zero-centered Gaussian noise during training.

    A regularizer against overfitting, and a way to augment real-valued
    inputs. Being active in training only, it changes nothing at test time.

    # Arguments
        stddev: the standard deviation of the noise (a non-negative float;
            Keras 2.2.4 accepted a negative one).

    # Input shape
        Any. Give `input_shape` when this is the first layer of a model.

    # Output shape
        Same as the input.

    # Raises
        ValueError: if `stddev` is negative or not a number.
    """

    @legacy_support(positional=['stddev'], renamed={'sigma': 'stddev'})
    def __init__(self, stddev, **kwargs):
        super(GaussianNoise, self).__init__(**kwargs)
        if isinstance(stddev, bool) or \
                not isinstance(stddev, numbers.Real) or stddev < 0:
            raise ValueError('GaussianNoise: `stddev` must be a non-negative '
                             'number, got %r.' % (stddev,))
        self.stddev = stddev

    def _noised(self, inputs):
        return inputs + K.random_normal(shape=K.shape(inputs), mean=0.,
                                        stddev=self.stddev,
                                        dtype=K.dtype(inputs))

    def get_config(self):
        return self._merged_config({'stddev': self.stddev})


class GaussianDropout(_NoiseLayer):
    """Multiplies the inputs by Gaussian noise of mean 1 during training.

    The noise has standard deviation `sqrt(rate / (1 - rate))`, the same
    variance as the scaling that `Dropout(rate)` applies, without zeroes
    (Srivastava et al., 2014). A rate of 0 or 1 leaves the input unchanged.

    # Arguments
        rate: the equivalent drop probability, between 0 and 1 (Keras
            2.2.4 accepted any value and ignored those outside).

    # Input shape
        Any. Give `input_shape` when this is the first layer of a model.

    # Output shape
        Same as the input.

    # Raises
        ValueError: if `rate` is not between 0 and 1.
    """

    @legacy_support(positional=['rate'], renamed={'p': 'rate'})
    def __init__(self, rate, **kwargs):
        super(GaussianDropout, self).__init__(**kwargs)
        self.rate = check_rate('GaussianDropout', rate)

    def _active(self):
        return 0. < self.rate < 1.

    def _noised(self, inputs):
        stddev = np.sqrt(self.rate / (1. - self.rate))
        return inputs * K.random_normal(shape=K.shape(inputs), mean=1.,
                                        stddev=stddev, dtype=K.dtype(inputs))

    def get_config(self):
        return self._merged_config({'rate': self.rate})


class AlphaDropout(_NoiseLayer):
    """Dropout that keeps the mean and variance of self-normalizing
    activations.

    Dropped values are set to the negative saturation value of SELU,
    `-alpha * scale`, rather than 0, then an affine correction `a * x + b`
    restores the mean and variance the inputs had, so it suits networks of
    `selu` units with `lecun_normal` weights (Klambauer et al., 2017).

    # Arguments
        rate: the fraction of inputs to drop, between 0 and 1.
        noise_shape: the shape of the random keep/drop pattern, broadcast
            against the input; `None` entries take the input's size (Keras
            2.2.4 failed on them).
        seed: an integer seed.

    # Input shape
        Any. Give `input_shape` when this is the first layer of a model.

    # Output shape
        Same as the input.

    # Raises
        ValueError: if `rate` is not between 0 and 1.
    """

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super(AlphaDropout, self).__init__(**kwargs)
        self.rate = check_rate('AlphaDropout', rate)
        self.noise_shape = noise_shape
        self.seed = seed

    def _active(self):
        return 0. < self.rate < 1.

    def _get_noise_shape(self, inputs):
        if not self.noise_shape:
            return K.shape(inputs)
        dynamic = K.shape(inputs)
        return K.stack([dynamic[axis] if size is None else size
                        for axis, size in enumerate(self.noise_shape)])

    def _noised(self, inputs):
        rate = self.rate
        saturation = -_SELU_ALPHA * _SELU_SCALE
        dtype = K.dtype(inputs)
        draws = K.random_uniform(self._get_noise_shape(inputs),
                                 dtype=dtype, seed=self.seed)
        kept = K.cast(K.greater_equal(draws, rate), dtype)
        # `a` and `b` give the result the mean and variance of the input.
        a = ((1. - rate) * (1. + rate * saturation ** 2)) ** -0.5
        b = -a * saturation * rate
        dropped = inputs * kept + saturation * (1. - kept)
        return a * dropped + b

    def get_config(self):
        return self._merged_config({'rate': self.rate,
                                    'noise_shape': self.noise_shape,
                                    'seed': self.seed})
