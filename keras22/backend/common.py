"""Backend configuration: float type, fuzz factor, image data format.

The values start from `$KERAS_HOME/keras.json` (or `~/.keras/keras.json`),
as in Keras 2.2, and can be changed at run time with the `set_*` functions.
"""
import json
import os

import numpy as np

_FLOATX = 'float32'
_EPSILON = 1e-7
_IMAGE_DATA_FORMAT = 'channels_last'
_BACKEND = 'tensorflow'

_VALID_FLOATX = ('float16', 'float32', 'float64')
_VALID_DATA_FORMATS = ('channels_last', 'channels_first')


def keras_home():
    """The Keras configuration directory: `$KERAS_HOME` or `~/.keras`.

    Falls back to `/tmp/.keras` when the home directory is not writable,
    as Keras 2.2 did.
    """
    if 'KERAS_HOME' in os.environ:
        return os.environ['KERAS_HOME']
    base = os.path.expanduser('~')
    if not os.access(base, os.W_OK):
        base = '/tmp'
    return os.path.join(base, '.keras')


def epsilon():
    """The small constant added to denominators and used to clip
    probabilities, so that divisions and logarithms stay finite.

    # Returns
        A float (`1e-7` unless configured otherwise).

    # Example
    ```python
        >>> K.epsilon()
        1e-07
    ```
    """
    return _EPSILON


def set_epsilon(e):
    """Changes the value returned by `epsilon()`.

    # Arguments
        e: the new constant (a number).

    # Raises
        ValueError: if `e` is not a number.
    """
    global _EPSILON
    try:
        _EPSILON = float(e)
    except (TypeError, ValueError):
        raise ValueError('set_epsilon: `e` must be a number, got %r.' % (e,))


def floatx():
    """The name of the float type new variables and placeholders get.

    # Returns
        `'float16'`, `'float32'` (the default) or `'float64'`.
    """
    return _FLOATX


def set_floatx(floatx):
    """Changes the float type used by default.

    # Arguments
        floatx: `'float16'`, `'float32'` or `'float64'`.

    # Raises
        ValueError: for any other value.
    """
    global _FLOATX
    if floatx not in _VALID_FLOATX:
        raise ValueError('set_floatx: unknown floatx type %r; expected one of '
                         '%s.' % (floatx, ', '.join(_VALID_FLOATX)))
    _FLOATX = str(floatx)


def cast_to_floatx(x):
    """Converts an array to the default float type.

    # Arguments
        x: a NumPy array, or anything `np.asarray` accepts.

    # Returns
        A NumPy array of dtype `floatx()`.
    """
    return np.asarray(x, dtype=_FLOATX)


def image_data_format():
    """Where image layers and ops expect the channels axis by default.

    # Returns
        `'channels_last'` (the default: `(rows, cols, channels)`) or
        `'channels_first'` (`(channels, rows, cols)`).
    """
    return _IMAGE_DATA_FORMAT


def set_image_data_format(data_format):
    """Changes the default channels position for image layers and ops.

    # Arguments
        data_format: `'channels_first'` or `'channels_last'`.

    # Raises
        ValueError: for any other value.
    """
    global _IMAGE_DATA_FORMAT
    if data_format not in _VALID_DATA_FORMATS:
        raise ValueError('set_image_data_format: unknown data_format %r; '
                         'expected "channels_last" or "channels_first".'
                         % (data_format,))
    _IMAGE_DATA_FORMAT = str(data_format)


def normalize_data_format(value):
    """Checks a `data_format` argument, filling in the default for `None`.

    # Arguments
        value: `None`, `'channels_first'` or `'channels_last'` (any case).

    # Returns
        `'channels_first'` or `'channels_last'`.

    # Raises
        ValueError: for any other value.
    """
    if value is None:
        value = image_data_format()
    data_format = str(value).lower()
    if data_format not in _VALID_DATA_FORMATS:
        raise ValueError('The `data_format` argument must be one of '
                         '"channels_first", "channels_last". Received: %r'
                         % (value,))
    return data_format


def image_dim_ordering():
    """Legacy getter for `image_data_format`: `'th'` or `'tf'`.

    # Returns
        `'th'` for `channels_first`, `'tf'` for `channels_last`.
    """
    return 'th' if _IMAGE_DATA_FORMAT == 'channels_first' else 'tf'


def set_image_dim_ordering(dim_ordering):
    """Legacy setter for `image_data_format`.

    # Arguments
        dim_ordering: `'tf'` (channels last) or `'th'` (channels first).

    # Raises
        ValueError: for any other value.
    """
    global _IMAGE_DATA_FORMAT
    if dim_ordering not in ('tf', 'th'):
        raise ValueError('set_image_dim_ordering: unknown dim_ordering %r; '
                         'expected "tf" or "th".' % (dim_ordering,))
    _IMAGE_DATA_FORMAT = ('channels_first' if dim_ordering == 'th'
                          else 'channels_last')


def backend():
    """The name of the backend keras22 runs on.

    # Returns
        The string `'tensorflow'`.
    """
    return _BACKEND


def _load_config():
    """Reads keras.json, then writes it if it does not exist yet.

    A malformed file is ignored (defaults stay), as in Keras 2.2; values of
    the wrong kind are rejected with the same checks as the `set_*`
    functions would apply, so a bad config cannot put the backend into an
    invalid state.
    """
    global _FLOATX, _EPSILON, _IMAGE_DATA_FORMAT
    home = keras_home()
    path = os.path.join(home, 'keras.json')
    if os.path.exists(path):
        try:
            with open(path) as f:
                config = json.load(f)
        except ValueError:
            config = {}
        if not isinstance(config, dict):
            config = {}
        floatx_ = config.get('floatx', _FLOATX)
        epsilon_ = config.get('epsilon', _EPSILON)
        data_format = config.get('image_data_format', _IMAGE_DATA_FORMAT)
        if floatx_ in _VALID_FLOATX:
            _FLOATX = floatx_
        if isinstance(epsilon_, (int, float)):
            _EPSILON = float(epsilon_)
        if data_format in _VALID_DATA_FORMATS:
            _IMAGE_DATA_FORMAT = data_format
        return
    config = {'floatx': _FLOATX, 'epsilon': _EPSILON,
              'backend': _BACKEND, 'image_data_format': _IMAGE_DATA_FORMAT}
    try:
        os.makedirs(home, exist_ok=True)
        tmp = path + '.tmp%d' % os.getpid()
        with open(tmp, 'w') as f:
            f.write(json.dumps(config, indent=4))
        os.replace(tmp, path)
    except OSError:
        # A read-only home is fine: the defaults are in effect.
        pass


_load_config()
