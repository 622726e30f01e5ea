"""Keras 1 dense-type layers that Keras 2.2 kept for old code: Highway and
MaxoutDense.

Both take Keras 1 argument names (`init`, `W_regularizer`, `bias`, ...) and
warn that they are deprecated, as Keras 2.2 did.
"""
import warnings

from .. import activations
from .. import backend as K
from .. import constraints
from .. import initializers
from .. import regularizers
from ..engine.base_layer import InputSpec, Layer, check_positive_int

__all__ = ['Highway', 'MaxoutDense']


class _Keras1Dense(Layer):
    """What Highway and MaxoutDense share: Keras 1 regularizer and
    constraint arguments, `input_dim`, and initial `weights`."""

    def __init__(self, init, weights, W_regularizer, b_regularizer,
                 activity_regularizer, W_constraint, b_constraint, bias,
                 input_dim, kwargs):
        warnings.warn('The `%s` layer is deprecated and will be removed '
                      'after 06/2017.' % type(self).__name__, stacklevel=3)
        if input_dim:
            kwargs['input_shape'] = (input_dim,)
        if weights is not None:
            kwargs['weights'] = weights
        super(_Keras1Dense, self).__init__(**kwargs)
        self.init = initializers.get(init)
        self.W_regularizer = regularizers.get(W_regularizer)
        self.b_regularizer = regularizers.get(b_regularizer)
        self.activity_regularizer = regularizers.get(activity_regularizer)
        self.W_constraint = constraints.get(W_constraint)
        self.b_constraint = constraints.get(b_constraint)
        self.bias = bias
        self.input_dim = input_dim
        self.input_spec = InputSpec(ndim=2)

    def _input_dim(self, input_shape):
        input_dim = input_shape[1]
        if input_dim is None:
            raise ValueError('%s %s: the last dimension of the inputs should '
                             'be defined. Found `None` (input shape %s).'
                             % (type(self).__name__, self.name,
                                tuple(input_shape)))
        self.input_spec = InputSpec(ndim=2, axes={1: input_dim})
        return input_dim

    def _kernel(self, name, shape, regularized=True):
        return self.add_weight(
            name=name, shape=shape, initializer=self.init,
            regularizer=self.W_regularizer if regularized else None,
            constraint=self.W_constraint if regularized else None)

    def _bias(self, name, shape, initializer='zeros', regularized=True):
        return self.add_weight(
            name=name, shape=shape, initializer=initializer,
            regularizer=self.b_regularizer if regularized else None,
            constraint=self.b_constraint if regularized else None)

    def _keras1_config(self):
        return {
            'init': initializers.serialize(self.init),
            'W_regularizer': regularizers.serialize(self.W_regularizer),
            'b_regularizer': regularizers.serialize(self.b_regularizer),
            'activity_regularizer': regularizers.serialize(
                self.activity_regularizer),
            'W_constraint': constraints.serialize(self.W_constraint),
            'b_constraint': constraints.serialize(self.b_constraint),
            'bias': self.bias,
            'input_dim': self.input_dim}


class Highway(_Keras1Dense):
    """A densely connected highway layer (Srivastava et al., 2015).

    A transform gate `t = sigmoid(dot(x, W_carry) + b_carry)` mixes a dense
    transform of the input with the input itself:
    `output = t * activation(dot(x, W) + b) + (1 - t) * x`. The output has
    the size of the input. Deprecated since Keras 2.

    # Arguments
        init: initializer of `W` and `W_carry`.
        activation: the activation of the transform (none by default).
        weights: initial weights, as a list of NumPy arrays in the order
            `W`, `W_carry`, `b`, `b_carry`.
        W_regularizer: regularizer of `W`.
        b_regularizer: regularizer of `b`.
        activity_regularizer: regularizer of the output.
        W_constraint: constraint on `W`.
        b_constraint: constraint on `b`.
        bias: whether to use the biases `b` and `b_carry`.
        input_dim: the size of the input, for the first layer of a model.

    # Input shape
        `(batch_size, input_dim)`

    # Output shape
        `(batch_size, input_dim)`

    # Weights
        `W` and `W_carry` of shape `(input_dim, input_dim)`, then (with
        `bias`) `b` (initialized to zeros) and `b_carry` (initialized to
        ones, so the gate starts mostly open to the transform), of shape
        `(input_dim,)`.

    # Raises
        ValueError: if the input size is unknown.
    """

    def __init__(self, init='glorot_uniform', activation=None, weights=None,
                 W_regularizer=None, b_regularizer=None,
                 activity_regularizer=None, W_constraint=None,
                 b_constraint=None, bias=True, input_dim=None, **kwargs):
        if 'transform_bias' in kwargs:
            kwargs.pop('transform_bias')
            warnings.warn('The `transform_bias` argument of `Highway` has '
                          'been deprecated and is ignored.', stacklevel=2)
        super(Highway, self).__init__(
            init, weights, W_regularizer, b_regularizer,
            activity_regularizer, W_constraint, b_constraint, bias,
            input_dim, kwargs)
        self.activation = activations.get(activation)

    def build(self, input_shape):
        input_dim = self._input_dim(input_shape)
        square = (input_dim, input_dim)
        self.W = self._kernel('W', square)
        self.W_carry = self._kernel('W_carry', square, regularized=False)
        if self.bias:
            self.b = self._bias('b', (input_dim,))
            self.b_carry = self._bias('b_carry', (input_dim,),
                                      initializer='ones', regularized=False)
        else:
            self.b = None
            self.b_carry = None
        self.built = True

    def call(self, x):
        gate = K.dot(x, self.W_carry)
        transform = K.dot(x, self.W)
        if self.bias:
            gate = gate + self.b_carry
            transform = transform + self.b
        gate = activations.sigmoid(gate)
        return self.activation(transform) * gate + (1. - gate) * x

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = self._keras1_config()
        config['activation'] = activations.serialize(self.activation)
        base = super(Highway, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class MaxoutDense(_Keras1Dense):
    """A dense maxout layer (Goodfellow et al., 2013).

    It computes `nb_feature` linear maps of the input and keeps, for each
    output unit, the largest: `max_k(dot(x, W[k]) + b[k])`. Stacked, these
    units approximate any convex function. Deprecated since Keras 2.

    # Arguments
        output_dim: the size of the output.
        nb_feature: the number of linear maps the maximum is taken over.
        init: initializer of `W`.
        weights: initial weights, as a list of NumPy arrays in the order
            `W`, `b`.
        W_regularizer: regularizer of `W`.
        b_regularizer: regularizer of `b`.
        activity_regularizer: regularizer of the output.
        W_constraint: constraint on `W`.
        b_constraint: constraint on `b`.
        bias: whether to add the bias `b`.
        input_dim: the size of the input, for the first layer of a model.

    # Input shape
        `(batch_size, input_dim)`

    # Output shape
        `(batch_size, output_dim)`

    # Weights
        `W` of shape `(nb_feature, input_dim, output_dim)` and (with `bias`)
        `b` of shape `(nb_feature, output_dim)`.

    # Raises
        ValueError: if `output_dim` or `nb_feature` is not a positive
            integer, or the input size is unknown.
    """

    def __init__(self, output_dim, nb_feature=4, init='glorot_uniform',
                 weights=None, W_regularizer=None, b_regularizer=None,
                 activity_regularizer=None, W_constraint=None,
                 b_constraint=None, bias=True, input_dim=None, **kwargs):
        super(MaxoutDense, self).__init__(
            init, weights, W_regularizer, b_regularizer,
            activity_regularizer, W_constraint, b_constraint, bias,
            input_dim, kwargs)
        self.output_dim = check_positive_int('MaxoutDense', 'output_dim',
                                             output_dim)
        self.nb_feature = check_positive_int('MaxoutDense', 'nb_feature',
                                             nb_feature)

    def build(self, input_shape):
        input_dim = self._input_dim(input_shape)
        self.W = self._kernel('W', (self.nb_feature, input_dim,
                                    self.output_dim))
        self.b = (self._bias('b', (self.nb_feature, self.output_dim))
                  if self.bias else None)
        self.built = True

    def call(self, x):
        # (batch, nb_feature, output_dim): every linear map at once.
        output = K.dot(x, self.W)
        if self.bias:
            output = output + self.b
        return K.max(output, axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.output_dim)

    def get_config(self):
        config = self._keras1_config()
        config.update({'output_dim': self.output_dim,
                       'nb_feature': self.nb_feature})
        base = super(MaxoutDense, self).get_config()
        return dict(list(base.items()) + list(config.items()))
