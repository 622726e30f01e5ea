"""Lambda layers: configs made in this process, several outputs."""
import numpy as np
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import layers
from keras22.layers import Input, Lambda
from keras22.models import Model
from keras22.utils.test_utils import layer_test


def test_layer_test_round_trips_python_functions():
    # layer_test rebuilds the model from its config: the functions are
    # bytecode of functions of this process, which loads without asking.
    x = np.random.rand(3, 2).astype('float32')
    out = layer_test(Lambda, kwargs={'function': lambda t, a, b: t * a + b,
                                     'arguments': {'a': 0.6, 'b': 0.4}},
                     input_data=x)
    assert_allclose(out, x * 0.6 + 0.4, rtol=1e-6)
    x = np.random.rand(3, 2, 4).astype('float32')
    out = layer_test(Lambda, kwargs={'function': lambda t: K.mean(t, -1)},
                     input_data=x)
    assert_allclose(out, x.mean(-1), rtol=1e-6)


def test_deserialize_config_of_def_function_and_shape_function():
    def f(t):
        return K.concatenate([K.square(t), t])

    def f_shape(s):
        return tuple(list(s)[:-1] + [2 * s[-1]])

    config = Lambda(f, output_shape=f_shape).get_config()
    layer = layers.deserialize({'class_name': 'Lambda', 'config': config})
    assert layer.compute_output_shape((None, 3)) == (None, 6)
    x = np.random.rand(2, 3).astype('float32')
    got = K.eval(layer(K.constant(x)))
    assert_allclose(got, np.concatenate([x ** 2, x], axis=-1), rtol=1e-6)


def test_several_outputs_without_mask_feed_other_layers():
    i = Input(shape=(3, 2))
    outputs = Lambda(lambda t: [t * 0.2, t * 0.3],
                     output_shape=lambda s: [s, s])(i)
    assert [K.int_shape(o) for o in outputs] == [(None, 3, 2)] * 2
    model = Model(i, layers.add(outputs))
    # And once more through the model as a layer.
    j = Input(shape=(3, 2))
    outer = Model(j, model(j))
    x = np.random.rand(4, 3, 2).astype('float32')
    assert_allclose(outer.predict(x), x * 0.5, rtol=1e-5)
