"""DenseNet121/169/201: names, parameter counts, heads."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22.applications import DenseNet121, DenseNet169, DenseNet201
from keras22.applications import densenet


@pytest.fixture(scope='module')
def built():
    """DenseNet121 with the classifier at 32x32, built once, and its
    predictions for two images (made here: the session is cleared before
    each test)."""
    K.clear_session()
    model = DenseNet121(weights=None, input_shape=(32, 32, 3))
    x = densenet.preprocess_input(np.random.uniform(0, 255, (2, 32, 32, 3)))
    return model, model.predict(x)


@pytest.fixture(scope='module')
def densenet121(built):
    return built[0]


def test_densenet121_parameter_count(densenet121):
    assert densenet121.count_params() == 8062504
    assert densenet121.name == 'densenet121'
    assert len(densenet121.layers) == 429


def test_densenet121_names(densenet121):
    names = [layer.name for layer in densenet121.layers]
    assert names[:7] == ['input_1', 'zero_padding2d_1', 'conv1/conv',
                         'conv1/bn', 'conv1/relu', 'zero_padding2d_2',
                         'pool1']
    for stage, blocks in ((2, 6), (3, 12), (4, 24), (5, 16)):
        assert 'conv%d_block%d_concat' % (stage, blocks) in names
        assert 'conv%d_block%d_concat' % (stage, blocks + 1) not in names
    for stage in (2, 3, 4):
        for part in ('bn', 'relu', 'conv', 'pool'):
            assert 'pool%d_%s' % (stage, part) in names
    assert names[-4:] == ['bn', 'relu', 'avg_pool', 'fc1000']
    assert densenet121.get_layer('pool2_conv').filters == 128
    assert densenet121.get_layer('conv5_block16_concat').output_shape[-1] \
        == 1024
    assert densenet121.get_layer('bn').epsilon == 1.001e-5


def test_densenet121_predicts(built):
    out = built[1]
    assert out.shape == (2, 1000)
    np.testing.assert_allclose(out.sum(axis=1), 1., rtol=1e-5)


@pytest.mark.slow
@pytest.mark.parametrize('builder,name,count', [
    (DenseNet169, 'densenet169', 14307880),
    (DenseNet201, 'densenet201', 20242984)])
def test_deeper_densenets(builder, name, count):
    model = builder(weights=None, input_shape=(32, 32, 3))
    assert model.name == name
    assert model.count_params() == count


@pytest.mark.parametrize('pooling,layer', [('avg', 'avg_pool'),
                                           ('max', 'max_pool')])
def test_pooling_heads_are_named(pooling, layer):
    model = densenet.DenseNet([1, 1, 1, 1], include_top=False, weights=None,
                              input_shape=(32, 32, 3), pooling=pooling)
    assert model.layers[-1].name == layer
    assert model.name == 'densenet'
    # 64 stem channels, 32 more per layer, halved by each transition.
    assert model.output_shape == (None, (((64 + 32) // 2 + 32) // 2 + 32) // 2
                                  + 32)


def test_small_custom_densenet_counts():
    model = densenet.DenseNet([1, 1, 1, 1], weights=None, classes=3,
                              input_shape=(32, 32, 3))
    assert model.count_params() == 195855
    assert model.predict(np.zeros((1, 32, 32, 3))).shape == (1, 3)


def test_channels_first():
    K.set_image_data_format('channels_first')
    model = densenet.DenseNet([1, 1, 1, 1], include_top=False, weights=None,
                              input_shape=(3, 32, 32))
    assert model.get_layer('conv1/bn').axis == 1
    assert model.output_shape == (None, 68, 1, 1)
    assert model.predict(np.zeros((1, 3, 32, 32))).shape == (1, 68, 1, 1)
