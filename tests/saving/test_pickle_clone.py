"""Pickling models, and clone_model."""
import copy
import pickle

import pytest
import tensorflow as tf
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import layers
from keras22.engine import saving
from keras22.models import Model, Sequential, clone_model

from saving_helpers import (assert_same_predictions, assert_same_weights,
                            multi_io_data, multi_io_model, tiny_data,
                            tiny_sequential, written_elsewhere)


def test_pickled_models_keep_weights_and_optimizer_state():
    model = tiny_sequential()
    model.compile('adam', 'categorical_crossentropy', metrics=['acc'])
    x, y = tiny_data()
    model.fit(x, y, epochs=1, batch_size=8, verbose=0)
    state = saving.pickle_model(model)
    assert isinstance(state, dict) and 'model_config' in state
    copied = pickle.loads(pickle.dumps(model))
    assert copied is not model and isinstance(copied, Sequential)
    assert_same_weights(model, copied)
    assert_same_predictions(model, copied, x)
    assert K.get_value(copied.optimizer.iterations) == 2
    for a, b in zip(model.optimizer.get_weights(),
                    copied.optimizer.get_weights()):
        assert_allclose(b, a)
    # Both continue identically.
    model.fit(x, y, epochs=1, batch_size=8, shuffle=False, verbose=0)
    copied.fit(x, y, epochs=1, batch_size=8, shuffle=False, verbose=0)
    assert_same_weights(model, copied)


def test_pickling_functional_models_with_lambdas():
    a = layers.Input(shape=(3,))
    out = layers.Lambda(lambda t: t * 2.)(layers.Dense(2)(a))
    model = Model(a, out)
    copied = pickle.loads(pickle.dumps(model))
    assert_same_predictions(model, copied, tiny_data()[0])
    # The state on its own loads in this process; written by another one,
    # its Lambda code is refused unless allowed.
    state = saving.pickle_model(model)
    assert_same_predictions(model, saving.unpickle_model(state),
                            tiny_data()[0])
    state['model_config'] = written_elsewhere(
        state['model_config'].decode('utf-8')).encode('utf-8')
    with pytest.raises(ValueError, match='bytecode'):
        saving.unpickle_model(state)
    again = saving.unpickle_model(state, safe_mode=False)
    assert_same_predictions(model, again, tiny_data()[0])
    deep = copy.deepcopy(model)
    assert_same_predictions(model, deep, tiny_data()[0])


def test_subclassed_models_do_not_pickle():
    class Subclassed(Model):
        def __init__(self):
            super(Subclassed, self).__init__()
            self.dense = layers.Dense(2)

        def call(self, inputs):
            return self.dense(inputs)

    model = Subclassed()
    with pytest.raises(NotImplementedError, match='subclassed'):
        pickle.dumps(model)


def _no_shared_variables(first, second):
    ids = set(id(w) for w in first.weights)
    return not any(id(w) in ids for w in second.weights)


def test_clone_functional_model():
    model = multi_io_model()
    clone = clone_model(model)
    assert clone is not model and clone.name == model.name
    assert [l.name for l in clone.layers] == [l.name for l in model.layers]
    assert all(c is not o for c, o in zip(clone.layers, model.layers))
    assert _no_shared_variables(model, clone)
    assert clone.get_config() == model.get_config()
    assert clone.optimizer is None
    clone.set_weights(model.get_weights())
    xs, _ = multi_io_data()
    assert_same_predictions(model, clone, xs)
    # The shared layer is shared in the clone too.
    assert len(clone.get_layer('shared')._inbound_nodes) == \
        len(model.get_layer('shared')._inbound_nodes)


def test_clone_on_given_input_tensors():
    a = layers.Input(shape=(3,))
    model = Model(a, layers.Dense(2, activation='relu')(a))
    new_input = layers.Input(shape=(3,), name='new_input')
    clone = clone_model(model, input_tensors=new_input)
    assert clone.inputs[0] is new_input
    clone.set_weights(model.get_weights())
    x = tiny_data()[0]
    assert_same_predictions(model, clone, x)
    constant = tf.constant(x)
    on_tensor = clone_model(model, input_tensors=[constant])
    on_tensor.set_weights(model.get_weights())
    assert on_tensor.layers[0].name.startswith('input_wrapper_for_')
    with pytest.raises(ValueError, match='1 inputs'):
        clone_model(model, input_tensors=[new_input, new_input])


def test_clone_sequential_model():
    model = tiny_sequential(name='stack')
    clone = clone_model(model)
    assert isinstance(clone, Sequential) and clone.name == 'stack'
    assert _no_shared_variables(model, clone)
    clone.set_weights(model.get_weights())
    x = tiny_data()[0]
    assert_same_predictions(model, clone, x)
    given = layers.Input(shape=(3,))
    on_input = clone_model(model, input_tensors=given)
    assert on_input.inputs[0] is given
    hidden = layers.Dense(3)(layers.Input(shape=(3,)))
    with pytest.raises(ValueError, match='Input'):
        clone_model(model, input_tensors=hidden)


SCALE = 3.


def _scaled(x):
    # Refers to a global of this module, which bytecode rebuilt in
    # another module could not see.
    return x * SCALE


class Twice(layers.Layer):
    def call(self, inputs):
        return inputs * 2.


def test_clone_lambdas_and_custom_layers_in_nested_models():
    inner = Sequential([layers.Lambda(lambda t: t + 1., input_shape=(3,)),
                        Twice()], name='inner')
    a = layers.Input(shape=(3,))
    model = Model(a, layers.Lambda(_scaled)(inner(a)))
    clone = clone_model(model)
    assert clone.get_layer('inner').name == 'inner'
    x = tiny_data()[0]
    assert_same_predictions(model, clone, x)
    assert_allclose(clone.predict(x), (x + 1.) * 2. * SCALE, rtol=1e-6)
    with pytest.raises(ValueError, match='subclassed'):
        class Sub(Model):
            def call(self, inputs):
                return inputs
        clone_model(Sub())
