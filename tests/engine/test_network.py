"""Functional API, nodes, nesting, subclassing and configs."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22.engine.topology import Network, Node, InputSpec, Layer
from keras22.layers import Dense, Input, Lambda, Activation
from keras22.models import Model, Sequential


def test_layer_nodes_and_shapes():
    a = Input(shape=(3,))
    b = Input(shape=(3,))
    shared = Dense(4, name='shared')
    out_a = shared(a)
    out_b = shared(b)
    assert shared.get_input_at(0) is a and shared.get_input_at(1) is b
    assert shared.get_output_at(1) is out_b
    assert shared.get_input_shape_at(0) == (None, 3)
    assert shared.get_output_shape_at(1) == (None, 4)
    assert shared.input_shape == (None, 3)
    with pytest.raises(AttributeError, match='multiple inbound nodes'):
        shared.input
    single = Dense(2)
    single(out_a)
    assert single.input is out_a and single.output_shape == (None, 2)
    assert isinstance(single._inbound_nodes[0], Node)
    with pytest.raises(AttributeError, match='not connected'):
        Dense(2).output


def test_shared_layer_model_and_weights_counted_once():
    a = Input(shape=(3,))
    b = Input(shape=(3,))
    shared = Dense(4)
    merged = Lambda(lambda t: t[0] - t[1])([shared(a), shared(b)])
    model = Model([a, b], Dense(1)(merged))
    assert len(model.trainable_weights) == 4
    assert model.count_params() == 3 * 4 + 4 + 4 + 1
    x = np.random.rand(5, 3).astype('float32')
    np.testing.assert_allclose(model.predict([x, x]),
                               np.tile(model.layers[-1].get_weights()[1],
                                       (5, 1)), rtol=1e-5, atol=1e-6)


def test_nested_models_as_layers():
    inner_in = Input(shape=(4,))
    inner = Model(inner_in, Dense(3, activation='relu')(inner_in),
                  name='inner')
    outer_in = Input(shape=(4,))
    outer = Model(outer_in, Dense(2)(inner(outer_in)))
    x = np.random.rand(6, 4).astype('float32')
    expected = outer.layers[-1](K.constant(inner.predict(x))).numpy()
    np.testing.assert_allclose(outer.predict(x), expected, rtol=1e-5)
    seq = Sequential([inner, Dense(1)])
    assert seq.predict(x).shape == (6, 1)
    outer.compile('sgd', 'mse')
    outer.fit(x, np.zeros((6, 2)), epochs=1, verbose=0)
    config = outer.get_config()
    rebuilt = Model.from_config(config)
    rebuilt.set_weights(outer.get_weights())
    np.testing.assert_allclose(rebuilt.predict(x), outer.predict(x),
                               rtol=1e-5)


def test_get_layer_and_errors():
    inp = Input(shape=(2,), name='in')
    model = Model(inp, Dense(1, name='d')(inp))
    assert model.get_layer('d') is model.layers[1]
    assert model.get_layer(index=0).name == 'in'
    with pytest.raises(ValueError, match='No such layer'):
        model.get_layer('zzz')
    with pytest.raises(ValueError, match='only has 2 layers'):
        model.get_layer(index=5)


def test_graph_disconnected_and_duplicate_names():
    a = Input(shape=(2,))
    b = Input(shape=(2,))
    out = Dense(1)(b)
    with pytest.raises(ValueError, match='Graph disconnected'):
        Model(a, out)
    x = Dense(2, name='same')(a)
    y = Dense(2, name='same')(x)
    with pytest.raises(ValueError, match='used 2 times'):
        Model(a, y)
    with pytest.raises(ValueError, match='keras22.layers.Input'):
        Model(K.placeholder(shape=(None, 2)), out)


def test_config_round_trip_keeps_layer_order_and_predictions():
    a = Input(shape=(3,), name='a')
    b = Input(shape=(2,), name='b')
    h = Dense(4, name='ha')(a)
    g = Dense(4, name='hb')(b)
    s = Lambda(lambda t: t[0] * t[1], name='prod')([h, g])
    model = Model([a, b], [Dense(1, name='o1')(s), Activation('tanh')(s)])
    config = model.get_config()
    assert [l['name'] for l in config['layers']] == \
        [l.name for l in model.layers]
    assert config['input_layers'] == [['a', 0, 0], ['b', 0, 0]]
    from keras22.layers.core import allow_lambda_bytecode
    with allow_lambda_bytecode():
        rebuilt = Model.from_config(config)
    rebuilt.set_weights(model.get_weights())
    xs = [np.random.rand(3, 3), np.random.rand(3, 2)]
    for got, want in zip(rebuilt.predict(xs), model.predict(xs)):
        np.testing.assert_allclose(got, want, rtol=1e-5)


def test_lambda_config_round_trip_in_process():
    # The config holds the bytecode of a function this process made, so it
    # loads as in Keras 2.2 (bytecode written elsewhere needs permission:
    # tests/saving/test_configs.py).
    inp = Input(shape=(2,))
    model = Model(inp, Lambda(lambda t: t * 2, name='double')(inp))
    config = model.get_config()
    same = Model.from_config(config)
    np.testing.assert_allclose(same.predict(np.ones((1, 2))), [[2., 2.]])
    rebuilt = Model.from_config(config,
                                custom_objects={'double': lambda t: t * 3})
    np.testing.assert_allclose(rebuilt.predict(np.ones((1, 2))), [[3., 3.]])


class SimpleMLP(Model):
    """The model-subclassing example of the Keras 2.2 docs."""

    def __init__(self, use_bn=False, use_dp=False, num_classes=10):
        super(SimpleMLP, self).__init__(name='mlp')
        self.use_bn = use_bn
        self.use_dp = use_dp
        self.num_classes = num_classes
        self.dense1 = Dense(32, activation='relu')
        self.dense2 = Dense(num_classes, activation='softmax')

    def call(self, inputs):
        x = self.dense1(inputs)
        return self.dense2(x)


def test_subclassed_model_trains_and_tracks_layers():
    model = SimpleMLP()
    assert [l.name for l in model.layers] == [model.dense1.name,
                                              model.dense2.name]
    with pytest.raises(ValueError, match='not yet been built'):
        model.summary()
    model.compile(optimizer='adam', loss='categorical_crossentropy',
                  metrics=['accuracy'])
    x = np.random.rand(40, 8).astype('float32')
    y = np.eye(10)[np.arange(40) % 10]
    history = model.fit(x, y, epochs=2, batch_size=8, verbose=0)
    assert set(history.history) == {'loss', 'acc'}
    assert model.predict(x).shape == (40, 10)
    assert len(model.weights) == 4
    lines = []
    model.summary(print_fn=lines.append)
    assert any('Total params: 618' in l for l in lines)


def test_custom_layer_with_add_weight_and_mask():
    class Scale(Layer):
        def __init__(self, **kwargs):
            super(Scale, self).__init__(**kwargs)
            self.supports_masking = True

        def build(self, input_shape):
            self.scale = self.add_weight(name='scale',
                                         shape=(input_shape[-1],),
                                         initializer='ones')
            self.input_spec = InputSpec(ndim=2)
            super(Scale, self).build(input_shape)

        def call(self, inputs):
            return inputs * self.scale

    inp = Input(shape=(3,))
    layer = Scale()
    out = layer(inp)
    assert layer.scale.name == layer.name + '/scale:0'
    assert K.int_shape(out) == (None, 3)
    model = Model(inp, out)
    np.testing.assert_allclose(model.predict(np.ones((2, 3))),
                               np.ones((2, 3)))
    with pytest.raises(ValueError, match='expected ndim=2'):
        layer(Input(shape=(3, 3)))


def test_intermediate_output_faq():
    inp = Input(shape=(4,))
    hidden = Dense(3, name='my_layer')(inp)
    model = Model(inp, Dense(1)(hidden))
    x = np.random.rand(2, 4).astype('float32')
    intermediate = Model(inputs=model.input,
                         outputs=model.get_layer('my_layer').output)
    get_output = K.function([model.layers[0].input],
                            [model.layers[1].output])
    np.testing.assert_allclose(intermediate.predict(x),
                               get_output([x])[0], rtol=1e-6)


def test_summary_format_matches_keras_22():
    model = Sequential()
    model.add(Dense(32, input_shape=(784,)))
    model.add(Activation('relu'))
    lines = []
    model.summary(print_fn=lines.append)
    assert lines == [
        '_' * 65,
        'Layer (type)                 Output Shape              Param #   ',
        '=' * 65,
        'dense_1 (Dense)              (None, 32)                25120     ',
        '_' * 65,
        'activation_1 (Activation)    (None, 32)                0         ',
        '=' * 65,
        'Total params: 25,120',
        'Trainable params: 25,120',
        'Non-trainable params: 0',
        '_' * 65]


def test_model_call_outputs_inherit_the_learning_phase():
    from keras22.layers import Dropout
    a = Input(shape=(3,))
    b = Input(shape=(3,))
    model = Model([a, b], [Dense(2)(a), Dropout(0.5)(b)])
    assert model.uses_learning_phase
    c_out, d_out = model([Input(shape=(3,)), Input(shape=(3,))])
    # As in Keras 2.2: every output of a model that uses the learning
    # phase is marked, not only the one behind the Dropout.
    assert c_out._uses_learning_phase and d_out._uses_learning_phase


def test_layer_with_several_outputs_and_no_mask_support():
    class Twice(Layer):
        def call(self, inputs):
            return [K.abs(inputs), -inputs]

        def compute_output_shape(self, input_shape):
            return [input_shape, input_shape]

    class Add(Layer):
        def call(self, inputs):
            return inputs[0] + inputs[1]

    x = Input(shape=(2, 3))
    p, n = Twice()(x)
    model = Model(x, Add()([p, n]))
    data = np.array([[[-1., 2., 0.], [3., -4., 5.]]])
    np.testing.assert_allclose(model.predict(data), np.abs(data) - data)


def test_nested_model_counts_only_its_own_updates_and_losses():
    from keras22.layers import BatchNormalization
    inner = Sequential([Dense(3, input_dim=3, activity_regularizer='l1'),
                        BatchNormalization(), Dense(3)])
    assert len(inner.updates) == 2 and len(inner.losses) == 1
    x = Input(shape=(3,))
    outer = Model(x, inner(x))
    # Calling `inner` on `x` adds updates and a loss for `x`, which belong
    # to `outer`, not to `inner`'s own graph.
    assert len(inner.updates) == 2 and len(inner.losses) == 1
    assert len(outer.updates) == 2 and len(outer.losses) == 1
    outer.compile('sgd', 'mse')
    outer.fit(np.ones((4, 3)), np.ones((4, 3)), verbose=0)


def test_mask_reaches_the_layers_of_a_nested_model():
    from keras22.layers import Masking, TimeDistributed
    inputs = Input(shape=(3, 4))
    masked = Masking(mask_value=0.)(inputs)
    inner = Sequential([Dense(5, input_shape=(4,)), Activation('relu')])
    wrapped = TimeDistributed(inner)
    outputs = wrapped(masked)
    model = Model(inputs, outputs)
    model.compile('rmsprop', 'mse')
    data = np.random.RandomState(0).randint(1, 5, size=(4, 3, 4)).astype(
        'float32')
    for i in range(3):
        data[i, i:, :] = 0.
    model.fit(data, np.zeros((4, 3, 5)), epochs=1, verbose=0)
    # The inner model (a layer without masking) passes the Masking mask on,
    # so the wrapper's output mask is the per-timestep mask.
    mask = wrapped.compute_mask(model.layers[2].input,
                                model.layers[1].compute_mask(
                                    model.layers[1].input))
    mask_value = K.function([model.input], [mask])([data])[0]
    np.testing.assert_array_equal(mask_value, np.any(data, axis=-1))


def test_activity_penalty_recorded_for_a_call_on_a_variable():
    # Keras 2.2 recorded it for every call; a call on a concrete value
    # records the concrete penalty.
    from keras22 import backend as K
    from keras22.layers import Dense
    layer = Dense(2, kernel_initializer='ones', activity_regularizer='l2')
    value = np.ones((1, 3), 'float32')
    output = layer(K.variable(value))
    assert len(layer.losses) == 1
    np.testing.assert_allclose(K.eval(layer.losses[0]),
                               0.01 * np.sum(K.eval(output) ** 2), rtol=1e-5)
