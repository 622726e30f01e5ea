"""InceptionV3 and InceptionResNetV2: names, parameter counts, heads."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22.applications import InceptionResNetV2, InceptionV3
from keras22.applications import inception_v3


@pytest.fixture(scope='module')
def built():
    """InceptionV3 with the classifier at its smallest input (75x75), built
    once, and its predictions for two images (made here: the session is
    cleared before each test)."""
    K.clear_session()
    model = InceptionV3(weights=None, input_shape=(75, 75, 3))
    x = inception_v3.preprocess_input(
        np.random.uniform(0, 255, (2, 75, 75, 3)))
    return model, model.predict(x)


@pytest.fixture(scope='module')
def inception(built):
    return built[0]


def test_inception_v3_parameter_count(inception):
    assert inception.count_params() == 23851784
    assert inception.name == 'inception_v3'
    assert len(inception.layers) == 313


def test_inception_v3_names(inception):
    names = [layer.name for layer in inception.layers]
    for i in range(11):
        assert 'mixed%d' % i in names
    assert {'mixed9_0', 'mixed9_1', 'concatenate_1', 'concatenate_2',
            'conv2d_94', 'batch_normalization_94', 'activation_94',
            'average_pooling2d_9', 'max_pooling2d_4'} <= set(names)
    assert 'conv2d_95' not in names
    assert names[-2:] == ['avg_pool', 'predictions']
    bn = inception.get_layer('batch_normalization_1')
    assert bn.scale is False and bn.count_params() == 3 * 32
    assert inception.get_layer('conv2d_1').use_bias is False
    assert inception.get_layer('mixed10').output_shape == (None, 1, 1, 2048)


def test_inception_v3_predicts(built):
    out = built[1]
    assert out.shape == (2, 1000)
    np.testing.assert_allclose(out.sum(axis=1), 1., rtol=1e-5)


def test_inception_v3_notop_count_and_pooling():
    model = InceptionV3(include_top=False, weights=None,
                        input_shape=(80, 90, 3), pooling='avg')
    assert model.count_params() == 21802784
    assert model.output_shape == (None, 2048)


@pytest.mark.slow
def test_inception_resnet_v2():
    K.clear_session()
    model = InceptionResNetV2(weights=None, input_shape=(75, 75, 3))
    assert model.count_params() == 55873736
    assert model.name == 'inception_resnet_v2'
    assert len(model.layers) == 782
    names = [layer.name for layer in model.layers]
    for block, count in (('block35', 10), ('block17', 20), ('block8', 10)):
        for i in range(1, count + 1):
            name = '%s_%d' % (block, i)
            assert type(model.get_layer(name)).__name__ == 'Lambda'
            assert name + '_mixed' in names and name + '_conv' in names
            assert (name + '_ac' in names) == (name != 'block8_10')
    assert {'mixed_5b', 'mixed_6a', 'mixed_7a', 'conv_7b', 'conv_7b_bn',
            'conv_7b_ac'} <= set(names)
    assert names[-2:] == ['avg_pool', 'predictions']
    # The residual branch's projection has a bias and no normalization.
    assert model.get_layer('block35_1_conv').use_bias is True
    assert model.get_layer('conv_7b').output_shape == (None, 1, 1, 1536)
    out = model.predict(np.random.uniform(-1, 1, (1, 75, 75, 3)))
    assert out.shape == (1, 1000) and np.isfinite(out).all()
    # The scaled residual sum: block35_1 = input + 0.17 * block35_1_conv.
    f = K.function([model.input],
                   [model.get_layer('mixed_5b').output,
                    model.get_layer('block35_1_conv').output,
                    model.get_layer('block35_1').output])
    base, residual, total = f([np.ones((1, 75, 75, 3), 'float32')])
    np.testing.assert_allclose(total, base + 0.17 * residual, rtol=1e-5,
                               atol=1e-5)
