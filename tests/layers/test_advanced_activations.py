"""LeakyReLU, PReLU, ELU, ThresholdedReLU, Softmax and ReLU."""
import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import optimizers
from keras22.layers import (ELU, Embedding, Input, LeakyReLU, PReLU, ReLU,
                            Softmax, ThresholdedReLU)
from keras22.models import Model, Sequential
from keras22.utils.test_utils import layer_test

from reference import np_elu, np_prelu, np_relu, np_softmax

X = np.array([[-3., -1., -0.5, 0.], [0.25, 1., 2.5, 7.]], dtype='float32')


def _predict(layer, x):
    inputs = Input(shape=x.shape[1:])
    return Model(inputs, layer(inputs)).predict(x)


@pytest.mark.parametrize('layer, reference', [
    (LeakyReLU(), lambda x: np.where(x > 0, x, 0.3 * x)),
    (LeakyReLU(alpha=0.1), lambda x: np.where(x > 0, x, 0.1 * x)),
    (ELU(), np_elu),
    (ELU(alpha=0.5), lambda x: np_elu(x, 0.5)),
    (ThresholdedReLU(), lambda x: x * (x > 1.)),
    (ThresholdedReLU(theta=0.5), lambda x: x * (x > 0.5)),
    (Softmax(), np_softmax),
    (Softmax(axis=0), lambda x: np_softmax(x, axis=0)),
    (ReLU(), np_relu),
    (ReLU(max_value=2.), lambda x: np_relu(x, max_value=2.)),
    (ReLU(negative_slope=0.1, threshold=0.5),
     lambda x: np_relu(x, 0.1, threshold=0.5)),
    (ReLU(max_value=6., negative_slope=0.2, threshold=1.),
     lambda x: np_relu(x, 0.2, 6., 1.)),
    # the cases computed by TensorFlow's fused LeakyRelu and Relu6 ops
    (ReLU(max_value=6.), lambda x: np_relu(x, max_value=6.)),
    (ReLU(negative_slope=0.2), lambda x: np_relu(x, 0.2)),
    (ReLU(negative_slope=1.5), lambda x: np_relu(x, 1.5)),
    (LeakyReLU(alpha=-0.5), lambda x: np.where(x > 0, x, -0.5 * x)),
])
def test_values_match_numpy(layer, reference):
    if layer.__class__ is Softmax and layer.axis == 0:
        # axis 0 is the batch axis: apply the layer eagerly on the array
        assert_allclose(K.eval(layer(K.constant(X))), reference(X),
                        rtol=1e-5, atol=1e-6)
        return
    assert_allclose(_predict(layer, X), reference(X), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize('layer, op_type', [
    (ReLU(), 'Relu'),
    (ReLU(negative_slope=0.2), 'LeakyRelu'),
    (LeakyReLU(), 'LeakyRelu'),
    (ReLU(max_value=6), 'Relu6'),
])
def test_relu_layers_use_fused_ops(layer, op_type):
    # as in Keras 2.2.4: one TensorFlow op, which legacy code may look for
    assert layer(Input(shape=(3,))).op.type == op_type


def test_softmax_on_a_middle_axis():
    x = np.random.randn(2, 3, 4).astype('float32')
    assert_allclose(_predict(Softmax(axis=1), x), np_softmax(x, axis=1),
                    rtol=1e-5)


@pytest.mark.parametrize('cls, kwargs', [
    (LeakyReLU, {'alpha': 0.2}),
    (ELU, {'alpha': 0.7}),
    (ThresholdedReLU, {'theta': 0.4}),
    (Softmax, {'axis': 1}),
    (ReLU, {'max_value': 3., 'negative_slope': 0.1, 'threshold': 0.2}),
    (PReLU, {}),
    (PReLU, {'shared_axes': [1, 2]}),
    (PReLU, {'alpha_initializer': 'ones', 'alpha_regularizer': 'l2',
             'alpha_constraint': 'non_neg'}),
])
def test_layer_test(cls, kwargs):
    layer_test(cls, kwargs=kwargs, input_shape=(2, 3, 4, 5))


def test_prelu_values_with_set_alpha():
    x = np.random.randn(3, 2, 4).astype('float32')
    layer = PReLU()
    inputs = Input(shape=(2, 4))
    model = Model(inputs, layer(inputs))
    alpha = np.random.rand(2, 4).astype('float32')
    layer.set_weights([alpha])
    assert_allclose(model.predict(x), np_prelu(x, alpha), rtol=1e-5)


@pytest.mark.parametrize('shared_axes, shape', [
    (None, (2, 3, 4)),
    (1, (1, 3, 4)),
    ([1, 2], (1, 1, 4)),
    ((3,), (2, 3, 1)),
])
def test_prelu_weight_shape_and_sharing(shared_axes, shape):
    layer = PReLU(shared_axes=shared_axes)
    x = np.random.randn(5, 2, 3, 4).astype('float32')
    inputs = Input(shape=(2, 3, 4))
    model = Model(inputs, layer(inputs))
    assert [w.name.split('/')[-1].split(':')[0] for w in layer.weights] == \
        ['alpha']
    assert layer.get_weights()[0].shape == shape
    alpha = np.random.rand(*shape).astype('float32')
    layer.set_weights([alpha])
    assert_allclose(model.predict(x), np_prelu(x, alpha), rtol=1e-5)


def test_prelu_learns_the_slope():
    x = np.random.randn(256, 3).astype('float32')
    y = np.where(x > 0, x, 0.5 * x)
    model = Sequential([PReLU(input_shape=(3,))])
    model.compile(optimizers.SGD(lr=0.5), 'mse')
    model.fit(x, y, epochs=30, batch_size=64, verbose=0)
    assert_allclose(model.layers[0].get_weights()[0], 0.5 * np.ones(3),
                    atol=0.05)


def test_prelu_regularizer_adds_a_loss():
    layer = PReLU(alpha_regularizer='l2')
    layer(Input(shape=(3,)))
    assert len(layer.losses) == 1


def test_prelu_bad_shared_axes():
    with pytest.raises(ValueError, match='PReLU.*shared_axes'):
        PReLU(shared_axes=[0])(Input(shape=(3, 4)))
    with pytest.raises(ValueError, match='PReLU.*shared_axes'):
        PReLU(shared_axes=[3])(Input(shape=(3, 4)))


def test_prelu_needs_known_dimensions():
    with pytest.raises(ValueError, match='PReLU.*must be known'):
        PReLU()(Input(shape=(None, 4)))
    # a shared unknown axis is fine
    layer = PReLU(shared_axes=1)
    layer(Input(shape=(None, 4)))
    assert layer.get_weights()[0].shape == (1, 4)


def test_prelu_keras1_arguments():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        layer = PReLU(init='ones')
    assert any('alpha_initializer' in str(w.message) for w in caught)
    assert layer.get_config()['alpha_initializer']['class_name'] == 'Ones'
    assert PReLU('ones').get_config()['alpha_initializer']['class_name'] == \
        'Ones'
    with pytest.raises(TypeError):
        PReLU('ones', None)


@pytest.mark.parametrize('argument', ['max_value', 'negative_slope',
                                      'threshold'])
def test_relu_rejects_negative_arguments(argument):
    with pytest.raises(ValueError, match='ReLU.*%s' % argument):
        ReLU(**{argument: -1.})


@pytest.mark.parametrize('cls, argument', [
    (LeakyReLU, 'alpha'), (ELU, 'alpha'), (ThresholdedReLU, 'theta'),
    (ReLU, 'max_value')])
def test_non_numeric_arguments(cls, argument):
    with pytest.raises(ValueError, match='%s.*%s' % (cls.__name__, argument)):
        cls(**{argument: 'large'})


def test_softmax_bad_axis():
    with pytest.raises(ValueError, match='Softmax.*axis'):
        Softmax(axis=3)(Input(shape=(4,)))
    with pytest.raises(ValueError, match='Softmax.*axis'):
        Softmax(axis='last')


def test_softmax_rejects_1d_inputs():
    with pytest.raises(ValueError, match='1D'):
        Softmax(axis=0)(K.placeholder(shape=(4,)))


@pytest.mark.parametrize('layer', [
    LeakyReLU(alpha=0.2), PReLU(shared_axes=[1]), ELU(alpha=0.5),
    ThresholdedReLU(theta=0.2), Softmax(axis=1),
    ReLU(max_value=4., negative_slope=0.3, threshold=0.5)])
def test_config_round_trip(layer):
    config = layer.get_config()
    clone = layer.__class__.from_config(config)
    assert clone.get_config() == config


def test_masks_pass_through():
    inputs = Input(shape=(4,))
    embedded = Embedding(5, 3, mask_zero=True)(inputs)
    for layer in (LeakyReLU(), PReLU(), ELU(), ThresholdedReLU(), Softmax(),
                  ReLU()):
        outputs = layer(embedded)
        assert layer.output_mask is not None
        mask = K.function([inputs], [layer.output_mask])(
            [np.array([[1, 0, 2, 0]])])[0]
        assert mask.tolist() == [[True, False, True, False]]
        assert K.int_shape(outputs) == (None, 4, 3)

