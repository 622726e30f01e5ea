"""Helpers for testing layers, as legacy Keras 2.2 tests import them."""
import functools

import numpy as np
from numpy.testing import assert_allclose

from .. import backend as K
from .generic_utils import has_arg


def get_test_data(num_train=1000, num_test=500, input_shape=(10,),
                  output_shape=(2,), classification=True, num_classes=2):
    """Random data for learning tests.

    For classification, the inputs of class `k` are drawn around `k`, so
    classes can be told apart; for regression, inputs and targets are drawn
    around the same random level.

    # Arguments
        num_train: the number of training samples.
        num_test: the number of test samples.
        input_shape: the shape of one input sample.
        output_shape: the shape of one target (regression only).
        classification: whether to make integer class targets.
        num_classes: the number of classes.

    # Returns
        `(x_train, y_train), (x_test, y_test)`
    """
    samples = num_train + num_test
    x = np.zeros((samples,) + tuple(input_shape), dtype=np.float32)
    if classification:
        y = np.random.randint(0, num_classes, size=(samples,))
        for i in range(samples):
            x[i] = np.random.normal(loc=y[i], scale=0.7, size=input_shape)
    else:
        centers = np.random.random((samples,))
        y = np.zeros((samples,) + tuple(output_shape), dtype=np.float32)
        for i in range(samples):
            x[i] = np.random.normal(loc=centers[i], scale=0.7,
                                    size=input_shape)
            y[i] = np.random.normal(loc=centers[i], scale=0.7,
                                    size=output_shape)
    return (x[:num_train], y[:num_train]), (x[num_train:], y[num_train:])


def _check_shape(expected, actual):
    for expected_dim, actual_dim in zip(expected, actual):
        if expected_dim is not None:
            assert expected_dim == actual_dim, (expected, actual)


def _check_round_trip(model, input_data, actual_output):
    recovered = model.__class__.from_config(model.get_config())
    if model.weights:
        recovered.set_weights(model.get_weights())
        assert_allclose(recovered.predict(input_data), actual_output,
                        rtol=1e-3)


def layer_test(layer_cls, kwargs={}, input_shape=None, input_dtype=None,
               input_data=None, expected_output=None,
               expected_output_dtype=None, fixed_batch_size=False):
    """Exercises a layer with one input and one output.

    The layer is created from `kwargs`, its weights read and written back,
    used in a functional model and as the first layer of a `Sequential`
    model, checked against `compute_output_shape` (and `expected_output`
    if given), rebuilt from its config with the same results, and trained
    for one step if its `call` takes a `training` argument.

    # Arguments
        layer_cls: the layer class.
        kwargs: constructor arguments.
        input_shape: the input shape with the batch axis (`None` entries
            get a small random size); used when `input_data` is not given.
        input_dtype: the input dtype (default: `floatx()`).
        input_data: the input array, instead of random data.
        expected_output: the expected output array, if known.
        expected_output_dtype: the expected output dtype (default: the
            input dtype).
        fixed_batch_size: whether the input layer gets the batch size.

    # Returns
        The output of the layer on the input data.
    """
    from ..engine.input_layer import Input
    from ..engine.sequential import Sequential
    from ..engine.training import Model
    if input_data is None:
        assert input_shape, 'layer_test needs input_shape or input_data'
        if not input_dtype:
            input_dtype = K.floatx()
        data_shape = [np.random.randint(1, 4) if d is None else d
                      for d in input_shape]
        input_data = (10 * np.random.random(data_shape)).astype(input_dtype)
    else:
        if input_shape is None:
            input_shape = input_data.shape
        if input_dtype is None:
            input_dtype = input_data.dtype
    if expected_output_dtype is None:
        expected_output_dtype = input_dtype

    layer = layer_cls(**kwargs)
    weights = layer.get_weights()
    layer.set_weights(weights)
    if has_arg(layer_cls.__init__, 'weights') and len(weights):
        kwargs['weights'] = weights
        layer = layer_cls(**kwargs)
    expected_output_shape = layer.compute_output_shape(input_shape)

    if fixed_batch_size:
        x = Input(batch_shape=input_shape, dtype=input_dtype)
    else:
        x = Input(shape=input_shape[1:], dtype=input_dtype)
    y = layer(x)
    assert K.dtype(y) == expected_output_dtype, (K.dtype(y),
                                                 expected_output_dtype)
    model = Model(x, y)
    actual_output = model.predict(input_data)
    _check_shape(expected_output_shape, actual_output.shape)
    if expected_output is not None:
        assert_allclose(actual_output, expected_output, rtol=1e-3)
    _check_round_trip(model, input_data, actual_output)
    if has_arg(layer.call, 'training'):
        model.compile('rmsprop', 'mse')
        model.train_on_batch(input_data, actual_output)

    layer_config = layer.get_config()
    layer_config['batch_input_shape'] = input_shape
    layer = layer.__class__.from_config(layer_config)
    model = Sequential()
    model.add(layer)
    actual_output = model.predict(input_data)
    _check_shape(expected_output_shape, actual_output.shape)
    if expected_output is not None:
        assert_allclose(actual_output, expected_output, rtol=1e-3)
    _check_round_trip(model, input_data, actual_output)
    return actual_output


def keras_test(func):
    """Decorates a test so that the Keras session is cleared after it runs.

    Keras 2.0 to 2.2.2 test modules import it; later versions clear the
    session with a pytest fixture instead. keras22 keeps it so those test
    files run unchanged.

    # Arguments
        func: the test function.

    # Returns
        A function that calls `func` with the same arguments, then calls
        `K.clear_session()` (also when `func` raises).
    """
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        finally:
            K.clear_session()
    return wrapper
