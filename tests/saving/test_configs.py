"""Configs: every built-in layer, JSON and YAML, Lambda safe mode (configs
made in this process and written elsewhere), and the translation of configs
written by later Keras versions."""
import inspect
import json

import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import constraints, layers, regularizers
from keras22.engine import saving
from keras22.engine.base_layer import Layer
from keras22.layers.core import allow_lambda_bytecode
from keras22.models import (Model, Sequential, model_from_config,
                            model_from_json, model_from_yaml)

from saving_helpers import (assert_same_predictions, multi_io_data,
                            multi_io_model, written_elsewhere)


def double(x):
    return x * 2.


# Constructor arguments and input shape (without the batch axis; a list for
# several inputs; None: config round trip only) of every layer class. A
# layer class that appears in keras22.layers and is neither here nor in
# ABSTRACT is reported as skipped, with this table to extend.
LAYER_CASES = {
    'Activation': (lambda: dict(activation='relu'), (4,)),
    'ActivityRegularization': (lambda: dict(l1=0.1, l2=0.2), (4,)),
    'Add': (dict, [(4,), (4,)]),
    'Average': (dict, [(4,), (4,)]),
    'Maximum': (dict, [(4,), (4,)]),
    'Minimum': (dict, [(4,), (4,)]),
    'Multiply': (dict, [(4,), (4,)]),
    'Subtract': (dict, [(4,), (4,)]),
    'Concatenate': (lambda: dict(axis=-1), [(4,), (3,)]),
    'Dot': (lambda: dict(axes=1, normalize=True), [(4,), (4,)]),
    'AlphaDropout': (lambda: dict(rate=0.2, seed=3), (4,)),
    'GaussianDropout': (lambda: dict(rate=0.2), (4,)),
    'GaussianNoise': (lambda: dict(stddev=0.1), (4,)),
    'Dropout': (lambda: dict(rate=0.3, noise_shape=(None, 1, 3)), (2, 3)),
    'SpatialDropout1D': (lambda: dict(rate=0.2), (5, 3)),
    'SpatialDropout2D': (lambda: dict(rate=0.2), (4, 4, 2)),
    'SpatialDropout3D': (lambda: dict(rate=0.2), (3, 3, 3, 2)),
    'AveragePooling1D': (lambda: dict(pool_size=2), (6, 3)),
    'MaxPooling1D': (lambda: dict(pool_size=3, strides=1), (6, 3)),
    'AveragePooling2D': (lambda: dict(padding='same'), (5, 5, 2)),
    'MaxPooling2D': (dict, (4, 4, 2)),
    'AveragePooling3D': (dict, (4, 4, 4, 2)),
    'MaxPooling3D': (dict, (4, 4, 4, 2)),
    'GlobalAveragePooling1D': (dict, (5, 3)),
    'GlobalMaxPooling1D': (dict, (5, 3)),
    'GlobalAveragePooling2D': (dict, (4, 4, 2)),
    'GlobalMaxPooling2D': (dict, (4, 4, 2)),
    'GlobalAveragePooling3D': (dict, (3, 3, 3, 2)),
    'GlobalMaxPooling3D': (dict, (3, 3, 3, 2)),
    'BatchNormalization': (lambda: dict(momentum=0.9, center=False), (4,)),
    'Bidirectional': (lambda: dict(layer=layers.LSTM(3),
                                   merge_mode='sum'), (5, 2)),
    'TimeDistributed': (lambda: dict(layer=layers.Dense(3)), (5, 2)),
    'Conv1D': (lambda: dict(filters=2, kernel_size=3, dilation_rate=2),
               (8, 3)),
    'Conv2D': (lambda: dict(filters=2, kernel_size=(2, 2), strides=2,
                            activation='relu'), (5, 5, 3)),
    'Conv2DTranspose': (lambda: dict(filters=2, kernel_size=2), (4, 4, 3)),
    'Conv3D': (lambda: dict(filters=2, kernel_size=2), (4, 4, 4, 1)),
    'Conv3DTranspose': (lambda: dict(filters=2, kernel_size=2),
                        (3, 3, 3, 1)),
    'DepthwiseConv2D': (lambda: dict(kernel_size=2, depth_multiplier=2),
                        (4, 4, 3)),
    'SeparableConv1D': (lambda: dict(filters=2, kernel_size=2), (5, 3)),
    'SeparableConv2D': (lambda: dict(filters=2, kernel_size=2), (4, 4, 3)),
    'LocallyConnected1D': (lambda: dict(filters=2, kernel_size=2), (5, 3)),
    'LocallyConnected2D': (lambda: dict(filters=2, kernel_size=2),
                           (4, 4, 2)),
    'ConvLSTM2D': (lambda: dict(filters=2, kernel_size=(2, 2)),
                   (3, 4, 4, 1)),
    'ConvLSTM2DCell': (lambda: dict(filters=2, kernel_size=(2, 2)), None),
    'ConvRNN2D': (lambda: dict(cell=layers.ConvLSTM2DCell(2, (2, 2))),
                  (3, 4, 4, 1)),
    'Cropping1D': (lambda: dict(cropping=(1, 2)), (6, 2)),
    'Cropping2D': (lambda: dict(cropping=((1, 0), (0, 1))), (5, 5, 2)),
    'Cropping3D': (dict, (4, 4, 4, 1)),
    'ZeroPadding1D': (lambda: dict(padding=2), (3, 2)),
    'ZeroPadding2D': (dict, (3, 3, 2)),
    'ZeroPadding3D': (dict, (2, 2, 2, 1)),
    'UpSampling1D': (lambda: dict(size=3), (3, 2)),
    'UpSampling2D': (dict, (3, 3, 2)),
    'UpSampling3D': (dict, (2, 2, 2, 1)),
    'CuDNNGRU': (lambda: dict(units=3), (5, 2)),
    'CuDNNLSTM': (lambda: dict(units=3, return_sequences=True), (5, 2)),
    'GRU': (lambda: dict(units=3, reset_after=True), (5, 2)),
    'LSTM': (lambda: dict(units=3, dropout=0.1, go_backwards=True), (5, 2)),
    'SimpleRNN': (lambda: dict(units=3, return_sequences=True), (5, 2)),
    'GRUCell': (lambda: dict(units=3), None),
    'LSTMCell': (lambda: dict(units=3), None),
    'SimpleRNNCell': (lambda: dict(units=3), None),
    'RNN': (lambda: dict(cell=layers.LSTMCell(3)), (5, 2)),
    'StackedRNNCells': (lambda: dict(cells=[layers.LSTMCell(3),
                                            layers.GRUCell(2)]), None),
    'Dense': (lambda: dict(units=3,
                           kernel_regularizer=regularizers.l2(0.01),
                           kernel_constraint=constraints.max_norm(2.),
                           bias_initializer='ones'), (4,)),
    'Highway': (dict, (4,)),
    'MaxoutDense': (lambda: dict(output_dim=3), (4,)),
    'ELU': (lambda: dict(alpha=0.5), (4,)),
    'LeakyReLU': (lambda: dict(alpha=0.2), (4,)),
    'PReLU': (lambda: dict(shared_axes=[1]), (3, 4)),
    'ReLU': (lambda: dict(max_value=6.), (4,)),
    'Softmax': (lambda: dict(axis=1), (3, 4)),
    'ThresholdedReLU': (lambda: dict(theta=0.5), (4,)),
    'Embedding': (lambda: dict(input_dim=10, output_dim=3, input_length=4,
                               mask_zero=True), (4,)),
    'Flatten': (dict, (3, 2)),
    'InputLayer': (lambda: dict(input_shape=(3,)), None),
    'Lambda': (lambda: dict(function=lambda x: x * 2., output_shape=(4,)),
               (4,)),
    'Masking': (lambda: dict(mask_value=-1.), (5, 2)),
    'Permute': (lambda: dict(dims=(2, 1)), (3, 4)),
    'RepeatVector': (lambda: dict(n=3), (4,)),
    'Reshape': (lambda: dict(target_shape=(2, 2)), (4,)),
}
INTEGER_INPUTS = {'Embedding'}
# Base classes that are not layers by themselves.
ABSTRACT = {'Layer', 'Wrapper', 'Recurrent', 'ConvRecurrent2D'}


def _exported_layer_classes():
    found = {}
    for name in dir(layers):
        value = getattr(layers, name)
        if inspect.isclass(value) and issubclass(value, Layer) and \
                value.__name__ not in ABSTRACT:
            found[value.__name__] = value
    return sorted(found.items())


def _json_plain(config):
    return json.loads(json.dumps(config, default=saving._json_default))


def _comparable(config):
    """A config without marshalled bytecode, which differs byte for byte
    once a function was loaded and dumped again (marshal's reference
    flags), although the code is the same."""
    config = dict(config)
    if config.get('function_type') == 'lambda':
        config.pop('function')
    return config


def _inputs(name, shape):
    dtype = 'int32' if name in INTEGER_INPUTS else None
    if isinstance(shape, list):
        return [layers.Input(shape=s) for s in shape]
    return layers.Input(shape=shape, dtype=dtype)


@pytest.mark.parametrize('name,cls', _exported_layer_classes())
def test_every_layer_config_round_trips(name, cls):
    if name not in LAYER_CASES:
        pytest.skip('no constructor arguments known for %s: add it to '
                    'LAYER_CASES' % name)
    make_kwargs, shape = LAYER_CASES[name]
    layer = cls(**make_kwargs())
    config = _json_plain(layer.get_config())
    # Translating configs of later Keras versions leaves Keras 2.2's alone.
    assert saving._upgrade_model_config(
        {'class_name': name, 'config': config})['config'] == config
    with allow_lambda_bytecode():
        rebuilt = layers.deserialize({'class_name': name, 'config': config})
    assert type(rebuilt) is cls
    assert _comparable(_json_plain(rebuilt.get_config())) == \
        _comparable(config)
    if name == 'Lambda':
        assert rebuilt.function(3.) == 6.
    if shape is None:
        return
    out = layer(_inputs(name, shape))
    out_rebuilt = rebuilt(_inputs(name, shape))
    assert K.int_shape(out_rebuilt) == K.int_shape(out)
    assert [K.int_shape(w) for w in rebuilt.weights] == \
        [K.int_shape(w) for w in layer.weights]
    # Building must not change the config.
    assert _comparable(_json_plain(rebuilt.get_config())) == \
        _comparable(config)


def test_json_and_yaml_round_trips():
    model = multi_io_model()
    text = model.to_json(indent=2)
    described = json.loads(text)
    assert described['class_name'] == 'Model'
    assert described['keras_version'] == '2.2.4'
    assert described['backend'] == 'tensorflow'
    xs, _ = multi_io_data()
    for rebuilt in (model_from_json(text), model_from_yaml(model.to_yaml())):
        assert _json_plain(rebuilt.get_config()) == \
            _json_plain(model.get_config())
        rebuilt.set_weights(model.get_weights())
        assert_same_predictions(model, rebuilt, xs)
    with pytest.raises(TypeError, match='Sequential.from_config'):
        model_from_config([{'class_name': 'Dense', 'config': {'units': 1}}])


# What Keras 2.2's `to_yaml` wrote: PyYAML's default dumper, which tags
# tuples as Python objects.
KERAS_2_2_YAML = """\
backend: tensorflow
class_name: Sequential
config:
- class_name: Dense
  config:
    activation: relu
    activity_regularizer: null
    batch_input_shape: !!python/tuple [null, 3]
    bias_constraint: null
    bias_initializer:
      class_name: Zeros
      config: {}
    bias_regularizer: null
    dtype: float32
    kernel_constraint: null
    kernel_initializer:
      class_name: VarianceScaling
      config: {distribution: uniform, mode: fan_avg, scale: 1.0, seed: null}
    kernel_regularizer: null
    name: dense_1
    trainable: true
    units: 5
    use_bias: true
- class_name: Dropout
  config: {name: dropout_1, noise_shape: null, rate: 0.5, seed: null,
    trainable: true}
keras_version: 2.2.4
"""


def test_keras_2_2_yaml_with_python_tuples_loads_safely():
    model = model_from_yaml(KERAS_2_2_YAML)
    assert isinstance(model, Sequential)
    assert model.layers[0].batch_input_shape == (None, 3)
    assert model.output_shape == (None, 5)
    # Other Python tags are refused, unlike Keras 2.2's yaml.load.
    import yaml
    with pytest.raises(yaml.YAMLError):
        model_from_yaml('!!python/object/apply:os.system ["true"]')


def _lambda_model():
    a = layers.Input(shape=(3,))
    out = layers.Lambda(lambda t: t * 3. + 1., name='affine')(a)
    return Model(a, layers.Dense(2)(out))


def test_lambda_configs_made_in_this_process_load_as_in_keras_2_2():
    model = _lambda_model()
    text = model.to_json()
    x = np.random.rand(4, 3).astype('float32')
    for load in (lambda: model_from_json(text),
                 lambda: model_from_yaml(model.to_yaml()),
                 lambda: model_from_config(json.loads(text)),
                 lambda: Model.from_config(model.get_config())):
        same = load()
        same.set_weights(model.get_weights())
        assert_same_predictions(model, same, x)
    # Even once the model and its function are gone.
    del model
    import gc
    gc.collect()
    assert model_from_json(text).layers[1].function(2.) == 7.


def _closure_model(offset):
    a = layers.Input(shape=(2,))
    return Model(a, layers.Lambda(lambda t: t + offset)(a))


def test_in_process_lambda_keeps_its_globals_and_config_closure():
    # The function is rebuilt with the globals of its own module (`double`
    # is not a name Lambda's module knows) and with the closure values the
    # config holds.
    a = layers.Input(shape=(2,))
    model = Model(a, layers.Lambda(lambda t: double(t) + 1.)(a))
    again = model_from_json(model.to_json())
    assert_allclose(again.predict(np.ones((1, 2))), [[3., 3.]])
    config = _closure_model(5.).get_config()
    code, defaults, _ = config['layers'][1]['config']['function']
    config['layers'][1]['config']['function'] = (code, defaults, [7.])
    rebuilt = Model.from_config(config)
    assert_allclose(rebuilt.predict(np.zeros((1, 2))), [[7., 7.]])
    # custom_objects still override the names the function looks up.
    text = model.to_json()
    swapped = model_from_json(text, custom_objects={'double': lambda t: t})
    assert_allclose(swapped.predict(np.ones((1, 2))), [[2., 2.]])
    assert_allclose(model.predict(np.ones((1, 2))), [[3., 3.]])


def test_lambda_bytecode_written_elsewhere_only_loads_when_allowed():
    import yaml
    model = _lambda_model()
    text = written_elsewhere(model.to_json())
    x = np.random.rand(4, 3).astype('float32')
    for load in (lambda **kw: model_from_json(text, **kw),
                 lambda **kw: model_from_yaml(
                     yaml.dump(json.loads(text)), **kw),
                 lambda **kw: model_from_config(json.loads(text), **kw),
                 lambda **kw: model_from_config(
                     written_elsewhere(_model_config(model)), **kw)):
        with pytest.raises(ValueError, match='"affine".*safe_mode=False'):
            load()
        allowed = load(safe_mode=False)
        allowed.set_weights(model.get_weights())
        assert_same_predictions(model, allowed, x)
    supplied = model_from_json(
        text, custom_objects={'affine': lambda t: t * 3. + 1.})
    supplied.set_weights(model.get_weights())
    assert_same_predictions(model, supplied, x)
    with allow_lambda_bytecode():
        assert model_from_json(text).layers[1].name == 'affine'
    with pytest.raises(ValueError):
        model_from_json(text)  # the permission ended with the block


def _model_config(model):
    return {'class_name': model.__class__.__name__,
            'config': model.get_config()}


def test_named_functions_and_custom_objects_in_configs():
    model = Sequential([layers.Lambda(double, input_shape=(2,)),
                        layers.Dense(1, activation=double)])
    text = model.to_json()
    with pytest.raises(ValueError):
        model_from_json(text)
    rebuilt = model_from_json(text, custom_objects={'double': double,
                                                    'lambda_1': double})
    assert rebuilt.layers[1].activation is double


# ----------------------------------------------------------------------
# Configs of later Keras versions.

def _tf_keras_style_config():
    """A functional config as tf_keras writes it (newer serialization of
    initializers, regularizers, constraints and dtype policies, options
    Keras 2.2 lacks, class `Functional`)."""
    def wrapped(module, name, config):
        return {'module': module, 'class_name': name, 'config': config,
                'registered_name': None}
    policy = wrapped('keras', 'DTypePolicy', {'name': 'float32'})
    return {'class_name': 'Functional', 'config': {
        'name': 'from_tf_keras', 'trainable': True,
        'layers': [
            {'class_name': 'InputLayer', 'name': 'x', 'inbound_nodes': [],
             'config': {'batch_input_shape': [None, 4], 'dtype': 'float32',
                        'sparse': False, 'ragged': False, 'name': 'x',
                        'optional': False}},
            {'class_name': 'Dense', 'name': 'hidden',
             'inbound_nodes': [[['x', 0, 0, {}]]],
             'config': {
                 'name': 'hidden', 'trainable': True, 'dtype': policy,
                 'units': 3, 'activation': 'relu', 'use_bias': True,
                 'kernel_initializer': wrapped('keras.initializers',
                                               'HeNormal', {'seed': 7}),
                 'bias_initializer': wrapped('keras.initializers', 'Zeros',
                                             {}),
                 'kernel_regularizer': wrapped('keras.regularizers', 'L2',
                                               {'l2': 0.25}),
                 'bias_regularizer': None, 'activity_regularizer': None,
                 'kernel_constraint': wrapped('keras.constraints',
                                              'MaxNorm',
                                              {'max_value': 2, 'axis': 0}),
                 'bias_constraint': None}},
            # Keras 3's node form.
            {'class_name': 'BatchNormalization', 'name': 'bn',
             'inbound_nodes': [{'args': [{
                 'class_name': '__keras_tensor__',
                 'config': {'shape': [None, 3], 'dtype': 'float32',
                            'keras_history': ['hidden', 0, 0]}}],
                 'kwargs': {}}],
             'config': {'name': 'bn', 'trainable': True,
                        'dtype': 'float32', 'axis': [1], 'momentum': 0.99,
                        'epsilon': 0.001, 'center': True, 'scale': True,
                        'beta_initializer': 'zeros',
                        'gamma_initializer': 'ones',
                        'moving_mean_initializer': 'zeros',
                        'moving_variance_initializer': 'ones',
                        'beta_regularizer': None, 'gamma_regularizer': None,
                        'beta_constraint': None, 'gamma_constraint': None,
                        'synchronized': False, 'fused': None}},
        ],
        'input_layers': ['x', 0, 0],
        'output_layers': [['bn', 0, 0]]}}


def test_configs_of_later_keras_versions_are_translated():
    original = _tf_keras_style_config()
    snapshot = json.dumps(original, sort_keys=True)
    model = model_from_config(original)
    assert json.dumps(original, sort_keys=True) == snapshot  # not modified
    assert isinstance(model, Model)
    assert model.name == 'from_tf_keras'
    hidden = model.get_layer('hidden')
    init = hidden.kernel_initializer.get_config()
    assert (type(hidden.kernel_initializer).__name__, init) == (
        'VarianceScaling', {'scale': 2., 'mode': 'fan_in',
                            'distribution': 'normal', 'seed': 7})
    assert hidden.kernel_regularizer.get_config() == {'l1': 0., 'l2': 0.25}
    assert hidden.kernel_constraint.get_config()['max_value'] == 2
    assert hidden.dtype == 'float32'
    assert model.get_layer('bn').axis == 1
    assert model.output_shape == (None, 3)


@pytest.mark.parametrize('edit,message', [
    (lambda c: c['config']['layers'][1]['config'].update(
        dtype={'class_name': 'DTypePolicy',
               'config': {'name': 'mixed_float16'}}), 'mixed precision'),
    (lambda c: c['config']['layers'][2]['config'].update(synchronized=True),
     'synchronized=True'),
    (lambda c: c['config']['layers'][0]['config'].update(ragged=True),
     'ragged=True'),
])
def test_options_keras_2_2_cannot_reproduce_are_refused(edit, message):
    config = _tf_keras_style_config()
    edit(config)
    with pytest.raises(ValueError, match=message):
        model_from_config(config)


def test_tf_keras_to_json_loads():
    tf_keras = pytest.importorskip('tf_keras')
    inputs = tf_keras.Input((4,))
    hidden = tf_keras.layers.Dense(3, activation='tanh')(inputs)
    model = tf_keras.Model(inputs, tf_keras.layers.Dense(2)(hidden))
    ours = model_from_json(model.to_json())
    ours.set_weights(model.get_weights())
    x = np.random.rand(5, 4).astype('float32')
    assert_allclose(ours.predict(x), model.predict(x, verbose=0),
                    rtol=1e-5, atol=1e-6)
