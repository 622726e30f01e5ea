"""Initializers: how layers fill their weights when they create them.

An initializer is called as `init(shape, dtype=None)` and returns a tensor
of that shape (eagerly, since layers create their weights eagerly). Layers
take them by name (`kernel_initializer='he_normal'`), as instances, or as
any callable of that form.
"""
import numpy as np

from . import backend as K
from . import _identifiers


class Initializer(object):
    """Base class of initializers.

    Subclasses implement `__call__(shape, dtype=None)` and, if they take
    arguments, `get_config`.
    """

    def __call__(self, shape, dtype=None):
        raise NotImplementedError('%s must implement __call__(shape, dtype).'
                                  % self.__class__.__name__)

    def get_config(self):
        """The constructor arguments, as a JSON-friendly dict."""
        return {}

    @classmethod
    def from_config(cls, config):
        """Builds an initializer from the output of `get_config`.

        # Arguments
            config: the dict. A `dtype` entry, which tf.keras writes, is
                ignored.

        # Returns
            An initializer.
        """
        config = dict(config)
        config.pop('dtype', None)
        return cls(**config)


def _shape(shape):
    """The shape as a tuple of Python ints (it may hold NumPy integers or
    TensorFlow dimensions)."""
    if isinstance(shape, int):
        shape = (shape,)
    shape = tuple(shape)
    if any(d is None for d in shape):
        raise ValueError('Initializers need a fully defined shape, got %s.'
                         % (shape,))
    return tuple(int(d) for d in shape)


class Zeros(Initializer):
    """Fills with 0."""

    def __call__(self, shape, dtype=None):
        return K.constant(0, shape=_shape(shape), dtype=dtype)


class Ones(Initializer):
    """Fills with 1."""

    def __call__(self, shape, dtype=None):
        return K.constant(1, shape=_shape(shape), dtype=dtype)


class Constant(Initializer):
    """Fills with one value.

    # Arguments
        value: the value (a number).
    """

    def __init__(self, value=0):
        self.value = value

    def __call__(self, shape, dtype=None):
        return K.constant(self.value, shape=_shape(shape), dtype=dtype)

    def get_config(self):
        return {'value': self.value}


class RandomNormal(Initializer):
    """Fills with values drawn from a normal distribution.

    # Arguments
        mean: the mean.
        stddev: the standard deviation.
        seed: an integer, to draw the same values every time.
    """

    def __init__(self, mean=0., stddev=0.05, seed=None):
        self.mean = mean
        self.stddev = stddev
        self.seed = seed

    def __call__(self, shape, dtype=None):
        return K.random_normal(_shape(shape), self.mean, self.stddev,
                               dtype=dtype, seed=self.seed)

    def get_config(self):
        return {'mean': self.mean, 'stddev': self.stddev, 'seed': self.seed}


class RandomUniform(Initializer):
    """Fills with values drawn uniformly from `[minval, maxval)`.

    # Arguments
        minval: the lower bound.
        maxval: the upper bound (excluded).
        seed: an integer, to draw the same values every time.
    """

    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        self.minval = minval
        self.maxval = maxval
        self.seed = seed

    def __call__(self, shape, dtype=None):
        return K.random_uniform(_shape(shape), self.minval, self.maxval,
                                dtype=dtype, seed=self.seed)

    def get_config(self):
        return {'minval': self.minval, 'maxval': self.maxval,
                'seed': self.seed}


class TruncatedNormal(Initializer):
    """Fills with normal values, redrawing any that fall more than two
    standard deviations from the mean.

    The recommended way to initialise weights of neural networks with a
    normal distribution.

    # Arguments
        mean: the mean.
        stddev: the standard deviation before truncation.
        seed: an integer, to draw the same values every time.
    """

    def __init__(self, mean=0., stddev=0.05, seed=None):
        self.mean = mean
        self.stddev = stddev
        self.seed = seed

    def __call__(self, shape, dtype=None):
        return K.truncated_normal(_shape(shape), self.mean, self.stddev,
                                  dtype=dtype, seed=self.seed)

    def get_config(self):
        return {'mean': self.mean, 'stddev': self.stddev, 'seed': self.seed}


# The standard deviation of a unit normal truncated to [-2, 2]: dividing by
# it makes the truncated draw have the intended standard deviation.
_TRUNCATED_STDDEV = .87962566103423978


class VarianceScaling(Initializer):
    """Scales the spread of the values to the size of the weight tensor.

    With `n` the number of inputs (`mode='fan_in'`), of outputs
    (`'fan_out'`) or their mean (`'fan_avg'`):

    - `distribution='normal'`: a truncated normal centred on 0 whose
      standard deviation is `sqrt(scale / n)` (before truncation:
      `sqrt(scale / n) / .87962566103423978`);
    - `distribution='uniform'`: uniform in `[-limit, limit]` with
      `limit = sqrt(3 * scale / n)`.

    For convolution kernels the fans count the receptive field: a kernel of
    shape `(3, 3, 16, 32)` has a fan-in of `3 * 3 * 16`.

    # Arguments
        scale: a positive number.
        mode: `'fan_in'`, `'fan_out'` or `'fan_avg'`.
        distribution: `'normal'` or `'uniform'`.
        seed: an integer, to draw the same values every time.

    # Raises
        ValueError: for a `scale` that is not positive, or an unknown `mode`
            or `distribution`.
    """

    def __init__(self, scale=1.0, mode='fan_in', distribution='normal',
                 seed=None):
        if scale <= 0.:
            raise ValueError('`scale` must be a positive float. Got: %s'
                             % (scale,))
        mode = str(mode).lower()
        if mode not in ('fan_in', 'fan_out', 'fan_avg'):
            raise ValueError('Invalid `mode` argument: expected one of '
                             '{"fan_in", "fan_out", "fan_avg"} but got %r'
                             % (mode,))
        distribution = str(distribution).lower()
        if distribution not in ('normal', 'uniform'):
            raise ValueError('Invalid `distribution` argument: expected one '
                             'of {"normal", "uniform"} but got %r'
                             % (distribution,))
        self.scale = scale
        self.mode = mode
        self.distribution = distribution
        self.seed = seed

    def __call__(self, shape, dtype=None):
        shape = _shape(shape)
        fan_in, fan_out = _compute_fans(shape)
        if self.mode == 'fan_in':
            n = fan_in
        elif self.mode == 'fan_out':
            n = fan_out
        else:
            n = (fan_in + fan_out) / 2.
        variance = self.scale / max(1., float(n))
        if self.distribution == 'normal':
            stddev = np.sqrt(variance) / _TRUNCATED_STDDEV
            return K.truncated_normal(shape, 0., stddev, dtype=dtype,
                                      seed=self.seed)
        limit = np.sqrt(3. * variance)
        return K.random_uniform(shape, -limit, limit, dtype=dtype,
                                seed=self.seed)

    def get_config(self):
        return {'scale': self.scale, 'mode': self.mode,
                'distribution': self.distribution, 'seed': self.seed}


class Orthogonal(Initializer):
    """Fills with a random orthogonal matrix (Saxe et al., 2014).

    A shape of more than two dimensions is treated as a matrix of
    `prod(shape[:-1])` rows and `shape[-1]` columns. The rows (or the
    columns, whichever are fewer) are orthonormal, then multiplied by
    `gain`.

    # Arguments
        gain: the factor applied to the orthogonal matrix.
        seed: an integer, to draw the same values every time.
    """

    def __init__(self, gain=1., seed=None):
        self.gain = gain
        self.seed = seed

    def __call__(self, shape, dtype=None):
        shape = _shape(shape)
        if len(shape) < 2:
            raise ValueError('Orthogonal initializer: the shape must have '
                             'at least 2 dimensions, got %s.' % (shape,))
        rows = int(np.prod(shape[:-1]))
        cols = shape[-1]
        rng = (np.random if self.seed is None
               else np.random.RandomState(self.seed))
        draws = rng.normal(0.0, 1.0, (rows, cols))
        u, _, vt = np.linalg.svd(draws, full_matrices=False)
        # u is (rows, k) and vt is (k, cols), k = min(rows, cols): one of
        # them has the wanted shape and orthonormal columns or rows.
        q = u if u.shape == (rows, cols) else vt
        return K.constant(self.gain * q.reshape(shape), dtype=dtype)

    def get_config(self):
        return {'gain': self.gain, 'seed': self.seed}


class Identity(Initializer):
    """Fills a 2D weight with the identity matrix times `gain`.

    When the long side of the matrix is a multiple of the short side,
    square identity matrices are concatenated along the long side (a
    `(10, 20)` weight is two `10 x 10` identities side by side).

    # Arguments
        gain: the factor applied to the identity matrix.

    # Raises
        ValueError: when called with a shape that is not 2D, or whose long
            side is not a multiple of its short side.
    """

    def __init__(self, gain=1.):
        self.gain = gain

    def __call__(self, shape, dtype=None):
        shape = _shape(shape)
        if len(shape) != 2:
            raise ValueError('Identity matrix initializer can only be used '
                             'for 2D matrices, got shape %s.' % (shape,))
        rows, cols = shape
        short = min(rows, cols)
        if short == 0 or max(rows, cols) % short != 0:
            raise ValueError('Identity matrix initializer: the long side '
                             'should be a multiple of the short side, got '
                             'shape %s.' % (shape,))
        value = np.tile(np.eye(short), (rows // short, cols // short))
        return K.constant(self.gain * value, dtype=dtype)

    def get_config(self):
        return {'gain': self.gain}


def lecun_uniform(seed=None):
    """LeCun uniform initializer: uniform in `[-limit, limit]`,
    `limit = sqrt(3 / fan_in)`.

    # Arguments
        seed: an integer, to draw the same values every time.

    # Returns
        A `VarianceScaling` initializer.
    """
    return VarianceScaling(scale=1., mode='fan_in', distribution='uniform',
                           seed=seed)


def glorot_normal(seed=None):
    """Glorot (Xavier) normal initializer: a truncated normal with standard
    deviation `sqrt(2 / (fan_in + fan_out))`.

    # Arguments
        seed: an integer, to draw the same values every time.

    # Returns
        A `VarianceScaling` initializer.
    """
    return VarianceScaling(scale=1., mode='fan_avg', distribution='normal',
                           seed=seed)


def glorot_uniform(seed=None):
    """Glorot (Xavier) uniform initializer, the default of most layers:
    uniform in `[-limit, limit]`, `limit = sqrt(6 / (fan_in + fan_out))`.

    # Arguments
        seed: an integer, to draw the same values every time.

    # Returns
        A `VarianceScaling` initializer.
    """
    return VarianceScaling(scale=1., mode='fan_avg', distribution='uniform',
                           seed=seed)


def he_normal(seed=None):
    """He normal initializer: a truncated normal with standard deviation
    `sqrt(2 / fan_in)`, suited to ReLU networks.

    # Arguments
        seed: an integer, to draw the same values every time.

    # Returns
        A `VarianceScaling` initializer.
    """
    return VarianceScaling(scale=2., mode='fan_in', distribution='normal',
                           seed=seed)


def lecun_normal(seed=None):
    """LeCun normal initializer: a truncated normal with standard deviation
    `sqrt(1 / fan_in)`, the one `selu` networks expect.

    # Arguments
        seed: an integer, to draw the same values every time.

    # Returns
        A `VarianceScaling` initializer.
    """
    return VarianceScaling(scale=1., mode='fan_in', distribution='normal',
                           seed=seed)


def he_uniform(seed=None):
    """He uniform initializer: uniform in `[-limit, limit]`,
    `limit = sqrt(6 / fan_in)`.

    # Arguments
        seed: an integer, to draw the same values every time.

    # Returns
        A `VarianceScaling` initializer.
    """
    return VarianceScaling(scale=2., mode='fan_in', distribution='uniform',
                           seed=seed)


# Names Keras 2.2 also accepted.
zero = zeros = Zeros
one = ones = Ones
constant = Constant
uniform = random_uniform = RandomUniform
normal = random_normal = RandomNormal
truncated_normal = TruncatedNormal
identity = Identity
orthogonal = Orthogonal


def _compute_fans(shape, data_format='channels_last'):
    """The numbers of inputs and outputs of a weight tensor.

    # Arguments
        shape: the weight shape. 2D: `(inputs, outputs)`. 3D to 5D:
            a convolution kernel, whose receptive field multiplies both
            fans. Other ranks: both fans are `sqrt(prod(shape))`.
        data_format: where the channel axes of a kernel are:
            `'channels_last'` (spatial axes first, as keras22 stores
            kernels) or `'channels_first'` (Theano-style kernels).

    # Returns
        `(fan_in, fan_out)`.

    # Raises
        ValueError: for an unknown `data_format`.
    """
    shape = _shape(shape)
    if len(shape) == 2:
        return shape[0], shape[1]
    if len(shape) in (3, 4, 5):
        if data_format == 'channels_first':
            field = int(np.prod(shape[2:]))
            return shape[1] * field, shape[0] * field
        if data_format == 'channels_last':
            field = int(np.prod(shape[:-2]))
            return shape[-2] * field, shape[-1] * field
        raise ValueError('Invalid data_format: %s' % (data_format,))
    fan = np.sqrt(np.prod(shape))
    return fan, fan


_OBJECTS = _identifiers.public_objects(globals(), [
    'Initializer', 'Zeros', 'Ones', 'Constant', 'RandomNormal',
    'RandomUniform', 'TruncatedNormal', 'VarianceScaling', 'Orthogonal',
    'Identity', 'lecun_uniform', 'glorot_normal', 'glorot_uniform',
    'he_normal', 'lecun_normal', 'he_uniform', 'zero', 'zeros', 'one',
    'ones', 'constant', 'uniform', 'random_uniform', 'normal',
    'random_normal', 'truncated_normal', 'identity', 'orthogonal'])


def serialize(initializer):
    """An initializer as a JSON-friendly dict.

    # Arguments
        initializer: an `Initializer` instance.

    # Returns
        `{'class_name': ..., 'config': ...}`.
    """
    return _identifiers.serialize(initializer)


def deserialize(config, custom_objects=None):
    """Builds an initializer from a dict made by `serialize`.

    # Arguments
        config: `{'class_name': ..., 'config': ...}`.
        custom_objects: optional dict of user initializers, searched first.

    # Returns
        An initializer.

    # Raises
        ValueError: `Unknown initializer: <name>`.
    """
    return _identifiers.deserialize(config, _OBJECTS, 'initializer',
                                    custom_objects)


def get(identifier):
    """Turns a name, a config dict or a callable into an initializer.

    # Arguments
        identifier: a name (`'glorot_uniform'`, `'zeros'`, ...), a dict made
            by `serialize`, or a callable `init(shape, dtype=None)`.

    # Returns
        The initializer: a name gives a new instance with default
        arguments. A name registered for a plain function
        `init(shape, dtype=None)` (a custom object) gives the function
        itself; Keras 2.2 called it without arguments and failed, so models
        saved with such initializers could not be loaded.

    # Raises
        ValueError: for an unknown name or anything else.

    # Example
    ```python
        >>> init = initializers.get('he_normal')
        >>> init.get_config()['scale']
        2.0
    ```
    """
    return _identifiers.get(identifier, _OBJECTS, 'initializer',
                            name_is_class=True)
