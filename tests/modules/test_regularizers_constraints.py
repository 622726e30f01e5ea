"""keras22.regularizers and keras22.constraints."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22 import constraints, regularizers
from keras22.utils.generic_utils import custom_object_scope

W = np.array([[1., -2., 0.5], [3., 0.1, -0.4]], dtype='float32')


@pytest.mark.parametrize('reg,l1,l2', [
    (regularizers.l1(), 0.01, 0.), (regularizers.l2(0.3), 0., 0.3),
    (regularizers.l1_l2(), 0.01, 0.01),
    (regularizers.L1L2(l1=0.2, l2=0.5), 0.2, 0.5),
    (regularizers.L1L2(), 0., 0.)])
def test_l1l2_values(evaluate, reg, l1, l2):
    expected = l1 * np.abs(W).sum() + l2 * np.square(W).sum()
    out = evaluate(reg, W)
    assert out.shape == ()
    np.testing.assert_allclose(out, expected, rtol=1e-5)
    assert reg.get_config() == {'l1': pytest.approx(l1),
                                'l2': pytest.approx(l2)}


def test_regularizer_serialization():
    reg = regularizers.L1L2(l1=0.25, l2=0.5)
    config = regularizers.serialize(reg)
    assert config == {'class_name': 'L1L2',
                      'config': {'l1': 0.25, 'l2': 0.5}}
    clone = regularizers.deserialize(config)
    assert isinstance(clone, regularizers.L1L2)
    assert clone.get_config() == reg.get_config()
    assert regularizers.get(config).get_config() == reg.get_config()
    assert regularizers.get(None) is None
    assert regularizers.serialize(None) is None
    assert regularizers.get(reg) is reg
    # The factors are stored as floatx, as in Keras 2.2.
    assert regularizers.get('l2').get_config() == {
        'l1': 0., 'l2': pytest.approx(0.01)}
    assert regularizers.get('l1_l2').get_config() == {
        'l1': pytest.approx(0.01), 'l2': pytest.approx(0.01)}
    assert regularizers.Regularizer()(W) == 0.

    def my_reg(x):
        return K.sum(x)
    with custom_object_scope({'my_reg': my_reg}):
        assert regularizers.get('my_reg') is my_reg
    with pytest.raises(ValueError, match='Unknown regularizer: nope'):
        regularizers.get('nope')
    with pytest.raises(ValueError, match='Could not interpret regularizer '
                                         'identifier: 1'):
        regularizers.get(1)


def np_norms(w, axis):
    return np.sqrt(np.square(w).sum(axis=axis, keepdims=True))


def test_max_norm(evaluate):
    out = evaluate(constraints.MaxNorm(2.), W)
    norms = np_norms(W, 0)
    expected = W * np.clip(norms, 0, 2.) / (1e-7 + norms)
    np.testing.assert_allclose(out, expected, rtol=1e-5)
    assert np.all(np_norms(out, 0) <= 2. + 1e-5)
    out = evaluate(constraints.max_norm(1., axis=1), W)
    np.testing.assert_allclose(np_norms(out, 1), 1., rtol=1e-5)


def test_non_neg(evaluate):
    np.testing.assert_array_equal(evaluate(constraints.NonNeg(), W),
                                  np.maximum(W, 0))


def test_unit_norm(evaluate):
    out = evaluate(constraints.UnitNorm(), W)
    np.testing.assert_allclose(np_norms(out, 0), 1., rtol=1e-5)
    out = evaluate(constraints.unit_norm(axis=[0, 1]), W)
    np.testing.assert_allclose(np.sqrt(np.square(out).sum()), 1., rtol=1e-5)


@pytest.mark.parametrize('rate', [1., 0.5])
def test_min_max_norm(evaluate, rate):
    out = evaluate(constraints.MinMaxNorm(min_value=0.5, max_value=2.,
                                          rate=rate), W)
    norms = np_norms(W, 0)
    desired = rate * np.clip(norms, 0.5, 2.) + (1 - rate) * norms
    np.testing.assert_allclose(out, W * desired / (1e-7 + norms),
                               rtol=1e-5)


def test_constraint_defaults_and_serialization():
    assert constraints.MaxNorm().get_config() == {'max_value': 2, 'axis': 0}
    assert constraints.MinMaxNorm().get_config() == {
        'min_value': 0.0, 'max_value': 1.0, 'rate': 1.0, 'axis': 0}
    assert constraints.UnitNorm().get_config() == {'axis': 0}
    assert constraints.NonNeg().get_config() == {}
    for c in (constraints.MaxNorm(3., axis=[0, 1]), constraints.NonNeg(),
              constraints.UnitNorm(axis=1),
              constraints.MinMaxNorm(0.1, 0.9, 0.5, 1),
              constraints.Constraint()):
        config = constraints.serialize(c)
        assert config['class_name'] == c.__class__.__name__
        clone = constraints.deserialize(config)
        assert type(clone) is type(c)
        assert clone.get_config() == c.get_config()
    aliases = {'max_norm': constraints.MaxNorm,
               'maxnorm': constraints.MaxNorm,
               'non_neg': constraints.NonNeg,
               'nonneg': constraints.NonNeg,
               'unit_norm': constraints.UnitNorm,
               'unitnorm': constraints.UnitNorm,
               'min_max_norm': constraints.MinMaxNorm}
    for name, cls in aliases.items():
        assert getattr(constraints, name) is cls
        assert type(constraints.get(name)) is cls
    assert constraints.get(None) is None
    np.testing.assert_array_equal(K.eval(constraints.Constraint()(
        K.variable(W))), W)
    with pytest.raises(ValueError, match='Unknown constraint: nope'):
        constraints.get('nope')
    with pytest.raises(ValueError, match='Could not interpret constraint '
                                         'identifier: 2'):
        constraints.get(2)
