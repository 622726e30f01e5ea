"""Functional image transforms and ImageDataGenerator on small arrays."""
import sys
import warnings

import numpy as np
import pytest

from keras22 import backend as K
from keras22.preprocessing import image

try:
    import scipy.ndimage  # noqa: F401
    HAVE_SCIPY = True
except ImportError:
    HAVE_SCIPY = False
needs_scipy = pytest.mark.skipif(not HAVE_SCIPY, reason='needs SciPy')


def ramp(rows=4, cols=4, channels=1):
    """x[r, c, k] = 10 * r + c + 100 * k."""
    r, c, k = np.meshgrid(np.arange(rows), np.arange(cols),
                          np.arange(channels), indexing='ij')
    return (10. * r + c + 100. * k).astype('float32')


@needs_scipy
def test_rotation_by_90_degrees_is_exact():
    for size, channels in ((4, 1), (3, 2)):
        x = ramp(size, size, channels)
        out = image.apply_affine_transform(x, theta=90)
        np.testing.assert_allclose(out, np.rot90(x, -1, axes=(0, 1)),
                                   atol=1e-4)
        out = image.apply_affine_transform(x, theta=-90)
        np.testing.assert_allclose(out, np.rot90(x, 1, axes=(0, 1)),
                                   atol=1e-4)


@needs_scipy
def test_rotation_by_180_about_the_true_centre_channels_first():
    x = ramp(3, 5, 2).transpose(2, 0, 1)  # (channels, rows, cols)
    out = image.apply_affine_transform(x, theta=180, row_axis=1, col_axis=2,
                                       channel_axis=0)
    np.testing.assert_allclose(out, x[:, ::-1, ::-1], atol=1e-4)


@needs_scipy
def test_integer_shift_with_each_fill_mode():
    x = ramp()
    up = image.apply_affine_transform(x, tx=1)
    np.testing.assert_array_equal(up[:3], x[1:])
    np.testing.assert_array_equal(up[3], x[3])  # nearest repeats the edge
    left = image.apply_affine_transform(x, ty=1, fill_mode='constant',
                                        cval=-1)
    np.testing.assert_array_equal(left[:, :3], x[:, 1:])
    np.testing.assert_array_equal(left[:, 3], -1)
    wrapped = image.apply_affine_transform(x, ty=1, fill_mode='wrap')
    np.testing.assert_array_equal(wrapped, np.roll(x, -1, axis=1))
    reflected = image.apply_affine_transform(x, ty=-2, fill_mode='reflect')
    np.testing.assert_array_equal(reflected[0, :, 0], [1, 0, 0, 1])


@needs_scipy
def test_zoom_one_is_identity_and_zoom_half_interpolates():
    x = ramp()
    assert image.apply_affine_transform(x, zx=1, zy=1) is x
    np.testing.assert_array_equal(image.random_zoom(x, (1, 1)), x)
    # Output column c reads input column 0.5 * (c - 1.5) + 1.5.
    out = image.apply_affine_transform(x, zx=1, zy=0.5, row_axis=0,
                                       col_axis=1, channel_axis=2)
    np.testing.assert_allclose(out[0, :, 0], [0.75, 1.25, 1.75, 2.25])


@needs_scipy
def test_shear_keeps_a_constant_image_constant():
    x = np.full((5, 5, 3), 7., dtype='float32')
    np.testing.assert_allclose(image.apply_affine_transform(x, shear=30), x)


@needs_scipy
def test_random_transforms_draw_with_numpy_random():
    x = ramp(5, 5, 1).transpose(2, 0, 1)
    np.random.seed(3)
    theta = np.random.uniform(-40, 40)
    expected = image.apply_affine_transform(x, theta=theta, row_axis=1,
                                            col_axis=2, channel_axis=0)
    np.random.seed(3)
    np.testing.assert_allclose(image.random_rotation(x, 40), expected)
    np.random.seed(4)
    tx = np.random.uniform(-0.2, 0.2) * 5
    ty = np.random.uniform(-0.4, 0.4) * 5
    expected = image.apply_affine_transform(x, tx=tx, ty=ty, row_axis=1,
                                            col_axis=2, channel_axis=0)
    np.random.seed(4)
    np.testing.assert_allclose(image.random_shift(x, 0.4, 0.2), expected)
    np.random.seed(5)
    shear = np.random.uniform(-20, 20)
    expected = image.apply_affine_transform(x, shear=shear, row_axis=1,
                                            col_axis=2, channel_axis=0)
    np.random.seed(5)
    np.testing.assert_allclose(image.random_shear(x, 20), expected)


def test_affine_transform_argument_errors():
    with pytest.raises(ValueError, match='fill_mode'):
        image.apply_affine_transform(ramp(), theta=5, fill_mode='mirror')
    with pytest.raises(ValueError, match='rank 3'):
        image.apply_affine_transform(np.zeros((4, 4)), theta=5)
    with pytest.raises(ValueError, match='zoom_range'):
        image.random_zoom(ramp(), 0.5)
    with pytest.raises(ValueError, match='brightness_range'):
        image.random_brightness(ramp(), (1.,))


def test_missing_scipy_is_named(monkeypatch):
    monkeypatch.setitem(sys.modules, 'scipy.ndimage', None)
    with pytest.raises(ImportError, match='SciPy'):
        image.apply_affine_transform(ramp(), theta=10)


def test_channel_shift_clips_to_the_image_range():
    x = np.array([0., 1., 2., 3.]).reshape(1, 2, 2)
    np.testing.assert_array_equal(image.apply_channel_shift(x, 2.),
                                  np.array([2., 3., 3., 3.]).reshape(1, 2, 2))
    np.testing.assert_array_equal(image.apply_channel_shift(x, -2.),
                                  np.array([0., 0., 0., 1.]).reshape(1, 2, 2))
    np.random.seed(0)
    shift = np.random.uniform(-1.5, 1.5)
    np.random.seed(0)
    np.testing.assert_allclose(image.random_channel_shift(x, 1.5),
                               np.clip(x + shift, 0, 3))


def test_brightness_scales_and_saturates_at_255():
    x = np.array([0., 100., 200., 255.]).reshape(2, 2, 1)
    np.testing.assert_allclose(image.apply_brightness_shift(x, 0.5), x / 2)
    np.testing.assert_allclose(image.apply_brightness_shift(x, 2.).ravel(),
                               [0, 200, 255, 255])
    out = image.apply_brightness_shift(x.astype('uint8'), 1.)
    assert out.dtype == np.dtype(K.floatx())
    np.random.seed(1)
    factor = np.random.uniform(0.5, 0.8)
    np.random.seed(1)
    np.testing.assert_allclose(image.random_brightness(x, (0.5, 0.8)),
                               x * factor)


def test_generator_flips_on_the_right_axes():
    x = ramp(2, 3, 2)
    gen = image.ImageDataGenerator()
    np.testing.assert_array_equal(
        gen.apply_transform(x, {'flip_horizontal': True}), x[:, ::-1])
    np.testing.assert_array_equal(
        gen.apply_transform(x, {'flip_vertical': True}), x[::-1])
    gen = image.ImageDataGenerator(data_format='channels_first')
    xf = x.transpose(2, 0, 1)
    np.testing.assert_array_equal(
        gen.apply_transform(xf, {'flip_horizontal': True}), xf[:, :, ::-1])
    np.testing.assert_array_equal(gen.apply_transform(xf, {}), xf)


@needs_scipy
def test_generator_apply_transform_uses_its_axes_and_fill():
    x = ramp(4, 4, 2)
    gen = image.ImageDataGenerator(fill_mode='constant', cval=-5.)
    out = gen.apply_transform(x, {'tx': 1, 'channel_shift_intensity': 0.,
                                  'brightness': 1.})
    np.testing.assert_array_equal(out[:3], x[1:])
    np.testing.assert_array_equal(out[3], -5.)


@needs_scipy
def test_random_transform_is_reproducible_with_seed():
    x = ramp(6, 6, 3)
    gen = image.ImageDataGenerator(rotation_range=30, width_shift_range=0.2,
                                   height_shift_range=2, shear_range=10,
                                   zoom_range=0.2, channel_shift_range=5,
                                   horizontal_flip=True, vertical_flip=True,
                                   brightness_range=(0.5, 1.5))
    np.testing.assert_array_equal(gen.random_transform(x, seed=7),
                                  gen.random_transform(x, seed=7))
    params = gen.get_random_transform(x.shape, seed=7)
    assert set(params) == {'theta', 'tx', 'ty', 'shear', 'zx', 'zy',
                           'flip_horizontal', 'flip_vertical',
                           'channel_shift_intensity', 'brightness'}
    assert -30 <= params['theta'] <= 30
    assert 0.8 <= params['zx'] <= 1.2 and 0.8 <= params['zy'] <= 1.2
    assert 0.5 <= params['brightness'] <= 1.5


def test_shift_ranges_int_list_and_fraction():
    shape = (10, 20, 3)
    gen = image.ImageDataGenerator(height_shift_range=3,
                                   width_shift_range=[-4, 7])
    seen_tx, seen_ty = set(), set()
    for seed in range(60):
        params = gen.get_random_transform(shape, seed=seed)
        seen_tx.add(params['tx'])
        seen_ty.add(params['ty'])
    # int 3: whole pixels in (-3, 3); list: its values with a random sign.
    assert seen_tx == {-2, -1, 0, 1, 2}
    assert seen_ty == {-7, -4, 4, 7}
    gen = image.ImageDataGenerator(width_shift_range=0.25)
    for seed in range(20):
        ty = gen.get_random_transform(shape, seed=seed)['ty']
        assert -5 <= ty <= 5  # a fraction of the width, 20


def test_zoom_range_forms():
    assert image.ImageDataGenerator(zoom_range=0.25).zoom_range == \
        [0.75, 1.25]
    assert image.ImageDataGenerator(zoom_range=(0.5, 2)).zoom_range == \
        [0.5, 2]
    params = image.ImageDataGenerator().get_random_transform((4, 4, 1))
    assert (params['zx'], params['zy']) == (1, 1)


@pytest.mark.parametrize('kwargs, word', [
    ({'zoom_range': (1, 2, 3)}, 'zoom_range'),
    ({'brightness_range': 0.5}, 'brightness_range'),
    ({'fill_mode': 'edge'}, 'fill_mode'),
    ({'validation_split': 1.5}, 'validation_split'),
    ({'data_format': 'channels_middle'}, 'data_format'),
    ({'width_shift_range': 'wide'}, 'width_shift_range'),
])
def test_generator_argument_errors(kwargs, word):
    with pytest.raises(ValueError, match=word):
        image.ImageDataGenerator(**kwargs)


def test_rescale_and_samplewise_normalization():
    x = np.array([[[[0.], [255.]], [[51.], [102.]]]])
    gen = image.ImageDataGenerator(rescale=1 / 255.)
    out = gen.standardize(x)
    np.testing.assert_allclose(out, x / 255.)
    assert x[0, 0, 1, 0] == 255.  # the input is left untouched
    gen = image.ImageDataGenerator(samplewise_center=True,
                                   samplewise_std_normalization=True)
    out = gen.standardize(x[0])
    np.testing.assert_allclose(out, (x[0] - x.mean()) /
                               (x.std() + K.epsilon()), rtol=1e-6)


def test_preprocessing_function_runs_first():
    gen = image.ImageDataGenerator(preprocessing_function=lambda a: a + 1,
                                   rescale=2.)
    np.testing.assert_array_equal(gen.standardize(np.zeros((1, 1, 1))),
                                  [[[2.]]])
    out = image.ImageDataGenerator().standardize(
        np.ones((2, 2, 1), dtype='uint8'))
    assert out.dtype == np.dtype(K.floatx())


def test_featurewise_statistics_on_a_known_array():
    # Two samples of 1x2 pixels, two channels; channel 0 holds 1, 3, 5, 7
    # and channel 1 holds 10 everywhere.
    x = np.zeros((2, 1, 2, 2))
    x[..., 0] = [[[1, 3]], [[5, 7]]]
    x[..., 1] = 10
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        gen = image.ImageDataGenerator(featurewise_std_normalization=True)
    assert gen.featurewise_center
    with pytest.warns(UserWarning, match='channels'):
        gen.fit(x)
    np.testing.assert_allclose(gen.mean, [[[4., 10.]]])
    np.testing.assert_allclose(gen.std, [[[np.sqrt(5.), 0.]]], atol=1e-6)
    out = gen.standardize(x[0])
    np.testing.assert_allclose(out[..., 0], [[-3 / np.sqrt(5.),
                                              -1 / np.sqrt(5.)]], rtol=1e-5)
    np.testing.assert_allclose(out[..., 1], 0.)


def test_featurewise_channels_first_and_unfitted_warning():
    x = np.arange(16.).reshape(2, 2, 2, 2)  # (n, channels, rows, cols)
    gen = image.ImageDataGenerator(featurewise_center=True,
                                   data_format='channels_first')
    with pytest.warns(UserWarning, match='fit'):
        gen.standardize(x[0])
    with pytest.warns(UserWarning, match='channels'):
        gen.fit(x)
    assert gen.mean.shape == (2, 1, 1)
    np.testing.assert_allclose(gen.mean.ravel(), [5.5, 9.5])


def test_zca_whitening_on_a_tiny_array():
    rng = np.random.RandomState(0)
    x = rng.normal(size=(6, 1, 1, 2)) * [1., 3.] + [2., -1.]
    with pytest.warns(UserWarning, match='featurewise_center'):
        gen = image.ImageDataGenerator(zca_whitening=True, zca_epsilon=1e-12)
    with pytest.warns(UserWarning, match='channels'):
        gen.fit(x)
    centred = (x - x.mean(axis=0)).reshape(6, 2)
    covariance = centred.T.dot(centred) / 6
    values, vectors = np.linalg.eigh(covariance)
    inverse_sqrt = vectors.dot(np.diag(values ** -0.5)).dot(vectors.T)
    np.testing.assert_allclose(gen.principal_components, inverse_sqrt,
                               rtol=1e-4)
    white = np.stack([gen.standardize(sample) for sample in x]).reshape(6, 2)
    np.testing.assert_allclose(white.T.dot(white) / 6, np.eye(2), atol=1e-4)


def test_fit_with_augmentation_and_errors():
    x = np.random.uniform(size=(3, 4, 4, 1))
    gen = image.ImageDataGenerator(featurewise_center=True,
                                   horizontal_flip=True)
    gen.fit(x, augment=True, rounds=2, seed=1)
    # Flips do not change the per-channel mean.
    np.testing.assert_allclose(gen.mean.ravel(), [x.mean()], rtol=1e-5)
    with pytest.raises(ValueError, match='rank 4'):
        gen.fit(x[0])
    with pytest.warns(UserWarning, match='channels'):
        gen.fit(np.zeros((2, 4, 4, 5)))
