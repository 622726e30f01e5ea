"""The loops behind fit, evaluate and predict on arrays.

Each loop slices the arrays into batches and calls one compiled function
per batch; the function was compiled once for the model and serves every
batch size, the last partial batch included.
"""
import numpy as np

from .. import callbacks as cbks
from ..utils.generic_utils import Progbar, slice_arrays, to_list, \
    unpack_singleton
from .training_utils import batch_shuffle, check_num_samples, make_batches


def _slice_batch(ins, start, stop=None):
    """Slices every array of `ins` but a trailing learning-phase flag;
    `start` is an index array, or the first row of a `start:stop` range."""
    if ins and isinstance(ins[-1], float):
        return slice_arrays(ins[:-1], start, stop) + [ins[-1]]
    return slice_arrays(ins, start, stop)


def _sparse_to_dense_indices(model, ins):
    """Positions of scipy sparse arrays fed to dense placeholders."""
    feed = (list(model._feed_inputs) +
            list(getattr(model, '_feed_targets', [])) +
            list(getattr(model, '_feed_sample_weights', [])))
    from .. import backend as K
    return [i for i, (x, placeholder) in enumerate(zip(ins, feed))
            if hasattr(x, 'tocoo') and not K.is_sparse(placeholder)]


def _densify(batch, indices):
    for i in indices:
        batch[i] = batch[i].toarray()
    return batch


def fit_loop(model, f, ins, out_labels=None, batch_size=None, epochs=100,
             verbose=1, callbacks=None, val_f=None, val_ins=None,
             shuffle=True, callback_metrics=None, initial_epoch=0,
             steps_per_epoch=None, validation_steps=None):
    """Trains `model` by calling `f` on batches of `ins`.

    # Arguments
        model: the model.
        f: the compiled training function.
        ins: the list of arrays to feed (inputs, targets, weights and
            possibly the learning phase value).
        out_labels: the names of `f`'s outputs.
        batch_size: samples per batch.
        epochs: the epoch to stop before.
        verbose: 0, 1 or 2.
        callbacks: extra callbacks.
        val_f: the compiled test function for validation.
        val_ins: the arrays for validation.
        shuffle: whether to shuffle each epoch (`'batch'`: shuffle whole
            batches, for HDF5 data).
        callback_metrics: the names the callbacks see.
        initial_epoch: the epoch to start at.
        steps_per_epoch: steps per epoch for step-wise training.
        validation_steps: validation steps for step-wise training.

    # Returns
        The `History` callback.
    """
    do_validation = bool(val_f and val_ins)
    if do_validation and verbose and ins and hasattr(ins[0], 'shape') and \
            hasattr(val_ins[0], 'shape'):
        print('Train on %d samples, validate on %d samples'
              % (ins[0].shape[0], val_ins[0].shape[0]))
    if validation_steps:
        do_validation = True
        if steps_per_epoch is None:
            raise ValueError('Can only use `validation_steps` when doing '
                             'step-wise training, i.e. `steps_per_epoch` '
                             'must be set.')
    elif do_validation and steps_per_epoch:
        raise ValueError('Must specify `validation_steps` to perform '
                         'validation when doing step-wise training.')
    num_train_samples = check_num_samples(ins, batch_size=batch_size,
                                          steps=steps_per_epoch,
                                          steps_name='steps_per_epoch')
    if num_train_samples is not None:
        index_array = np.arange(num_train_samples)

    model.history = cbks.History()
    stateful_names = getattr(model, 'stateful_metric_names', [])
    callback_list = [cbks.BaseLogger(stateful_metrics=stateful_names)]
    if verbose:
        count_mode = 'steps' if steps_per_epoch is not None else 'samples'
        callback_list.append(cbks.ProgbarLogger(
            count_mode, stateful_metrics=stateful_names))
    callback_list += (callbacks or []) + [model.history]
    callbacks = cbks.CallbackList(callback_list)
    out_labels = out_labels or []
    callback_model = getattr(model, 'callback_model', None) or model
    callbacks.set_model(callback_model)
    callbacks.set_params({
        'batch_size': batch_size, 'epochs': epochs,
        'steps': steps_per_epoch, 'samples': num_train_samples,
        'verbose': verbose, 'do_validation': do_validation,
        'metrics': callback_metrics or []})
    callbacks.on_train_begin()
    callback_model.stop_training = False
    for cbk in callbacks:
        cbk.validation_data = model._callback_validation_data(val_ins)
    dense_indices = _sparse_to_dense_indices(model, ins)

    for epoch in range(initial_epoch, epochs):
        for metric in getattr(model, 'stateful_metric_functions', []):
            metric.reset_states()
        callbacks.on_epoch_begin(epoch)
        epoch_logs = {}
        if steps_per_epoch is not None:
            for step in range(steps_per_epoch):
                batch_logs = {'batch': step, 'size': 1}
                callbacks.on_batch_begin(step, batch_logs)
                outs = to_list(f(ins))
                batch_logs.update(zip(out_labels, outs))
                callbacks.on_batch_end(step, batch_logs)
                if callback_model.stop_training:
                    break
            if do_validation:
                val_outs = to_list(test_loop(model, val_f, val_ins,
                                             steps=validation_steps,
                                             verbose=0))
                for label, value in zip(out_labels, val_outs):
                    epoch_logs['val_' + label] = value
        else:
            if shuffle == 'batch':
                index_array = batch_shuffle(index_array, batch_size)
            elif shuffle:
                np.random.shuffle(index_array)
            batches = make_batches(num_train_samples, batch_size)
            for batch_index, (start, end) in enumerate(batches):
                batch_ids = index_array[start:end]
                try:
                    ins_batch = _slice_batch(ins, batch_ids)
                except TypeError:
                    raise TypeError('TypeError while preparing batch. If '
                                    'using HDF5 input data, pass '
                                    'shuffle="batch".')
                batch_logs = {'batch': batch_index, 'size': len(batch_ids)}
                callbacks.on_batch_begin(batch_index, batch_logs)
                outs = to_list(f(_densify(ins_batch, dense_indices)))
                batch_logs.update(zip(out_labels, outs))
                callbacks.on_batch_end(batch_index, batch_logs)
                if callback_model.stop_training:
                    break
                if batch_index == len(batches) - 1 and do_validation:
                    val_outs = to_list(test_loop(model, val_f, val_ins,
                                                 batch_size=batch_size,
                                                 verbose=0))
                    for label, value in zip(out_labels, val_outs):
                        epoch_logs['val_' + label] = value
        callbacks.on_epoch_end(epoch, epoch_logs)
        if callback_model.stop_training:
            break
    callbacks.on_train_end()
    return model.history


def predict_loop(model, f, ins, batch_size=32, verbose=0, steps=None):
    """Runs the compiled predict function over batches of `ins`.

    # Returns
        An array (one output) or a list of arrays.
    """
    num_samples = check_num_samples(ins, batch_size=batch_size, steps=steps,
                                    steps_name='steps')
    if verbose == 1:
        progbar = Progbar(target=steps if steps is not None else num_samples)
    dense_indices = _sparse_to_dense_indices(model, ins)
    if steps is not None:
        collected = []
        for step in range(steps):
            batch_outs = to_list(f(ins))
            if step == 0:
                collected = [[] for _ in batch_outs]
            for store, out in zip(collected, batch_outs):
                store.append(out)
            if verbose == 1:
                progbar.update(step + 1)
        if len(collected) == 1:
            return np.concatenate(collected[0], axis=0)
        return [np.concatenate(store, axis=0) for store in collected]
    outs = []
    for start, end in make_batches(num_samples, batch_size):
        ins_batch = _densify(_slice_batch(ins, start, end),
                             dense_indices)
        batch_outs = to_list(f(ins_batch))
        if not outs:
            outs = [np.zeros((num_samples,) + out.shape[1:], dtype=out.dtype)
                    for out in batch_outs]
        for store, out in zip(outs, batch_outs):
            store[start:end] = out
        if verbose == 1:
            progbar.update(end)
    return unpack_singleton(outs)


def test_loop(model, f, ins, batch_size=None, verbose=0, steps=None):
    """Runs the compiled test function over batches of `ins` and averages
    its outputs, weighting each batch by its size.

    # Returns
        A scalar (one output) or a list of scalars.
    """
    for metric in getattr(model, 'stateful_metric_functions', []):
        metric.reset_states()
    stateful_names = getattr(model, 'stateful_metric_names', [])
    stateful = set(i for i, name in enumerate(getattr(model, 'metrics_names',
                                                      []))
                   if str(name) in stateful_names)
    num_samples = check_num_samples(ins, batch_size=batch_size, steps=steps,
                                    steps_name='steps')
    if verbose == 1:
        progbar = Progbar(target=steps if steps is not None else num_samples)
    dense_indices = _sparse_to_dense_indices(model, ins)
    outs = []
    if steps is not None:
        for step in range(steps):
            batch_outs = to_list(f(ins))
            if step == 0:
                outs = [0.] * len(batch_outs)
            for i, out in enumerate(batch_outs):
                outs[i] = float(out) if i in stateful else outs[i] + out
            if verbose == 1:
                progbar.update(step + 1)
        total = steps
    else:
        for start, end in make_batches(num_samples, batch_size):
            ins_batch = _densify(_slice_batch(ins, start, end),
                                 dense_indices)
            batch_outs = to_list(f(ins_batch))
            if not outs:
                outs = [0.] * len(batch_outs)
            for i, out in enumerate(batch_outs):
                outs[i] = (out if i in stateful
                           else outs[i] + out * (end - start))
            if verbose == 1:
                progbar.update(end)
        total = num_samples
    for i in range(len(outs)):
        if i not in stateful:
            outs[i] /= total
    return unpack_singleton(outs)
