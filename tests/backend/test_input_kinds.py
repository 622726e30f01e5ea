"""Every kind of input: NumPy arrays, eager tensors and variables give eager
results equal to each other; placeholders give symbolic ones."""
import numpy as np
import pytest
import tensorflow as tf

from keras22 import backend as K
from keras22.backend.graph import is_symbolic

VALUE = np.random.RandomState(6).uniform(.1, 1, size=(2, 3, 4)) \
    .astype('float32')

UNARY = {
    'abs': K.abs, 'square': K.square, 'sqrt': K.sqrt, 'exp': K.exp,
    'log': K.log, 'round': K.round, 'sign': K.sign, 'sin': K.sin,
    'cos': K.cos, 'sum': K.sum, 'mean': lambda x: K.mean(x, axis=1),
    'max': K.max, 'min': K.min, 'prod': K.prod, 'std': K.std, 'var': K.var,
    'any': K.any, 'all': K.all, 'argmax': K.argmax, 'argmin': K.argmin,
    'cumsum': K.cumsum, 'cumprod': K.cumprod, 'logsumexp': K.logsumexp,
    'clip': lambda x: K.clip(x, .2, .8), 'pow': lambda x: K.pow(x, 2),
    'relu': K.relu, 'elu': K.elu, 'softmax': K.softmax,
    'softplus': K.softplus, 'softsign': K.softsign, 'sigmoid': K.sigmoid,
    'hard_sigmoid': K.hard_sigmoid, 'tanh': K.tanh,
    'l2_normalize': lambda x: K.l2_normalize(x, -1),
    'shape': K.shape, 'cast': lambda x: K.cast(x, 'float16'),
    'reshape': lambda x: K.reshape(x, (6, 4)),
    'permute': lambda x: K.permute_dimensions(x, (2, 0, 1)),
    'repeat_elements': lambda x: K.repeat_elements(x, 2, 1),
    'tile': lambda x: K.tile(x, (1, 2, 1)), 'flatten': K.flatten,
    'batch_flatten': K.batch_flatten, 'expand_dims': K.expand_dims,
    'squeeze': lambda x: K.squeeze(x[:, :1], 1),
    'concatenate': lambda x: K.concatenate([x, x]),
    'stack': lambda x: K.stack([x, x]), 'reverse': lambda x: K.reverse(x, 1),
    'slice': lambda x: K.slice(x, (0, 0, 1), (2, 2, 2)),
    'gather': lambda x: K.gather(x, [1, 0]), 'transpose': K.transpose,
    'temporal_padding': K.temporal_padding, 'identity': K.identity,
    'equal': lambda x: K.equal(x, x), 'maximum': lambda x: K.maximum(x, .5),
    'dot': lambda x: K.dot(x, np.ones((4, 2), 'float32')),
    'batch_dot': lambda x: K.batch_dot(x, x, axes=2),
    'switch': lambda x: K.switch(K.greater(x, .5), x, -x),
    'dropout': lambda x: K.dropout(x, .5, seed=1),
    'crossentropy': lambda x: K.categorical_crossentropy(x, x),
    'binary_crossentropy': lambda x: K.binary_crossentropy(x, x),
    'bias_add': lambda x: K.bias_add(x, np.ones(4, 'float32')),
    'conv1d': lambda x: K.conv1d(x, np.ones((2, 4, 3), 'float32')),
    'map_fn': lambda x: K.map_fn(K.sum, x),
    'rnn': lambda x: K.rnn(lambda x_t, s: (x_t + s[0], [x_t + s[0]]), x,
                           [np.zeros((2, 4), 'float32')])[1],
}


@pytest.mark.parametrize('name', sorted(UNARY))
def test_every_kind_of_input(name):
    fn = UNARY[name]
    results = []
    for make in (np.asarray, tf.constant, K.variable):
        out = fn(make(VALUE))
        assert not is_symbolic(out), name
        results.append(K.eval(out))
    for other in results[1:]:
        np.testing.assert_allclose(other, results[0], rtol=1e-6)
    sym = fn(K.placeholder(shape=VALUE.shape))
    assert is_symbolic(sym), name
    assert K.dtype(sym) == K.dtype(fn(VALUE))
