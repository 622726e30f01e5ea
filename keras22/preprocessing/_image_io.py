"""Reading and writing images with Pillow, and array conversions.

Public names are re-exported by `keras22.preprocessing.image`.
"""
from __future__ import absolute_import, division, print_function

import os
import uuid
import warnings

import numpy as np

from .. import backend as K

COLOR_MODES = ('grayscale', 'rgb', 'rgba')
DATA_FORMATS = ('channels_first', 'channels_last')
_PIL_MODES = {'grayscale': 'L', 'rgb': 'RGB', 'rgba': 'RGBA'}
_INTERPOLATIONS = ('nearest', 'bilinear', 'bicubic', 'hamming', 'box',
                   'lanczos')


def pil_image(feature):
    """The `PIL.Image` module, or an ImportError naming `feature`."""
    try:
        from PIL import Image
    except ImportError:
        raise ImportError('%s needs Pillow, which is not installed '
                          '(pip install pillow).' % feature)
    return Image


def check_data_format(caller, data_format):
    if data_format is None:
        return K.image_data_format()
    if data_format not in DATA_FORMATS:
        raise ValueError('%s: `data_format` must be "channels_last" or '
                         '"channels_first", got %r.' % (caller, data_format))
    return data_format


def check_color_mode(caller, color_mode):
    if color_mode not in COLOR_MODES:
        raise ValueError('%s: `color_mode` must be one of %s, got %r.'
                         % (caller, COLOR_MODES, color_mode))


def check_interpolation(caller, interpolation):
    if interpolation not in _INTERPOLATIONS:
        raise ValueError('%s: `interpolation` must be one of %s, got %r.'
                         % (caller, _INTERPOLATIONS, interpolation))


def check_target_size(caller, target_size):
    try:
        height, width = target_size
        ok = all(int(v) == v and v > 0 for v in (height, width))
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise ValueError('%s: `target_size` must be a pair of positive ints '
                         '(height, width), got %r.' % (caller, target_size))
    return int(height), int(width)


def _resample(image_module, interpolation):
    # Pillow 9.1 moved the filters into an enum; older ones have constants.
    names = getattr(image_module, 'Resampling', image_module)
    return getattr(names, interpolation.upper())


def load_img(path, grayscale=False, color_mode='rgb', target_size=None,
             interpolation='nearest'):
    """Loads an image file into a PIL image.

    # Arguments
        path: path to the image file (str or path-like), or an open
            binary file object.
        grayscale: deprecated, same as `color_mode='grayscale'`.
        color_mode: 'grayscale', 'rgb' or 'rgba'; the image is converted
            to that mode.
        target_size: `None` (keep the size) or `(height, width)`.
        interpolation: resampling used when resizing: 'nearest',
            'bilinear', 'bicubic', 'hamming', 'box' or 'lanczos'.

    # Returns
        A PIL Image, fully read (the file is closed).

    # Raises
        ImportError: if Pillow is not installed.
        ValueError: for an unknown `color_mode`, a bad `target_size`, or
            an unknown `interpolation` with a `target_size` (checked
            before the file is opened; keras_preprocessing 1.0.5 only
            checked the interpolation when a resize was needed, and
            without a `target_size` it is unused and not checked here
            either).
    """
    if grayscale is True:
        warnings.warn('load_img: `grayscale=True` is deprecated, use '
                      '`color_mode="grayscale"`.')
        color_mode = 'grayscale'
    check_color_mode('load_img', color_mode)
    if target_size is not None:
        # Only a resize uses `interpolation`; Keras 2.2 accepted any value
        # without one, and legacy code passes it unconditionally.
        check_interpolation('load_img', interpolation)
        target_size = check_target_size('load_img', target_size)
    image_module = pil_image('load_img')
    if isinstance(path, (str, bytes, os.PathLike)):
        with open(path, 'rb') as handle:
            img = image_module.open(handle)
            img.load()
    else:
        img = image_module.open(path)
        img.load()
    if img.mode != _PIL_MODES[color_mode]:
        img = img.convert(_PIL_MODES[color_mode])
    if target_size is not None:
        width_height = (target_size[1], target_size[0])
        if img.size != width_height:
            img = img.resize(width_height,
                             _resample(image_module, interpolation))
    return img


def img_to_array(img, data_format=None, dtype=None):
    """Converts a PIL image (or 2D/3D array) to a 3D Numpy array.

    # Arguments
        img: PIL Image, or array-like of rank 2 (one channel) or 3.
        data_format: 'channels_first' or 'channels_last'; default
            `keras22.backend.image_data_format()`.
        dtype: dtype of the result; default `keras22.backend.floatx()`.

    # Returns
        A 3D Numpy array: `(height, width, channels)` or
        `(channels, height, width)`.

    # Raises
        ValueError: for an unknown `data_format` or an image that is not
            rank 2 or 3.
    """
    data_format = check_data_format('img_to_array', data_format)
    x = np.asarray(img, dtype=dtype or K.floatx())
    if x.ndim == 2:
        x = x[:, :, np.newaxis]
    elif x.ndim != 3:
        raise ValueError('img_to_array: expected an image of rank 2 or 3, '
                         'got shape %s.' % (x.shape,))
    if data_format == 'channels_first':
        x = x.transpose(2, 0, 1)
    return x


def array_to_img(x, data_format=None, scale=True, dtype=None):
    """Converts a 3D Numpy array to a PIL image.

    # Arguments
        x: 3D array with 1 (grayscale), 3 (RGB) or 4 (RGBA) channels.
        data_format: 'channels_first' or 'channels_last'; default
            `keras22.backend.image_data_format()`.
        scale: if True, values are mapped to [0, 255]: negative values
            are first shifted up to start at 0, then everything is
            divided by the maximum and multiplied by 255.
        dtype: dtype used for the arithmetic; default
            `keras22.backend.floatx()`.

    # Returns
        A PIL Image (mode 'L', 'RGB', 'RGBA', or 'I' for one channel with
        values above 255).

    # Raises
        ImportError: if Pillow is not installed.
        ValueError: if `x` is not rank 3 or has another number of
            channels, or for an unknown `data_format`.

    # Note
        With `scale=False` values outside [0, 255] are clipped here;
        keras_preprocessing 1.0.5 let them wrap around (256 became 0).
    """
    data_format = check_data_format('array_to_img', data_format)
    x = np.array(x, dtype=dtype or K.floatx())
    if x.ndim != 3:
        raise ValueError('array_to_img: expected one image of rank 3, got '
                         'shape %s.' % (x.shape,))
    if data_format == 'channels_first':
        x = x.transpose(1, 2, 0)
    channels = x.shape[2]
    if channels not in (1, 3, 4):
        raise ValueError('array_to_img: expected 1, 3 or 4 channels, got %d '
                         '(shape %s).' % (channels, x.shape))
    image_module = pil_image('array_to_img')
    if scale:
        x = x + max(-np.min(x), 0)
        peak = np.max(x)
        if peak != 0:
            x = x / peak
        x = x * 255
    if channels == 1 and np.max(x) > 255:
        return image_module.fromarray(x[:, :, 0].astype('int32'), 'I')
    pixels = np.clip(x, 0, 255).astype('uint8')
    if channels == 1:
        return image_module.fromarray(pixels[:, :, 0], 'L')
    return image_module.fromarray(pixels, 'RGB' if channels == 3 else 'RGBA')


def _normal_format(file_format):
    name = file_format.upper()
    return 'JPEG' if name == 'JPG' else name


def _format_for(image_module, path, file_format):
    if file_format:
        return _normal_format(file_format)
    extension = os.path.splitext(str(path))[1].lower()
    image_module.init()
    known = image_module.registered_extensions()
    if extension not in known:
        raise ValueError('save_img: cannot tell the image format of %r from '
                         'its extension; pass `file_format`.' % (path,))
    return known[extension]


def _storable(img, fmt):
    if img.mode == 'RGBA' and fmt == 'JPEG':
        warnings.warn('save_img: JPEG cannot store an alpha channel; '
                      'saving the image as RGB.')
        return img.convert('RGB')
    return img


def write_image(img, path, file_format=None, **kwargs):
    """Saves a PIL image atomically (temporary file, then os.replace)."""
    image_module = pil_image('save_img')
    fmt = _format_for(image_module, path, file_format)
    img = _storable(img, fmt)
    path = os.fspath(path)
    directory, name = os.path.split(os.path.abspath(path))
    temporary = os.path.join(directory,
                             '.%s.%s.tmp' % (name, uuid.uuid4().hex))
    # os.open with 0o666 lets the umask decide the final permissions, as
    # for a file written directly (mkstemp would force 0o600).
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, 'wb') as stream:
            img.save(stream, format=fmt, **kwargs)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def save_img(path, x, data_format=None, file_format=None, scale=True,
             **kwargs):
    """Saves a 3D Numpy array as an image file.

    The file is written to a temporary name in the same directory and
    then renamed, so readers never see a half-written image.

    # Arguments
        path: path of the file (str or path-like), or an open binary file
            object (then written directly, and `file_format` is needed).
        x: 3D Numpy array (see `array_to_img`).
        data_format: 'channels_first' or 'channels_last'; default
            `keras22.backend.image_data_format()`.
        file_format: e.g. 'png' or 'jpeg'; default: from the extension.
        scale: whether to map the values to [0, 255] (see
            `array_to_img`).
        **kwargs: passed to `PIL.Image.save` (e.g. `quality=90`).

    # Raises
        ImportError: if Pillow is not installed.
        ValueError: if the format cannot be told from the extension and
            `file_format` is not given, or `x` is not a valid image.
    """
    img = array_to_img(x, data_format=data_format, scale=scale)
    if isinstance(path, (str, os.PathLike)):
        write_image(img, path, file_format, **kwargs)
        return
    if not file_format:
        raise ValueError('save_img: give `file_format` when writing to a '
                         'file object.')
    fmt = _normal_format(file_format)
    _storable(img, fmt).save(path, format=fmt, **kwargs)
