"""Helpers of Model training: data checks, sample weights, batches, losses.

The error messages follow Keras 2.2's wording, which legacy code and tests
match against.
"""
import copy

import numpy as np

from .. import backend as K
from .. import losses as losses_module


def _is_dataframe(x):
    return x.__class__.__name__ == 'DataFrame'


def _as_arrays(data, names):
    """Turns `data` (array, list, dict or DataFrame) into a list."""
    if isinstance(data, dict):
        try:
            return [data[name].values if _is_dataframe(data[name])
                    else data[name] for name in names]
        except KeyError as e:
            raise ValueError('No data provided for "%s". Need data for each '
                             'key in: %s' % (e.args[0], names))
    if isinstance(data, (list, tuple)):
        if data and isinstance(data[0], list):
            return [np.asarray(d) for d in data]
        if len(names) == 1 and data and isinstance(data[0], (float, int)):
            return [np.asarray(data)]
        return [x.values if _is_dataframe(x) else x for x in data]
    return [data.values if _is_dataframe(data) else data]


def _single_array(x):
    if x is None:
        return None
    if K.is_tensor(x):
        shape = K.int_shape(x)
        if shape is None or shape[0] is None:
            raise ValueError('When feeding symbolic tensors to a model, we '
                             'expect the tensors to have a static batch '
                             'size. Got tensor with shape: %s' % (shape,))
        return x
    if not hasattr(x, 'shape'):
        x = np.asarray(x)
    if getattr(x, 'ndim', None) == 1:
        x = np.expand_dims(x, 1)
    return x


def standardize_input_data(data, names, shapes=None, check_batch_axis=True,
                           exception_prefix=''):
    """Normalizes inputs or targets to a list of arrays, one per name, and
    checks their shapes.

    # Arguments
        data: an array, list or dict of arrays (or DataFrames).
        names: the names of the model's inputs (or outputs).
        shapes: their expected shapes (or `None` for no check).
        check_batch_axis: whether the batch axis must match too.
        exception_prefix: `'input'` or `'target'`, for error messages.

    # Returns
        A list of arrays.

    # Raises
        ValueError: for a wrong number of arrays, or wrong ranks or shapes.
    """
    if not names:
        if data is not None and hasattr(data, '__len__') and len(data):
            raise ValueError('Error when checking model %s: expected no '
                             'data, but got: %s' % (exception_prefix, data))
        return []
    if data is None:
        return [None for _ in names]
    data = [_single_array(x) for x in _as_arrays(data, names)]
    if len(data) != len(names):
        if data and hasattr(data[0], 'shape'):
            raise ValueError(
                'Error when checking model %s: the list of Numpy arrays that '
                'you are passing to your model is not the size the model '
                'expected. Expected to see %d array(s), but instead got the '
                'following list of %d arrays: %s...'
                % (exception_prefix, len(names), len(data), str(data)[:200]))
        if len(names) > 1:
            raise ValueError(
                'Error when checking model %s: you are passing a list as '
                'input to your model, but the model expects a list of %d '
                'Numpy arrays instead. The list you passed was: %s'
                % (exception_prefix, len(names), str(data)[:200]))
        raise TypeError('Error when checking model %s: data should be a '
                        'Numpy array, or list/dict of Numpy arrays. Found: '
                        '%s...' % (exception_prefix, str(data)[:200]))
    if shapes:
        for name, x, shape in zip(names, data, shapes):
            if shape is None or x is None or K.is_tensor(x):
                continue
            _check_array_shape(exception_prefix, name, x.shape, shape,
                               check_batch_axis)
    return data


def _check_array_shape(prefix, name, data_shape, shape, check_batch_axis):
    if len(data_shape) != len(shape):
        raise ValueError('Error when checking %s: expected %s to have %d '
                         'dimensions, but got array with shape %s'
                         % (prefix, name, len(shape), tuple(data_shape)))
    if not check_batch_axis:
        data_shape, shape = tuple(data_shape)[1:], tuple(shape)[1:]
    for dim, ref in zip(data_shape, shape):
        if ref and ref != dim:
            raise ValueError('Error when checking %s: expected %s to have '
                             'shape %s but got array with shape %s'
                             % (prefix, name, tuple(shape), tuple(data_shape)))


def standardize_sample_or_class_weights(x_weight, output_names, weight_type):
    """One sample- or class-weight entry per output, from a single value, a
    list or a dict keyed by output name."""
    if x_weight is None or (isinstance(x_weight, (list, dict)) and
                            len(x_weight) == 0):
        return [None for _ in output_names]
    if len(output_names) == 1:
        if isinstance(x_weight, list) and len(x_weight) == 1:
            return x_weight
        if isinstance(x_weight, dict) and output_names[0] in x_weight:
            return [x_weight[output_names[0]]]
        return [x_weight]
    if isinstance(x_weight, list):
        if len(x_weight) != len(output_names):
            raise ValueError('Provided `%s` was a list of %d elements, but '
                             'the model has %d outputs. You should provide '
                             'one `%s`array per model output.'
                             % (weight_type, len(x_weight), len(output_names),
                                weight_type))
        return x_weight
    if isinstance(x_weight, dict):
        return [x_weight.get(name) for name in output_names]
    raise TypeError('The model has multiple outputs, so `%s` should be either '
                    'a list or a dict. Provided `%s` type not understood: %s'
                    % (weight_type, weight_type, x_weight))


def standardize_sample_weights(sample_weight, output_names):
    return standardize_sample_or_class_weights(sample_weight, output_names,
                                               'sample_weight')


def standardize_class_weights(class_weight, output_names):
    return standardize_sample_or_class_weights(class_weight, output_names,
                                               'class_weight')


def standardize_weights(y, sample_weight=None, class_weight=None,
                        sample_weight_mode=None):
    """The weights of each sample (or timestep) of one output.

    # Arguments
        y: the target array.
        sample_weight: explicit weights, or `None`.
        class_weight: dict `{class: weight}`, or `None`.
        sample_weight_mode: `None` or `'temporal'`.

    # Returns
        An array of weights: `(samples,)`, or `(samples, timesteps)` in
        temporal mode.

    # Raises
        ValueError: for weights of the wrong rank or length, or classes
            missing from `class_weight`.
    """
    if sample_weight_mode is not None:
        if sample_weight_mode != 'temporal':
            raise ValueError('"sample_weight_mode should be None or '
                             '"temporal". Found: %s' % (sample_weight_mode,))
        if len(y.shape) < 3:
            raise ValueError('Found a sample_weight array for an input with '
                             'shape %s. Timestep-wise sample weighting (use of '
                             'sample_weight_mode="temporal") is restricted to '
                             'outputs that are at least 3D, i.e. that have a '
                             'time dimension.' % (y.shape,))
        if sample_weight is not None and len(sample_weight.shape) != 2:
            raise ValueError('Found a sample_weight array with shape %s. In '
                             'order to use timestep-wise sample weighting, you '
                             'should pass a 2D sample_weight array.'
                             % (sample_weight.shape,))
    elif sample_weight is not None and len(np.shape(sample_weight)) != 1:
        raise ValueError('Found a sample_weight array with shape %s. In order '
                         'to use timestep-wise sample weights, you should '
                         'specify sample_weight_mode="temporal" in compile(). '
                         'If you just mean to use sample-wise weights, make '
                         'sure your sample_weight array is 1D.'
                         % (np.shape(sample_weight),))
    if sample_weight is not None:
        sample_weight = np.asarray(sample_weight)
        if sample_weight.ndim > len(y.shape):
            raise ValueError('Found a sample_weight with shape %s. Expected '
                             'sample_weight with rank less than or equal to '
                             '%d' % (sample_weight.shape, len(y.shape)))
        if tuple(y.shape[:sample_weight.ndim]) != sample_weight.shape:
            raise ValueError('Found a sample_weight array with shape %s for '
                             'an input with shape %s. sample_weight cannot be '
                             'broadcast.' % (sample_weight.shape, y.shape))
        return sample_weight
    if isinstance(class_weight, dict):
        if len(y.shape) > 2:
            raise ValueError('`class_weight` not supported for 3+ dimensional '
                             'targets.')
        if y.shape[1] > 1:
            y_classes = np.argmax(y, axis=1)
        elif y.shape[1] == 1:
            y_classes = np.reshape(y, y.shape[0])
        else:
            y_classes = y
        missing = set(np.unique(y_classes).tolist()) - set(class_weight)
        if missing:
            raise ValueError('`class_weight` must contain all classes in the '
                             'data. The classes %s exist in the data but not '
                             'in `class_weight`.' % (missing,))
        return np.asarray([class_weight[c] for c in y_classes.tolist()],
                          dtype=K.floatx())
    if sample_weight_mode is None:
        return np.ones((y.shape[0],), dtype=K.floatx())
    return np.ones((y.shape[0], y.shape[1]), dtype=K.floatx())


def check_array_lengths(inputs, targets, weights=None):
    """Checks that inputs, targets and weights have as many samples.

    # Raises
        ValueError: naming the disagreeing counts.
    """
    def lengths(arrays):
        return set(int(x.shape[0]) for x in arrays or []
                   if x is not None and not K.is_tensor(x))

    set_x, set_y, set_w = lengths(inputs), lengths(targets), lengths(weights)
    if len(set_x) > 1:
        raise ValueError('All input arrays (x) should have the same number of '
                         'samples. Got array shapes: %s'
                         % [x.shape for x in inputs])
    if len(set_y) > 1:
        raise ValueError('All target arrays (y) should have the same number '
                         'of samples. Got array shapes: %s'
                         % [y.shape for y in targets])
    if set_x and set_y and set_x != set_y:
        raise ValueError('Input arrays should have the same number of samples '
                         'as target arrays. Found %d input samples and %d '
                         'target samples.' % (set_x.pop(), set_y.pop()))
    if len(set_w) > 1:
        raise ValueError('All sample_weight arrays should have the same '
                         'number of samples. Got array shapes: %s'
                         % [w.shape for w in weights])
    if set_y and set_w and set_y != set_w:
        raise ValueError('Sample_weight arrays should have the same number of '
                         'samples as target arrays. Got %d input samples and '
                         '%d target samples.' % (set_y.pop(), set_w.pop()))


def check_array_length_consistency(inputs, targets, weights=None):
    """Checks that inputs, targets and sample weights count the same samples.

    Keras 2.2.4's name for this check. Each argument is an array, a list
    of arrays, or `None`; a missing array (`None`, alone or in a list)
    counts as zero samples, so inputs with no targets disagree, while
    three `None`s (or three empty lists) agree.

    # Arguments
        inputs: the input array(s).
        targets: the target array(s).
        weights: the sample weight array(s).

    # Raises
        ValueError: naming the disagreeing counts.
    """
    def lengths(arrays):
        if arrays is None:
            return {0}
        if not isinstance(arrays, (list, tuple)):
            arrays = [arrays]
        counts = set()
        for x in arrays:
            if x is None:
                counts.add(0)
            elif K.is_tensor(x):
                # A symbolic tensor's batch size is only known when fed.
                dim = K.int_shape(x)[0] if K.int_shape(x) else None
                if dim is not None:
                    counts.add(int(dim))
            else:
                counts.add(int(np.shape(x)[0]))
        return counts

    set_x, set_y, set_w = lengths(inputs), lengths(targets), lengths(weights)
    if len(set_x) > 1:
        raise ValueError('All input arrays (x) should have the same number of '
                         'samples. Got array shapes: %s'
                         % [np.shape(x) for x in inputs])
    if len(set_y) > 1:
        raise ValueError('All target arrays (y) should have the same number '
                         'of samples. Got array shapes: %s'
                         % [np.shape(y) for y in targets])
    if set_x and set_y and set_x != set_y:
        raise ValueError('Input arrays should have the same number of samples '
                         'as target arrays. Found %d input samples and %d '
                         'target samples.' % (min(set_x), min(set_y)))
    if len(set_w) > 1:
        raise ValueError('All sample_weight arrays should have the same '
                         'number of samples. Got array shapes: %s'
                         % [np.shape(w) for w in weights])
    if set_y and set_w and set_y != set_w:
        raise ValueError('Sample_weight arrays should have the same number of '
                         'samples as target arrays. Got %d input samples and '
                         '%d target samples.' % (min(set_y), min(set_w)))


def check_loss_and_target_compatibility(targets, loss_fns, output_shapes):
    """Catches targets that cannot suit their loss (one-hot versus integer
    labels, shape mismatches).

    # Raises
        ValueError: with advice on how to fix the targets.
    """
    key_losses = (losses_module.mean_squared_error,
                  losses_module.binary_crossentropy,
                  losses_module.categorical_crossentropy)
    for y, loss, shape in zip(targets, loss_fns, output_shapes):
        if y is None or loss is None or K.is_tensor(y):
            continue
        if loss is losses_module.categorical_crossentropy and \
                y.shape[-1] == 1:
            raise ValueError(
                'You are passing a target array of shape %s while using as '
                'loss `categorical_crossentropy`. `categorical_crossentropy` '
                'expects targets to be binary matrices (1s and 0s) of shape '
                '(samples, classes). If your targets are integer classes, you '
                'can convert them to the expected format via:\n```\nfrom '
                'keras22.utils import to_categorical\ny_binary = '
                'to_categorical(y_int)\n```\n\nAlternatively, you can use the '
                'loss function `sparse_categorical_crossentropy` instead, '
                'which does expect integer targets.' % (y.shape,))
        if shape is not None and any(loss is k for k in key_losses):
            for target_dim, out_dim in zip(y.shape[1:], shape[1:]):
                if out_dim is not None and target_dim != out_dim:
                    raise ValueError(
                        'A target array with shape %s was passed for an '
                        'output of shape %s while using as loss `%s`. This '
                        'loss expects targets to have the same shape as the '
                        'output.' % (y.shape, shape, loss.__name__))


def collect_metrics(metrics, output_names):
    """The list of metrics for each output.

    # Arguments
        metrics: `None`, a list (applied to every output) or a dict keyed
            by output name.
        output_names: the model's output names.

    # Returns
        A list with one list of metrics per output.
    """
    if not metrics:
        return [[] for _ in output_names]
    if isinstance(metrics, list):
        return [copy.copy(metrics) for _ in output_names]
    if isinstance(metrics, dict):
        for name in metrics:
            if name not in output_names:
                raise ValueError('Unknown entry in metrics dictionary: "%s". '
                                 'Only expected the following keys: %s'
                                 % (name, output_names))
        nested = []
        for name in output_names:
            entry = metrics.get(name, [])
            nested.append(entry if isinstance(entry, list) else [entry])
        return nested
    raise TypeError('Type of `metrics` argument not understood. Expected a '
                    'list or dictionary, found: %s' % (metrics,))


def batch_shuffle(index_array, batch_size):
    """Shuffles whole batches of indices, keeping each batch contiguous (for
    HDF5 data, which can only be read in increasing order)."""
    batch_count = len(index_array) // batch_size
    tail = index_array[batch_count * batch_size:]
    head = index_array[:batch_count * batch_size].reshape(
        (batch_count, batch_size))
    np.random.shuffle(head)
    return np.append(head.flatten(), tail)


def make_batches(size, batch_size):
    """`(start, end)` index pairs covering `size` items in batches."""
    count = int(np.ceil(size / float(batch_size)))
    return [(i * batch_size, min(size, (i + 1) * batch_size))
            for i in range(count)]


def check_num_samples(ins, batch_size=None, steps=None, steps_name='steps'):
    """The number of samples in `ins`, or `None` for step-wise loops.

    # Raises
        ValueError: when both `steps` and `batch_size` are given, or data
            tensors come without `steps`.
    """
    if steps is not None and batch_size is not None:
        raise ValueError('If %s is set, the `batch_size` must be None.'
                         % steps_name)
    if not ins or any(K.is_tensor(x) for x in ins):
        if steps is None:
            raise ValueError('If your data is in the form of symbolic '
                             'tensors, you should specify the `%s` argument '
                             '(instead of the `batch_size` argument, because '
                             'symbolic tensors are expected to produce '
                             'batches of input data).' % steps_name)
        return None
    if hasattr(ins[0], 'shape'):
        return int(ins[0].shape[0])
    return None


def weighted_masked_objective(fn):
    """Wraps a loss so that it takes sample weights and a mask.

    The wrapped loss averages the per-sample losses: masked entries are
    zeroed and the rest rescaled by the fraction kept, then samples are
    weighted and divided by the fraction of non-zero weights, as Keras 2.2
    did.

    # Arguments
        fn: a loss `fn(y_true, y_pred)`, or `None`.

    # Returns
        `weighted(y_true, y_pred, weights, mask=None)` returning a scalar,
        or `None`.
    """
    if fn is None:
        return None

    def weighted(y_true, y_pred, weights, mask=None):
        scores = fn(y_true, y_pred)
        if mask is not None:
            mask = K.cast(mask, K.floatx())
            scores *= mask
            scores /= K.mean(mask)
        if weights is not None:
            ndim, weight_ndim = K.ndim(scores), K.ndim(weights)
            if ndim > weight_ndim:
                scores = K.mean(scores, axis=list(range(weight_ndim, ndim)))
            scores *= weights
            scores /= K.mean(K.cast(K.not_equal(weights, 0), K.floatx()))
        return K.mean(scores)
    return weighted
