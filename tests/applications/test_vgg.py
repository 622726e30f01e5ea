"""VGG16 and VGG19: structure, parameter counts, heads, inputs."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22.applications import VGG16, VGG19
from keras22.applications import vgg16
from keras22.engine.input_layer import Input
from keras22.layers import Lambda

# The summary of `VGG16(weights='imagenet', include_top=False)` printed in
# the Keras 2.2 documentation (seed 000, Model API page).
SEED_SUMMARY = [
    ('input_1', 'InputLayer', 3, 0),
    ('block1_conv1', 'Conv2D', 64, 1792),
    ('block1_conv2', 'Conv2D', 64, 36928),
    ('block1_pool', 'MaxPooling2D', 64, 0),
    ('block2_conv1', 'Conv2D', 128, 73856),
    ('block2_conv2', 'Conv2D', 128, 147584),
    ('block2_pool', 'MaxPooling2D', 128, 0),
    ('block3_conv1', 'Conv2D', 256, 295168),
    ('block3_conv2', 'Conv2D', 256, 590080),
    ('block3_conv3', 'Conv2D', 256, 590080),
    ('block3_pool', 'MaxPooling2D', 256, 0),
    ('block4_conv1', 'Conv2D', 512, 1180160),
    ('block4_conv2', 'Conv2D', 512, 2359808),
    ('block4_conv3', 'Conv2D', 512, 2359808),
    ('block4_pool', 'MaxPooling2D', 512, 0),
    ('block5_conv1', 'Conv2D', 512, 2359808),
    ('block5_conv2', 'Conv2D', 512, 2359808),
    ('block5_conv3', 'Conv2D', 512, 2359808),
    ('block5_pool', 'MaxPooling2D', 512, 0),
]


def test_vgg16_notop_matches_the_documented_summary():
    model = VGG16(include_top=False, weights=None)
    assert model.name == 'vgg16'
    assert len(model.layers) == 19
    got = [(layer.name, type(layer).__name__,
            layer.output_shape[-1], layer.count_params())
           for layer in model.layers]
    assert got == SEED_SUMMARY
    for layer in model.layers:
        assert layer.output_shape[:3] == (None, None, None)
    assert model.input_shape == (None, None, None, 3)
    assert model.output_shape == (None, None, None, 512)
    assert model.count_params() == 14714688
    lines = []
    model.summary(print_fn=lines.append)
    assert 'Total params: 14,714,688' in lines
    assert any(line.startswith('block1_conv1 (Conv2D)') and
               '(None, None, None, 64)' in line and '1792' in line
               for line in lines)


def test_vgg16_small_input_and_predict():
    model = VGG16(include_top=False, weights=None, input_shape=(32, 32, 3))
    assert model.output_shape == (None, 1, 1, 512)
    x = vgg16.preprocess_input(
        np.random.uniform(0, 255, (2, 32, 32, 3)).astype('float32'))
    out = model.predict(x)
    assert out.shape == (2, 1, 1, 512)
    assert np.isfinite(out).all() and (out >= 0).all()


def test_vgg16_with_top_at_224():
    model = VGG16(weights=None)
    assert model.count_params() == 138357544
    assert model.input_shape == (None, 224, 224, 3)
    assert [layer.name for layer in model.layers[-4:]] == [
        'flatten', 'fc1', 'fc2', 'predictions']
    assert model.get_layer('fc1').count_params() == 7 * 7 * 512 * 4096 + 4096
    assert model.output_shape == (None, 1000)


def test_vgg19_with_top_at_224():
    model = VGG19(weights=None)
    assert model.name == 'vgg19'
    assert model.count_params() == 143667240
    assert len(model.layers) == 26
    for block in (3, 4, 5):
        assert model.get_layer('block%d_conv4' % block).count_params() > 0


def test_vgg19_notop_count():
    model = VGG19(include_top=False, weights=None, input_shape=(32, 32, 3))
    assert model.count_params() == 20024384


@pytest.mark.parametrize('pooling', ['avg', 'max'])
def test_pooling(pooling):
    model = VGG16(include_top=False, weights=None, input_shape=(64, 48, 3),
                  pooling=pooling)
    last = model.layers[-1]
    expected = {'avg': 'GlobalAveragePooling2D',
                'max': 'GlobalMaxPooling2D'}[pooling]
    assert type(last).__name__ == expected
    assert model.output_shape == (None, 512)
    x = np.random.uniform(-1, 1, (1, 64, 48, 3)).astype('float32')
    features = model.predict(x)
    before = K.function([model.input], [model.get_layer('block5_pool').output])
    spatial = before([x])[0]
    reduce = np.mean if pooling == 'avg' else np.max
    np.testing.assert_allclose(features, reduce(spatial, axis=(1, 2)),
                               rtol=1e-5, atol=1e-6)


def test_pooling_is_ignored_with_the_classifier():
    model = VGG16(weights=None, input_shape=(32, 32, 3), classes=3,
                  pooling='avg')
    assert model.layers[-1].name == 'predictions'


def test_classes_without_imagenet_weights():
    model = VGG16(weights=None, input_shape=(32, 32, 3), classes=10)
    assert model.output_shape == (None, 10)
    out = model.predict(np.zeros((2, 32, 32, 3), 'float32'))
    np.testing.assert_allclose(out.sum(axis=1), 1., rtol=1e-5)


def test_channels_first():
    K.set_image_data_format('channels_first')
    model = VGG16(include_top=False, weights=None, input_shape=(3, 32, 40))
    assert model.output_shape == (None, 512, 1, 1)
    assert model.predict(np.zeros((1, 3, 32, 40), 'float32')).shape == (
        1, 512, 1, 1)


def test_input_tensor_keeps_earlier_layers():
    source = Input(shape=(32, 32, 3))
    scaled = Lambda(lambda t: t / 255.)(source)
    model = VGG16(include_top=False, weights=None, input_tensor=scaled)
    assert model.inputs == [source]
    assert model.layers[1].name.startswith('lambda')
    assert model.output_shape == (None, 1, 1, 512)


def test_input_tensor_is_used_as_is():
    source = Input(shape=(40, 40, 3))
    model = VGG16(include_top=False, weights=None, input_tensor=source)
    assert model.input is source
    assert model.output_shape == (None, 1, 1, 512)
