"""Batch iterators over arrays, directories and data frames.

Public names are re-exported by `keras22.preprocessing.image`.
"""
from __future__ import absolute_import, division, print_function

import os
import threading
import warnings

import numpy as np

from .. import backend as K
from ..utils.data_utils import Sequence
from . import _image_io as io

CLASS_MODES = ('categorical', 'binary', 'sparse', 'input', None)
_SUBSETS = ('training', 'validation')


def _check_positive_int(caller, name, value):
    if (isinstance(value, bool) or not isinstance(value, (int, np.integer))
            or value < 1):
        raise ValueError('%s: `%s` must be an int >= 1, got %r.'
                         % (caller, name, value))


def _check_subset(caller, subset, validation_split):
    """The `(start, stop)` fractions of the data that `subset` keeps."""
    if subset is None:
        return None
    if subset not in _SUBSETS:
        raise ValueError('%s: `subset` must be "training", "validation" or '
                         'None, got %r.' % (caller, subset))
    if subset == 'validation' and not validation_split:
        raise ValueError('%s: subset="validation" needs an '
                         'ImageDataGenerator with a `validation_split` '
                         'above 0 (the subset would be empty).' % caller)
    # As in Keras, validation takes the first fraction, training the rest.
    if subset == 'validation':
        return (0., validation_split)
    return (validation_split, 1.)


def _split_bounds(count, split):
    if split is None:
        return 0, count
    return int(split[0] * count), int(split[1] * count)


class Iterator(Sequence):
    """Base class of the image batch iterators.

    An `Iterator` is a `keras22.utils.Sequence` (`it[i]` is batch `i`,
    `len(it)` the number of batches per epoch) and also an endless Python
    iterator: `next(it)` returns batches forever, reshuffling after each
    pass when `shuffle` is True. `next` may be called from several threads.

    Subclasses implement `_get_batches_of_transformed_samples(index_array)`.

    # Arguments
        n: int, number of samples.
        batch_size: int, samples per batch.
        shuffle: bool, whether to shuffle the order at each epoch.
        seed: int or None. When set, the global Numpy random generator is
            re-seeded with `seed + batches_seen` before each batch, so the
            order and the random augmentations can be replayed.

    # Raises
        ValueError: if `batch_size` is not a positive int.
    """

    white_list_formats = ('png', 'jpg', 'jpeg', 'bmp', 'ppm', 'tif', 'tiff')
    # Range of the random number in the names of saved images.
    _save_hash_range = int(1e4)

    def __init__(self, n, batch_size, shuffle, seed):
        _check_positive_int(type(self).__name__, 'batch_size', batch_size)
        self.n = n
        self.batch_size = batch_size
        self.seed = seed
        self.shuffle = shuffle
        self.batch_index = 0
        self.total_batches_seen = 0
        self.lock = threading.Lock()
        self.index_array = None
        self.index_generator = self._flow_index()

    def common_init(self, image_data_generator,
                    target_size,
                    color_mode,
                    data_format,
                    save_to_dir,
                    save_prefix,
                    save_format,
                    subset,
                    interpolation):
        """Stores and checks the settings shared by file-based iterators.

        Sets `image_shape` from `target_size`, `color_mode` and
        `data_format`, and `split`, the fractions of the files kept for
        `subset`.

        # Raises
            ValueError: for a bad `target_size`, `color_mode`,
                `data_format`, `subset` or `interpolation`.
        """
        caller = type(self).__name__
        self.image_data_generator = image_data_generator
        self.target_size = io.check_target_size(caller, target_size)
        io.check_color_mode(caller, color_mode)
        io.check_interpolation(caller, interpolation)
        self.color_mode = color_mode
        self.data_format = io.check_data_format(caller, data_format)
        channels = {'rgb': 3, 'rgba': 4, 'grayscale': 1}[color_mode]
        if self.data_format == 'channels_last':
            self.image_shape = self.target_size + (channels,)
        else:
            self.image_shape = (channels,) + self.target_size
        self.save_to_dir = save_to_dir
        self.save_prefix = save_prefix
        self.save_format = save_format
        self.interpolation = interpolation
        self.split = _check_subset(
            caller, subset, getattr(image_data_generator,
                                    '_validation_split', 0.))
        self.subset = subset

    def _set_index_array(self):
        if self.shuffle:
            self.index_array = np.random.permutation(self.n)
        else:
            self.index_array = np.arange(self.n)

    def __getitem__(self, idx):
        if not 0 <= idx < len(self):
            raise ValueError('%s: asked for batch %d, but there are %d '
                             'batches.' % (type(self).__name__, idx,
                                           len(self)))
        with self.lock:
            if self.seed is not None:
                np.random.seed(self.seed + self.total_batches_seen)
            self.total_batches_seen += 1
            if self.index_array is None:
                self._set_index_array()
            index_array = self.index_array[self.batch_size * idx:
                                           self.batch_size * (idx + 1)]
        return self._get_batches_of_transformed_samples(index_array)

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size

    def on_epoch_end(self):
        self._set_index_array()

    def reset(self):
        """Starts the next `next()` pass from the first batch."""
        self.batch_index = 0

    def _flow_index(self):
        self.reset()
        while True:
            if self.seed is not None:
                np.random.seed(self.seed + self.total_batches_seen)
            if self.batch_index == 0:
                self._set_index_array()
            start = (self.batch_index * self.batch_size) % self.n
            if self.n > start + self.batch_size:
                self.batch_index += 1
            else:
                self.batch_index = 0
            self.total_batches_seen += 1
            yield self.index_array[start:start + self.batch_size]

    def __iter__(self):
        return self

    def __next__(self, *args, **kwargs):
        return self.next(*args, **kwargs)

    def next(self):
        """Returns the next batch (thread-safe).

        # Raises
            ValueError: if the iterator has no samples
                (keras_preprocessing 1.0.5 failed with a division by zero).
        """
        if not self.n:
            raise ValueError('%s: there are no samples to iterate over.'
                             % type(self).__name__)
        with self.lock:
            index_array = next(self.index_generator)
        return self._get_batches_of_transformed_samples(index_array)

    def _get_batches_of_transformed_samples(self, index_array):
        """Returns the batch made of the samples `index_array`."""
        raise NotImplementedError

    def _transform(self, x):
        """Random augmentation and standardization of one sample."""
        generator = self.image_data_generator
        params = generator.get_random_transform(x.shape)
        x = generator.apply_transform(x, params)
        return generator.standardize(x)

    def _save_batch(self, batch_x, index_array):
        """Writes the batch's images to `save_to_dir` (for inspection)."""
        for image, index in zip(batch_x, index_array):
            img = io.array_to_img(image, self.data_format, scale=True)
            name = '{prefix}_{index}_{hash}.{format}'.format(
                prefix=self.save_prefix, index=index,
                hash=np.random.randint(self._save_hash_range),
                format=self.save_format)
            io.write_image(img, os.path.join(self.save_to_dir, name),
                           self.save_format)


def _split_x(x):
    """`(images, extra_inputs)` from `x`, possibly `(images, extras)`."""
    if not isinstance(x, (tuple, list)):
        return x, []
    if len(x) != 2:
        raise ValueError('NumpyArrayIterator: when `x` is a tuple or list '
                         'it must be (images, extra_array) or (images, '
                         '[extra_arrays]), got %d items.' % len(x))
    images, extras = x
    extras = ([np.asarray(extra) for extra in extras]
              if isinstance(extras, list) else [np.asarray(extras)])
    for extra in extras:
        if len(extra) != len(images):
            # The wording starts as Keras 2.2's did, which callers match.
            raise ValueError('NumpyArrayIterator: All of the arrays in `x` '
                             'should have the same length; got %d images '
                             'and an extra array of length %d.'
                             % (len(images), len(extra)))
    return images, extras


class NumpyArrayIterator(Iterator):
    """Iterates over batches of images held in Numpy arrays.

    Usually made by `ImageDataGenerator.flow`.

    # Arguments
        x: Numpy array of images, rank 4; or a tuple `(images, extra)`
            where `extra` is an array or a list of arrays with one row per
            image, passed through unchanged as additional inputs.
        y: Numpy array of targets, or None.
        image_data_generator: the `ImageDataGenerator` that augments and
            standardizes each image.
        batch_size: int, samples per batch.
        shuffle: bool, whether to shuffle at each epoch.
        sample_weight: Numpy array of sample weights, or None.
        seed: int or None, random seed (see `Iterator`).
        data_format: 'channels_first' or 'channels_last'; default
            `keras22.backend.image_data_format()`.
        save_to_dir: None or a directory where the augmented images are
            also written (for inspection).
        save_prefix: str, prefix of the saved file names.
        save_format: 'png', 'jpeg', ... format of the saved files.
        subset: 'training' or 'validation', with the generator's
            `validation_split`: validation takes the first fraction of
            the samples, training the rest.
        dtype: dtype of the image batches; default
            `keras22.backend.floatx()`.

    # Returns
        Batches `x` (no `y` given), `(x, y)` or `(x, y, sample_weight)`;
        with extra inputs `x` is the list `[images] + extras`.

    # Raises
        ValueError: if `x` is not rank 4, lengths differ, `subset` is
            unknown, or the training and validation subsets hold
            different sets of labels (sorted data should be shuffled
            first).
    """

    def __init__(self, x, y, image_data_generator,
                 batch_size=32, shuffle=False, sample_weight=None,
                 seed=None, data_format=None,
                 save_to_dir=None, save_prefix='', save_format='png',
                 subset=None, dtype=None):
        caller = 'NumpyArrayIterator'
        self.dtype = dtype or K.floatx()
        data_format = io.check_data_format(caller, data_format)
        x, extras = _split_x(x)
        if y is not None and len(x) != len(y):
            raise ValueError('%s: `x` (images tensor) and `y` (labels) '
                             'should have the same length, got x.shape = '
                             '%s and y.shape = %s.'
                             % (caller, np.shape(x), np.shape(y)))
        if sample_weight is not None and len(x) != len(sample_weight):
            raise ValueError('%s: `x` (images tensor) and `sample_weight` '
                             'should have the same length, got x.shape = '
                             '%s and sample_weight.shape = %s.'
                             % (caller, np.shape(x), np.shape(sample_weight)))
        validation_split = getattr(image_data_generator,
                                   '_validation_split', 0.)
        if _check_subset(caller, subset, validation_split) is not None:
            x, y, sample_weight, extras = self._subset(
                x, y, sample_weight, extras, subset, validation_split)
        self.x = np.asarray(x, dtype=self.dtype)
        if self.x.ndim != 4:
            raise ValueError('%s: `x` must be a rank 4 array of images, got '
                             'shape %s.' % (caller, self.x.shape))
        channel_axis = 3 if data_format == 'channels_last' else 1
        if self.x.shape[channel_axis] not in (1, 3, 4):
            warnings.warn('%s: with data_format %r the channels are on axis '
                          '%d, which usually holds 1, 3 or 4 channels, but '
                          'the images have shape %s.'
                          % (caller, data_format, channel_axis,
                             self.x.shape))
        self.x_misc = extras
        self.y = None if y is None else np.asarray(y)
        self.sample_weight = (None if sample_weight is None
                              else np.asarray(sample_weight))
        self.image_data_generator = image_data_generator
        self.data_format = data_format
        self.save_to_dir = save_to_dir
        self.save_prefix = save_prefix
        self.save_format = save_format
        super(NumpyArrayIterator, self).__init__(self.x.shape[0], batch_size,
                                                 shuffle, seed)

    @staticmethod
    def _subset(x, y, sample_weight, extras, subset, validation_split):
        split_at = int(len(x) * validation_split)
        if y is not None and 0 < split_at < len(x):
            y_arr = np.asarray(y)
            if not np.array_equal(np.unique(y_arr[:split_at]),
                                  np.unique(y_arr[split_at:])):
                raise ValueError(
                    'NumpyArrayIterator: the training and validation subsets '
                    'hold different sets of labels. If the arrays are sorted '
                    'by label, shuffle them before splitting.')
        part = (slice(0, split_at) if subset == 'validation'
                else slice(split_at, None))

        def pick(array):
            return None if array is None else array[part]
        return (pick(x), pick(y), pick(sample_weight),
                [extra[part] for extra in extras])

    def _get_batches_of_transformed_samples(self, index_array):
        batch_x = np.zeros((len(index_array),) + self.x.shape[1:],
                           dtype=self.dtype)
        for i, j in enumerate(index_array):
            batch_x[i] = self._transform(self.x[j].astype(self.dtype))
        if self.save_to_dir:
            self._save_batch(batch_x, index_array)
        inputs = batch_x
        if self.x_misc:
            inputs = [batch_x] + [extra[index_array]
                                  for extra in self.x_misc]
        if self.y is None:
            return inputs
        if self.sample_weight is None:
            return inputs, self.y[index_array]
        return inputs, self.y[index_array], self.sample_weight[index_array]


def _walk_images(directory, formats, follow_links):
    """Yields `(root, filename)` of image files under `directory`.

    Folders are visited in sorted order, files sorted within each.
    """
    suffixes = tuple('.' + fmt for fmt in formats)
    walk = sorted(os.walk(directory, followlinks=follow_links),
                  key=lambda entry: entry[0])
    for root, _, files in walk:
        for name in sorted(files):
            if name.lower().endswith(suffixes):
                yield root, name


class _FileIterator(Iterator):
    """Shared batch building of the iterators that read image files."""

    _save_hash_range = int(1e7)

    def _path(self, filename):
        return os.path.join(self.directory, filename)

    def _load(self, filename):
        img = io.load_img(self._path(filename), color_mode=self.color_mode,
                          target_size=self.target_size,
                          interpolation=self.interpolation)
        x = io.img_to_array(img, data_format=self.data_format,
                            dtype=self.dtype)
        img.close()
        return x

    def _get_batches_of_transformed_samples(self, index_array):
        batch_x = np.zeros((len(index_array),) + self.image_shape,
                           dtype=self.dtype)
        for i, j in enumerate(index_array):
            batch_x[i] = self._transform(self._load(self.filenames[j]))
        if self.save_to_dir:
            self._save_batch(batch_x, index_array)
        if self.class_mode is None:
            return batch_x
        return batch_x, self._labels(batch_x, index_array)

    def _labels(self, batch_x, index_array):
        if self.class_mode == 'input':
            return batch_x.copy()
        if self.class_mode == 'sparse':
            return self.classes[index_array]
        if self.class_mode == 'binary':
            return self.classes[index_array].astype(self.dtype)
        if self.class_mode == 'other':
            return self.data[index_array]
        one_hot = np.zeros((len(batch_x), self.num_classes), dtype=self.dtype)
        one_hot[np.arange(len(index_array)), self.classes[index_array]] = 1.
        return one_hot


class DirectoryIterator(_FileIterator):
    """Iterates over batches of images read from a directory tree.

    Each subdirectory of `directory` is a class; its images (searched
    recursively; png, jpg, jpeg, bmp, ppm, tif, tiff) are the samples.
    Usually made by `ImageDataGenerator.flow_from_directory`.

    # Arguments
        directory: path of the directory holding one subdirectory per
            class.
        image_data_generator: the `ImageDataGenerator` that augments and
            standardizes each image.
        target_size: `(height, width)`; every image is resized to it.
        color_mode: 'grayscale', 'rgb' or 'rgba' (1, 3 or 4 channels).
        classes: optional list of subdirectory names; their order gives
            the class indices. Default: every subdirectory, sorted by name.
        class_mode: 'categorical' (one-hot labels), 'binary' (float
            labels 0/1), 'sparse' (int labels), 'input' (the images
            themselves, for autoencoders) or None (no labels).
        batch_size: int, samples per batch.
        shuffle: bool, whether to shuffle at each epoch.
        seed: int or None, random seed (see `Iterator`).
        data_format: 'channels_first' or 'channels_last'; default
            `keras22.backend.image_data_format()`.
        save_to_dir: None or a directory where the augmented images are
            also written.
        save_prefix: str, prefix of the saved file names.
        save_format: 'png', 'jpeg', ... format of the saved files.
        follow_links: bool, whether to follow symbolic links to folders.
        subset: 'training' or 'validation', with the generator's
            `validation_split`: in each class, validation takes the first
            fraction of the (sorted) files and training the rest.
        interpolation: resampling used to resize: 'nearest', 'bilinear',
            'bicubic', 'hamming', 'box' or 'lanczos'.
        dtype: dtype of the batches; default `keras22.backend.floatx()`.

    # Attributes
        class_indices: dict class name -> class index.
        classes: int32 Numpy array, the class index of each sample.
        filenames: list of the samples' paths relative to `directory`.
        samples: number of samples; num_classes: number of classes.

    # Raises
        ValueError: for an unknown `class_mode`, `color_mode`, `subset`
            or `interpolation`.
        FileNotFoundError: if `directory` or a directory named in
            `classes` does not exist (keras_preprocessing 1.0.5 silently
            found no images for such a class).
    """

    def __init__(self, directory, image_data_generator,
                 target_size=(256, 256),
                 color_mode='rgb',
                 classes=None,
                 class_mode='categorical',
                 batch_size=32,
                 shuffle=True,
                 seed=None,
                 data_format=None,
                 save_to_dir=None,
                 save_prefix='',
                 save_format='png',
                 follow_links=False,
                 subset=None,
                 interpolation='nearest',
                 dtype=None):
        self.common_init(image_data_generator, target_size, color_mode,
                         data_format, save_to_dir, save_prefix, save_format,
                         subset, interpolation)
        if class_mode not in CLASS_MODES:
            raise ValueError('DirectoryIterator: `class_mode` must be one of '
                             '%s, got %r.' % (CLASS_MODES, class_mode))
        if not os.path.isdir(directory):
            raise FileNotFoundError('DirectoryIterator: `directory` %r is not '
                                    'an existing directory.' % (directory,))
        self.directory = directory
        self.class_mode = class_mode
        self.dtype = dtype or K.floatx()
        classes = self._class_names(directory, classes)
        self.num_classes = len(classes)
        self.class_indices = dict(zip(classes, range(len(classes))))
        self.filenames = []
        labels = []
        for index, name in enumerate(classes):
            found = self._list_class(name, follow_links)
            self.filenames += found
            labels += [index] * len(found)
        self.classes = np.array(labels, dtype='int32')
        self.samples = len(self.filenames)
        print('Found %d images belonging to %d classes.'
              % (self.samples, self.num_classes))
        super(DirectoryIterator, self).__init__(self.samples, batch_size,
                                                shuffle, seed)

    @staticmethod
    def _class_names(directory, classes):
        if not classes:
            return [name for name in sorted(os.listdir(directory))
                    if os.path.isdir(os.path.join(directory, name))]
        classes = list(classes)
        for name in classes:
            if not os.path.isdir(os.path.join(directory, name)):
                raise FileNotFoundError(
                    'DirectoryIterator: class %r has no directory %r.'
                    % (name, os.path.join(directory, name)))
        return classes

    def _list_class(self, name, follow_links):
        """Relative paths of the class's images within the subset."""
        class_dir = os.path.join(self.directory, name)
        found = [os.path.join(name, os.path.relpath(os.path.join(root, file),
                                                    class_dir))
                 for root, file in _walk_images(class_dir,
                                                self.white_list_formats,
                                                follow_links)]
        start, stop = _split_bounds(len(found), self.split)
        return found[start:stop]


class DataFrameIterator(_FileIterator):
    """Iterates over batches of images listed in a pandas data frame.

    Usually made by `ImageDataGenerator.flow_from_dataframe`; needs
    pandas.

    # Arguments
        dataframe: pandas DataFrame with a column of file names and, for
            labelled modes, a column of labels.
        directory: directory the file names are relative to, or None when
            they are full paths.
        image_data_generator: the `ImageDataGenerator` to apply.
        x_col: str, the column with the file names.
        y_col: str (or list of str for class_mode 'other'), the label
            column(s).
        has_ext: bool, whether the file names include their extension;
            if False the image file with that name and any image extension
            is used.
        target_size: `(height, width)`; images are resized to it.
        color_mode: 'grayscale', 'rgb' or 'rgba'.
        classes: optional list of class names, giving the indices; rows
            with other labels are left out. Default: the labels found in
            `y_col`, sorted.
        class_mode: 'categorical', 'binary', 'sparse', 'input', 'other'
            (the raw `y_col` values) or None.
        batch_size: int, samples per batch.
        shuffle: bool, whether to shuffle at each epoch.
        seed: int or None, random seed.
        data_format: 'channels_first' or 'channels_last'.
        save_to_dir, save_prefix, save_format: as for `DirectoryIterator`.
        follow_links: kept for compatibility; files are looked up
            directly, so links are always followed.
        subset: 'training' or 'validation' (validation takes the first
            fraction of the found files).
        interpolation: resampling used to resize.
        dtype: dtype of the batches; default `keras22.backend.floatx()`.

    # Attributes
        class_indices, classes, filenames, samples, num_classes: as for
        `DirectoryIterator`; `data` holds the targets for mode 'other'.

    # Raises
        ImportError: if pandas is not installed.
        ValueError: for bad arguments, missing columns, or when
            `has_ext=True` but the first file name has no image extension.

    # Note
        As in keras_preprocessing 1.0.5, duplicate file names keep their
        first row, and the images are ordered like a sorted listing of the
        directory. Unlike 1.0.5, only files named in the data frame are
        used (1.0.5 listed the whole directory and failed on files missing
        from the frame), rows whose file is missing are skipped, and the
        inferred classes are sorted, as the 1.0.5 documentation promised.
    """

    def __init__(self, dataframe, directory, image_data_generator,
                 x_col="filenames", y_col="class", has_ext=True,
                 target_size=(256, 256), color_mode='rgb',
                 classes=None, class_mode='categorical',
                 batch_size=32, shuffle=True, seed=None,
                 data_format=None,
                 save_to_dir=None, save_prefix='', save_format='png',
                 follow_links=False,
                 subset=None,
                 interpolation='nearest',
                 dtype=None):
        _import_pandas()
        self.common_init(image_data_generator, target_size, color_mode,
                         data_format, save_to_dir, save_prefix, save_format,
                         subset, interpolation)
        self._check_args(dataframe, x_col, y_col, has_ext, classes,
                         class_mode)
        self.directory = directory
        self.class_mode = class_mode
        self.dtype = dtype or K.floatx()
        frame = dataframe.drop_duplicates(x_col).reset_index(drop=True)
        labelled = class_mode not in ('other', 'input', None)
        if labelled:
            if not classes:
                classes = sorted(frame[y_col].dropna().unique())
            classes = list(classes)
            frame = frame[frame[y_col].isin(classes)].reset_index(drop=True)
        else:
            classes = []
        self.num_classes = len(classes)
        self.class_indices = dict(zip(classes, range(len(classes))))
        rows, self.filenames = self._find_files(frame, x_col, has_ext)
        start, stop = _split_bounds(len(rows), self.split)
        rows, self.filenames = rows[start:stop], self.filenames[start:stop]
        frame = frame.iloc[rows]
        self.classes = np.array([self.class_indices[label]
                                 for label in frame[y_col]]
                                if labelled else [], dtype='int32')
        if class_mode == 'other':
            self.data = frame[y_col].values
        self.samples = len(self.filenames)
        print('Found %d images belonging to %d classes.'
              % (self.samples, self.num_classes))
        super(DataFrameIterator, self).__init__(self.samples, batch_size,
                                                shuffle, seed)

    def _check_args(self, dataframe, x_col, y_col, has_ext, classes,
                    class_mode):
        caller = 'DataFrameIterator'
        if not isinstance(x_col, str):
            raise ValueError('%s: `x_col` must be a column name (str), got '
                             '%r.' % (caller, x_col))
        if not isinstance(has_ext, bool):
            raise ValueError('%s: `has_ext` must be True or False, got %r.'
                             % (caller, has_ext))
        modes = CLASS_MODES + ('other',)
        if class_mode not in modes:
            raise ValueError('%s: `class_mode` must be one of %s, got %r.'
                             % (caller, modes, class_mode))
        if classes and class_mode in ('other', 'input', None):
            raise ValueError('%s: `classes` cannot be given with class_mode '
                             '%r.' % (caller, class_mode))
        needed = [x_col]
        if class_mode not in ('input', None):
            needed += list(y_col) if isinstance(y_col, list) else [y_col]
            if isinstance(y_col, list) and class_mode != 'other':
                raise ValueError('%s: a list `y_col` needs class_mode '
                                 '"other", got %r.' % (caller, class_mode))
        missing = [name for name in needed if name not in dataframe.columns]
        if missing:
            raise ValueError('%s: the data frame has no column(s) %s (it has '
                             '%s).' % (caller, missing,
                                       list(dataframe.columns)))

    def _path(self, filename):
        if self.directory is None:
            return filename
        return os.path.join(self.directory, filename)

    def _find_files(self, frame, x_col, has_ext):
        """Positions and file names of the rows whose image exists."""
        names = [str(name) for name in frame[x_col]]
        suffixes = tuple('.' + fmt for fmt in self.white_list_formats)
        if has_ext and names and not names[0].lower().endswith(suffixes):
            raise ValueError('DataFrameIterator: has_ext=True, but %r (first '
                             'row of column %r) has no image extension %s.'
                             % (names[0], x_col, self.white_list_formats))
        finder = _ExactFile(self._path, suffixes) if has_ext else \
            _FileByStem(self._path, suffixes)
        found = [(row, finder(name)) for row, name in enumerate(names)]
        found = [(row, name) for row, name in found if name is not None]
        # The order of a sorted walk of the directory, as in Keras.
        found.sort(key=lambda item: (os.path.dirname(item[1]),
                                     os.path.basename(item[1])))
        return [row for row, _ in found], [name for _, name in found]


class _ExactFile(object):
    """The name itself, if it is an existing image file."""

    def __init__(self, path_of, suffixes):
        self.path_of = path_of
        self.suffixes = suffixes

    def __call__(self, name):
        if name.lower().endswith(self.suffixes) and \
                os.path.isfile(self.path_of(name)):
            return name
        return None


class _FileByStem(object):
    """The name plus the extension of the image file with that stem."""

    def __init__(self, path_of, suffixes):
        self.path_of = path_of
        self.suffixes = suffixes
        self.listings = {}

    def _listing(self, folder):
        if folder not in self.listings:
            path = self.path_of(folder) if folder else self.path_of('.')
            try:
                entries = sorted(os.listdir(path))
            except OSError:
                entries = []
            self.listings[folder] = [entry for entry in entries
                                     if entry.lower().endswith(self.suffixes)]
        return self.listings[folder]

    def __call__(self, name):
        folder, stem = os.path.split(name)
        for entry in self._listing(folder):
            if os.path.splitext(entry)[0] == stem:
                return os.path.join(folder, entry)
        return None


def _import_pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError('flow_from_dataframe (DataFrameIterator) needs '
                          'pandas, which is not installed (pip install '
                          'pandas).')
    return pandas
