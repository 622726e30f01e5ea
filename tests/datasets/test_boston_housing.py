"""boston_housing loader."""
import numpy as np
import pytest

from keras22.datasets import boston_housing


def _write(cache, count=20):
    x = np.arange(count * 13, dtype='float64').reshape(count, 13)
    y = np.arange(count, dtype='float64') * 10.
    np.savez(str(cache / 'boston_housing.npz'), x=x, y=y)
    return x, y


def test_boston_housing_split_and_shuffle(cache, loader_calls):
    x, y = _write(cache)
    (x_train, y_train), (x_test, y_test) = boston_housing.load_data()
    assert x_train.shape == (16, 13) and x_test.shape == (4, 13)
    assert y_train.shape == (16,) and y_test.shape == (4,)
    assert x_train.dtype == np.float64
    order = np.arange(20)
    np.random.RandomState(113).shuffle(order)
    np.testing.assert_array_equal(np.concatenate([x_train, x_test]),
                                  x[order])
    np.testing.assert_array_equal(np.concatenate([y_train, y_test]),
                                  y[order])
    assert loader_calls[0]['origin'] == \
        'https://s3.amazonaws.com/keras-datasets/boston_housing.npz'
    assert loader_calls[0]['file_hash'] == \
        'f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5'


def test_boston_housing_arguments(cache, loader_calls):
    _write(cache)
    (x_train, _), (x_test, _) = boston_housing.load_data(test_split=0.5,
                                                         seed=1)
    assert len(x_train) == 10 and len(x_test) == 10
    with pytest.raises(ValueError, match='test_split'):
        boston_housing.load_data(test_split=1.0)
