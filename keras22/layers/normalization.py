"""The BatchNormalization layer."""
import numbers

from .. import backend as K
from .. import constraints
from .. import initializers
from .. import regularizers
from ..backend import graph as graph_lib
from ..engine.base_layer import InputSpec, Layer
from ..legacy.interfaces import legacy_support


def _drop_keras1_mode(args, kwargs):
    """Keras 1's `mode=0` is what Keras 2 does; its other modes are gone."""
    converted = []
    if 'mode' in kwargs:
        mode = kwargs.pop('mode')
        if mode != 0:
            raise TypeError('The `mode` argument of `BatchNormalization` no '
                            'longer exists. `mode=1` and `mode=2` are no '
                            'longer supported.')
        converted.append(('mode', mode))
    return args, kwargs, converted


def _check_fraction(argument, value, upper=None):
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or \
            value < 0 or (upper is not None and value > upper):
        bounds = ('between 0 and %s' % upper if upper is not None
                  else 'non-negative')
        raise ValueError('BatchNormalization: `%s` must be a number %s, got '
                         '%r.' % (argument, bounds, value))
    return value


class BatchNormalization(Layer):
    """Normalizes the activations of the previous layer over each batch.

    In the training phase each feature is normalized with the mean and
    variance of the current batch, then scaled by `gamma` and shifted by
    `beta` (Ioffe and Szegedy, 2015). The layer also keeps moving averages
    of the batch statistics, updated by every training step (`fit`,
    `train_on_batch`, ...) but never by `predict` or `evaluate`; in the
    test phase it normalizes with those moving statistics.

    The moving averages follow `moving = moving * momentum + batch * (1 -
    momentum)`. As in Keras 2.2.4, the batch variance entering the moving
    variance is corrected towards the unbiased estimate, multiplied by
    `n / (n - 1 - epsilon)` for `n` values per feature. Keras 2.2.4 used
    TensorFlow's zero-debiased average here; keras22 uses the plain one
    (see `K.moving_average_update`).

    # Frozen layers
        With `trainable=False`, `gamma` and `beta` are not trained and the
        moving statistics are not updated (`updates` is empty), but, as in
        Keras 2.2.4, the training phase still normalizes with the statistics
        of the batch. To normalize with the moving statistics during
        training, call the layer with `training=False`.

    # Arguments
        axis: the features axis (each index along it gets its own
            statistics), e.g. `axis=1` after a `Conv2D` layer with
            `data_format='channels_first'`.
        momentum: the momentum of the moving averages, between 0 and 1.
        epsilon: a small float added to the variance to avoid dividing by
            zero.
        center: whether to add the offset `beta`.
        scale: whether to multiply by `gamma`. When the next layer is linear
            (or e.g. `relu`), it can do the scaling and this can be off.
        beta_initializer: initializer of `beta`.
        gamma_initializer: initializer of `gamma`.
        moving_mean_initializer: initializer of the moving mean.
        moving_variance_initializer: initializer of the moving variance.
        beta_regularizer: regularizer of `beta`.
        gamma_regularizer: regularizer of `gamma`.
        beta_constraint: constraint on `beta`.
        gamma_constraint: constraint on `gamma`.

    # Input shape
        Any, with the size of `axis` known. Give `input_shape` when this is
        the first layer of a model.

    # Output shape
        Same as the input.

    # Weights
        In this order: `gamma` (if `scale`), `beta` (if `center`),
        `moving_mean`, `moving_variance`, each a vector of the size of
        `axis`. The last two are not trainable.

    # Raises
        ValueError: if `axis` is not an integer or not an axis of the input,
            its size is unknown, or `momentum` or `epsilon` is out of range.
        TypeError: if an argument is passed by position, or for Keras 1's
            `mode=1` and `mode=2`.

    # Example
    ```python
        model = Sequential()
        model.add(Dense(64, input_shape=(20,)))
        model.add(BatchNormalization())
        model.add(Activation('relu'))
    ```
    """

    @legacy_support(positional=[],
                    renamed={'beta_init': 'beta_initializer',
                             'gamma_init': 'gamma_initializer'},
                    preprocess=_drop_keras1_mode)
    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True,
                 scale=True, beta_initializer='zeros',
                 gamma_initializer='ones', moving_mean_initializer='zeros',
                 moving_variance_initializer='ones', beta_regularizer=None,
                 gamma_regularizer=None, beta_constraint=None,
                 gamma_constraint=None, **kwargs):
        super(BatchNormalization, self).__init__(**kwargs)
        self.supports_masking = True
        if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
            raise ValueError('BatchNormalization: `axis` must be an integer, '
                             'got %r.' % (axis,))
        self.axis = int(axis)
        self.momentum = _check_fraction('momentum', momentum, upper=1)
        self.epsilon = _check_fraction('epsilon', epsilon)
        self.center = center
        self.scale = scale
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.moving_mean_initializer = initializers.get(
            moving_mean_initializer)
        self.moving_variance_initializer = initializers.get(
            moving_variance_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint = constraints.get(beta_constraint)
        self.gamma_constraint = constraints.get(gamma_constraint)

    def _features_axis(self, input_shape):
        """`self.axis` counted from 0, checked against the input's rank."""
        rank = len(input_shape)
        if not -rank <= self.axis < rank:
            raise ValueError('BatchNormalization %s: `axis`=%d is not an axis '
                             'of the input (shape %s).'
                             % (self.name, self.axis, tuple(input_shape)))
        return self.axis % rank

    def build(self, input_shape):
        if input_shape is None:
            raise ValueError('BatchNormalization %s: the input needs a known '
                             'rank.' % self.name)
        axis = self._features_axis(input_shape)
        dim = input_shape[axis]
        if dim is None:
            raise ValueError('Axis %d of input tensor should have a defined '
                             'dimension but the layer %s received an input '
                             'with shape %s.'
                             % (self.axis, self.name, tuple(input_shape)))
        self.input_spec = InputSpec(ndim=len(input_shape), axes={axis: dim})
        shape = (dim,)
        self.gamma = (self.add_weight(shape=shape, name='gamma',
                                      initializer=self.gamma_initializer,
                                      regularizer=self.gamma_regularizer,
                                      constraint=self.gamma_constraint)
                      if self.scale else None)
        self.beta = (self.add_weight(shape=shape, name='beta',
                                     initializer=self.beta_initializer,
                                     regularizer=self.beta_regularizer,
                                     constraint=self.beta_constraint)
                     if self.center else None)
        self.moving_mean = self.add_weight(
            shape=shape, name='moving_mean',
            initializer=self.moving_mean_initializer, trainable=False)
        self.moving_variance = self.add_weight(
            shape=shape, name='moving_variance',
            initializer=self.moving_variance_initializer, trainable=False)
        self.built = True

    def _normalize_inference(self, inputs, axis, broadcast_shape):
        stats = [self.moving_mean, self.moving_variance, self.beta,
                 self.gamma]
        if broadcast_shape is not None:
            # The features axis is not last: give every statistic the rank
            # of the input so that it lines up with that axis.
            stats = [None if s is None else K.reshape(s, broadcast_shape)
                     for s in stats]
        mean, variance, beta, gamma = stats
        return K.batch_normalization(inputs, mean, variance, beta, gamma,
                                     axis=axis, epsilon=self.epsilon)

    def call(self, inputs, training=None):
        input_shape = K.int_shape(inputs)
        rank = len(input_shape)
        axis = self._features_axis(input_shape)
        reduction_axes = [i for i in range(rank) if i != axis]
        broadcast_shape = None
        if axis != rank - 1:
            broadcast_shape = [1] * rank
            broadcast_shape[axis] = input_shape[axis]

        def inference():
            return self._normalize_inference(inputs, axis, broadcast_shape)

        if training is False or (type(training) is int and training == 0):
            return inference()
        normed, mean, variance = K.normalize_batch_in_training(
            inputs, self.gamma, self.beta, reduction_axes,
            epsilon=self.epsilon)
        if graph_lib.is_symbolic(inputs):
            sample_size = K.cast(K.prod(K.stack(
                [K.shape(inputs)[i] for i in reduction_axes])),
                K.dtype(inputs))
            variance = variance * (sample_size /
                                   (sample_size - (1.0 + self.epsilon)))
            # Pending updates only mean something to a compiled function.
            self.add_update(
                [K.moving_average_update(self.moving_mean, mean,
                                         self.momentum),
                 K.moving_average_update(self.moving_variance, variance,
                                         self.momentum)],
                inputs)
        return K.in_train_phase(normed, inference, training=training)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = {
            'axis': self.axis,
            'momentum': self.momentum,
            'epsilon': self.epsilon,
            'center': self.center,
            'scale': self.scale,
            'beta_initializer': initializers.serialize(self.beta_initializer),
            'gamma_initializer': initializers.serialize(
                self.gamma_initializer),
            'moving_mean_initializer': initializers.serialize(
                self.moving_mean_initializer),
            'moving_variance_initializer': initializers.serialize(
                self.moving_variance_initializer),
            'beta_regularizer': regularizers.serialize(self.beta_regularizer),
            'gamma_regularizer': regularizers.serialize(
                self.gamma_regularizer),
            'beta_constraint': constraints.serialize(self.beta_constraint),
            'gamma_constraint': constraints.serialize(self.gamma_constraint)}
        base = super(BatchNormalization, self).get_config()
        return dict(list(base.items()) + list(config.items()))
