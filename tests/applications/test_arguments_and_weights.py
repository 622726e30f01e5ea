"""What every builder shares: argument checks, the ImageNet weight files
asked of `get_file`, offline errors, loading a local weights file, and the
module layout of Keras 2.2.4."""
import importlib
import os

import numpy as np
import pytest

from keras22 import backend as K
from keras22 import applications
from keras22.applications import (densenet, inception_resnet_v2,
                                  inception_v3, mobilenet, mobilenet_v2,
                                  nasnet, resnet50, vgg16, vgg19, xception)


FDM = 'https://github.com/fchollet/deep-learning-models/releases/download/'

# Cheap builds (without the classifier) used to check the plumbing of
# `weights`: builder and keyword arguments.
SMALL = {
    'VGG16': (applications.VGG16, {'input_shape': (32, 32, 3)}),
    'VGG19': (applications.VGG19, {'input_shape': (32, 32, 3)}),
    'MobileNet': (applications.MobileNet, {'input_shape': (32, 32, 3),
                                           'alpha': 0.25}),
    'MobileNetV2': (applications.MobileNetV2, {'input_shape': (32, 32, 3),
                                               'alpha': 0.35}),
}
ALL_BUILDERS = ['VGG16', 'VGG19', 'ResNet50', 'InceptionV3', 'Xception',
                'InceptionResNetV2', 'MobileNet', 'MobileNetV2',
                'DenseNet121', 'DenseNet169', 'DenseNet201', 'NASNetMobile',
                'NASNetLarge']


# --------------------------------------------------------------------------
# Module layout.

def test_package_exports_every_builder():
    for name in ALL_BUILDERS:
        assert callable(getattr(applications, name))


@pytest.mark.parametrize('module', [
    'vgg16', 'vgg19', 'resnet50', 'inception_v3', 'inception_resnet_v2',
    'xception', 'mobilenet', 'mobilenet_v2', 'mobilenetv2', 'densenet',
    'nasnet'])
def test_modules_have_decode_and_preprocess(module):
    mod = importlib.import_module('keras22.applications.' + module)
    assert callable(mod.preprocess_input)
    assert mod.decode_predictions is \
        applications.imagenet_utils.decode_predictions


def test_mobilenetv2_is_an_alias():
    from keras22.applications import mobilenetv2
    assert mobilenetv2.MobileNetV2 is mobilenet_v2.MobileNetV2
    assert mobilenetv2.preprocess_input is mobilenet_v2.preprocess_input


def test_caffe_models_use_the_generic_preprocess_input():
    for module in (vgg16, vgg19, resnet50):
        assert module.preprocess_input is \
            applications.imagenet_utils.preprocess_input


@pytest.mark.parametrize('module', [inception_v3, inception_resnet_v2,
                                    xception, mobilenet, nasnet])
def test_tf_mode_preprocess_input(module):
    out = module.preprocess_input(np.array([[0., 127.5, 255.]]))
    np.testing.assert_allclose(out, [[-1., 0., 1.]])


def test_densenet_preprocess_input_is_torch_mode():
    x = np.array([[[[255., 0., 127.5]]]])
    out = densenet.preprocess_input(x, data_format='channels_last')
    mean, std = np.array([.485, .456, .406]), np.array([.229, .224, .225])
    expected = (np.array([1., 0., .5]) - mean) / std
    np.testing.assert_allclose(out[0, 0, 0], expected, rtol=1e-6)


def test_mobilenet_v2_preprocess_input():
    # keras_applications 1.0.6 divided by 128 (not 127.5), in float32.
    x = np.array([[0., 128., 255.]], dtype='float64')
    out = mobilenet_v2.preprocess_input(x)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, [[-1., 0., 255. / 128. - 1.]])
    ints = mobilenet_v2.preprocess_input(np.array([[0, 128]], 'uint8'))
    np.testing.assert_allclose(ints, [[-1., 0.]])
    tensor = mobilenet_v2.preprocess_input(K.constant([[0., 128.]]))
    np.testing.assert_allclose(K.eval(tensor), [[-1., 0.]])


# --------------------------------------------------------------------------
# Argument checks, before anything is built.

@pytest.mark.parametrize('name', ALL_BUILDERS)
def test_bad_weights_value(name):
    builder = getattr(applications, name)
    with pytest.raises(ValueError, match='weights'):
        builder(weights='imagenet21k')
    with pytest.raises(ValueError, match='weights'):
        builder(weights='/no/such/file.h5')


@pytest.mark.parametrize('name', ALL_BUILDERS)
def test_classes_need_weights_none(name):
    builder = getattr(applications, name)
    with pytest.raises(ValueError, match='classes'):
        builder(weights='imagenet', classes=10)


@pytest.mark.parametrize('name', ALL_BUILDERS)
def test_unknown_pooling(name):
    builder = getattr(applications, name)
    with pytest.raises(ValueError, match='pooling'):
        builder(include_top=False, weights=None, pooling='mean')


@pytest.mark.parametrize('name,shape', [
    ('VGG16', (31, 31, 3)), ('VGG19', (32, 20, 3)), ('ResNet50', (31, 64, 3)),
    ('InceptionV3', (74, 75, 3)), ('Xception', (70, 70, 3)),
    ('InceptionResNetV2', (75, 74, 3)), ('MobileNet', (31, 31, 3)),
    ('MobileNetV2', (31, 31, 3)), ('DenseNet121', (31, 31, 3)),
    ('NASNetMobile', (31, 31, 3)), ('NASNetLarge', (31, 32, 3))])
def test_too_small_input_shape(name, shape):
    builder = getattr(applications, name)
    with pytest.raises(ValueError, match='at least'):
        builder(include_top=False, weights=None, input_shape=shape)


@pytest.mark.parametrize('name', ['VGG16', 'ResNet50', 'DenseNet121',
                                  'MobileNet', 'NASNetMobile'])
def test_imagenet_classifier_needs_the_default_size(name):
    builder = getattr(applications, name)
    with pytest.raises(ValueError, match='input_shape'):
        builder(weights='imagenet', input_shape=(64, 64, 3))


def test_imagenet_needs_three_channels():
    with pytest.raises(ValueError, match='3 channels'):
        applications.VGG16(include_top=False, weights='imagenet',
                           input_shape=(64, 64, 1))


def test_mobilenet_imagenet_options():
    with pytest.raises(ValueError, match='alpha'):
        applications.MobileNet(weights='imagenet', alpha=0.3)
    with pytest.raises(ValueError, match='depth multiplier'):
        applications.MobileNet(weights='imagenet', depth_multiplier=2)
    with pytest.raises(ValueError, match='static square'):
        applications.MobileNet(weights='imagenet', include_top=False,
                               input_shape=(100, 100, 3))
    with pytest.raises(ValueError, match='alpha'):
        applications.MobileNetV2(weights='imagenet', alpha=0.25)
    with pytest.raises(ValueError, match='static square'):
        applications.MobileNetV2(weights='imagenet', include_top=False,
                                 input_shape=(96, 128, 3))


def test_nasnet_argument_checks():
    with pytest.raises(ValueError, match='divisible by 24'):
        nasnet.NASNet(penultimate_filters=100, weights=None)
    with pytest.raises(ValueError, match='static'):
        applications.NASNetMobile(include_top=False, weights='imagenet',
                                  input_shape=(None, None, 3))
    with pytest.raises(ValueError, match='NASNetLarge or NASNetMobile'):
        nasnet.NASNet(weights='imagenet', default_size=256,
                      input_shape=(256, 256, 3))


def test_densenet_custom_blocks_have_no_imagenet_weights():
    with pytest.raises(ValueError, match='blocks'):
        densenet.DenseNet([2, 2, 2, 2], weights='imagenet')
    with pytest.raises(ValueError, match='4 dense blocks'):
        densenet.DenseNet([2, 2, 2], weights=None)


def test_bad_input_tensor():
    with pytest.raises(ValueError, match='input_tensor'):
        applications.VGG16(include_top=False, weights=None,
                           input_tensor=np.zeros((1, 32, 32, 3)))


# --------------------------------------------------------------------------
# ImageNet weight files.

WEIGHT_REQUESTS = [
    ('VGG16', {'include_top': False, 'input_shape': (32, 32, 3)},
     'vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5',
     FDM + 'v0.1/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5',
     '6d6bbae143d832006294945121d1f1fc'),
    ('VGG19', {'include_top': False, 'input_shape': (32, 32, 3)},
     'vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5',
     FDM + 'v0.1/vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5',
     '253f8cb515780f3b799900260a226db6'),
    ('ResNet50', {'include_top': False, 'input_shape': (32, 32, 3),
                  'pooling': 'avg'},
     'resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5',
     FDM + 'v0.2/resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5',
     'a268eb855778b3df3c7506639542a6af'),
    ('MobileNet', {'alpha': 0.25, 'input_shape': (128, 128, 3)},
     'mobilenet_2_5_128_tf.h5', FDM + 'v0.6/mobilenet_2_5_128_tf.h5', None),
    ('MobileNet', {'alpha': 0.5, 'include_top': False,
                   'input_shape': (160, 160, 3)},
     'mobilenet_5_0_160_tf_no_top.h5',
     FDM + 'v0.6/mobilenet_5_0_160_tf_no_top.h5', None),
    ('MobileNetV2', {'alpha': 0.35, 'input_shape': (96, 96, 3)},
     'mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96.h5',
     'https://github.com/JonathanCMitchell/mobilenet_v2_keras/releases/'
     'download/v1.1/mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96'
     '.h5', None),
    ('MobileNetV2', {'alpha': 1, 'include_top': False,
                     'input_shape': (128, 128, 3)},
     'mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_128_no_top.h5',
     'https://github.com/JonathanCMitchell/mobilenet_v2_keras/releases/'
     'download/v1.1/mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_128'
     '_no_top.h5', None),
]


@pytest.mark.parametrize('name,kwargs,fname,origin,file_hash',
                         WEIGHT_REQUESTS)
def test_imagenet_weight_request(requested_files, name, kwargs, fname,
                                 origin, file_hash):
    with pytest.raises(RuntimeError, match='weights requested'):
        getattr(applications, name)(weights='imagenet', **kwargs)
    assert requested_files == [{'fname': fname, 'origin': origin,
                                'cache_subdir': 'models',
                                'file_hash': file_hash}]


def test_densenet_weight_request(requested_files, monkeypatch):
    # DenseNet121 itself is slow to build: a 4-layer DenseNet is given
    # DenseNet121's entry of the weights table instead.
    monkeypatch.setitem(densenet._KNOWN, (1, 1, 1, 1),
                        densenet._KNOWN[(6, 12, 24, 16)])
    with pytest.raises(RuntimeError, match='weights requested'):
        densenet.DenseNet([1, 1, 1, 1], include_top=False,
                          weights='imagenet', input_shape=(32, 32, 3))
    fname = 'densenet121_weights_tf_dim_ordering_tf_kernels_notop.h5'
    assert requested_files == [{
        'fname': fname,
        'origin': 'https://github.com/keras-team/keras-applications/'
                  'releases/download/densenet/' + fname,
        'cache_subdir': 'models',
        'file_hash': '30ee3e1110167f948a6b9946edeeb738'}]


def test_mobilenet_unknown_size_loads_224_weights(requested_files):
    with pytest.warns(UserWarning, match='224'):
        with pytest.raises(RuntimeError, match='weights requested'):
            applications.MobileNet(alpha=0.75, include_top=False,
                                   weights='imagenet')
    assert requested_files[0]['fname'] == 'mobilenet_7_5_224_tf_no_top.h5'


# The larger models' weight files, as their modules name them (building
# each of them once more just to see the request would be slow).
@pytest.mark.parametrize('files,include_top,fname,origin,file_hash', [
    (inception_v3._WEIGHT_FILES, True,
     'inception_v3_weights_tf_dim_ordering_tf_kernels.h5',
     FDM + 'v0.5/inception_v3_weights_tf_dim_ordering_tf_kernels.h5',
     '9a0d58056eeedaa3f26cb7ebd46da564'),
    (inception_v3._WEIGHT_FILES, False,
     'inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5',
     FDM + 'v0.5/inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5',
     'bcbd6486424b2319ff4ef7d526e38f63'),
    (xception._WEIGHT_FILES, True,
     'xception_weights_tf_dim_ordering_tf_kernels.h5',
     FDM + 'v0.4/xception_weights_tf_dim_ordering_tf_kernels.h5',
     '0a58e3b7378bc2990ea3b43d5981f1f6'),
    (xception._WEIGHT_FILES, False,
     'xception_weights_tf_dim_ordering_tf_kernels_notop.h5',
     FDM + 'v0.4/xception_weights_tf_dim_ordering_tf_kernels_notop.h5',
     'b0042744bf5b25fce3cb969f33bebb97'),
    (vgg16._WEIGHT_FILES, True,
     'vgg16_weights_tf_dim_ordering_tf_kernels.h5',
     FDM + 'v0.1/vgg16_weights_tf_dim_ordering_tf_kernels.h5',
     '64373286793e3c8b2b4e3219cbf3544b'),
    (vgg19._WEIGHT_FILES, True,
     'vgg19_weights_tf_dim_ordering_tf_kernels.h5',
     FDM + 'v0.1/vgg19_weights_tf_dim_ordering_tf_kernels.h5',
     'cbe5617147190e668d6c5d5026f83318'),
    (resnet50._WEIGHT_FILES, True,
     'resnet50_weights_tf_dim_ordering_tf_kernels.h5',
     FDM + 'v0.2/resnet50_weights_tf_dim_ordering_tf_kernels.h5',
     'a7b3fe01876f51b976af0dea6bc144eb'),
    (nasnet._WEIGHT_FILES, (224, False), 'nasnet_mobile_no_top.h5',
     'https://github.com/titu1994/Keras-NASNet/releases/download/v1.2/'
     'NASNet-mobile-no-top.h5', '1ed92395b5b598bdda52abe5c0dbfd63'),
    (nasnet._WEIGHT_FILES, (224, True), 'nasnet_mobile.h5',
     'https://github.com/titu1994/Keras-NASNet/releases/download/v1.2/'
     'NASNet-mobile.h5', '020fb642bf7360b370c678b08e0adf61'),
    (nasnet._WEIGHT_FILES, (331, True), 'nasnet_large.h5',
     'https://github.com/titu1994/Keras-NASNet/releases/download/v1.2/'
     'NASNet-large.h5', '11577c9a518f0070763c2b964a382f17'),
    (nasnet._WEIGHT_FILES, (331, False), 'nasnet_large_no_top.h5',
     'https://github.com/titu1994/Keras-NASNet/releases/download/v1.2/'
     'NASNet-large-no-top.h5', 'd81d89dc07e6e56530c4e77faddd61b5'),
])
def test_weight_file_tables(files, include_top, fname, origin, file_hash):
    assert files[include_top] == (fname, origin, file_hash)


def test_named_weight_tables():
    base = ('https://github.com/keras-team/keras-applications/releases/'
            'download/densenet/')
    assert densenet.BASE_WEIGTHS_PATH == base
    assert densenet._KNOWN[(6, 12, 32, 32)] == ('densenet169', {
        True: ('densenet169_weights_tf_dim_ordering_tf_kernels.h5',
               'd699b8f76981ab1b30698df4c175e90b'),
        False: ('densenet169_weights_tf_dim_ordering_tf_kernels_notop.h5',
                'b8c4d4c20dd625c148057b9ff1c1176b')})
    assert densenet._KNOWN[(6, 12, 48, 32)][1][True] == (
        'densenet201_weights_tf_dim_ordering_tf_kernels.h5',
        '1ceb130c1ea1b78c3bf6114dbdfd8807')
    assert inception_resnet_v2.BASE_WEIGHT_URL == FDM + 'v0.7/'
    assert inception_resnet_v2._WEIGHT_FILES == {
        True: ('inception_resnet_v2_weights_tf_dim_ordering_tf_kernels.h5',
               'e693bd0210a403b3192acc6073ad2e96'),
        False: ('inception_resnet_v2_weights_tf_dim_ordering_tf_kernels_'
                'notop.h5', 'd19885ff4a710c122648d3b5c3b684e4')}


def test_imagenet_offline_error_says_where_to_put_the_file(offline_cache):
    with pytest.raises(Exception) as info:
        applications.VGG16(include_top=False, weights='imagenet',
                           input_shape=(32, 32, 3))
    message = str(info.value)
    fname = 'vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5'
    assert fname in message
    assert str(offline_cache / fname) in message
    assert FDM + 'v0.1/' + fname in message


def test_cached_imagenet_file_is_used_without_network(offline_cache,
                                                      monkeypatch):
    # A file already in models/ is read from there (hash mismatch aside,
    # which the hash-free request of MobileNet does not check).
    fname = 'mobilenet_2_5_128_tf_no_top.h5'
    (offline_cache / fname).write_bytes(b'not really hdf5')
    loaded = []
    from keras22.engine.network import Network
    monkeypatch.setattr(Network, 'load_weights',
                        lambda self, path, **kwargs: loaded.append(path))
    model = applications.MobileNet(alpha=0.25, include_top=False,
                                   weights='imagenet',
                                   input_shape=(128, 128, 3))
    assert loaded == [str(offline_cache / fname)]
    assert model.name == 'mobilenet_0.25_128'


# --------------------------------------------------------------------------
# A weights file path.

def test_weights_from_a_local_file(tmp_path):
    model = applications.MobileNet(alpha=0.25, include_top=False,
                                   weights=None, input_shape=(32, 32, 3))
    path = str(tmp_path / 'mobilenet.h5')
    try:
        model.save_weights(path)
    except NotImplementedError:
        pytest.skip('HDF5 weight saving is not available yet')
    expected = model.get_weights()
    K.clear_session()
    again = applications.MobileNet(alpha=0.25, include_top=False,
                                   weights=path, input_shape=(32, 32, 3))
    for a, b in zip(again.get_weights(), expected):
        np.testing.assert_array_equal(a, b)
    assert os.path.exists(path)


@pytest.mark.parametrize('name', sorted(SMALL))
def test_weights_path_is_passed_to_load_weights(name, tmp_path,
                                                monkeypatch):
    from keras22.engine.network import Network
    loaded = []
    monkeypatch.setattr(Network, 'load_weights',
                        lambda self, path, **kwargs: loaded.append(path))
    path = tmp_path / 'weights.h5'
    path.write_bytes(b'')
    builder, kwargs = SMALL[name]
    builder(include_top=False, weights=str(path), **kwargs)
    assert loaded == [str(path)]
