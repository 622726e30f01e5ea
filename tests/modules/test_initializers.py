"""keras22.initializers: values, statistics, fans, serialization."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22 import initializers
from keras22.utils.generic_utils import custom_object_scope

ALL = [
    initializers.Zeros(), initializers.Ones(), initializers.Constant(2.5),
    initializers.RandomNormal(mean=1., stddev=0.5, seed=1),
    initializers.RandomUniform(minval=-1., maxval=2., seed=1),
    initializers.TruncatedNormal(mean=0.5, stddev=0.1, seed=1),
    initializers.VarianceScaling(scale=3., mode='fan_out',
                                 distribution='uniform', seed=2),
    initializers.Orthogonal(gain=2., seed=3), initializers.Identity(gain=3.),
    initializers.lecun_uniform(), initializers.glorot_normal(),
    initializers.glorot_uniform(), initializers.he_normal(),
    initializers.lecun_normal(), initializers.he_uniform(),
]


@pytest.mark.parametrize('init', ALL, ids=lambda i: i.__class__.__name__)
def test_eager_tensor_of_shape_and_dtype(init):
    for dtype in (None, 'float64'):
        value = init((4, 8), dtype=dtype)
        assert K.is_tensor(value) and not K.is_symbolic(value)
        assert K.int_shape(value) == (4, 8)
        assert K.dtype(value) == (dtype or K.floatx())
    # Usable as the initial value of a variable, as layers do.
    assert K.get_value(K.variable(init((4, 8)))).shape == (4, 8)


@pytest.mark.parametrize('init', ALL, ids=lambda i: i.__class__.__name__)
def test_config_round_trip(init):
    config = initializers.serialize(init)
    assert config['class_name'] == init.__class__.__name__
    clone = initializers.deserialize(config)
    assert type(clone) is type(init)
    assert clone.get_config() == init.get_config()
    assert type(init).from_config(init.get_config()).get_config() == \
        init.get_config()


def test_constant_values():
    np.testing.assert_array_equal(K.eval(initializers.zeros()((2, 3))), 0)
    np.testing.assert_array_equal(K.eval(initializers.ones()((2, 3))), 1)
    np.testing.assert_array_equal(
        K.eval(initializers.Constant(value=-1.5)((3,))), -1.5)
    np.testing.assert_array_equal(K.eval(initializers.Ones()(())), 1.)


def test_random_distributions():
    n = (200, 300)
    normal = K.eval(initializers.RandomNormal(1., 0.5, seed=1)(n))
    assert abs(normal.mean() - 1.) < 0.01 and abs(normal.std() - 0.5) < 0.01
    uniform = K.eval(initializers.RandomUniform(-1., 2., seed=1)(n))
    assert uniform.min() >= -1. and uniform.max() < 2.
    assert abs(uniform.mean() - 0.5) < 0.02
    truncated = K.eval(initializers.TruncatedNormal(0.5, 0.1, seed=1)(n))
    assert truncated.min() >= 0.3 - 1e-6 and truncated.max() <= 0.7 + 1e-6


@pytest.mark.parametrize('mode,n', [('fan_in', 200), ('fan_out', 300),
                                    ('fan_avg', 250)])
def test_variance_scaling_statistics(mode, n):
    scale = 2.
    normal = K.eval(initializers.VarianceScaling(scale, mode, 'normal',
                                                 seed=4)((200, 300)))
    # The truncated normal is rescaled to reach the intended stddev.
    assert abs(normal.std() / np.sqrt(scale / n) - 1) < 0.03
    limit = np.sqrt(3. * scale / n)
    assert np.abs(normal).max() <= 2 * np.sqrt(scale / n) / .8796 + 1e-6
    uniform = K.eval(initializers.VarianceScaling(scale, mode, 'uniform',
                                                  seed=4)((200, 300)))
    assert np.abs(uniform).max() <= limit
    assert np.abs(uniform).max() > 0.95 * limit


def test_named_variance_scaling_factories():
    expected = {
        'lecun_uniform': (1., 'fan_in', 'uniform'),
        'glorot_normal': (1., 'fan_avg', 'normal'),
        'glorot_uniform': (1., 'fan_avg', 'uniform'),
        'he_normal': (2., 'fan_in', 'normal'),
        'lecun_normal': (1., 'fan_in', 'normal'),
        'he_uniform': (2., 'fan_in', 'uniform'),
    }
    for name, (scale, mode, distribution) in expected.items():
        init = initializers.get(name)
        assert isinstance(init, initializers.VarianceScaling)
        assert (init.scale, init.mode, init.distribution) == \
            (scale, mode, distribution)
        assert getattr(initializers, name)(seed=5).seed == 5


def test_compute_fans():
    fans = initializers._compute_fans
    assert fans((3, 7)) == (3, 7)
    assert fans((3, 3, 16, 32)) == (144, 288)  # receptive field 9
    assert fans((5, 4, 8)) == (20, 40)
    assert fans((32, 16, 3, 3), data_format='channels_first') == (144, 288)
    assert fans((16,)) == (4., 4.)
    with pytest.raises(ValueError, match='Invalid data_format'):
        fans((3, 3, 4, 4), data_format='nope')
    # A conv kernel uses the receptive field: limit sqrt(6 / (144 + 288)).
    kernel = K.eval(initializers.glorot_uniform(seed=1)((3, 3, 16, 32)))
    assert np.abs(kernel).max() <= np.sqrt(6. / 432)


@pytest.mark.parametrize('shape', [(4, 6), (6, 4), (5, 5), (2, 3, 4)])
def test_orthogonal(shape):
    q = K.eval(initializers.Orthogonal(gain=2., seed=1)(shape))
    assert q.shape == shape
    flat = q.reshape(-1, shape[-1]) / 2.
    if flat.shape[0] >= flat.shape[1]:
        np.testing.assert_allclose(flat.T @ flat, np.eye(flat.shape[1]),
                                   atol=1e-5)
    else:
        np.testing.assert_allclose(flat @ flat.T, np.eye(flat.shape[0]),
                                   atol=1e-5)
    # NumPy draws, so the seed repeats the values.
    np.testing.assert_array_equal(
        q, K.eval(initializers.Orthogonal(gain=2., seed=1)(shape)))
    with pytest.raises(ValueError, match='at least 2 dimensions'):
        initializers.Orthogonal()((3,))


def test_identity():
    np.testing.assert_array_equal(K.eval(initializers.Identity(2.)((3, 3))),
                                  2 * np.eye(3))
    # As in Keras 2.2: when the long side is a multiple of the short one,
    # identities are stacked along it.
    np.testing.assert_array_equal(K.eval(initializers.identity()((2, 4))),
                                  np.hstack([np.eye(2), np.eye(2)]))
    np.testing.assert_array_equal(
        K.eval(initializers.Identity(0.5)((6, 2))),
        0.5 * np.vstack([np.eye(2)] * 3))
    with pytest.raises(ValueError, match='2D matrices'):
        initializers.Identity()((2, 2, 2))
    with pytest.raises(ValueError, match='multiple of the short side'):
        initializers.Identity()((3, 8))


@pytest.mark.parametrize('init_cls', [
    initializers.RandomNormal, initializers.RandomUniform,
    initializers.TruncatedNormal, initializers.glorot_normal,
    initializers.he_uniform, initializers.Orthogonal])
def test_seed_repeats_values(init_cls):
    # As in Keras 2.2, where each call was a graph op with that seed.
    a = K.eval(init_cls(seed=3)((3, 3)))
    np.testing.assert_array_equal(a, K.eval(init_cls(seed=3)((3, 3))))
    assert not np.array_equal(a, K.eval(init_cls(seed=4)((3, 3))))


def test_validation_errors():
    with pytest.raises(ValueError, match='`scale` must be a positive'):
        initializers.VarianceScaling(scale=0)
    with pytest.raises(ValueError, match='Invalid `mode` argument'):
        initializers.VarianceScaling(mode='fan_max')
    with pytest.raises(ValueError, match='Invalid `distribution` argument'):
        initializers.VarianceScaling(distribution='cauchy')
    assert initializers.VarianceScaling(mode='FAN_IN').mode == 'fan_in'
    with pytest.raises(NotImplementedError):
        initializers.Initializer()((2,))
    with pytest.raises(ValueError, match='fully defined shape'):
        initializers.glorot_uniform()((None, 3))


def test_get_aliases_and_errors():
    pairs = {'zero': initializers.Zeros, 'zeros': initializers.Zeros,
             'one': initializers.Ones, 'ones': initializers.Ones,
             'constant': initializers.Constant,
             'uniform': initializers.RandomUniform,
             'random_uniform': initializers.RandomUniform,
             'normal': initializers.RandomNormal,
             'random_normal': initializers.RandomNormal,
             'truncated_normal': initializers.TruncatedNormal,
             'identity': initializers.Identity,
             'orthogonal': initializers.Orthogonal,
             'Orthogonal': initializers.Orthogonal}
    for name, cls in pairs.items():
        assert getattr(initializers, name, cls) is cls
        assert type(initializers.get(name)) is cls
    init = initializers.get({'class_name': 'RandomUniform',
                             'config': {'minval': 0., 'maxval': 1.,
                                        'seed': None}})
    assert init.minval == 0. and init.maxval == 1.
    # tf.keras writes a `dtype`; it is ignored.
    assert initializers.Zeros.from_config({'dtype': 'float32'}) is not None

    def custom(shape, dtype=None):
        return K.constant(7., shape=shape, dtype=dtype)
    assert initializers.get(custom) is custom
    with custom_object_scope({'custom': custom}):
        np.testing.assert_array_equal(K.eval(initializers.get('custom')((2,))),
                                      7.)
    with pytest.raises(ValueError, match='Unknown initializer: nope'):
        initializers.get('nope')
    with pytest.raises(ValueError, match='Could not interpret initializer '
                                         'identifier: 3'):
        initializers.get(3)
