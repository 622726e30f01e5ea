"""The loops behind fit_generator, evaluate_generator and predict_generator.

Batches come from a Python generator (or any iterator) or from a
`keras22.utils.Sequence`. With `workers > 0` an enqueuer prepares them in
worker threads or processes while the model trains; with `workers=0` they
are drawn in the main thread. Each batch goes through the model's
`train_on_batch`, `test_on_batch` or `predict_on_batch`, as in Keras 2.2.

Whatever happens, the enqueuers are stopped before the loop returns or
raises; an exception raised by the generator or a worker reaches the caller
with its original type.
"""
import random
import warnings

import numpy as np

from .. import callbacks as cbks
from ..utils.data_utils import GeneratorEnqueuer, OrderedEnqueuer, Sequence
from ..utils.generic_utils import Progbar, to_list, unpack_singleton

_DUPLICATION_WARNING = ('Using a generator with `use_multiprocessing=True` '
                        'and multiple workers may duplicate your data. '
                        'Please consider using the`keras.utils.Sequence '
                        'class.')

_OUTPUT_ERROR = ('Output of generator should be a tuple `(x, y, '
                 'sample_weight)` or `(x, y)`. Found: ')


def _check_workers(caller, workers):
    if isinstance(workers, bool) or \
            not isinstance(workers, (int, np.integer)) or workers < 0:
        raise ValueError('%s: `workers` must be a non-negative integer (0 '
                         'runs the generator in the main thread), got %r.'
                         % (caller, workers))


def _check_steps(caller, name, steps):
    if isinstance(steps, bool) or \
            not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError('%s: `%s` must be a positive integer, got %r.'
                         % (caller, name, steps))


def _sequence_length(caller, sequence):
    length = len(sequence)
    if length < 1:
        raise ValueError('%s: the Sequence has no batches (len() is %r).'
                         % (caller, length))
    return length


def _is_data_generator(data):
    """Whether validation data is a generator, iterator or `Sequence`
    (rather than a tuple of arrays)."""
    return (isinstance(data, Sequence) or hasattr(data, '__next__') or
            hasattr(data, 'next'))


class _SequenceIterator(object):
    """Reads the batches of a `Sequence` forever, in the main thread.

    Like the `OrderedEnqueuer`, each pass visits every index once (in a
    new random order when `shuffle`), and `on_epoch_end()` is called as
    soon as the pass's last batch has been read, so that the last pass of
    training gets it too. Keras 2.2 read the batches in order and never
    called `on_epoch_end` with `workers=0`.
    """

    def __init__(self, sequence, shuffle):
        self.sequence = sequence
        self.shuffle = shuffle
        self.order = []

    def __iter__(self):
        return self

    def __next__(self):
        if not self.order:
            self.order = list(range(len(self.sequence)))
            if self.shuffle:
                random.shuffle(self.order)
        batch = self.sequence[self.order.pop(0)]
        if not self.order:
            self.sequence.on_epoch_end()
        return batch


class _Batches(object):
    """Where a loop draws its batches: an enqueuer's output or, for
    `workers=0`, the generator (or a pass over the Sequence) itself.

    Use as a context manager: the enqueuer, if any, is stopped on exit.
    """

    def __init__(self, caller, data, workers, use_multiprocessing,
                 max_queue_size, shuffle=False):
        self.caller = caller
        self.enqueuer = None
        self._pushed_back = []
        is_sequence = isinstance(data, Sequence)
        if workers > 0:
            if is_sequence:
                self.enqueuer = OrderedEnqueuer(
                    data, use_multiprocessing=use_multiprocessing,
                    shuffle=shuffle)
            else:
                self.enqueuer = GeneratorEnqueuer(
                    data, use_multiprocessing=use_multiprocessing)
            self.enqueuer.start(workers=workers,
                                max_queue_size=max_queue_size)
            self.iterator = self.enqueuer.get()
        elif is_sequence:
            self.iterator = _SequenceIterator(data, shuffle)
        else:
            self.iterator = data

    def push_back(self, item):
        """Hands `item` out again at the next call of `next`."""
        self._pushed_back.append(item)

    def next(self, step, steps):
        if self._pushed_back:
            return self._pushed_back.pop()
        try:
            return next(self.iterator)
        except StopIteration:
            # Keras 2.2 let StopIteration escape (or turned it into a
            # RuntimeError); say what ran out instead.
            raise ValueError(
                '%s: the generator stopped after %d batches of the %d this '
                'pass needs. Make it loop forever (e.g. `while True:`), or '
                'lower the number of steps.' % (self.caller, step, steps))

    def stop(self):
        if self.enqueuer is not None:
            self.enqueuer.stop()
            self.enqueuer = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()


def _unpack_batch(output, message_prefix=_OUTPUT_ERROR):
    """`(x, y, sample_weight)` from what a generator gave."""
    if not hasattr(output, '__len__'):
        raise ValueError(message_prefix + str(output))
    if len(output) == 2:
        x, y = output
        return x, y, None
    if len(output) == 3:
        return tuple(output)
    raise ValueError(message_prefix + str(output))


def _batch_size(x):
    """The number of samples in a batch of inputs; 1 when the model reads
    no input arrays (data tensors), as in Keras 2.2."""
    if x is None or (hasattr(x, '__len__') and len(x) == 0):
        return 1
    if isinstance(x, dict):
        x = list(x.values())
    if isinstance(x, (list, tuple)):
        x = x[0]
    return int(x.shape[0])


def _build_from_first_batch(model, batches, steps, with_targets):
    """Builds (and compiles) a subclassed model that has not seen data yet
    from the first batch, which is then handed out again.

    `fit` builds such models from its arrays; Keras 2.2's generator loops
    failed on them.
    """
    if getattr(model, 'built', True):
        return
    output = batches.next(0, steps)
    if with_targets:
        x, y, sample_weight = _unpack_batch(output)
        model._standardize_user_data(x, y, sample_weight=sample_weight)
    else:
        x = _unpack_batch(output)[0] if isinstance(output, tuple) else output
        model._standardize_user_data(x)
    batches.push_back(output)


def _check_optimizer(model):
    if not getattr(model, 'optimizer', None):
        model._check_compiled()


def _warn_duplication(generator, workers, use_multiprocessing):
    if not isinstance(generator, Sequence) and use_multiprocessing and \
            workers > 1:
        warnings.warn(UserWarning(_DUPLICATION_WARNING), stacklevel=3)


def fit_generator(model, generator, steps_per_epoch=None, epochs=1,
                  verbose=1, callbacks=None, validation_data=None,
                  validation_steps=None, class_weight=None,
                  max_queue_size=10, workers=1, use_multiprocessing=False,
                  shuffle=True, initial_epoch=0):
    """Trains a model on batches drawn from a generator or a `Sequence`.

    # Arguments
        model: the compiled model.
        generator: a generator (or iterator) yielding `(inputs, targets)`
            or `(inputs, targets, sample_weights)` forever, or a
            `keras22.utils.Sequence` giving such batches by index.
        steps_per_epoch: batches per epoch; defaults to `len(generator)`
            for a `Sequence` and is required otherwise.
        epochs: the epoch to stop before (training runs from
            `initial_epoch` to `epochs`).
        verbose: 0 silent, 1 progress bar, 2 one line per epoch.
        callbacks: list of `Callback`s.
        validation_data: a generator or `Sequence` of validation batches,
            or `(x_val, y_val)` / `(x_val, y_val, val_sample_weights)`
            arrays.
        validation_steps: batches drawn from a validation generator at the
            end of each epoch; defaults to `len()` for a `Sequence`.
        class_weight: dict mapping class indices to loss weights.
        max_queue_size: how many batches the workers prepare ahead.
        workers: worker threads or processes preparing batches; 0 draws
            them in the main thread.
        use_multiprocessing: use worker processes instead of threads.
            A plain generator is then copied into each process, so its
            data is repeated (a warning says so for several workers).
        shuffle: for a `Sequence`, visit its batches in a new random order
            every epoch.
        initial_epoch: the epoch to start from (to resume training).

    # Returns
        The model's `History`: `history.history` maps `'loss'`, the
        metric names and (when validating) their `'val_'` versions to one
        value per epoch.

    # Raises
        RuntimeError/ValueError: if the model was not compiled.
        ValueError: if `steps_per_epoch` (or `validation_steps` for a
            validation generator) is missing and cannot be inferred, if a
            batch is not a 2- or 3-tuple, or if the generator runs dry.
        Whatever the generator or a worker raised, with its type.
    """
    caller = 'fit_generator'
    _check_workers(caller, workers)
    _check_optimizer(model)
    do_validation = bool(validation_data)
    is_sequence = isinstance(generator, Sequence)
    _warn_duplication(generator, workers, use_multiprocessing)
    if steps_per_epoch is None:
        if not is_sequence:
            raise ValueError('`steps_per_epoch=None` is only valid for a '
                             'generator based on the `keras.utils.Sequence` '
                             'class. Please specify `steps_per_epoch` or use '
                             'the `keras.utils.Sequence` class.')
        steps_per_epoch = _sequence_length(caller, generator)
    _check_steps(caller, 'steps_per_epoch', steps_per_epoch)
    val_gen = do_validation and _is_data_generator(validation_data)
    if val_gen:
        if validation_steps is None:
            if not isinstance(validation_data, Sequence):
                raise ValueError('`validation_steps=None` is only valid for '
                                 'a generator based on the '
                                 '`keras.utils.Sequence` class. Please '
                                 'specify `validation_steps` or use the '
                                 '`keras.utils.Sequence` class.')
            validation_steps = _sequence_length(caller, validation_data)
        _check_steps(caller, 'validation_steps', validation_steps)
    elif do_validation:
        if len(validation_data) == 2:
            val_x, val_y = validation_data
            val_sample_weight = None
        elif len(validation_data) == 3:
            val_x, val_y, val_sample_weight = validation_data
        else:
            raise ValueError('`validation_data` should be a tuple '
                             '`(val_x, val_y, val_sample_weight)` or '
                             '`(val_x, val_y)`. Found: '
                             + str(validation_data))
        # Checked once here, so that a mismatch fails before training.
        val_x, val_y, val_sample_weights = model._standardize_user_data(
            val_x, val_y, val_sample_weight)
        val_data = val_x + val_y + val_sample_weights
        if model._uses_dynamic_learning_phase():
            val_data += [0.]

    batches = val_batches = None
    try:
        batches = _Batches(caller, generator, workers, use_multiprocessing,
                           max_queue_size, shuffle=shuffle)
        if val_gen:
            val_batches = _Batches(caller, validation_data, workers,
                                   use_multiprocessing, max_queue_size)
        _build_from_first_batch(model, batches, steps_per_epoch, True)
        model._make_train_function()
        if do_validation:
            model._make_test_function()

        out_labels = model.metrics_names
        # Keras 2.2's fit_generator listed the 'val_' names whether or not
        # it validated; callbacks reading params['metrics'] see the same.
        callback_metrics = out_labels + ['val_' + n for n in out_labels]
        stateful_names = getattr(model, 'stateful_metric_names', [])
        model.history = cbks.History()
        callback_list = [cbks.BaseLogger(stateful_metrics=stateful_names)]
        if verbose:
            callback_list.append(cbks.ProgbarLogger(
                count_mode='steps', stateful_metrics=stateful_names))
        callback_list += (callbacks or []) + [model.history]
        callbacks = cbks.CallbackList(callback_list)
        callback_model = getattr(model, 'callback_model', None) or model
        callbacks.set_model(callback_model)
        callbacks.set_params({
            'epochs': epochs, 'steps': steps_per_epoch, 'verbose': verbose,
            'do_validation': do_validation, 'metrics': callback_metrics})
        callbacks.on_train_begin()
        if do_validation and not val_gen:
            for callback in callbacks:
                callback.validation_data = model._callback_validation_data(
                    val_data)
        callback_model.stop_training = False
        epoch = initial_epoch
        while epoch < epochs:
            for metric in getattr(model, 'stateful_metric_functions', []):
                metric.reset_states()
            callbacks.on_epoch_begin(epoch)
            epoch_logs = {}
            for step in range(steps_per_epoch):
                x, y, sample_weight = _unpack_batch(
                    batches.next(step, steps_per_epoch))
                batch_size = _batch_size(x)
                batch_logs = {'batch': step, 'size': batch_size}
                callbacks.on_batch_begin(step, batch_logs)
                outs = to_list(model.train_on_batch(
                    x, y, sample_weight=sample_weight,
                    class_weight=class_weight))
                batch_logs.update(zip(out_labels, outs))
                callbacks.on_batch_end(step, batch_logs)
                if step == steps_per_epoch - 1 and do_validation:
                    if val_gen:
                        val_outs = _evaluate_batches(
                            model, val_batches, validation_steps, 0)
                    else:
                        # As Keras 2.2: the last training batch's size.
                        val_outs = model.evaluate(
                            val_x, val_y, batch_size=batch_size,
                            sample_weight=val_sample_weights, verbose=0)
                    for label, value in zip(out_labels, to_list(val_outs)):
                        epoch_logs['val_' + label] = value
                if callback_model.stop_training:
                    break
            callbacks.on_epoch_end(epoch, epoch_logs)
            epoch += 1
            if callback_model.stop_training:
                break
    finally:
        try:
            if batches is not None:
                batches.stop()
        finally:
            if val_batches is not None:
                val_batches.stop()
    callbacks.on_train_end()
    return model.history


def _evaluate_batches(model, batches, steps, verbose):
    """Runs `test_on_batch` on `steps` batches and averages the results,
    weighting each batch by its size (stateful metrics: the last value)."""
    _build_from_first_batch(model, batches, steps, True)
    model._make_test_function()
    for metric in getattr(model, 'stateful_metric_functions', []):
        metric.reset_states()
    stateful_names = getattr(model, 'stateful_metric_names', [])
    stateful = set(i for i, name in enumerate(model.metrics_names)
                   if str(name) in stateful_names)
    outs_per_batch = []
    batch_sizes = []
    progbar = Progbar(target=steps) if verbose == 1 else None
    for step in range(steps):
        x, y, sample_weight = _unpack_batch(
            batches.next(step, steps),
            'Output of generator should be a tuple (x, y, sample_weight) '
            'or (x, y). Found: ')
        outs = to_list(model.test_on_batch(x, y,
                                           sample_weight=sample_weight))
        batch_size = _batch_size(x)
        if batch_size == 0:
            raise ValueError('Received an empty batch. Batches should '
                             'contain at least one item.')
        outs_per_batch.append(outs)
        batch_sizes.append(batch_size)
        if progbar is not None:
            progbar.update(step + 1)
    averages = []
    for i in range(len(outs_per_batch[0])):
        if i in stateful:
            averages.append(np.float64(outs_per_batch[-1][i]))
        else:
            averages.append(np.average([outs[i] for outs in outs_per_batch],
                                       weights=batch_sizes))
    return unpack_singleton(averages)


def evaluate_generator(model, generator, steps=None, max_queue_size=10,
                       workers=1, use_multiprocessing=False, verbose=0):
    """Evaluates a model on batches drawn from a generator or `Sequence`.

    # Arguments
        model: the compiled model.
        generator: a generator yielding `(inputs, targets)` or
            `(inputs, targets, sample_weights)`, or a `Sequence`.
        steps: how many batches to evaluate; defaults to `len(generator)`
            for a `Sequence` and is required otherwise.
        max_queue_size: how many batches the workers prepare ahead.
        workers: worker threads or processes; 0 reads in the main thread.
        use_multiprocessing: use worker processes instead of threads.
        verbose: 0 or 1 (progress bar).

    # Returns
        The loss (a scalar) when the model has no metrics, else the list
        of values named by `model.metrics_names`: averages over the
        batches weighted by their sizes.

    # Raises
        ValueError: if `steps` is missing for a generator, or a batch is
            not a 2- or 3-tuple.
    """
    caller = 'evaluate_generator'
    _check_workers(caller, workers)
    _check_optimizer(model)
    _warn_duplication(generator, workers, use_multiprocessing)
    if steps is None:
        if not isinstance(generator, Sequence):
            raise ValueError('`steps=None` is only valid for a generator '
                             'based on the `keras.utils.Sequence` class. '
                             'Please specify `steps` or use the '
                             '`keras.utils.Sequence` class.')
        steps = _sequence_length(caller, generator)
    _check_steps(caller, 'steps', steps)
    with _Batches(caller, generator, workers, use_multiprocessing,
                  max_queue_size) as batches:
        return _evaluate_batches(model, batches, steps, verbose)


def predict_generator(model, generator, steps=None, max_queue_size=10,
                      workers=1, use_multiprocessing=False, verbose=0):
    """Predicts on batches of inputs drawn from a generator or `Sequence`.

    # Arguments
        model: the model.
        generator: a generator yielding input batches (or `(x, y)` /
            `(x, y, sample_weights)` tuples, whose targets are ignored), or
            a `Sequence`.
        steps: how many batches to predict; defaults to `len(generator)`
            for a `Sequence` and is required otherwise.
        max_queue_size: how many batches the workers prepare ahead.
        workers: worker threads or processes; 0 reads in the main thread.
        use_multiprocessing: use worker processes instead of threads.
        verbose: 0 or 1 (progress bar).

    # Returns
        The predictions of all batches concatenated: an array, or a list
        of arrays for a model with several outputs.

    # Raises
        ValueError: if `steps` is missing for a generator, or a tuple batch
            has neither 2 nor 3 items.
    """
    caller = 'predict_generator'
    _check_workers(caller, workers)
    _warn_duplication(generator, workers, use_multiprocessing)
    if steps is None:
        if not isinstance(generator, Sequence):
            raise ValueError('`steps=None` is only valid for a generator '
                             'based on the `keras.utils.Sequence` class. '
                             'Please specify `steps` or use the '
                             '`keras.utils.Sequence` class.')
        steps = _sequence_length(caller, generator)
    _check_steps(caller, 'steps', steps)
    collected = []
    progbar = Progbar(target=steps) if verbose == 1 else None
    with _Batches(caller, generator, workers, use_multiprocessing,
                  max_queue_size) as batches:
        _build_from_first_batch(model, batches, steps, False)
        model._make_predict_function()
        for step in range(steps):
            output = batches.next(step, steps)
            if isinstance(output, tuple):
                # Training generators can be reused: targets are dropped.
                x = _unpack_batch(output)[0]
            else:
                x = output
            outs = to_list(model.predict_on_batch(x))
            if not collected:
                collected = [[] for _ in outs]
            for store, out in zip(collected, outs):
                store.append(out)
            if progbar is not None:
                progbar.update(step + 1)
    if steps == 1:
        return unpack_singleton([store[0] for store in collected])
    return unpack_singleton([np.concatenate(store) for store in collected])
