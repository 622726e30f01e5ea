"""The modules as Model.compile/fit use them: names, instances, a
TensorFlow optimizer, regularizers and constraints on layers."""
import numpy as np
import pytest
import tensorflow as tf

from keras22 import backend as K
from keras22 import optimizers
from keras22.layers import Dense
from keras22.models import Sequential

RNG = np.random.RandomState(3)
X = RNG.rand(32, 4).astype('float32')
Y = (X.sum(1, keepdims=True) > 2).astype('float32')


@pytest.mark.parametrize('optimizer', [
    'sgd', 'rmsprop', 'adagrad', 'adadelta', 'adam', 'adamax', 'nadam',
    lambda: optimizers.SGD(lr=0.1, momentum=0.9, nesterov=True,
                           clipnorm=1.),
    lambda: optimizers.Adam(lr=0.01, amsgrad=True, decay=0.01),
    lambda: tf.compat.v1.train.AdamOptimizer(0.01)],
    ids=lambda o: o if isinstance(o, str) else 'instance')
def test_fit_lowers_the_loss(optimizer):
    if callable(optimizer):
        optimizer = optimizer()
    model = Sequential([
        Dense(8, activation='tanh', input_shape=(4,),
              kernel_initializer='glorot_uniform', kernel_regularizer='l2',
              kernel_constraint='max_norm'),
        Dense(1, activation='sigmoid', bias_initializer='zeros')])
    model.compile(optimizer, 'binary_crossentropy', metrics=['acc', 'mae'])
    history = model.fit(X, Y, epochs=6, batch_size=32, verbose=0)
    losses = history.history['loss']
    assert losses[-1] < losses[0]
    assert set(history.history) == {'loss', 'acc', 'mean_absolute_error'}
    assert K.get_value(model.optimizer.iterations) == 6
    kernel = model.layers[0].get_weights()[0]
    assert np.sqrt(np.square(kernel).sum(0)).max() <= 2. + 1e-5
