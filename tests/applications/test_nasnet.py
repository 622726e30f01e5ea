"""NASNetMobile, NASNetLarge and the general NASNet builder."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22.applications import NASNetLarge, NASNetMobile
from keras22.applications import nasnet


@pytest.fixture(scope='module')
def built():
    """NASNetMobile with the classifier at 32x32, built once, and its
    predictions for two images (made here: the session is cleared before
    each test)."""
    K.clear_session()
    model = NASNetMobile(weights=None, input_shape=(32, 32, 3))
    x = nasnet.preprocess_input(np.random.uniform(0, 255, (2, 32, 32, 3)))
    return model, model.predict(x)


@pytest.fixture(scope='module')
def mobile(built):
    return built[0]


def test_mobile_parameter_count(mobile):
    assert mobile.count_params() == 5326716
    assert mobile.name == 'NASNet'
    assert len(mobile.layers) == 771


def test_mobile_names(mobile):
    names = [layer.name for layer in mobile.layers]
    assert names[:3] == ['input_1', 'stem_conv1', 'stem_bn1']
    for cell in ('stem_1', 'stem_2', 'reduce_4', 'reduce_8'):
        assert 'reduction_concat_%s' % cell in names
        assert 'separable_conv_1_pad_reduction_left1_%s' % cell in names
        assert 'separable_conv_2_bn_reduction_left4_%s' % cell in names
        assert 'reduction_left4_%s' % cell in names
    for cell in (0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12):
        assert 'normal_concat_%d' % cell in names
    assert 'normal_concat_4' not in names
    # The previous output is halved where the resolution changed, and
    # projected to the cell's width elsewhere.
    assert {'adjust_avg_pool_1_stem_2', 'adjust_relu_1_0',
            'adjust_conv_projection_1', 'adjust_conv_projection_reduce_4',
            'adjust_relu_1_5', 'adjust_relu_1_9', 'cropping2d_4'} <= set(names)
    assert 'adjust_conv_projection_0' not in names
    assert 'cropping2d_5' not in names
    assert names[-1] == 'predictions'
    assert mobile.get_layer('normal_concat_12').output_shape[-1] == 1056


def test_mobile_predicts(built):
    out = built[1]
    assert out.shape == (2, 1000)
    np.testing.assert_allclose(out.sum(axis=1), 1., rtol=1e-5)


def test_small_nasnet():
    model = nasnet.NASNet(input_shape=(32, 32, 3), penultimate_filters=96,
                          num_blocks=1, stem_block_filters=8, weights=None,
                          classes=10, include_top=True)
    assert model.count_params() == 27512
    assert model.output_shape == (None, 10)
    assert model.get_layer('stem_conv1').filters == 8
    assert model.get_layer('normal_concat_3').output_shape[-1] == 96


@pytest.mark.slow
def test_large():
    K.clear_session()
    model = NASNetLarge(weights=None, input_shape=(32, 32, 3))
    assert model.count_params() == 88949818
    assert len(model.layers) == 1041
    names = [layer.name for layer in model.layers]
    for cell in ('stem_1', 'stem_2', 'reduce_6', 'reduce_12'):
        assert 'reduction_concat_%s' % cell in names
    assert 'normal_concat_18' in names and 'normal_concat_19' not in names
    assert model.get_layer('normal_concat_18').output_shape[-1] == 4032
    out = model.predict(np.zeros((1, 32, 32, 3)))
    assert out.shape == (1, 1000)
