"""keras22.utils.test_utils: the helpers legacy Keras test files import."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22.utils.test_utils import get_test_data, keras_test


def test_keras_test_clears_the_session_after_the_test():
    seen = {}

    @keras_test
    def a_test(value):
        seen['uid'] = K.get_uid('dense')
        return value * 2

    K.get_uid('dense')
    assert a_test(3) == 6 and a_test.__name__ == 'a_test'
    assert seen['uid'] >= 2
    assert K.get_uid('dense') == 1  # names restart: the session was cleared


def test_keras_test_clears_the_session_when_the_test_fails():
    @keras_test
    def failing():
        K.get_uid('conv')
        raise AssertionError('boom')

    with pytest.raises(AssertionError, match='boom'):
        failing()
    assert K.get_uid('conv') == 1


def test_get_test_data_shapes_and_classes():
    (x_train, y_train), (x_test, y_test) = get_test_data(
        num_train=20, num_test=10, input_shape=(3,), classification=True,
        num_classes=4)
    assert x_train.shape == (20, 3) and x_test.shape == (10, 3)
    assert y_train.shape == (20,) and set(np.unique(y_train)) <= set(range(4))
