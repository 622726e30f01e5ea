"""MobileNet and MobileNetV2: names, widths, parameter counts, heads."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22.applications import MobileNet, MobileNetV2
from keras22.applications import mobilenet_v2


def test_mobilenet_with_top_at_224():
    model = MobileNet(weights=None)
    assert model.count_params() == 4253864
    assert model.name == 'mobilenet_1.00_224'
    assert len(model.layers) == 93
    names = [layer.name for layer in model.layers]
    assert names[:5] == ['input_1', 'conv1_pad', 'conv1', 'conv1_bn',
                         'conv1_relu']
    assert names[-6:] == ['global_average_pooling2d_1', 'reshape_1',
                          'dropout', 'conv_preds', 'act_softmax',
                          'reshape_2']
    for block in range(1, 14):
        for suffix in ('', '_bn', '_relu'):
            assert 'conv_dw_%d%s' % (block, suffix) in names
            assert 'conv_pw_%d%s' % (block, suffix) in names
    assert [n for n in names if n.startswith('conv_pad_')] == [
        'conv_pad_2', 'conv_pad_4', 'conv_pad_6', 'conv_pad_12']
    assert model.get_layer('conv_pw_13_relu').output_shape == (
        None, 7, 7, 1024)
    assert model.get_layer('dropout').rate == 1e-3
    assert model.output_shape == (None, 1000)


def test_mobilenet_alpha_quarter_at_32_predicts():
    model = MobileNet(input_shape=(32, 32, 3), alpha=0.25,
                      include_top=False, weights=None)
    assert model.name == 'mobilenet_0.25_32'
    assert model.count_params() == 218544
    assert model.output_shape == (None, 1, 1, 256)
    out = model.predict(np.random.uniform(-1, 1, (2, 32, 32, 3)))
    assert out.shape == (2, 1, 1, 256)
    assert (out >= 0).all() and (out <= 6).all()


def test_mobilenet_depth_multiplier_and_classes():
    model = MobileNet(input_shape=(64, 64, 3), alpha=0.5, depth_multiplier=2,
                      dropout=0.5, weights=None, classes=7)
    assert model.count_params() == 1650263
    assert model.get_layer('conv_dw_1').depth_multiplier == 2
    assert model.output_shape == (None, 7)
    assert model.name == 'mobilenet_0.50_64'


def test_mobilenet_pooling_and_unknown_size():
    model = MobileNet(alpha=0.25, include_top=False, weights=None,
                      pooling='avg')
    assert model.name == 'mobilenet_0.25_None'
    assert model.input_shape == (None, None, None, 3)
    assert model.output_shape == (None, 256)
    assert model.predict(np.zeros((1, 40, 56, 3))).shape == (1, 256)


def test_mobilenet_channels_first_config():
    K.set_image_data_format('channels_first')
    with pytest.warns(UserWarning, match='channels_last'):
        model = MobileNet(input_shape=(32, 32, 3), alpha=0.25,
                          include_top=False, weights=None)
    assert K.image_data_format() == 'channels_first'
    assert model.output_shape == (None, 1, 1, 256)


def test_mobilenet_v2_with_top_at_224():
    model = MobileNetV2(weights=None)
    assert model.count_params() == 3538984
    assert model.name == 'mobilenetv2_1.00_224'
    assert len(model.layers) == 157
    names = [layer.name for layer in model.layers]
    assert names[:5] == ['input_1', 'Conv1_pad', 'Conv1', 'bn_Conv1',
                         'Conv1_relu']
    assert names[5:10] == ['expanded_conv_depthwise',
                           'expanded_conv_depthwise_BN',
                           'expanded_conv_depthwise_relu',
                           'expanded_conv_project',
                           'expanded_conv_project_BN']
    assert names[-5:] == ['Conv_1', 'Conv_1_bn', 'out_relu',
                          'global_average_pooling2d_1', 'Logits']
    adds = [n for n in names if n.endswith('_add')]
    assert adds == ['block_%d_add' % i
                    for i in (2, 4, 5, 7, 8, 9, 11, 12, 14, 15)]
    pads = [n for n in names if n.endswith('_pad')]
    assert pads == ['Conv1_pad'] + ['block_%d_pad' % i
                                    for i in (1, 3, 6, 13)]
    bn = model.get_layer('block_16_project_BN')
    assert bn.momentum == 0.999 and bn.epsilon == 1e-3
    assert model.get_layer('out_relu').output_shape == (None, 7, 7, 1280)


def test_mobilenet_v2_notop_small_predicts():
    model = MobileNetV2(input_shape=(32, 32, 3), alpha=0.35,
                        include_top=False, weights=None, pooling='max')
    assert model.count_params() == 410208
    assert model.output_shape == (None, 1280)
    x = mobilenet_v2.preprocess_input(
        np.random.uniform(0, 255, (2, 32, 32, 3)))
    assert model.predict(x).shape == (2, 1280)


def test_mobilenet_v2_wide_alpha_widens_the_last_layer():
    model = MobileNetV2(input_shape=(33, 33, 3), alpha=1.4, weights=None,
                        classes=5)
    assert model.count_params() == 4372677
    assert model.get_layer('Conv_1').filters == 1792
    assert model.get_layer('Conv1').filters == 48
    # An odd size pads symmetrically before the strided convolutions.
    assert model.get_layer('Conv1_pad').padding == ((1, 1), (1, 1))


def test_mobilenet_v2_size_from_input_tensor(requested_files):
    from keras22.engine.input_layer import Input
    with pytest.raises(RuntimeError, match='weights requested'):
        MobileNetV2(input_tensor=Input(shape=(160, 160, 3)),
                    weights='imagenet')
    assert requested_files[0]['fname'] == (
        'mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_160.h5')


def test_mobilenet_v2_input_tensor_and_shape_must_agree():
    from keras22.engine.input_layer import Input
    with pytest.raises(ValueError, match='shape'):
        MobileNetV2(input_tensor=Input(shape=(96, 96, 3)),
                    input_shape=(128, 128, 3), weights=None,
                    include_top=False)
