"""Sequential: add/pop, deferred build, predict_classes/proba, configs."""
import numpy as np
import pytest

from keras22.layers import Dense, Dropout, InputLayer, Activation
from keras22.models import Sequential


def test_first_layer_shape_forms():
    for kwargs, batch in [({'input_dim': 5}, None),
                          ({'input_shape': (5,)}, None),
                          ({'batch_input_shape': (7, 5)}, 7),
                          ({'input_shape': (5,), 'batch_size': 3}, 3)]:
        model = Sequential([Dense(2, **kwargs)])
        assert model.input_shape == (batch, 5)
        assert model.output_shape == (batch, 2)
    model = Sequential([InputLayer(input_shape=(4,)), Dense(2)])
    assert [type(l).__name__ for l in model.layers] == ['Dense']


def test_add_pop_and_layer_names():
    model = Sequential()
    model.add(Dense(4, input_dim=3))
    model.add(Dense(2))
    assert len(model.layers) == 2 and model.output_shape == (None, 2)
    model.pop()
    assert len(model.layers) == 1 and model.output_shape == (None, 4)
    model.add(Dense(6))
    assert model.output_shape == (None, 6)
    with pytest.raises(TypeError):
        model.add('not a layer')
    with pytest.raises(TypeError, match='no layers'):
        Sequential().pop()


def test_deferred_build_from_data():
    model = Sequential()
    model.add(Dense(4))
    model.add(Dense(1))
    assert not model.built
    model.compile('sgd', 'mse')
    model.fit(np.random.rand(8, 3), np.random.rand(8, 1), epochs=1,
              verbose=0)
    assert model.built and model.input_shape == (None, 3)
    other = Sequential([Dense(2)])
    other.build((None, 6))
    assert other.count_params() == 14


def test_predict_classes_and_proba():
    model = Sequential([Dense(3, activation='softmax', input_dim=2)])
    x = np.random.rand(5, 2)
    proba = model.predict_proba(x)
    np.testing.assert_array_equal(model.predict_classes(x),
                                  proba.argmax(-1))
    binary = Sequential([Dense(1, activation='sigmoid', input_dim=2)])
    classes = binary.predict_classes(x)
    assert classes.shape == (5, 1) and classes.dtype == np.int32
    np.testing.assert_array_equal(classes,
                                  (binary.predict(x) > 0.5).astype('int32'))


def test_config_is_a_named_dict_and_round_trips():
    model = Sequential([Dense(4, input_dim=3, activation='relu'),
                        Dropout(0.2), Dense(1)], name='seq')
    config = model.get_config()
    # Keras 2.2.4's format: the name and the layer configs.
    assert config['name'] == 'seq'
    assert [c['class_name'] for c in config['layers']] == \
        ['Dense', 'Dropout', 'Dense']
    assert 'build_input_shape' not in config
    rebuilt = Sequential.from_config(config)
    assert rebuilt.name == 'seq'
    rebuilt.set_weights(model.get_weights())
    x = np.random.rand(2, 3)
    np.testing.assert_allclose(rebuilt.predict(x), model.predict(x),
                               rtol=1e-6)
    # The plain list of Keras 2.0-2.2.2 still loads.
    rebuilt = Sequential.from_config(config['layers'])
    assert len(rebuilt.weights) == 4


def test_deferred_build_config_rebuilds_nested_models():
    inner = Sequential([Dense(3), Dense(3)])
    model = Sequential([inner, Dense(5)])
    model.compile('sgd', 'mse')
    assert not model.built and not model.weights
    model.train_on_batch(np.zeros((2, 4)), np.zeros((2, 5)))
    config = model.get_config()
    assert tuple(config['build_input_shape']) == (None, 4)
    assert tuple(config['layers'][0]['config']['build_input_shape']) == \
        (None, 4)
    rebuilt = Sequential.from_config(config)
    assert rebuilt.built and len(rebuilt.weights) == 6
    assert rebuilt.layers[0].built and len(rebuilt.layers[0].weights) == 4


def test_keras1_dense_arguments_with_warning():
    with pytest.warns(UserWarning, match='Keras 2 API'):
        layer = Dense(output_dim=3, init='zeros', input_dim=2)
    assert layer.units == 3
    model = Sequential([layer, Activation('linear')])
    np.testing.assert_allclose(model.predict(np.ones((1, 2))), 0.)
    with pytest.raises(TypeError, match='positional'):
        Dense(3, 'relu')
