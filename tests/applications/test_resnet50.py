"""ResNet50: the Keras 2.2.4 layer names, parameter counts and heads."""
import warnings

import numpy as np
import pytest

from keras22 import backend as K
from keras22.applications import ResNet50


@pytest.fixture(scope='module')
def resnet50():
    """ResNet50 with the classifier at 224x224, built once."""
    K.clear_session()
    return ResNet50(weights=None)


def test_parameter_count(resnet50):
    assert resnet50.count_params() == 25636712
    assert resnet50.name == 'resnet50'
    assert len(resnet50.layers) == 177


def test_layer_names(resnet50):
    names = [layer.name for layer in resnet50.layers]
    assert names[:7] == ['input_1', 'conv1_pad', 'conv1', 'bn_conv1',
                         'activation_1', 'pool1_pad', 'max_pooling2d_1']
    # Keras 2.2's layer order (by depth), which HDF5 weight files follow.
    assert names[7:19] == ['res2a_branch2a', 'bn2a_branch2a', 'activation_2',
                           'res2a_branch2b', 'bn2a_branch2b', 'activation_3',
                           'res2a_branch2c', 'res2a_branch1', 'bn2a_branch2c',
                           'bn2a_branch1', 'add_1', 'activation_4']
    assert names[-2:] == ['avg_pool', 'fc1000']
    for stage, blocks in ((2, 'abc'), (3, 'abcd'), (4, 'abcdef'),
                          (5, 'abc')):
        for block in blocks:
            for branch in ('2a', '2b', '2c'):
                assert 'res%d%s_branch%s' % (stage, block, branch) in names
                assert 'bn%d%s_branch%s' % (stage, block, branch) in names
        assert 'res%da_branch1' % stage in names
        assert 'res%db_branch1' % stage not in names
    assert sum(name.startswith('add_') for name in names) == 16
    assert names.count('activation_49') == 1


def test_layer_shapes(resnet50):
    assert resnet50.get_layer('conv1').output_shape == (None, 112, 112, 64)
    assert resnet50.get_layer('max_pooling2d_1').output_shape == (
        None, 56, 56, 64)
    assert resnet50.get_layer('res3a_branch2a').strides == (2, 2)
    assert resnet50.get_layer('res2a_branch2a').strides == (1, 1)
    assert resnet50.get_layer('activation_49').output_shape == (
        None, 7, 7, 2048)
    assert resnet50.output_shape == (None, 1000)
    assert resnet50.get_layer('fc1000').count_params() == 2048 * 1000 + 1000


def test_notop_small_input_predicts():
    with pytest.warns(UserWarning, match='changed since Keras 2.2.0'):
        model = ResNet50(include_top=False, weights=None,
                         input_shape=(32, 32, 3))
    assert model.count_params() == 23587712
    assert model.output_shape == (None, 1, 1, 2048)
    out = model.predict(np.random.uniform(-1, 1, (2, 32, 32, 3)))
    assert out.shape == (2, 1, 1, 2048)
    assert np.isfinite(out).all()


def test_max_pooling_head_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        model = ResNet50(include_top=False, weights=None,
                         input_shape=(40, 48, 3), pooling='max')
    assert type(model.layers[-1]).__name__ == 'GlobalMaxPooling2D'
    assert model.output_shape == (None, 2048)
