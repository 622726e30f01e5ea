"""keras22.activations: values against NumPy, eager and compiled; lookup."""
import warnings

import numpy as np
import pytest

from keras22 import activations
from keras22 import backend as K
from keras22.utils.generic_utils import custom_object_scope

X = np.array([[-3., -1., -0.2, 0., 0.3, 2., 4.]], dtype='float32')


def np_softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def np_elu(x, alpha=1.):
    return np.where(x > 0, x, alpha * (np.exp(x) - 1))


REFERENCES = {
    'softmax': np_softmax,
    'elu': np_elu,
    'selu': lambda x: 1.0507009873554805 * np_elu(x, 1.6732632423543772),
    'softplus': lambda x: np.log1p(np.exp(x)),
    'softsign': lambda x: x / (1 + np.abs(x)),
    'relu': lambda x: np.maximum(x, 0),
    'tanh': np.tanh,
    'sigmoid': lambda x: 1 / (1 + np.exp(-x)),
    'hard_sigmoid': lambda x: np.clip(0.2 * x + 0.5, 0, 1),
    'exponential': np.exp,
    'linear': lambda x: x,
}


@pytest.mark.parametrize('name', sorted(REFERENCES))
def test_activation_values(evaluate, name):
    fn = activations.get(name)
    assert fn is getattr(activations, name)
    np.testing.assert_allclose(evaluate(fn, X), REFERENCES[name](X),
                               rtol=1e-5, atol=1e-6)


def test_softmax_axis_and_rank():
    x3 = np.random.RandomState(0).randn(2, 3, 4).astype('float32')
    np.testing.assert_allclose(K.eval(activations.softmax(K.variable(x3))),
                               np_softmax(x3), rtol=1e-5)
    np.testing.assert_allclose(
        K.eval(activations.softmax(K.variable(x3), axis=1)),
        np_softmax(x3, axis=1), rtol=1e-5)
    # Keras 2.2.4 ignored `axis` for 2D inputs; it is honoured here.
    x2 = x3[0]
    np.testing.assert_allclose(
        K.eval(activations.softmax(K.variable(x2), axis=0)),
        np_softmax(x2, axis=0), rtol=1e-5)
    with pytest.raises(ValueError, match='Cannot apply softmax to a tensor '
                                         'that is 1D'):
        activations.softmax(K.variable(np.ones(3)))


def test_relu_options(evaluate):
    out = evaluate(lambda x: activations.relu(x, alpha=0.1, max_value=3.),
                   X)
    np.testing.assert_allclose(out, np.where(X > 0, np.minimum(X, 3.),
                                             0.1 * X), rtol=1e-6)
    out = evaluate(lambda x: activations.relu(x, threshold=0.25), X)
    np.testing.assert_allclose(out, np.where(X > 0.25, X, 0.), rtol=1e-6)


def test_elu_alpha(evaluate):
    np.testing.assert_allclose(evaluate(lambda x: activations.elu(x, 0.5),
                                        X), np_elu(X, 0.5), rtol=1e-5)


def test_get_none_callable_and_errors():
    assert activations.get(None) is activations.linear

    def swish(x):
        return x * K.sigmoid(x)
    assert activations.get(swish) is swish
    with pytest.raises(ValueError, match='Unknown activation function: '
                                         'nope'):
        activations.get('nope')
    with pytest.raises(ValueError, match='Could not interpret activation '
                                         'function identifier: 5'):
        activations.get(5)
    # Helpers of the module are not activations.
    with pytest.raises(ValueError, match='Unknown activation function'):
        activations.get('K')
    with custom_object_scope({'swish': swish}):
        assert activations.get('swish') is swish
    assert activations.deserialize('swish', custom_objects={'swish': swish}) \
        is swish


@pytest.mark.parametrize('name', sorted(REFERENCES))
def test_serialize_round_trip(name):
    fn = getattr(activations, name)
    assert activations.serialize(fn) == name
    assert activations.deserialize(activations.serialize(fn)) is fn


def test_layer_instance_warns():
    from keras22.engine.base_layer import Layer

    class Scale(Layer):
        def call(self, inputs):
            return inputs * 2.

    layer = Scale()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        assert activations.get(layer) is layer
    assert any('Do not pass a layer instance' in str(w.message)
               for w in caught)
