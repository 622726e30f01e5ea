"""Image preprocessing: loading, augmentation and batch iterators.

Behaviour follows keras_preprocessing 1.0.5, which Keras 2.2.4 used for
`keras.preprocessing.image`. Pillow (image files, `array_to_img`) and
SciPy (rotation, shift, shear, zoom) are optional: they are imported when
first needed, and a missing one raises an ImportError that names it.
"""
from __future__ import absolute_import, division, print_function

import numbers
import warnings

import numpy as np

from .. import backend as K
from . import _affine
from . import _image_io
from ._affine import apply_affine_transform  # noqa: F401
from ._affine import apply_brightness_shift
from ._affine import apply_channel_shift
from ._affine import random_brightness  # noqa: F401
from ._affine import random_channel_shift  # noqa: F401
from ._affine import random_rotation  # noqa: F401
from ._affine import random_shear  # noqa: F401
from ._affine import random_shift  # noqa: F401
from ._affine import random_zoom  # noqa: F401
from ._image_io import array_to_img  # noqa: F401
from ._image_io import img_to_array  # noqa: F401
from ._image_io import load_img  # noqa: F401
from ._image_io import save_img  # noqa: F401
from ._iterators import DataFrameIterator
from ._iterators import DirectoryIterator
from ._iterators import Iterator  # noqa: F401
from ._iterators import NumpyArrayIterator


def _check_shift_range(name, value):
    """Accepts a number or a 1-D list of numbers, as Keras documented."""
    if isinstance(value, bool):
        ok = False
    elif isinstance(value, numbers.Number):
        ok = True
    else:
        try:
            array = np.asarray(value)
            ok = (array.ndim == 1 and array.size > 0 and
                  np.issubdtype(array.dtype, np.number))
        except Exception:
            ok = False
    if not ok:
        raise ValueError('ImageDataGenerator: `%s` must be a float, an int '
                         'or a non-empty 1-D list of numbers, got %r.'
                         % (name, value))


def _draw_shift(shift_range, size):
    """A random shift in pixels, drawn the way Keras 2.2 drew it.

    An int `n` gives a whole number of pixels in (-n, n); a list gives one
    of its values with a random sign; a float gives a uniform value in
    [-r, r]. Values below 1 are fractions of `size`.
    """
    if isinstance(shift_range, numbers.Integral) or \
            not isinstance(shift_range, numbers.Number):
        shift = np.random.choice(shift_range)
        shift *= np.random.choice([-1, 1])
    else:
        shift = np.random.uniform(-shift_range, shift_range)
    if np.max(shift_range) < 1:
        shift *= size
    return shift


class ImageDataGenerator(object):
    """Makes batches of images with random augmentation and normalization.

    Each image drawn from `flow`, `flow_from_directory` or
    `flow_from_dataframe` goes through `get_random_transform` /
    `apply_transform` (the random geometric and colour changes), then
    `standardize` (`preprocessing_function`, `rescale`, centring and
    scaling).

    # Arguments
        featurewise_center: bool, subtract the per-channel mean of the data
            given to `fit`.
        samplewise_center: bool, subtract each image's own mean.
        featurewise_std_normalization: bool, divide by the per-channel
            standard deviation of the data given to `fit` (turns on
            `featurewise_center`).
        samplewise_std_normalization: bool, divide each image by its own
            standard deviation (turns on `samplewise_center`).
        zca_whitening: bool, apply ZCA whitening learnt by `fit` (turns on
            `featurewise_center`, turns off
            `featurewise_std_normalization`).
        zca_epsilon: float, added to the eigenvalues in ZCA whitening.
        rotation_range: int, random rotations in
            `[-rotation_range, rotation_range]` degrees.
        width_shift_range: float, int or list of numbers.
            - float: shift drawn from `[-r, r]`; below 1 it is a fraction
              of the width, otherwise pixels.
            - int: a whole number of pixels in `(-r, r)`.
            - list: one of the values, with a random sign.
        height_shift_range: the same for the height.
        brightness_range: None or `(low, high)`, the range of the
            brightness factor.
        shear_range: float, shear angle range in degrees
            (counter-clockwise).
        zoom_range: float `r` for `[1 - r, 1 + r]`, or `[low, high]`.
        channel_shift_range: float, random value added to all channels, in
            `[-r, r]`.
        fill_mode: 'constant', 'nearest', 'reflect' or 'wrap': how points
            outside the image are filled (see `apply_affine_transform`).
        cval: float, the value outside the image for fill_mode='constant'.
        horizontal_flip: bool, randomly flip left-right.
        vertical_flip: bool, randomly flip up-down.
        rescale: None, 0 or a float to multiply the data by (after the
            augmentation, before the other normalizations).
        preprocessing_function: function applied to each image (rank 3
            array) after augmentation and before the other steps of
            `standardize`; it must return an array of the same shape.
        data_format: 'channels_first' or 'channels_last'; default
            `keras22.backend.image_data_format()`.
        validation_split: float in (0, 1), the fraction of the data kept
            for `subset='validation'`.
        dtype: dtype of the generated arrays; default
            `keras22.backend.floatx()`.

    # Raises
        ValueError: for a bad `data_format`, `validation_split`,
            `zoom_range`, `brightness_range`, `fill_mode` or shift range
            (all checked here; keras_preprocessing 1.0.5 failed on a bad
            `brightness_range` or `fill_mode` only when drawing a batch).

    # Example

    ```python
        datagen = ImageDataGenerator(rotation_range=20,
                                     width_shift_range=0.2,
                                     horizontal_flip=True,
                                     featurewise_center=True)
        datagen.fit(x_train)
        model.fit_generator(datagen.flow(x_train, y_train, batch_size=32),
                            steps_per_epoch=len(x_train) // 32, epochs=5)
    ```
    """

    def __init__(self,
                 featurewise_center=False,
                 samplewise_center=False,
                 featurewise_std_normalization=False,
                 samplewise_std_normalization=False,
                 zca_whitening=False,
                 zca_epsilon=1e-6,
                 rotation_range=0,
                 width_shift_range=0.,
                 height_shift_range=0.,
                 brightness_range=None,
                 shear_range=0.,
                 zoom_range=0.,
                 channel_shift_range=0.,
                 fill_mode='nearest',
                 cval=0.,
                 horizontal_flip=False,
                 vertical_flip=False,
                 rescale=None,
                 preprocessing_function=None,
                 data_format=None,
                 validation_split=0.0,
                 dtype=None):
        caller = 'ImageDataGenerator'
        self.data_format = _image_io.check_data_format(caller, data_format)
        if validation_split and not 0 < validation_split < 1:
            raise ValueError('%s: `validation_split` must be strictly between '
                             '0 and 1, got %r.' % (caller, validation_split))
        _affine.check_fill_mode(caller, fill_mode)
        _check_shift_range('width_shift_range', width_shift_range)
        _check_shift_range('height_shift_range', height_shift_range)
        if brightness_range is not None:
            _affine.brightness_pair(caller, brightness_range)
        self.featurewise_center = featurewise_center
        self.samplewise_center = samplewise_center
        self.featurewise_std_normalization = featurewise_std_normalization
        self.samplewise_std_normalization = samplewise_std_normalization
        self.zca_whitening = zca_whitening
        self.zca_epsilon = zca_epsilon
        self.rotation_range = rotation_range
        self.width_shift_range = width_shift_range
        self.height_shift_range = height_shift_range
        self.brightness_range = brightness_range
        self.shear_range = shear_range
        self.zoom_range = self._zoom_bounds(zoom_range)
        self.channel_shift_range = channel_shift_range
        self.fill_mode = fill_mode
        self.cval = cval
        self.horizontal_flip = horizontal_flip
        self.vertical_flip = vertical_flip
        self.rescale = rescale
        self.preprocessing_function = preprocessing_function
        self.dtype = dtype or K.floatx()
        self._validation_split = validation_split
        if self.data_format == 'channels_first':
            self.channel_axis, self.row_axis, self.col_axis = 1, 2, 3
        else:
            self.channel_axis, self.row_axis, self.col_axis = 3, 1, 2
        self.mean = None
        self.std = None
        self.principal_components = None
        self._resolve_normalization_flags()

    @staticmethod
    def _zoom_bounds(zoom_range):
        if isinstance(zoom_range, numbers.Number) and \
                not isinstance(zoom_range, bool):
            return [1 - zoom_range, 1 + zoom_range]
        try:
            low, high = zoom_range
        except (TypeError, ValueError):
            raise ValueError('ImageDataGenerator: `zoom_range` must be a '
                             'float or a pair of floats, got %r.'
                             % (zoom_range,))
        return [low, high]

    def _resolve_normalization_flags(self):
        # Some options only make sense together; Keras switched the
        # companions on (or off) with a warning, and so do we.
        if self.zca_whitening:
            if not self.featurewise_center:
                self.featurewise_center = True
                warnings.warn('ImageDataGenerator: `zca_whitening` turns on '
                              '`featurewise_center`.')
            if self.featurewise_std_normalization:
                self.featurewise_std_normalization = False
                warnings.warn('ImageDataGenerator: `zca_whitening` turns off '
                              '`featurewise_std_normalization`.')
        if self.featurewise_std_normalization and \
                not self.featurewise_center:
            self.featurewise_center = True
            warnings.warn('ImageDataGenerator: '
                          '`featurewise_std_normalization` turns on '
                          '`featurewise_center`.')
        if self.samplewise_std_normalization and not self.samplewise_center:
            self.samplewise_center = True
            warnings.warn('ImageDataGenerator: '
                          '`samplewise_std_normalization` turns on '
                          '`samplewise_center`.')

    def flow(self, x, y=None, batch_size=32, shuffle=True,
             sample_weight=None, seed=None,
             save_to_dir=None, save_prefix='', save_format='png',
             subset=None):
        """Returns an iterator of augmented batches from Numpy arrays.

        # Arguments
            x: rank 4 Numpy array of images, or a tuple `(images, extra)`
                with `extra` an array or list of arrays passed through as
                additional inputs.
            y: labels, or None.
            batch_size: int, samples per batch.
            shuffle: bool, whether to shuffle at each epoch.
            sample_weight: sample weights, or None.
            seed: int or None, random seed.
            save_to_dir: None or a directory where the augmented images
                are also written (for inspection).
            save_prefix: str, prefix of the saved file names.
            save_format: 'png', 'jpeg', ... format of the saved files.
            subset: 'training' or 'validation' (needs `validation_split`;
                validation takes the first fraction of the samples).

        # Returns
            A `NumpyArrayIterator` yielding `x`, `(x, y)` or
            `(x, y, sample_weight)` batches.
        """
        return NumpyArrayIterator(
            x, y, self, batch_size=batch_size, shuffle=shuffle,
            sample_weight=sample_weight, seed=seed,
            data_format=self.data_format, save_to_dir=save_to_dir,
            save_prefix=save_prefix, save_format=save_format, subset=subset,
            dtype=self.dtype)

    def flow_from_directory(self, directory,
                            target_size=(256, 256), color_mode='rgb',
                            classes=None, class_mode='categorical',
                            batch_size=32, shuffle=True, seed=None,
                            save_to_dir=None,
                            save_prefix='',
                            save_format='png',
                            follow_links=False,
                            subset=None,
                            interpolation='nearest'):
        """Returns an iterator of augmented batches read from a directory.

        `directory` holds one subdirectory per class (sorted by name
        unless `classes` is given); see `DirectoryIterator` for the
        arguments.

        # Returns
            A `DirectoryIterator` yielding `(x, y)` batches (only `x` when
            `class_mode` is None).
        """
        return DirectoryIterator(
            directory, self, target_size=target_size, color_mode=color_mode,
            classes=classes, class_mode=class_mode,
            data_format=self.data_format, batch_size=batch_size,
            shuffle=shuffle, seed=seed, save_to_dir=save_to_dir,
            save_prefix=save_prefix, save_format=save_format,
            follow_links=follow_links, subset=subset,
            interpolation=interpolation, dtype=self.dtype)

    def flow_from_dataframe(self, dataframe, directory,
                            x_col="filename", y_col="class", has_ext=True,
                            target_size=(256, 256), color_mode='rgb',
                            classes=None, class_mode='categorical',
                            batch_size=32, shuffle=True, seed=None,
                            save_to_dir=None,
                            save_prefix='',
                            save_format='png',
                            subset=None,
                            interpolation='nearest'):
        """Returns an iterator of augmented batches listed in a data frame.

        Needs pandas. `dataframe[x_col]` names the image files (relative
        to `directory`, or full paths when `directory` is None); see
        `DataFrameIterator` for the arguments, including class_mode
        'other', which yields the raw `y_col` values as targets.

        # Returns
            A `DataFrameIterator` yielding `(x, y)` batches (only `x` when
            `class_mode` is None).

        # Raises
            ImportError: if pandas is not installed.
        """
        return DataFrameIterator(
            dataframe, directory, self, x_col=x_col, y_col=y_col,
            has_ext=has_ext, target_size=target_size, color_mode=color_mode,
            classes=classes, class_mode=class_mode,
            data_format=self.data_format, batch_size=batch_size,
            shuffle=shuffle, seed=seed, save_to_dir=save_to_dir,
            save_prefix=save_prefix, save_format=save_format, subset=subset,
            interpolation=interpolation, dtype=self.dtype)

    def standardize(self, x):
        """Applies the normalization settings to an image or a batch.

        In order: `preprocessing_function`, `rescale`, sample-wise
        centring and scaling, then the feature-wise statistics and ZCA
        matrix learnt by `fit`.

        # Arguments
            x: Numpy array, one image or a batch.

        # Returns
            The normalized array (a new array; integer input becomes
            `dtype`).

        # Note
            keras_preprocessing 1.0.5 modified `x` in place (and failed
            on integer arrays); `x` is left untouched here.
        """
        if self.preprocessing_function:
            x = self.preprocessing_function(x)
        x = np.array(x, copy=True)
        if not np.issubdtype(x.dtype, np.floating):
            x = x.astype(self.dtype)
        if self.rescale:
            x *= self.rescale
        if self.samplewise_center:
            x -= np.mean(x, keepdims=True)
        if self.samplewise_std_normalization:
            x /= (np.std(x, keepdims=True) + K.epsilon())
        if self.featurewise_center:
            if self.mean is None:
                self._warn_not_fitted('featurewise_center')
            else:
                x -= self.mean
        if self.featurewise_std_normalization:
            if self.std is None:
                self._warn_not_fitted('featurewise_std_normalization')
            else:
                x /= (self.std + K.epsilon())
        if self.zca_whitening:
            if self.principal_components is None:
                self._warn_not_fitted('zca_whitening')
            else:
                flat = np.reshape(x, (-1, np.prod(x.shape[-3:])))
                x = np.reshape(np.dot(flat, self.principal_components),
                               x.shape)
        return x

    @staticmethod
    def _warn_not_fitted(option):
        warnings.warn('ImageDataGenerator: `%s` is set but the generator '
                      'has not been fitted; call `.fit(numpy_data)` first.'
                      % option)

    def get_random_transform(self, img_shape, seed=None):
        """Draws the random parameters for transforming one image.

        # Arguments
            img_shape: shape of the image (rank 3).
            seed: int or None; if given, the global Numpy generator is
                seeded with it first.

        # Returns
            A dict with keys 'theta', 'tx', 'ty', 'shear', 'zx', 'zy',
            'flip_horizontal', 'flip_vertical', 'channel_shift_intensity'
            and 'brightness' (see `apply_transform`).
        """
        if seed is not None:
            np.random.seed(seed)
        # The draws keep Keras's order so that a seed replays the same
        # augmentations.
        theta = (np.random.uniform(-self.rotation_range, self.rotation_range)
                 if self.rotation_range else 0)
        tx = (_draw_shift(self.height_shift_range,
                          img_shape[self.row_axis - 1])
              if self.height_shift_range else 0)
        ty = (_draw_shift(self.width_shift_range,
                          img_shape[self.col_axis - 1])
              if self.width_shift_range else 0)
        shear = (np.random.uniform(-self.shear_range, self.shear_range)
                 if self.shear_range else 0)
        zx, zy = _affine.draw_zoom(self.zoom_range[0], self.zoom_range[1])
        flip_horizontal = (np.random.random() < 0.5) * self.horizontal_flip
        flip_vertical = (np.random.random() < 0.5) * self.vertical_flip
        channel_shift_intensity = None
        if self.channel_shift_range != 0:
            channel_shift_intensity = np.random.uniform(
                -self.channel_shift_range, self.channel_shift_range)
        brightness = None
        if self.brightness_range is not None:
            brightness = np.random.uniform(self.brightness_range[0],
                                           self.brightness_range[1])
        return {'theta': theta, 'tx': tx, 'ty': ty, 'shear': shear,
                'zx': zx, 'zy': zy,
                'flip_horizontal': flip_horizontal,
                'flip_vertical': flip_vertical,
                'channel_shift_intensity': channel_shift_intensity,
                'brightness': brightness}

    def apply_transform(self, x, transform_parameters):
        """Transforms one image with the given parameters.

        # Arguments
            x: Numpy array of rank 3, one image in the generator's data
                format.
            transform_parameters: dict with any of the keys
                - 'theta': rotation angle in degrees,
                - 'tx': shift along the rows (height), in pixels,
                - 'ty': shift along the columns (width), in pixels,
                - 'shear': shear angle in degrees,
                - 'zx', 'zy': zoom factors along rows and columns,
                - 'flip_horizontal', 'flip_vertical': bools,
                - 'channel_shift_intensity': value added to the pixels,
                - 'brightness': brightness factor.
                Missing keys mean no change.

        # Returns
            The transformed image.
        """
        row_axis, col_axis = self.row_axis - 1, self.col_axis - 1
        channel_axis = self.channel_axis - 1
        get = transform_parameters.get
        x = apply_affine_transform(
            x, get('theta', 0), get('tx', 0), get('ty', 0), get('shear', 0),
            get('zx', 1), get('zy', 1), row_axis=row_axis, col_axis=col_axis,
            channel_axis=channel_axis, fill_mode=self.fill_mode,
            cval=self.cval)
        if get('channel_shift_intensity') is not None:
            x = apply_channel_shift(x, get('channel_shift_intensity'),
                                    channel_axis)
        if get('flip_horizontal', False):
            x = _affine.flip_axis(x, col_axis)
        if get('flip_vertical', False):
            x = _affine.flip_axis(x, row_axis)
        if get('brightness') is not None:
            x = apply_brightness_shift(x, get('brightness'))
        return x

    def random_transform(self, x, seed=None):
        """Applies a random transformation to one image.

        # Arguments
            x: Numpy array of rank 3, one image.
            seed: int or None, random seed.

        # Returns
            The transformed image.
        """
        params = self.get_random_transform(np.shape(x), seed)
        return self.apply_transform(x, params)

    def fit(self, x, augment=False, rounds=1, seed=None):
        """Learns the feature-wise statistics and ZCA matrix from data.

        Only needed for `featurewise_center`,
        `featurewise_std_normalization` and `zca_whitening`. As in Keras,
        the data is used as given: `rescale` and `preprocessing_function`
        are not applied to it.

        # Arguments
            x: rank 4 array of images (1, 3 or 4 channels expected).
            augment: bool, whether to compute the statistics on randomly
                augmented copies of the data.
            rounds: int, number of augmented copies when `augment` is True.
            seed: int or None, random seed.

        # Raises
            ValueError: if `x` is not rank 4.
        """
        x = np.array(x, dtype=self.dtype)
        if x.ndim != 4:
            raise ValueError('ImageDataGenerator.fit: `x` must be a rank 4 '
                             'array of images, got shape %s.' % (x.shape,))
        if x.shape[self.channel_axis] not in (1, 3, 4):
            warnings.warn('ImageDataGenerator.fit: with data_format %r the '
                          'channels are on axis %d, which usually holds 1, 3 '
                          'or 4 channels, but the images have shape %s.'
                          % (self.data_format, self.channel_axis, x.shape))
        if seed is not None:
            np.random.seed(seed)
        if augment:
            x = np.stack([self.random_transform(image)
                          for _ in range(rounds) for image in x]
                         ).astype(self.dtype)
        broadcast_shape = [1, 1, 1]
        broadcast_shape[self.channel_axis - 1] = x.shape[self.channel_axis]
        axes = (0, self.row_axis, self.col_axis)
        if self.featurewise_center:
            self.mean = np.reshape(np.mean(x, axis=axes), broadcast_shape)
            x -= self.mean
        if self.featurewise_std_normalization:
            self.std = np.reshape(np.std(x, axis=axes), broadcast_shape)
            x /= (self.std + K.epsilon())
        if self.zca_whitening:
            self.principal_components = self._zca_matrix(x)

    def _zca_matrix(self, x):
        flat = np.reshape(x, (x.shape[0], -1))
        covariance = np.dot(flat.T, flat) / flat.shape[0]
        u, s, _ = np.linalg.svd(covariance)
        inverse_sqrt = 1. / np.sqrt(s[np.newaxis] + self.zca_epsilon)
        return (u * inverse_sqrt).dot(u.T)
