"""Small models and checks shared by the saving tests."""
import codecs
import copy
import json
import marshal

import numpy as np
from numpy.testing import assert_allclose

from keras22 import layers
from keras22.models import Model, Sequential


def tiny_sequential(name=None):
    """Dense -> BatchNormalization -> Dense(softmax), inputs of 3 features.

    BatchNormalization brings non-trainable weights into every check.
    """
    return Sequential([layers.Dense(4, activation='relu', input_shape=(3,)),
                       layers.BatchNormalization(),
                       layers.Dense(2, activation='softmax')], name=name)


def tiny_data(n=16, seed=0):
    rng = np.random.RandomState(seed)
    x = rng.rand(n, 3).astype('float32')
    y = np.eye(2, dtype='float32')[rng.randint(0, 2, n)]
    return x, y


def multi_io_model():
    """Two inputs, a layer shared between them, a nested Sequential model,
    a nested functional model and two outputs."""
    a = layers.Input(shape=(3,), name='a')
    b = layers.Input(shape=(3,), name='b')
    shared = layers.Dense(4, activation='tanh', name='shared')
    inner_in = layers.Input(shape=(4,))
    inner = Model(inner_in, layers.Dense(3, name='inner_dense')(inner_in),
                  name='inner_functional')
    stack = Sequential([layers.Dense(3, input_shape=(8,), name='stack_dense'),
                        layers.BatchNormalization(name='stack_bn')],
                       name='inner_sequential')
    merged = layers.concatenate([shared(a), shared(b)])
    first = layers.Dense(1, name='first')(stack(merged))
    second = layers.Dense(2, activation='softmax', name='second')(
        inner(shared(a)))
    return Model([a, b], [first, second], name='multi_io')


def multi_io_data(n=12, seed=0):
    rng = np.random.RandomState(seed)
    xs = [rng.rand(n, 3).astype('float32') for _ in range(2)]
    ys = [rng.rand(n, 1).astype('float32'),
          np.eye(2, dtype='float32')[rng.randint(0, 2, n)]]
    return xs, ys


def assert_same_predictions(first, second, x, rtol=1e-6, atol=1e-6):
    expected = first.predict(x)
    actual = second.predict(x)
    if isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected)
        for e, a in zip(expected, actual):
            assert_allclose(a, e, rtol=rtol, atol=atol)
    else:
        assert_allclose(actual, expected, rtol=rtol, atol=atol)


def assert_same_weights(first, second):
    expected = first.get_weights()
    actual = second.get_weights()
    assert len(expected) == len(actual)
    for e, a in zip(expected, actual):
        assert_allclose(a, e, rtol=1e-6, atol=1e-7)


def _moved_code(text):
    code = marshal.loads(codecs.decode(text.encode('ascii'), 'base64'))
    moved = code.replace(co_filename='<written by another process>')
    return codecs.encode(marshal.dumps(moved), 'base64').decode('ascii')


def _move_lambdas(value):
    if isinstance(value, list):
        return [_move_lambdas(v) for v in value]
    if not isinstance(value, dict):
        return value
    value = {k: _move_lambdas(v) for k, v in value.items()}
    if value.get('class_name') == 'Lambda':
        config = value['config']
        for key in ('function', 'output_shape'):
            if config.get(key + '_type', 'raw') == 'lambda':
                dumped = list(config[key])
                dumped[0] = _moved_code(dumped[0])
                config[key] = dumped
    return value


def written_elsewhere(config):
    """A model config (a dict, or JSON text) as another process would have
    written it: the bytecode of every Lambda function is that of the same
    code compiled from another file, which this process never serialized
    (and so refuses to run unless allowed)."""
    if isinstance(config, (str, bytes)):
        return json.dumps(_move_lambdas(json.loads(config)))
    return _move_lambdas(copy.deepcopy(config))
