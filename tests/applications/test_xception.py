"""Xception: names, parameter counts, channels-last only."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22.applications import Xception


@pytest.fixture(scope='module')
def built():
    """Xception with the classifier at its smallest input (71x71), built
    once, and its predictions for two images (made here: the session is
    cleared before each test)."""
    K.clear_session()
    model = Xception(weights=None, input_shape=(71, 71, 3))
    return model, model.predict(np.random.uniform(-1, 1, (2, 71, 71, 3)))


@pytest.fixture(scope='module')
def xception(built):
    return built[0]


def test_parameter_count(xception):
    assert xception.count_params() == 22910480
    assert xception.name == 'xception'
    assert len(xception.layers) == 134


def test_layer_names(xception):
    names = [layer.name for layer in xception.layers]
    assert names[:7] == ['input_1', 'block1_conv1', 'block1_conv1_bn',
                         'block1_conv1_act', 'block1_conv2',
                         'block1_conv2_bn', 'block1_conv2_act']
    assert 'block2_sepconv1_act' not in names
    for block in range(2, 14):
        assert 'block%d_sepconv2' % block in names
    for block in range(5, 13):
        assert 'block%d_sepconv3_bn' % block in names
    assert {'block2_pool', 'block13_pool', 'block14_sepconv2_act',
            'conv2d_4', 'batch_normalization_4', 'add_12'} <= set(names)
    assert names[-2:] == ['avg_pool', 'predictions']
    assert xception.get_layer('block14_sepconv2_act').output_shape == (
        None, 3, 3, 2048)


def test_predicts(built):
    out = built[1]
    assert out.shape == (2, 1000)
    np.testing.assert_allclose(out.sum(axis=1), 1., rtol=1e-5)


def test_channels_first_config_builds_channels_last():
    K.set_image_data_format('channels_first')
    with pytest.warns(UserWarning, match='channels_last'):
        model = Xception(include_top=False, weights=None,
                         input_shape=(71, 71, 3), pooling='max')
    assert K.image_data_format() == 'channels_first'
    assert model.input_shape == (None, 71, 71, 3)
    assert model.output_shape == (None, 2048)
    assert model.count_params() == 20861480


def test_data_format_restored_after_a_failed_build():
    K.set_image_data_format('channels_first')
    with pytest.warns(UserWarning):
        with pytest.raises(ValueError, match='at least'):
            Xception(include_top=False, weights=None,
                     input_shape=(50, 50, 3))
    assert K.image_data_format() == 'channels_first'
