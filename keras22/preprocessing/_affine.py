"""Geometric and intensity transforms of single images (Numpy arrays).

Public names are re-exported by `keras22.preprocessing.image`.
"""
from __future__ import absolute_import, division, print_function

import numpy as np

from .. import backend as K

FILL_MODES = ('constant', 'nearest', 'reflect', 'wrap')

# SciPy >= 1.6 kept the old, overlapping 'wrap' for compatibility and added
# 'grid-wrap' for the plain periodic tiling (abcd|abcd|abcd) that Keras
# documents for fill_mode='wrap'.
_SCIPY_MODES = {'constant': 'constant', 'nearest': 'nearest',
                'reflect': 'reflect', 'wrap': 'grid-wrap'}


def _ndimage(feature):
    try:
        import scipy.ndimage
    except ImportError:
        raise ImportError('%s needs SciPy, which is not installed '
                          '(pip install scipy).' % feature)
    return scipy.ndimage


def check_fill_mode(caller, fill_mode):
    if fill_mode not in FILL_MODES:
        raise ValueError('%s: `fill_mode` must be one of %s, got %r.'
                         % (caller, FILL_MODES, fill_mode))


def _check_image(caller, x, axes):
    x = np.asarray(x)
    if x.ndim != 3:
        raise ValueError('%s: expected one image of rank 3, got an array of '
                         'shape %s.' % (caller, x.shape))
    if sorted(axes) != [0, 1, 2]:
        raise ValueError('%s: `row_axis`, `col_axis` and `channel_axis` '
                         'must be 0, 1 and 2 in some order, got %s.'
                         % (caller, tuple(axes)))
    return x


def affine_matrix(theta=0, tx=0, ty=0, shear=0, zx=1, zy=1):
    """The 3x3 matrix mapping output (row, col, 1) to input coordinates.

    The parts are composed as rotation . shift . shear . zoom, the order
    Keras used, so the zoom acts first on output coordinates. Returns
    None when every part is the identity.
    """
    parts = []
    if theta != 0:
        angle = np.deg2rad(theta)
        parts.append([[np.cos(angle), -np.sin(angle), 0],
                      [np.sin(angle), np.cos(angle), 0],
                      [0, 0, 1]])
    if tx != 0 or ty != 0:
        parts.append([[1, 0, tx], [0, 1, ty], [0, 0, 1]])
    if shear != 0:
        angle = np.deg2rad(shear)
        parts.append([[1, -np.sin(angle), 0],
                      [0, np.cos(angle), 0],
                      [0, 0, 1]])
    if zx != 1 or zy != 1:
        parts.append([[zx, 0, 0], [0, zy, 0], [0, 0, 1]])
    if not parts:
        return None
    matrix = np.eye(3)
    for part in parts:
        matrix = matrix.dot(np.array(part, dtype='float64'))
    return matrix


def about_center(matrix, rows, cols):
    """Makes `matrix` act around the image centre instead of the corner.

    The centre of pixel indices 0..n-1 is (n - 1) / 2. keras_preprocessing
    1.0.5 used n / 2 + 0.5, one pixel off, so its 90-degree rotations
    and flips by zoom came out shifted by a pixel.
    """
    center_r, center_c = (rows - 1) / 2., (cols - 1) / 2.
    to_center = np.array([[1, 0, center_r], [0, 1, center_c], [0, 0, 1]])
    from_center = np.array([[1, 0, -center_r], [0, 1, -center_c],
                            [0, 0, 1]])
    return to_center.dot(matrix).dot(from_center)


def apply_affine_transform(x, theta=0, tx=0, ty=0, shear=0, zx=1, zy=1,
                           row_axis=0, col_axis=1, channel_axis=2,
                           fill_mode='nearest', cval=0.):
    """Rotates, shifts, shears and zooms one image.

    Each output pixel is read from the input at the transformed position
    (linear interpolation, `scipy.ndimage.affine_transform` with
    `order=1`), about the image centre.

    # Arguments
        x: 3D Numpy array, one image.
        theta: rotation angle in degrees.
        tx: shift along the row axis (height), in pixels; positive values
            move the content up.
        ty: shift along the column axis (width), in pixels; positive
            values move the content left.
        shear: shear angle in degrees.
        zx: zoom factor along rows (values above 1 shrink the content).
        zy: zoom factor along columns.
        row_axis: index of the row axis in `x`.
        col_axis: index of the column axis in `x`.
        channel_axis: index of the channel axis in `x`.
        fill_mode: how points outside the input are filled: 'constant'
            (kkkk|abcd|kkkk with k = cval), 'nearest' (aaaa|abcd|dddd),
            'reflect' (dcba|abcd|dcba) or 'wrap' (abcd|abcd|abcd).
        cval: the value used outside the input when fill_mode='constant'.

    # Returns
        The transformed image, same shape and dtype as `x`; `x` itself
        when every parameter is the identity.

    # Raises
        ValueError: if `x` is not rank 3, the axes are not a permutation
            of 0, 1, 2, or `fill_mode` is unknown.
        ImportError: if SciPy is not installed (and a transform is asked
            for).

    # Note
        keras_preprocessing 1.0.5 rotated about pixel (n / 2 + 0.5), one
        pixel off the true centre (n - 1) / 2 used here.
    """
    axes = (row_axis, col_axis, channel_axis)
    x = _check_image('apply_affine_transform', x, axes)
    check_fill_mode('apply_affine_transform', fill_mode)
    matrix = affine_matrix(theta, tx, ty, shear, zx, zy)
    if matrix is None:
        return x
    ndimage = _ndimage('apply_affine_transform (rotation, shift, shear, '
                       'zoom)')
    channels_first = np.moveaxis(x, (channel_axis, row_axis, col_axis),
                                 (0, 1, 2))
    matrix = about_center(matrix, channels_first.shape[1],
                          channels_first.shape[2])
    out = np.stack([ndimage.affine_transform(channel, matrix[:2, :2],
                                             offset=matrix[:2, 2], order=1,
                                             mode=_SCIPY_MODES[fill_mode],
                                             cval=cval)
                    for channel in channels_first], axis=0)
    return np.moveaxis(out, (0, 1, 2), (channel_axis, row_axis, col_axis))


_AXES_NOTE = """
    # Note
        keras_preprocessing 1.0.5 did not pass `row_axis` and `col_axis`
        on, so with the channels first (the default axes here) it turned
        around the wrong centre; they are honoured here.
"""


def random_rotation(x, rg, row_axis=1, col_axis=2, channel_axis=0,
                    fill_mode='nearest', cval=0.):
    """Rotates one image by a random angle.

    # Arguments
        x: 3D Numpy array, one image.
        rg: the angle is drawn uniformly from `[-rg, rg]` degrees.
        row_axis: index of the row axis in `x`.
        col_axis: index of the column axis in `x`.
        channel_axis: index of the channel axis in `x`.
        fill_mode: 'constant', 'nearest', 'reflect' or 'wrap' (see
            `apply_affine_transform`).
        cval: fill value for fill_mode='constant'.

    # Returns
        The rotated image (Numpy array).
    """
    theta = np.random.uniform(-rg, rg)
    return apply_affine_transform(x, theta=theta, row_axis=row_axis,
                                  col_axis=col_axis,
                                  channel_axis=channel_axis,
                                  fill_mode=fill_mode, cval=cval)


random_rotation.__doc__ += _AXES_NOTE


def random_shift(x, wrg, hrg, row_axis=1, col_axis=2, channel_axis=0,
                 fill_mode='nearest', cval=0.):
    """Shifts one image by a random fraction of its size.

    # Arguments
        x: 3D Numpy array, one image.
        wrg: the width shift is drawn from `[-wrg, wrg]` times the width.
        hrg: the height shift is drawn from `[-hrg, hrg]` times the
            height.
        row_axis: index of the row axis in `x`.
        col_axis: index of the column axis in `x`.
        channel_axis: index of the channel axis in `x`.
        fill_mode: 'constant', 'nearest', 'reflect' or 'wrap'.
        cval: fill value for fill_mode='constant'.

    # Returns
        The shifted image (Numpy array).
    """
    x = _check_image('random_shift', x, (row_axis, col_axis, channel_axis))
    tx = np.random.uniform(-hrg, hrg) * x.shape[row_axis]
    ty = np.random.uniform(-wrg, wrg) * x.shape[col_axis]
    return apply_affine_transform(x, tx=tx, ty=ty, row_axis=row_axis,
                                  col_axis=col_axis,
                                  channel_axis=channel_axis,
                                  fill_mode=fill_mode, cval=cval)


random_shift.__doc__ += _AXES_NOTE


def random_shear(x, intensity, row_axis=1, col_axis=2, channel_axis=0,
                 fill_mode='nearest', cval=0.):
    """Shears one image by a random angle.

    # Arguments
        x: 3D Numpy array, one image.
        intensity: the shear angle is drawn from `[-intensity, intensity]`
            degrees.
        row_axis: index of the row axis in `x`.
        col_axis: index of the column axis in `x`.
        channel_axis: index of the channel axis in `x`.
        fill_mode: 'constant', 'nearest', 'reflect' or 'wrap'.
        cval: fill value for fill_mode='constant'.

    # Returns
        The sheared image (Numpy array).
    """
    shear = np.random.uniform(-intensity, intensity)
    return apply_affine_transform(x, shear=shear, row_axis=row_axis,
                                  col_axis=col_axis,
                                  channel_axis=channel_axis,
                                  fill_mode=fill_mode, cval=cval)


random_shear.__doc__ += _AXES_NOTE


def zoom_pair(caller, zoom_range):
    """`(low, high)` from a zoom range given as a pair."""
    try:
        low, high = zoom_range
    except (TypeError, ValueError):
        raise ValueError('%s: `zoom_range` must be a tuple or list of two '
                         'floats, got %r.' % (caller, zoom_range))
    return low, high


def draw_zoom(low, high):
    if low == 1 and high == 1:
        return 1, 1
    zx, zy = np.random.uniform(low, high, 2)
    return zx, zy


def random_zoom(x, zoom_range, row_axis=1, col_axis=2, channel_axis=0,
                fill_mode='nearest', cval=0.):
    """Zooms one image by random factors along rows and columns.

    # Arguments
        x: 3D Numpy array, one image.
        zoom_range: `(low, high)`; both factors are drawn uniformly from
            it. Factors below 1 enlarge the content, above 1 shrink it.
        row_axis: index of the row axis in `x`.
        col_axis: index of the column axis in `x`.
        channel_axis: index of the channel axis in `x`.
        fill_mode: 'constant', 'nearest', 'reflect' or 'wrap'.
        cval: fill value for fill_mode='constant'.

    # Returns
        The zoomed image (Numpy array).

    # Raises
        ValueError: if `zoom_range` is not a pair.
    """
    low, high = zoom_pair('random_zoom', zoom_range)
    zx, zy = draw_zoom(low, high)
    return apply_affine_transform(x, zx=zx, zy=zy, row_axis=row_axis,
                                  col_axis=col_axis,
                                  channel_axis=channel_axis,
                                  fill_mode=fill_mode, cval=cval)


random_zoom.__doc__ += _AXES_NOTE


def apply_channel_shift(x, intensity, channel_axis=0):
    """Adds a constant to every pixel, within the image's own range.

    # Arguments
        x: Numpy array, one image.
        intensity: the value added.
        channel_axis: index of the channel axis. Every channel gets the
            same shift, so it does not change the result; it is kept for
            Keras compatibility.

    # Returns
        `x + intensity`, clipped to `[min(x), max(x)]`.
    """
    x = np.asarray(x)
    return np.clip(x + intensity, np.min(x), np.max(x))


def random_channel_shift(x, intensity_range, channel_axis=0):
    """Adds a random constant to every pixel, within the image's range.

    # Arguments
        x: Numpy array, one image.
        intensity_range: the shift is drawn uniformly from
            `[-intensity_range, intensity_range]`.
        channel_axis: index of the channel axis (see
            `apply_channel_shift`).

    # Returns
        The shifted image (Numpy array).
    """
    intensity = np.random.uniform(-intensity_range, intensity_range)
    return apply_channel_shift(x, intensity, channel_axis=channel_axis)


def apply_brightness_shift(x, brightness):
    """Scales an image's brightness by a factor.

    Pixel values are multiplied by `brightness` (0 gives black, 1 the
    image unchanged). When the image lies within the 8-bit range
    [0, 255], the result is clipped to it, as Pillow's brightness
    enhancer did.

    # Arguments
        x: Numpy array, one image.
        brightness: float, the factor.

    # Returns
        A float Numpy array of the same shape (`floatx()` for integer
        input).

    # Note
        keras_preprocessing 1.0.5 went through an 8-bit Pillow image: it
        first stretched the image to span 0-255 (changing its contrast
        and range unless it already did), rounded to integers and only
        worked for 1, 3 or 4 channels in the backend's data format. The
        values are scaled directly here, so no Pillow is needed.
    """
    x = np.asarray(x)
    if not np.issubdtype(x.dtype, np.floating):
        x = x.astype(K.floatx())
    out = x * brightness
    if x.size and np.min(x) >= 0 and np.max(x) <= 255:
        out = np.clip(out, 0, 255)
    return out.astype(x.dtype, copy=False)


def brightness_pair(caller, brightness_range):
    try:
        low, high = brightness_range
    except (TypeError, ValueError):
        raise ValueError('%s: `brightness_range` must be a tuple or list of '
                         'two floats, got %r.' % (caller, brightness_range))
    return low, high


def random_brightness(x, brightness_range):
    """Scales an image's brightness by a random factor.

    # Arguments
        x: Numpy array, one image.
        brightness_range: `(low, high)`; the factor is drawn uniformly
            from it (see `apply_brightness_shift`).

    # Returns
        The image (float Numpy array).

    # Raises
        ValueError: if `brightness_range` is not a pair.
    """
    low, high = brightness_pair('random_brightness', brightness_range)
    return apply_brightness_shift(x, np.random.uniform(low, high))


def flip_axis(x, axis):
    """Reverses `x` along `axis`."""
    return np.flip(np.asarray(x), axis)
