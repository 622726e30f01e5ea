"""Optimizers: how training turns gradients into weight updates.

An optimizer's `get_updates(loss, params)` returns the updates of one
training step; `Model.compile` hands them to the training function, which
applies them after computing the loss of each batch. The update rules,
defaults and saved state (`get_weights`) are those of Keras 2.2.4.

The hyperparameters (`lr`, `momentum`, `beta_1`, `decay`, ...) and the step
counter `iterations` are backend variables, so `K.get_value(opt.lr)` and
`K.set_value(opt.lr, 0.01)` work, also in the middle of training.
"""
import functools
import warnings

import tensorflow as tf

from . import backend as K
from . import _identifiers
from .backend.graph import keras_graph_scope
from .backend.variables import KerasUpdate


def clip_norm(g, c, n):
    """Rescales a gradient so that a total norm `n` would become `c`.

    # Arguments
        g: the gradient (a tensor or `tf.IndexedSlices`).
        c: the largest norm allowed; 0 or less disables clipping.
        n: the norm measured, a scalar tensor (for `clipnorm`, the global
            norm of all the gradients of the step).

    # Returns
        `g * c / n` when `n >= c`, else `g` unchanged.
    """
    if c <= 0:
        return g
    # c / max(n, c) is exactly 1 when n < c, so small gradients are not
    # touched, and needs no tf.cond.
    scale = c / K.maximum(n, c)
    if isinstance(g, tf.IndexedSlices):
        return tf.IndexedSlices(g.values * K.cast(scale, g.values.dtype),
                                g.indices, g.dense_shape)
    return g * K.cast(scale, g.dtype)


def _read(variable):
    """One read of a variable, to use for every value derived from it.

    The updates of a step run after the function's outputs, but TensorFlow
    does not order two separate reads of a variable against an assignment
    made elsewhere in the graph: a value computed from a second read could
    already see the new value. So each variable an update assigns is read
    once, and the assignment depends on that read.
    """
    return K.identity(variable)


_KERAS_2_0_ARGS = ('params', 'constraints', 'loss')


def _is_keras_2_0_call(args, kwargs):
    """Whether `get_updates` was called as in Keras 2.0:
    `(params, constraints, loss)`, the last ones possibly by keyword."""
    if 'constraints' in kwargs or len(args) == 3:
        return True
    # `get_updates(params, constraints, loss=loss)`: the second argument
    # of the Keras 2.2 form is a list of variables, never a dict.
    return len(args) == 2 and isinstance(args[1], dict)


def _get_updates_method(method):
    """Decorates `get_updates`: builds it in the Keras graph, and accepts
    the Keras 2.0 call `get_updates(params, constraints, loss)`."""
    @functools.wraps(method)
    def get_updates(self, *args, **kwargs):
        if len(args) > 3:
            raise TypeError('`get_updates` takes (loss, params), or the '
                            'Keras 2.0 (params, constraints, loss); got %d '
                            'positional arguments.' % len(args))
        if _is_keras_2_0_call(args, kwargs):
            warnings.warn('`get_updates(params, constraints, loss)` is the '
                          'Keras 2.0 call; use `get_updates(loss, params)`. '
                          'Constraints are now read from the weights '
                          'themselves, the `constraints` argument is '
                          'ignored.')
            for name, value in zip(_KERAS_2_0_ARGS, args):
                if name in kwargs:
                    raise TypeError('get_updates() got multiple values for '
                                    'argument %r' % name)
                kwargs[name] = value
            kwargs.pop('constraints', None)
            args = ()
        with keras_graph_scope():
            return method(self, *args, **kwargs)
    get_updates._keras22_graph_method = True
    return get_updates


class Optimizer(object):
    """Base class of optimizers.

    # Arguments
        clipnorm: if given and positive, gradients are rescaled at each
            step so that their global L2 norm (over all the parameters) is
            at most `clipnorm`.
        clipvalue: if given and positive, every gradient value is clipped to
            `[-clipvalue, clipvalue]`.

    # Raises
        TypeError: for any other keyword argument.

    Subclasses implement `get_updates(loss, params)`; they list the
    variables holding their state in `self.weights`, so that
    `get_weights`/`set_weights` (and saved models) can restore it.
    """

    def __init_subclass__(cls, **kwargs):
        # A user's optimizer written for Keras 2.2 computes with variables
        # only (`self.momentum * m`); outside the Keras graph that would
        # run once, eagerly, and freeze the values into the update. So every
        # subclass's `get_updates` runs in the Keras graph, as ours do.
        super(Optimizer, cls).__init_subclass__(**kwargs)
        method = cls.__dict__.get('get_updates')
        if callable(method) and not getattr(method, '_keras22_graph_method',
                                            False):
            cls.get_updates = _get_updates_method(method)

    def __init__(self, **kwargs):
        for key in kwargs:
            if key not in ('clipnorm', 'clipvalue'):
                raise TypeError('Unexpected keyword argument passed to '
                                'optimizer: ' + str(key))
        self.__dict__.update(kwargs)
        self.updates = []
        self.weights = []

    @_get_updates_method
    def get_updates(self, loss, params):
        """The updates of one training step.

        # Arguments
            loss: the scalar loss tensor to minimise (symbolic).
            params: the variables to train.

        # Returns
            A list of updates, to pass to `K.function(..., updates=...)`.
        """
        raise NotImplementedError('%s must implement get_updates(loss, '
                                  'params).' % self.__class__.__name__)

    def get_gradients(self, loss, params):
        """The gradients of `loss` with respect to `params`, clipped as
        `clipnorm` and `clipvalue` ask.

        # Arguments
            loss: the scalar loss tensor (symbolic).
            params: the variables.

        # Returns
            A list of gradient tensors, one per variable.

        # Raises
            ValueError: if the loss does not depend on a variable through
                differentiable operations.
        """
        with keras_graph_scope():
            grads = K.gradients(loss, params)
            for p, g in zip(params, grads):
                if g is None:
                    raise ValueError(
                        'An operation has `None` for gradient. The loss '
                        'does not depend on %s through differentiable '
                        'operations: check that every op between them has '
                        'a gradient defined (K.argmax, K.round and K.eval, '
                        'for instance, have none).'
                        % getattr(p, 'name', p))
            clipnorm = getattr(self, 'clipnorm', 0)
            if clipnorm and clipnorm > 0:
                norm = K.sqrt(sum([K.sum(K.square(g)) for g in grads]))
                grads = [clip_norm(g, clipnorm, norm) for g in grads]
            clipvalue = getattr(self, 'clipvalue', 0)
            if clipvalue and clipvalue > 0:
                grads = [K.clip(g, -clipvalue, clipvalue) for g in grads]
            return grads

    def set_weights(self, weights):
        """Restores the optimizer's state.

        Only possible once the state exists, i.e. after `get_updates` (for a
        model: after the training function was made).

        # Arguments
            weights: a list of NumPy arrays, as returned by `get_weights`.

        # Raises
            ValueError: if the number of arrays or a shape does not match.
        """
        params = self.weights
        if len(params) != len(weights):
            raise ValueError('Length of the specified weight list (%d) does '
                             'not match the number of weights of the '
                             'optimizer (%d)' % (len(weights), len(params)))
        pairs = []
        for p, w in zip(params, weights):
            p_shape = tuple(K.int_shape(p))
            w_shape = tuple(getattr(w, 'shape', ()))
            if p_shape != w_shape:
                raise ValueError('Optimizer weight shape %s not compatible '
                                 'with provided weight shape %s'
                                 % (p_shape, w_shape))
            pairs.append((p, w))
        K.batch_set_value(pairs)

    def get_weights(self):
        """The optimizer's state.

        # Returns
            A list of NumPy arrays, one per variable in `self.weights`.
        """
        return K.batch_get_value(self.weights)

    def get_config(self):
        """The constructor arguments, as a JSON-friendly dict."""
        config = {}
        if hasattr(self, 'clipnorm'):
            config['clipnorm'] = self.clipnorm
        if hasattr(self, 'clipvalue'):
            config['clipvalue'] = self.clipvalue
        return config

    @classmethod
    def from_config(cls, config):
        """Builds an optimizer from the output of `get_config`.

        # Arguments
            config: the dict.

        # Returns
            An optimizer.
        """
        return cls(**config)

    # Helpers shared by the optimizers below.

    def _start_step(self):
        """Reads `iterations` once and records its increment.

        # Returns
            The read (an int64 tensor): the number of steps done before this
            one.
        """
        iterations = _read(self.iterations)
        self.updates = [K.update(self.iterations, iterations + 1)]
        return iterations

    def _decayed_lr(self, iterations):
        """`lr / (1 + decay * iterations)` if a decay was given."""
        lr = self.lr
        if self.initial_decay > 0:
            lr = lr * (1. / (1. + self.decay *
                             K.cast(iterations, K.dtype(self.decay))))
        return lr

    def _update_param(self, p, new_p):
        """Records the new value of a parameter, constrained if the
        variable has a constraint."""
        constraint = getattr(p, 'constraint', None)
        if constraint is not None:
            new_p = constraint(new_p)
        self.updates.append(K.update(p, new_p))

    def _hyper_config(self, names):
        return {name: float(K.get_value(getattr(self, name)))
                for name in names}

    def _with_base_config(self, config):
        base = Optimizer.get_config(self)
        base.update(config)
        return base


def _zeros_like_params(params):
    return [K.zeros(K.int_shape(p), dtype=K.dtype(p)) for p in params]


class SGD(Optimizer):
    """Stochastic gradient descent, with optional momentum.

    At each step, with `v` the velocity (starting at 0) and `g` the
    gradient: `v = momentum * v - lr * g`, then `p = p + v`, or
    `p = p + momentum * v - lr * g` with Nesterov momentum.

    # Arguments
        lr: the learning rate, >= 0.
        momentum: >= 0; 0 gives plain gradient descent.
        decay: >= 0; the learning rate of step `t` is
            `lr / (1 + decay * t)`.
        nesterov: whether to use Nesterov momentum.
        **kwargs: `clipnorm`, `clipvalue` (see `Optimizer`).
    """

    def __init__(self, lr=0.01, momentum=0., decay=0., nesterov=False,
                 **kwargs):
        super(SGD, self).__init__(**kwargs)
        with K.name_scope(self.__class__.__name__):
            self.iterations = K.variable(0, dtype='int64', name='iterations')
            self.lr = K.variable(lr, name='lr')
            self.momentum = K.variable(momentum, name='momentum')
            self.decay = K.variable(decay, name='decay')
        self.initial_decay = decay
        self.nesterov = nesterov

    @_get_updates_method
    def get_updates(self, loss, params):
        grads = self.get_gradients(loss, params)
        iterations = self._start_step()
        lr = self._decayed_lr(iterations)
        moments = _zeros_like_params(params)
        self.weights = [self.iterations] + moments
        for p, g, m in zip(params, grads, moments):
            v = self.momentum * _read(m) - lr * g
            self.updates.append(K.update(m, v))
            if self.nesterov:
                new_p = _read(p) + self.momentum * v - lr * g
            else:
                new_p = _read(p) + v
            self._update_param(p, new_p)
        return self.updates

    def get_config(self):
        config = self._hyper_config(['lr', 'momentum', 'decay'])
        config['nesterov'] = self.nesterov
        return self._with_base_config(config)


class RMSprop(Optimizer):
    """RMSProp: divides the gradient by a running root mean square of the
    recent gradients.

    At each step: `a = rho * a + (1 - rho) * g ** 2`, then
    `p = p - lr * g / (sqrt(a) + epsilon)`. A good choice for recurrent
    networks; leave the arguments other than `lr` at their defaults.

    # Arguments
        lr: the learning rate, >= 0.
        rho: the decay of the running average, >= 0.
        epsilon: fuzz factor; `None` means `K.epsilon()`.
        decay: >= 0; the learning rate of step `t` is
            `lr / (1 + decay * t)`.
        **kwargs: `clipnorm`, `clipvalue` (see `Optimizer`).
    """

    def __init__(self, lr=0.001, rho=0.9, epsilon=None, decay=0.,
                 **kwargs):
        super(RMSprop, self).__init__(**kwargs)
        with K.name_scope(self.__class__.__name__):
            self.lr = K.variable(lr, name='lr')
            self.rho = K.variable(rho, name='rho')
            self.decay = K.variable(decay, name='decay')
            self.iterations = K.variable(0, dtype='int64', name='iterations')
        self.epsilon = K.epsilon() if epsilon is None else epsilon
        self.initial_decay = decay

    @_get_updates_method
    def get_updates(self, loss, params):
        grads = self.get_gradients(loss, params)
        accumulators = _zeros_like_params(params)
        # As in Keras 2.2 (and so in its saved models), the state is the
        # accumulators only, without `iterations`.
        self.weights = accumulators
        iterations = self._start_step()
        lr = self._decayed_lr(iterations)
        for p, g, a in zip(params, grads, accumulators):
            new_a = self.rho * _read(a) + (1. - self.rho) * K.square(g)
            self.updates.append(K.update(a, new_a))
            new_p = _read(p) - lr * g / (K.sqrt(new_a) + self.epsilon)
            self._update_param(p, new_p)
        return self.updates

    def get_config(self):
        config = self._hyper_config(['lr', 'rho', 'decay'])
        config['epsilon'] = self.epsilon
        return self._with_base_config(config)


class Adagrad(Optimizer):
    """Adagrad: per-parameter learning rates, smaller for parameters that
    have received large gradients.

    At each step: `a = a + g ** 2`, then
    `p = p - lr * g / (sqrt(a) + epsilon)`.

    # Arguments
        lr: the learning rate, >= 0.
        epsilon: fuzz factor; `None` means `K.epsilon()`.
        decay: >= 0; the learning rate of step `t` is
            `lr / (1 + decay * t)`.
        **kwargs: `clipnorm`, `clipvalue` (see `Optimizer`).
    """

    def __init__(self, lr=0.01, epsilon=None, decay=0., **kwargs):
        super(Adagrad, self).__init__(**kwargs)
        with K.name_scope(self.__class__.__name__):
            self.lr = K.variable(lr, name='lr')
            self.decay = K.variable(decay, name='decay')
            self.iterations = K.variable(0, dtype='int64', name='iterations')
        self.epsilon = K.epsilon() if epsilon is None else epsilon
        self.initial_decay = decay

    @_get_updates_method
    def get_updates(self, loss, params):
        grads = self.get_gradients(loss, params)
        accumulators = _zeros_like_params(params)
        # Keras 2.2 saved the accumulators only.
        self.weights = accumulators
        iterations = self._start_step()
        lr = self._decayed_lr(iterations)
        for p, g, a in zip(params, grads, accumulators):
            new_a = _read(a) + K.square(g)
            self.updates.append(K.update(a, new_a))
            new_p = _read(p) - lr * g / (K.sqrt(new_a) + self.epsilon)
            self._update_param(p, new_p)
        return self.updates

    def get_config(self):
        config = self._hyper_config(['lr', 'decay'])
        config['epsilon'] = self.epsilon
        return self._with_base_config(config)


class Adadelta(Optimizer):
    """Adadelta: steps scaled by running averages of both the squared
    gradients and the squared steps, so that no learning rate needs tuning.

    At each step: `a = rho * a + (1 - rho) * g ** 2`,
    `step = g * sqrt(d + epsilon) / sqrt(a + epsilon)`,
    `p = p - lr * step`, then `d = rho * d + (1 - rho) * step ** 2`.

    # Arguments
        lr: the initial learning rate; 1.0 is the usual value.
        rho: the decay of the running averages.
        epsilon: fuzz factor; `None` means `K.epsilon()`.
        decay: >= 0; the learning rate of step `t` is
            `lr / (1 + decay * t)`.
        **kwargs: `clipnorm`, `clipvalue` (see `Optimizer`).
    """

    def __init__(self, lr=1.0, rho=0.95, epsilon=None, decay=0.,
                 **kwargs):
        super(Adadelta, self).__init__(**kwargs)
        with K.name_scope(self.__class__.__name__):
            self.lr = K.variable(lr, name='lr')
            self.decay = K.variable(decay, name='decay')
            self.iterations = K.variable(0, dtype='int64', name='iterations')
        self.rho = rho
        self.epsilon = K.epsilon() if epsilon is None else epsilon
        self.initial_decay = decay

    @_get_updates_method
    def get_updates(self, loss, params):
        grads = self.get_gradients(loss, params)
        accumulators = _zeros_like_params(params)
        delta_accumulators = _zeros_like_params(params)
        # Keras 2.2 saved the two sets of accumulators only.
        self.weights = accumulators + delta_accumulators
        iterations = self._start_step()
        lr = self._decayed_lr(iterations)
        for p, g, a, d in zip(params, grads, accumulators,
                              delta_accumulators):
            new_a = self.rho * _read(a) + (1. - self.rho) * K.square(g)
            self.updates.append(K.update(a, new_a))
            d_value = _read(d)
            # The step uses the new squared-gradient average and the old
            # squared-step average.
            step = g * K.sqrt(d_value + self.epsilon) / K.sqrt(
                new_a + self.epsilon)
            self._update_param(p, _read(p) - lr * step)
            new_d = self.rho * d_value + (1. - self.rho) * K.square(step)
            self.updates.append(K.update(d, new_d))
        return self.updates

    def get_config(self):
        config = self._hyper_config(['lr', 'decay'])
        config['rho'] = self.rho
        config['epsilon'] = self.epsilon
        return self._with_base_config(config)


class Adam(Optimizer):
    """Adam (Kingma & Ba, 2014): steps from bias-corrected running averages
    of the gradients and of their squares.

    At step `t` (from 1): `m = beta_1 * m + (1 - beta_1) * g`,
    `v = beta_2 * v + (1 - beta_2) * g ** 2`,
    `lr_t = lr * sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t)` and
    `p = p - lr_t * m / (sqrt(v) + epsilon)`. With `amsgrad`, `sqrt(v)` is
    replaced by the square root of the largest `v` seen so far
    (Reddi et al., 2018).

    # Arguments
        lr: the learning rate, >= 0.
        beta_1: decay of the gradient average, in (0, 1).
        beta_2: decay of the squared-gradient average, in (0, 1).
        epsilon: fuzz factor; `None` means `K.epsilon()`.
        decay: >= 0; the learning rate of step `t` is
            `lr / (1 + decay * t)`.
        amsgrad: whether to use the AMSGrad variant.
        **kwargs: `clipnorm`, `clipvalue` (see `Optimizer`).
    """

    def __init__(self, lr=0.001, beta_1=0.9, beta_2=0.999, epsilon=None,
                 decay=0., amsgrad=False, **kwargs):
        super(Adam, self).__init__(**kwargs)
        with K.name_scope(self.__class__.__name__):
            self.iterations = K.variable(0, dtype='int64', name='iterations')
            self.lr = K.variable(lr, name='lr')
            self.beta_1 = K.variable(beta_1, name='beta_1')
            self.beta_2 = K.variable(beta_2, name='beta_2')
            self.decay = K.variable(decay, name='decay')
        self.epsilon = K.epsilon() if epsilon is None else epsilon
        self.initial_decay = decay
        self.amsgrad = amsgrad

    @_get_updates_method
    def get_updates(self, loss, params):
        grads = self.get_gradients(loss, params)
        iterations = self._start_step()
        lr = self._decayed_lr(iterations)
        t = K.cast(iterations, K.floatx()) + 1
        lr_t = lr * (K.sqrt(1. - K.pow(self.beta_2, t)) /
                     (1. - K.pow(self.beta_1, t)))
        ms = _zeros_like_params(params)
        vs = _zeros_like_params(params)
        if self.amsgrad:
            vhats = _zeros_like_params(params)
        else:
            # Unused, but part of the saved state in Keras 2.2.
            vhats = [K.zeros(1) for _ in params]
        self.weights = [self.iterations] + ms + vs + vhats
        for p, g, m, v, vhat in zip(params, grads, ms, vs, vhats):
            m_t = self.beta_1 * _read(m) + (1. - self.beta_1) * g
            v_t = self.beta_2 * _read(v) + (1. - self.beta_2) * K.square(g)
            if self.amsgrad:
                vhat_t = K.maximum(_read(vhat), v_t)
                denominator = K.sqrt(vhat_t) + self.epsilon
                self.updates.append(K.update(vhat, vhat_t))
            else:
                denominator = K.sqrt(v_t) + self.epsilon
            self.updates.append(K.update(m, m_t))
            self.updates.append(K.update(v, v_t))
            self._update_param(p, _read(p) - lr_t * m_t / denominator)
        return self.updates

    def get_config(self):
        config = self._hyper_config(['lr', 'beta_1', 'beta_2', 'decay'])
        config['epsilon'] = self.epsilon
        config['amsgrad'] = self.amsgrad
        return self._with_base_config(config)


class Adamax(Optimizer):
    """Adamax: the variant of Adam based on the infinity norm (section 7 of
    the Adam paper).

    At step `t` (from 1): `m = beta_1 * m + (1 - beta_1) * g`,
    `u = max(beta_2 * u, abs(g))` and
    `p = p - lr / (1 - beta_1 ** t) * m / (u + epsilon)`.

    # Arguments
        lr: the learning rate, >= 0.
        beta_1: decay of the gradient average, in (0, 1).
        beta_2: decay of the infinity norm, in (0, 1).
        epsilon: fuzz factor; `None` means `K.epsilon()`.
        decay: >= 0; the learning rate of step `t` is
            `lr / (1 + decay * t)`.
        **kwargs: `clipnorm`, `clipvalue` (see `Optimizer`).
    """

    def __init__(self, lr=0.002, beta_1=0.9, beta_2=0.999, epsilon=None,
                 decay=0., **kwargs):
        super(Adamax, self).__init__(**kwargs)
        with K.name_scope(self.__class__.__name__):
            self.iterations = K.variable(0, dtype='int64', name='iterations')
            self.lr = K.variable(lr, name='lr')
            self.beta_1 = K.variable(beta_1, name='beta_1')
            self.beta_2 = K.variable(beta_2, name='beta_2')
            self.decay = K.variable(decay, name='decay')
        self.epsilon = K.epsilon() if epsilon is None else epsilon
        self.initial_decay = decay

    @_get_updates_method
    def get_updates(self, loss, params):
        grads = self.get_gradients(loss, params)
        iterations = self._start_step()
        lr = self._decayed_lr(iterations)
        t = K.cast(iterations, K.floatx()) + 1
        lr_t = lr / (1. - K.pow(self.beta_1, t))
        ms = _zeros_like_params(params)
        us = _zeros_like_params(params)
        self.weights = [self.iterations] + ms + us
        for p, g, m, u in zip(params, grads, ms, us):
            m_t = self.beta_1 * _read(m) + (1. - self.beta_1) * g
            u_t = K.maximum(self.beta_2 * _read(u), K.abs(g))
            self.updates.append(K.update(m, m_t))
            self.updates.append(K.update(u, u_t))
            self._update_param(p, _read(p) - lr_t * m_t / (u_t + self.epsilon))
        return self.updates

    def get_config(self):
        config = self._hyper_config(['lr', 'beta_1', 'beta_2', 'decay'])
        config['epsilon'] = self.epsilon
        return self._with_base_config(config)


class Nadam(Optimizer):
    """Nesterov Adam (Dozat, 2015): Adam with Nesterov momentum and a
    momentum schedule that warms up.

    The momentum of step `t` is
    `mu_t = beta_1 * (1 - 0.5 * 0.96 ** (t * schedule_decay))`; the product
    of the momentums so far is kept in the variable `m_schedule`.

    # Arguments
        lr: the learning rate, >= 0.
        beta_1: the momentum, in (0, 1).
        beta_2: decay of the squared-gradient average, in (0, 1).
        epsilon: fuzz factor; `None` means `K.epsilon()`.
        schedule_decay: how fast the momentum warms up.
        **kwargs: `clipnorm`, `clipvalue` (see `Optimizer`).
    """

    def __init__(self, lr=0.002, beta_1=0.9, beta_2=0.999, epsilon=None,
                 schedule_decay=0.004, **kwargs):
        super(Nadam, self).__init__(**kwargs)
        with K.name_scope(self.__class__.__name__):
            self.iterations = K.variable(0, dtype='int64', name='iterations')
            self.m_schedule = K.variable(1., name='m_schedule')
            self.lr = K.variable(lr, name='lr')
            self.beta_1 = K.variable(beta_1, name='beta_1')
            self.beta_2 = K.variable(beta_2, name='beta_2')
        self.epsilon = K.epsilon() if epsilon is None else epsilon
        self.schedule_decay = schedule_decay

    @_get_updates_method
    def get_updates(self, loss, params):
        grads = self.get_gradients(loss, params)
        iterations = self._start_step()
        t = K.cast(iterations, K.floatx()) + 1
        base = K.cast_to_floatx(0.96)
        mu_t = self.beta_1 * (1. - 0.5 * K.pow(base, t * self.schedule_decay))
        mu_next = self.beta_1 * (
            1. - 0.5 * K.pow(base, (t + 1) * self.schedule_decay))
        m_schedule_new = _read(self.m_schedule) * mu_t
        m_schedule_next = m_schedule_new * mu_next
        self.updates.append(K.update(self.m_schedule, m_schedule_new))
        ms = _zeros_like_params(params)
        vs = _zeros_like_params(params)
        # Keras 2.2 did not save m_schedule with the state.
        self.weights = [self.iterations] + ms + vs
        for p, g, m, v in zip(params, grads, ms, vs):
            g_prime = g / (1. - m_schedule_new)
            m_t = self.beta_1 * _read(m) + (1. - self.beta_1) * g
            m_t_prime = m_t / (1. - m_schedule_next)
            v_t = self.beta_2 * _read(v) + (1. - self.beta_2) * K.square(g)
            v_t_prime = v_t / (1. - K.pow(self.beta_2, t))
            m_t_bar = (1. - mu_t) * g_prime + mu_next * m_t_prime
            self.updates.append(K.update(m, m_t))
            self.updates.append(K.update(v, v_t))
            new_p = _read(p) - self.lr * m_t_bar / (K.sqrt(v_t_prime) +
                                                    self.epsilon)
            self._update_param(p, new_p)
        return self.updates

    def get_config(self):
        config = self._hyper_config(['lr', 'beta_1', 'beta_2'])
        config['epsilon'] = self.epsilon
        config['schedule_decay'] = self.schedule_decay
        return self._with_base_config(config)


class _ApplyGradients(KerasUpdate):
    """A pending `apply_gradients` of a TensorFlow optimizer.

    Like the other updates, it is built by the `K.function` that lists it,
    after that function's outputs, so the step cannot overtake the forward
    pass.
    """

    __slots__ = ('optimizer', 'grads_and_vars')

    def __init__(self, optimizer, grads_and_vars, global_step):
        super(_ApplyGradients, self).__init__(global_step, 'apply', None)
        self.optimizer = optimizer
        self.grads_and_vars = grads_and_vars

    def build(self):
        return self.optimizer.apply_gradients(self.grads_and_vars,
                                              global_step=self.variable)


class TFOptimizer(Optimizer):
    """Lets a TensorFlow optimizer train a Keras model.

    # Arguments
        optimizer: a TensorFlow 1 optimizer, such as
            `tf.compat.v1.train.AdamOptimizer(0.001)`.

    # Raises
        TypeError: if `optimizer` is not one (TensorFlow 2 / Keras 3
            optimizers cannot act in the Keras graph).

    The wrapped optimizer keeps its own state, so `weights`, `get_config`
    and `from_config` are not available, as in Keras 2.2; `iterations`
    counts the steps. (Keras 2.2.4 advanced `iterations` twice per step;
    here it advances once.)

    # Example
    ```python
        model.compile(optimizer=tf.compat.v1.train.AdamOptimizer(0.01),
                      loss='mse')
    ```
    """

    def __init__(self, optimizer):
        if not (hasattr(optimizer, 'compute_gradients') and
                hasattr(optimizer, 'apply_gradients')):
            raise TypeError('TFOptimizer: `optimizer` must be a TensorFlow 1 '
                            'optimizer (tf.compat.v1.train.Optimizer), got '
                            '%r.' % (optimizer,))
        self.optimizer = optimizer
        self.updates = []
        with K.name_scope(self.__class__.__name__):
            self.iterations = K.variable(0, dtype='int64', name='iterations')

    @_get_updates_method
    def get_updates(self, loss, params):
        grads_and_vars = self.optimizer.compute_gradients(loss, params)
        self.updates = [_ApplyGradients(self.optimizer, grads_and_vars,
                                        self.iterations)]
        return self.updates

    @property
    def weights(self):
        raise NotImplementedError('TFOptimizer keeps its state in the '
                                  'wrapped TensorFlow optimizer; it has no '
                                  'Keras weights.')

    def get_config(self):
        raise NotImplementedError('A TFOptimizer cannot be serialized.')

    def from_config(self, config):
        raise NotImplementedError('A TFOptimizer cannot be deserialized.')


# Names Keras 2.2 also accepted.
sgd = SGD
rmsprop = RMSprop
adagrad = Adagrad
adadelta = Adadelta
adam = Adam
adamax = Adamax
nadam = Nadam

# Built-in optimizers are found whatever the case of their name.
_OBJECTS = {name.lower(): cls for name, cls in _identifiers.public_objects(
    globals(), ['SGD', 'RMSprop', 'Adagrad', 'Adadelta', 'Adam', 'Adamax',
                'Nadam', 'TFOptimizer']).items()}


def serialize(optimizer):
    """An optimizer as a JSON-friendly dict.

    # Arguments
        optimizer: an `Optimizer` instance.

    # Returns
        `{'class_name': ..., 'config': ...}`.
    """
    return _identifiers.serialize(optimizer)


def deserialize(config, custom_objects=None):
    """Builds an optimizer from a dict made by `serialize`.

    # Arguments
        config: `{'class_name': ..., 'config': ...}`; the class name of a
            built-in optimizer may have any case (`'adam'`, `'Adam'`). As
            in Keras 2.2, that name is lowercased in `config` itself.
        custom_objects: optional dict of user optimizers, searched first.

    # Returns
        An optimizer.

    # Raises
        ValueError: `Unknown optimizer: <name>`.
    """
    if isinstance(config, dict) and isinstance(config.get('class_name'), str):
        name = config['class_name']
        if name.lower() in _OBJECTS and not (custom_objects and
                                             name in custom_objects):
            # Keras 2.2 lowercased the name in the caller's dict itself,
            # and code comparing a config before and after deserializing
            # (Keras 2.2's own tests among it) relies on that.
            config['class_name'] = name.lower()
    return _identifiers.deserialize(config, _OBJECTS, 'optimizer',
                                    custom_objects)


def get(identifier):
    """Turns what `compile(optimizer=...)` was given into an optimizer.

    # Arguments
        identifier: a name (`'adam'`: a new instance with the default
            arguments), a dict made by `serialize`, an `Optimizer`, or a
            TensorFlow 1 optimizer (wrapped in a `TFOptimizer`).

    # Returns
        An `Optimizer`.

    # Raises
        ValueError: for an unknown name or anything else.
    """
    if isinstance(identifier, tf.compat.v1.train.Optimizer):
        return TFOptimizer(identifier)
    if isinstance(identifier, dict):
        return deserialize(identifier)
    if isinstance(identifier, str):
        return deserialize({'class_name': identifier, 'config': {}})
    if isinstance(identifier, Optimizer):
        return identifier
    raise ValueError('Could not interpret optimizer identifier: %s'
                     % (identifier,))
