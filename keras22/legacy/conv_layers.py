"""Keras 1's atrous (dilated) convolutions, which Keras 2.2 kept as
functions returning a `Conv1D` or `Conv2D` with a `dilation_rate`."""
import warnings

__all__ = ['AtrousConvolution1D', 'AtrousConvolution2D', 'AtrousConv1D',
           'AtrousConv2D']


def _atrous(layer_name, conv_class, args, kwargs):
    if 'atrous_rate' in kwargs:
        if 'dilation_rate' in kwargs:
            # Keras 2.2 silently kept `atrous_rate` and dropped the other
            raise TypeError('%s got both `atrous_rate` and its Keras 2 name '
                            '`dilation_rate`.' % layer_name)
        kwargs['dilation_rate'] = kwargs.pop('atrous_rate')
    warnings.warn('The `%s` layer has been deprecated. Use instead the `%s` '
                  'layer with the `dilation_rate` argument.'
                  % (layer_name, conv_class.__name__), stacklevel=3)
    return conv_class(*args, **kwargs)


def AtrousConvolution1D(*args, **kwargs):
    """A dilated 1-D convolution, written the Keras 1 way (deprecated).

    Takes the arguments of `Conv1D`, Keras 1 names included (`nb_filter`,
    `filter_length`, `border_mode`, `subsample_length`, `init`, ...), with
    the dilation given as `atrous_rate`.

    # Arguments
        *args: positional arguments of `Conv1D` (Keras 1 style:
            `nb_filter, filter_length`).
        **kwargs: keyword arguments of `Conv1D`, and `atrous_rate`: the
            spacing between kernel taps (default 1).

    # Returns
        A `Conv1D` layer with `dilation_rate=atrous_rate`.

    # Raises
        TypeError: if both `atrous_rate` and `dilation_rate` are given.

    # Example
    ```python
        layer = AtrousConvolution1D(16, 3, atrous_rate=2, border_mode='same')
        # the same as Conv1D(16, 3, dilation_rate=2, padding='same')
    ```
    """
    from ..layers.convolutional import Conv1D
    return _atrous('AtrousConvolution1D', Conv1D, args, kwargs)


def AtrousConvolution2D(*args, **kwargs):
    """A dilated 2-D convolution, written the Keras 1 way (deprecated).

    Takes the arguments of `Conv2D`, Keras 1 forms included
    (`AtrousConvolution2D(nb_filter, nb_row, nb_col, ...)`,
    `border_mode`, `subsample`, `dim_ordering`, `init`, ...), with the
    dilation given as `atrous_rate`.

    # Arguments
        *args: positional arguments of `Conv2D` (Keras 1 style:
            `nb_filter, nb_row, nb_col`).
        **kwargs: keyword arguments of `Conv2D`, and `atrous_rate`: the
            spacing between kernel taps, an integer or a pair (default 1).

    # Returns
        A `Conv2D` layer with `dilation_rate=atrous_rate`.

    # Raises
        TypeError: if both `atrous_rate` and `dilation_rate` are given.

    # Example
    ```python
        layer = AtrousConvolution2D(8, 3, 3, atrous_rate=(2, 2))
        # the same as Conv2D(8, (3, 3), dilation_rate=(2, 2))
    ```
    """
    from ..layers.convolutional import Conv2D
    return _atrous('AtrousConvolution2D', Conv2D, args, kwargs)


AtrousConv1D = AtrousConvolution1D
AtrousConv2D = AtrousConvolution2D
