"""keras22.optimizers: trajectories against NumPy re-implementations of the
Keras 2.2.4 update rules, state, configuration, lookup, TFOptimizer."""
import warnings

import numpy as np
import pytest
import tensorflow as tf

from keras22 import backend as K
from keras22 import constraints, optimizers

EPS = 1e-7
RNG = np.random.RandomState(42)
# Loss: sum(0.5 * A * W**2 + B * W) + sum(0.5 * C * b**2 + D * b), so the
# gradients A * W + B and C * b + D change at each step.
A = RNG.uniform(0.5, 2., (2, 3))
B = RNG.uniform(-1., 1., (2, 3))
C = RNG.uniform(0.5, 2., (3,))
D = RNG.uniform(-1., 1., (3,))
W0 = RNG.uniform(-1., 1., (2, 3))
B0 = RNG.uniform(-1., 1., (3,))


def np_loss(w, b):
    return (0.5 * A * w ** 2 + B * w).sum() + (0.5 * C * b ** 2 + D * b).sum()


def np_grads(params, clipnorm=None, clipvalue=None):
    w, b = params
    grads = [A * w + B, C * b + D]
    if clipnorm:
        norm = np.sqrt(sum((g ** 2).sum() for g in grads))
        if norm >= clipnorm:
            grads = [g * clipnorm / norm for g in grads]
    if clipvalue:
        grads = [np.clip(g, -clipvalue, clipvalue) for g in grads]
    return grads


# NumPy versions of the Keras 2.2.4 rules: step(t, p, g, state, cfg) with t
# the number of steps done before, returning the new parameter.

def np_lr(cfg, t):
    return cfg.get('lr', 0) / (1. + cfg.get('decay', 0.) * t)


def sgd_step(t, p, g, s, cfg):
    lr, mu = np_lr(cfg, t), cfg.get('momentum', 0.)
    v = mu * s.get('m', 0.) - lr * g
    s['m'] = v
    if cfg.get('nesterov'):
        return p + mu * v - lr * g
    return p + v


def rmsprop_step(t, p, g, s, cfg):
    rho = cfg.get('rho', 0.9)
    s['a'] = rho * s.get('a', 0.) + (1 - rho) * g ** 2
    return p - np_lr(cfg, t) * g / (np.sqrt(s['a']) + EPS)


def adagrad_step(t, p, g, s, cfg):
    s['a'] = s.get('a', 0.) + g ** 2
    return p - np_lr(cfg, t) * g / (np.sqrt(s['a']) + EPS)


def adadelta_step(t, p, g, s, cfg):
    rho = cfg.get('rho', 0.95)
    s['a'] = rho * s.get('a', 0.) + (1 - rho) * g ** 2
    d = s.get('d', 0.)
    step = g * np.sqrt(d + EPS) / np.sqrt(s['a'] + EPS)
    s['d'] = rho * d + (1 - rho) * step ** 2
    return p - np_lr(cfg, t) * step


def adam_step(t, p, g, s, cfg):
    b1, b2 = cfg.get('beta_1', 0.9), cfg.get('beta_2', 0.999)
    eps = cfg.get('epsilon', EPS)
    n = t + 1
    lr_t = np_lr(cfg, t) * np.sqrt(1 - b2 ** n) / (1 - b1 ** n)
    s['m'] = b1 * s.get('m', 0.) + (1 - b1) * g
    s['v'] = b2 * s.get('v', 0.) + (1 - b2) * g ** 2
    denominator = s['v']
    if cfg.get('amsgrad'):
        s['vhat'] = np.maximum(s.get('vhat', 0.), s['v'])
        denominator = s['vhat']
    return p - lr_t * s['m'] / (np.sqrt(denominator) + eps)


def adamax_step(t, p, g, s, cfg):
    b1, b2 = cfg.get('beta_1', 0.9), cfg.get('beta_2', 0.999)
    lr_t = np_lr(cfg, t) / (1 - b1 ** (t + 1))
    s['m'] = b1 * s.get('m', 0.) + (1 - b1) * g
    s['u'] = np.maximum(b2 * s.get('u', 0.), np.abs(g))
    return p - lr_t * s['m'] / (s['u'] + EPS)


def nadam_step(t, p, g, s, cfg):
    b1, b2, sd = 0.9, 0.999, cfg.get('schedule_decay', 0.004)
    n = t + 1
    mu_t = b1 * (1 - 0.5 * 0.96 ** (n * sd))
    mu_next = b1 * (1 - 0.5 * 0.96 ** ((n + 1) * sd))
    # m_schedule is shared by all parameters: kept in cfg['_shared'].
    shared = cfg['_shared']
    if shared.get('t') != t:
        shared['t'] = t
        shared['m_schedule'] = shared.get('m_schedule', 1.) * mu_t
    m_schedule_new = shared['m_schedule']
    m_schedule_next = m_schedule_new * mu_next
    g_prime = g / (1 - m_schedule_new)
    s['m'] = b1 * s.get('m', 0.) + (1 - b1) * g
    s['v'] = b2 * s.get('v', 0.) + (1 - b2) * g ** 2
    m_t_prime = s['m'] / (1 - m_schedule_next)
    v_t_prime = s['v'] / (1 - b2 ** n)
    m_t_bar = (1 - mu_t) * g_prime + mu_next * m_t_prime
    return p - cfg['lr'] * m_t_bar / (np.sqrt(v_t_prime) + EPS)


def gd_step(t, p, g, s, cfg):
    return p - cfg['lr'] * g


CASES = [
    ('SGD', sgd_step, {'lr': 0.1}),
    ('SGD', sgd_step, {'lr': 0.1, 'momentum': 0.9}),
    ('SGD', sgd_step, {'lr': 0.1, 'momentum': 0.9, 'nesterov': True,
                       'decay': 0.5}),
    ('SGD', sgd_step, {'lr': 0.1, 'clipnorm': 1.}),
    ('SGD', sgd_step, {'lr': 0.1, 'clipnorm': 100.}),
    ('SGD', sgd_step, {'lr': 0.1, 'clipvalue': 0.3}),
    ('RMSprop', rmsprop_step, {'lr': 0.01}),
    ('RMSprop', rmsprop_step, {'lr': 0.01, 'rho': 0.8, 'decay': 0.3}),
    ('Adagrad', adagrad_step, {'lr': 0.1, 'decay': 0.2}),
    ('Adadelta', adadelta_step, {'lr': 1.0}),
    ('Adadelta', adadelta_step, {'lr': 0.5, 'rho': 0.9, 'decay': 0.1}),
    ('Adam', adam_step, {'lr': 0.01}),
    ('Adam', adam_step, {'lr': 0.01, 'amsgrad': True, 'decay': 0.2,
                         'beta_1': 0.8}),
    ('Adam', adam_step, {'lr': 0.01, 'clipnorm': 0.5, 'clipvalue': 0.2}),
    ('Adamax', adamax_step, {'lr': 0.02, 'decay': 0.1}),
    ('Nadam', nadam_step, {'lr': 0.02}),
    ('Nadam', nadam_step, {'lr': 0.02, 'schedule_decay': 0.1}),
]


def build(optimizer, w0=W0, b0=B0, w_constraint=None):
    """A training function of the quadratic loss; the coefficients are
    placeholders so that the loss is symbolic."""
    w = K.variable(w0, name='w', constraint=w_constraint)
    b = K.variable(b0, name='b')
    a, bb = K.placeholder(shape=(2, 3)), K.placeholder(shape=(2, 3))
    c, d = K.placeholder(shape=(3,)), K.placeholder(shape=(3,))
    loss = (K.sum(a * w * w * 0.5 + bb * w) +
            K.sum(c * b * b * 0.5 + d * b))
    updates = optimizer.get_updates(loss=loss, params=[w, b])
    train = K.function([a, bb, c, d], [loss], updates=updates)

    def step():
        return float(train([A, B, C, D])[0])
    return step, w, b, train


def reference(step_fn, cfg, steps, params=(W0, B0)):
    cfg = dict(cfg, _shared={})
    params = [np.array(p, dtype='float64') for p in params]
    states = [{} for _ in params]
    losses, trajectory = [], []
    for t in range(steps):
        losses.append(np_loss(*params))
        grads = np_grads(params, cfg.get('clipnorm'), cfg.get('clipvalue'))
        params = [step_fn(t, p, g, s, cfg)
                  for p, g, s in zip(params, grads, states)]
        trajectory.append(params)
    return losses, trajectory


@pytest.mark.parametrize('name,step_fn,cfg', CASES,
                         ids=['%s-%d' % (c[0], i) for i, c in
                              enumerate(CASES)])
def test_trajectory_matches_keras_2_2_rules(name, step_fn, cfg):
    optimizer = getattr(optimizers, name)(**cfg)
    step, w, b, train = build(optimizer)
    expected_losses, trajectory = reference(step_fn, cfg, 3)
    for t in range(3):
        # The loss is computed with the weights from before the step.
        np.testing.assert_allclose(step(), expected_losses[t], rtol=1e-5)
        np.testing.assert_allclose(K.get_value(w), trajectory[t][0],
                                   rtol=2e-5, atol=1e-6)
        np.testing.assert_allclose(K.get_value(b), trajectory[t][1],
                                   rtol=2e-5, atol=1e-6)
    assert K.get_value(optimizer.iterations) == 3
    assert train.trace_count == 1


def test_defaults_and_hyperparameter_variables():
    expected = {
        'SGD': {'lr': 0.01, 'momentum': 0., 'decay': 0., 'nesterov': False},
        'RMSprop': {'lr': 0.001, 'rho': 0.9, 'decay': 0., 'epsilon': EPS},
        'Adagrad': {'lr': 0.01, 'decay': 0., 'epsilon': EPS},
        'Adadelta': {'lr': 1.0, 'rho': 0.95, 'decay': 0., 'epsilon': EPS},
        'Adam': {'lr': 0.001, 'beta_1': 0.9, 'beta_2': 0.999, 'decay': 0.,
                 'epsilon': EPS, 'amsgrad': False},
        'Adamax': {'lr': 0.002, 'beta_1': 0.9, 'beta_2': 0.999, 'decay': 0.,
                   'epsilon': EPS},
        'Nadam': {'lr': 0.002, 'beta_1': 0.9, 'beta_2': 0.999,
                  'epsilon': EPS, 'schedule_decay': 0.004},
    }
    for name, config in expected.items():
        optimizer = getattr(optimizers, name)()
        assert optimizer.get_config() == pytest.approx(config)
        assert K.dtype(optimizer.iterations) == 'int64'
        assert K.get_value(optimizer.iterations) == 0
        assert K.dtype(optimizer.lr) == K.floatx()
        K.set_value(optimizer.lr, 0.5)
        assert optimizer.get_config()['lr'] == 0.5
    assert optimizers.Adam(epsilon=1e-3).epsilon == 1e-3
    K.set_epsilon(1e-4)
    assert optimizers.RMSprop().epsilon == 1e-4


def test_set_lr_during_training():
    optimizer = optimizers.SGD(lr=0.1)
    step, w, _, _ = build(optimizer)
    step()
    before = K.get_value(w)
    K.set_value(optimizer.lr, 0.)
    step()
    np.testing.assert_array_equal(K.get_value(w), before)


@pytest.mark.parametrize('name,count', [('SGD', 3), ('RMSprop', 2),
                                        ('Adagrad', 2), ('Adadelta', 4),
                                        ('Adam', 7), ('Adamax', 5),
                                        ('Nadam', 5)])
def test_weights_save_and_restore_state(name, count):
    # The layout of Keras 2.2.4, and so of its saved models: `iterations`
    # first, except for RMSprop, Adagrad and Adadelta, which kept their
    # accumulators only.
    optimizer = getattr(optimizers, name)(lr=0.01)
    step, w, b, _ = build(optimizer)
    step()
    step()
    state = optimizer.get_weights()
    assert len(optimizer.weights) == count == len(state)
    if name not in ('RMSprop', 'Adagrad', 'Adadelta'):
        assert optimizer.weights[0] is optimizer.iterations
        assert state[0] == 2
    params_after_two = (K.get_value(w), K.get_value(b))
    m_schedule = K.get_value(getattr(optimizer, 'm_schedule', w))
    step()

    # A new optimizer given that state makes the same third step.
    other = getattr(optimizers, name)(lr=0.01)
    step2, w2, b2, _ = build(other, *params_after_two)
    other.set_weights(state)
    if name == 'Nadam':  # not part of the saved state in Keras 2.2.4
        K.set_value(other.m_schedule, m_schedule)
    step2()
    np.testing.assert_allclose(K.get_value(w2), K.get_value(w), rtol=1e-5)
    np.testing.assert_allclose(K.get_value(b2), K.get_value(b), rtol=1e-5)

    with pytest.raises(ValueError, match=r'Length of the specified weight '
                                         r'list \(%d\).*optimizer \(%d\)'
                                         % (count - 1, count)):
        other.set_weights(state[1:])
    bad = list(state)
    bad[-1] = np.zeros((7,))
    with pytest.raises(ValueError, match=r'Optimizer weight shape \(\d,\) '
                                         r'not compatible with provided '
                                         r'weight shape \(7,\)'):
        other.set_weights(bad)


def test_constraint_applied_to_new_value():
    optimizer = optimizers.SGD(lr=1.)
    step, w, _, _ = build(optimizer, w_constraint=constraints.NonNeg())
    step()
    w_np = K.get_value(w)
    assert (w_np >= 0).all()
    unconstrained = W0 - 1. * (A * W0 + B)
    np.testing.assert_allclose(w_np, np.maximum(unconstrained, 0),
                               rtol=1e-5, atol=1e-7)


def test_none_gradient_error():
    w = K.variable(np.ones(2))
    unused = K.variable(np.ones(2), name='unused')
    x = K.placeholder(shape=(2,))
    loss = K.sum(x * w)
    with pytest.raises(ValueError, match='An operation has `None` for '
                                         'gradient.*unused'):
        optimizers.SGD().get_updates(loss, [w, unused])
    with pytest.raises(ValueError, match='None` for gradient'):
        optimizers.Adam().get_gradients(K.cast(K.argmax(x * w), 'float32'),
                                        [w])


def test_unexpected_kwargs():
    with pytest.raises(TypeError, match='Unexpected keyword argument passed '
                                        'to optimizer: foo'):
        optimizers.SGD(foo=1)
    with pytest.raises(TypeError, match='Unexpected keyword argument'):
        optimizers.Adam(lr=0.1, momentum=0.9)
    optimizer = optimizers.Adam(clipnorm=1., clipvalue=0.5)
    config = optimizer.get_config()
    assert config['clipnorm'] == 1. and config['clipvalue'] == 0.5
    assert 'clipnorm' not in optimizers.Adam().get_config()


@pytest.mark.parametrize('name', ['SGD', 'RMSprop', 'Adagrad', 'Adadelta',
                                  'Adam', 'Adamax', 'Nadam'])
def test_config_round_trips(name):
    cls = getattr(optimizers, name)
    optimizer = cls(lr=0.25, clipnorm=2.)
    config = optimizer.get_config()
    clone = cls.from_config(config)
    assert clone.get_config() == config
    serialized = optimizers.serialize(optimizer)
    assert serialized['class_name'] == name
    assert optimizers.deserialize(serialized).get_config() == config
    assert type(optimizers.get(serialized)) is cls
    for key in (name, name.lower(), name.upper()):
        assert type(optimizers.get(key)) is cls
    assert getattr(optimizers, name.lower()) is cls


def test_deserialize_lowercases_name_in_given_config():
    # Keras 2.2 lowercased a built-in name in the caller's dict; code that
    # compares the config with a new serialization relies on it.
    config = optimizers.serialize(optimizers.SGD(lr=0.5, momentum=0.9))
    assert config['class_name'] == 'SGD'
    clone = optimizers.deserialize(config)
    assert config['class_name'] == 'sgd'
    again = optimizers.serialize(clone)
    again['class_name'] = again['class_name'].lower()
    assert again == config


def test_get_instances_and_errors():
    optimizer = optimizers.Adam()
    assert optimizers.get(optimizer) is optimizer
    sgd = optimizers.get({'class_name': 'SGD', 'config': {'lr': 0.5}})
    assert isinstance(sgd, optimizers.SGD)
    assert K.get_value(sgd.lr) == 0.5
    wrapped = optimizers.get(tf.compat.v1.train.GradientDescentOptimizer(1.))
    assert isinstance(wrapped, optimizers.TFOptimizer)
    with pytest.raises(ValueError, match='Unknown optimizer: foo'):
        optimizers.get('foo')
    with pytest.raises(ValueError, match='Could not interpret optimizer '
                                         'identifier: 5'):
        optimizers.get(5)

    class MyOptimizer(optimizers.SGD):
        pass
    custom = optimizers.deserialize(
        {'class_name': 'MyOptimizer', 'config': {'lr': 0.3}},
        custom_objects={'MyOptimizer': MyOptimizer})
    assert type(custom) is MyOptimizer


def test_clip_norm_function():
    g = K.variable(np.array([3., 4.]))
    np.testing.assert_allclose(K.eval(optimizers.clip_norm(g, 1., K.constant(
        5.))), [0.6, 0.8], rtol=1e-6)
    np.testing.assert_allclose(K.eval(optimizers.clip_norm(g, 10., K.constant(
        5.))), [3., 4.])
    assert optimizers.clip_norm(g, 0., K.constant(5.)) is g
    sliced = tf.IndexedSlices(tf.constant([[3., 4.]]), tf.constant([1]),
                              tf.constant([3, 2]))
    clipped = optimizers.clip_norm(sliced, 1., K.constant(5.))
    assert isinstance(clipped, tf.IndexedSlices)
    np.testing.assert_allclose(clipped.values.numpy(), [[0.6, 0.8]],
                               rtol=1e-6)


def test_embedding_like_sparse_gradients_are_clipped():
    table = K.variable(np.ones((4, 2)))
    ids = K.placeholder(shape=(None,), dtype='int32')
    loss = K.sum(K.gather(table, ids) * 3.)
    optimizer = optimizers.SGD(lr=1., clipnorm=1.)
    train = K.function([ids], [loss],
                       optimizer.get_updates(loss, [table]))
    train([np.array([1])])
    # Gradient [3, 3] on row 1, norm sqrt(18), rescaled to norm 1.
    expected = np.ones((4, 2))
    expected[1] -= 3. / np.sqrt(18.)
    np.testing.assert_allclose(K.get_value(table), expected, rtol=1e-5)


def test_legacy_get_updates_call():
    w = K.variable(np.ones(2))
    x = K.placeholder(shape=(2,))
    loss = K.sum(x * w)
    optimizer = optimizers.SGD(lr=0.5)
    with pytest.warns(UserWarning, match='get_updates'):
        updates = optimizer.get_updates([w], {}, loss)
    K.function([x], [loss], updates)([np.ones(2)])
    np.testing.assert_allclose(K.get_value(w), [0.5, 0.5])
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        assert optimizer.get_updates(loss=loss, params=[w],
                                     constraints={})


@pytest.mark.parametrize('name', ['SGD', 'RMSprop', 'Adagrad', 'Adadelta',
                                  'Adam', 'Adamax', 'Nadam'])
def test_every_get_updates_call_form(name):
    # The Keras 2.0 form (params, constraints, loss), positional or with
    # `loss=`, and the Keras 2.2 form (loss, params), in every spelling.
    param = K.variable(1.)
    x = K.placeholder(shape=())
    loss = K.mean(x * param)
    params = [param]
    constraints_ = {param: lambda v: v}
    optimizer = getattr(optimizers, name)()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        calls = [optimizer.get_updates(params, constraints_, loss),
                 optimizer.get_updates(params, constraints_, loss=loss)]
    calls += [optimizer.get_updates(loss, params),
              optimizer.get_updates(loss, params=params),
              optimizer.get_updates(loss=loss, params=params)]
    for updates in calls:
        before = K.get_value(param)
        K.function([x], [loss], updates)([np.float32(1.)])
        # d(loss)/d(param) = 1 > 0, so every optimizer lowers the value.
        assert K.get_value(param) < before


def test_base_optimizer_is_abstract():
    with pytest.raises(NotImplementedError):
        optimizers.Optimizer().get_updates(None, [])
    assert optimizers.Optimizer().get_weights() == []


@pytest.mark.parametrize('cfg', [{'lr': 0.1}])
def test_tf_optimizer_gradient_descent(cfg):
    optimizer = optimizers.TFOptimizer(
        tf.compat.v1.train.GradientDescentOptimizer(cfg['lr']))
    step, w, b, train = build(optimizer)
    expected_losses, trajectory = reference(gd_step, cfg, 3)
    for t in range(3):
        np.testing.assert_allclose(step(), expected_losses[t], rtol=1e-5)
        np.testing.assert_allclose(K.get_value(w), trajectory[t][0],
                                   rtol=1e-5)
        np.testing.assert_allclose(K.get_value(b), trajectory[t][1],
                                   rtol=1e-5)
    # One increment per step (Keras 2.2.4 counted two).
    assert K.get_value(optimizer.iterations) == 3
    assert train.trace_count == 1


def test_tf_optimizer_adam_matches_adam_rule():
    optimizer = optimizers.get(tf.compat.v1.train.AdamOptimizer(0.01))
    step, w, b, _ = build(optimizer)
    cfg = {'lr': 0.01, 'epsilon': 1e-8}
    expected_losses, trajectory = reference(adam_step, cfg, 3)
    for t in range(3):
        np.testing.assert_allclose(step(), expected_losses[t], rtol=1e-5)
    np.testing.assert_allclose(K.get_value(w), trajectory[-1][0], rtol=1e-4)
    np.testing.assert_allclose(K.get_value(b), trajectory[-1][1], rtol=1e-4)


def test_tf_optimizer_limits():
    optimizer = optimizers.TFOptimizer(
        tf.compat.v1.train.GradientDescentOptimizer(0.1))
    with pytest.raises(NotImplementedError):
        optimizer.weights
    with pytest.raises(NotImplementedError):
        optimizer.get_config()
    with pytest.raises(NotImplementedError):
        optimizer.from_config({})
    with pytest.raises(TypeError, match='TensorFlow 1 optimizer'):
        optimizers.TFOptimizer('sgd')


def test_user_optimizer_in_keras_2_2_style():
    # Written as Keras 2.2 users did: arithmetic on variables, no reads.
    class PlainMomentum(optimizers.Optimizer):
        def __init__(self, lr=0.1, momentum=0.5, **kwargs):
            super(PlainMomentum, self).__init__(**kwargs)
            self.iterations = K.variable(0, dtype='int64')
            self.lr = K.variable(lr)
            self.momentum = K.variable(momentum)

        def get_updates(self, loss, params):
            grads = self.get_gradients(loss, params)
            moments = [K.zeros(K.int_shape(p)) for p in params]
            self.weights = [self.iterations] + moments
            self.updates = [K.update_add(self.iterations, 1)]
            for p, g, m in zip(params, grads, moments):
                v = self.momentum * m - self.lr * g
                self.updates.append(K.update(m, v))
                self.updates.append(K.update(p, p + v))
            return self.updates

    step, w, b, _ = build(PlainMomentum())
    _, trajectory = reference(sgd_step, {'lr': 0.1, 'momentum': 0.5}, 3)
    for t in range(3):
        step()
    np.testing.assert_allclose(K.get_value(w), trajectory[-1][0], rtol=1e-5)
    np.testing.assert_allclose(K.get_value(b), trajectory[-1][1], rtol=1e-5)
