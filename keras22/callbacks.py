"""Callbacks: code that runs at given points of training.

`fit` always uses `BaseLogger` (epoch averages), `History` (returned by
`fit`) and, when verbose, `ProgbarLogger`; users add their own.
"""
from __future__ import print_function

import collections
import csv
import inspect
import json
import os
import urllib.parse
import urllib.request
import uuid
import warnings
from collections.abc import Iterable

import numpy as np
import tensorflow as tf

from . import backend as K
from .utils.generic_utils import Progbar

try:
    import requests
except ImportError:  # RemoteMonitor falls back on urllib.
    requests = None


class Callback(object):
    """The base class of callbacks.

    # Properties
        params: dict of training parameters (verbosity, batch size, number
            of epochs, ...).
        model: the model being trained.
        validation_data: the arrays used for validation, if any.

    The methods receive `logs`, a dict: `on_epoch_end` gets the epoch's
    averages (and `val_*` values when validating); `on_batch_begin` gets
    `batch` and `size`; `on_batch_end` also gets the batch's loss and
    metrics.
    """

    def __init__(self):
        self.validation_data = None
        self.model = None
        self.params = None

    def set_params(self, params):
        """Receives the training parameters (`epochs`, `steps`,
        `verbose`, `metrics`, ...) before training starts."""
        self.params = params

    def set_model(self, model):
        """Receives the model being trained before training starts."""
        self.model = model

    def on_epoch_begin(self, epoch, logs=None):
        """Called at the start of epoch `epoch` (counted from 0)."""

    def on_epoch_end(self, epoch, logs=None):
        """Called at the end of an epoch; `logs` holds the epoch's
        averages and `val_*` values, and callbacks may add to it."""

    def on_batch_begin(self, batch, logs=None):
        """Called before batch `batch` of the epoch (`logs`: `batch`,
        `size`)."""

    def on_batch_end(self, batch, logs=None):
        """Called after a batch, with its loss and metrics in `logs`."""

    def on_train_begin(self, logs=None):
        """Called once before the first epoch."""

    def on_train_end(self, logs=None):
        """Called once after the last epoch."""


class CallbackList(object):
    """Calls a list of callbacks in turn.

    # Arguments
        callbacks: list of `Callback` instances.
        queue_length: kept for compatibility with Keras 2.2.
    """

    def __init__(self, callbacks=None, queue_length=10):
        self.callbacks = list(callbacks or [])
        self.queue_length = queue_length

    def append(self, callback):
        self.callbacks.append(callback)

    def set_params(self, params):
        for callback in self.callbacks:
            callback.set_params(params)

    def set_model(self, model):
        for callback in self.callbacks:
            callback.set_model(model)

    def on_epoch_begin(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_epoch_begin(epoch, logs)

    def on_epoch_end(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_epoch_end(epoch, logs)

    def on_batch_begin(self, batch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_batch_begin(batch, logs)

    def on_batch_end(self, batch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_batch_end(batch, logs)

    def on_train_begin(self, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_train_begin(logs)

    def on_train_end(self, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_train_end(logs)

    def __iter__(self):
        return iter(self.callbacks)


class BaseLogger(Callback):
    """Averages the batch values of each epoch into the epoch logs.

    Applied to every model by `fit`.

    # Arguments
        stateful_metrics: names of metrics that are reported as their last
            value instead of averaged.
    """

    def __init__(self, stateful_metrics=None):
        super(BaseLogger, self).__init__()
        self.stateful_metrics = set(stateful_metrics or ())

    def on_epoch_begin(self, epoch, logs=None):
        self.seen = 0
        self.totals = {}

    def on_batch_end(self, batch, logs=None):
        logs = logs or {}
        size = logs.get('size', 0)
        self.seen += size
        for name, value in logs.items():
            if name in self.stateful_metrics:
                self.totals[name] = value
            else:
                self.totals[name] = self.totals.get(name, 0.) + value * size

    def on_epoch_end(self, epoch, logs=None):
        if logs is None:
            return
        for name in self.params['metrics']:
            if name in self.totals:
                if name in self.stateful_metrics:
                    logs[name] = self.totals[name]
                else:
                    logs[name] = self.totals[name] / self.seen


class ProgbarLogger(Callback):
    """Prints the progress bar and metrics during training.

    # Arguments
        count_mode: `'samples'` or `'steps'`: what the bar counts.
        stateful_metrics: names of metrics shown as their last value
            instead of averaged.

    # Raises
        ValueError: for an unknown `count_mode`.
    """

    def __init__(self, count_mode='samples', stateful_metrics=None):
        super(ProgbarLogger, self).__init__()
        if count_mode not in ('samples', 'steps'):
            raise ValueError('Unknown `count_mode`: %s' % (count_mode,))
        self.use_steps = count_mode == 'steps'
        self.stateful_metrics = set(stateful_metrics or ())

    def on_train_begin(self, logs=None):
        self.verbose = self.params['verbose']
        self.epochs = self.params['epochs']

    def on_epoch_begin(self, epoch, logs=None):
        if self.verbose:
            print('Epoch %d/%d' % (epoch + 1, self.epochs))
            self.target = (self.params['steps'] if self.use_steps
                           else self.params['samples'])
            self.progbar = Progbar(target=self.target, verbose=self.verbose,
                                   stateful_metrics=self.stateful_metrics)
        self.seen = 0
        self.log_values = []

    def on_batch_begin(self, batch, logs=None):
        if self.target is None or self.seen < self.target:
            self.log_values = []

    def on_batch_end(self, batch, logs=None):
        logs = logs or {}
        self.seen += 1 if self.use_steps else logs.get('size', 0)
        for name in self.params['metrics']:
            if name in logs:
                self.log_values.append((name, logs[name]))
        # The last batch is drawn by on_epoch_end, with the epoch's values.
        if self.verbose and (self.target is None or self.seen < self.target):
            self.progbar.update(self.seen, self.log_values)

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        for name in self.params['metrics']:
            if name in logs:
                self.log_values.append((name, logs[name]))
        if self.verbose:
            self.progbar.update(self.seen, self.log_values)


class History(Callback):
    """Records the epoch logs; `fit` returns it.

    # Properties
        epoch: the list of epoch indices seen.
        history: dict from each log name (`'loss'`, `'acc'`,
            `'val_loss'`, ...) to the list of its values, one per epoch.
    """

    def on_train_begin(self, logs=None):
        self.epoch = []
        self.history = {}

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        self.epoch.append(epoch)
        for name, value in logs.items():
            self.history.setdefault(name, []).append(value)


# --------------------------------------------------------------------------
# Callbacks users add to `fit`.

class _Improvement(object):
    """Decides whether a monitored value is better than the best so far.

    One rule for `EarlyStopping`, `ModelCheckpoint` and
    `ReduceLROnPlateau`: in `'min'` mode lower is better, in `'max'` mode
    higher; `'auto'` picks `'max'` for accuracies (names containing
    `'acc'`) and F-measures (names starting with `'fmeasure'`), `'min'`
    otherwise. A value counts as better only when it beats the best by
    more than `min_delta`.

    # Arguments
        owner: the prefix of the warning about an unknown mode.
        monitor: the name of the monitored quantity.
        mode: `'auto'`, `'min'` or `'max'`; anything else warns and falls
            back to `'auto'`, as Keras 2.2 did.
        min_delta: the least change that counts (its sign is ignored).
    """

    def __init__(self, owner, monitor, mode, min_delta=0.):
        if mode not in ('auto', 'min', 'max'):
            warnings.warn('%s mode %s is unknown, fallback to auto mode.'
                          % (owner, mode), RuntimeWarning, stacklevel=3)
            mode = 'auto'
        if mode == 'auto':
            mode = 'max' if ('acc' in monitor or
                             monitor.startswith('fmeasure')) else 'min'
        self.mode = mode
        self.min_delta = abs(min_delta)
        self.op = np.greater if mode == 'max' else np.less

    def initial_best(self):
        return -np.inf if self.mode == 'max' else np.inf

    def is_better(self, current, best):
        if self.mode == 'max':
            return bool(np.greater(current - self.min_delta, best))
        return bool(np.less(current + self.min_delta, best))


def _available(logs):
    return ','.join(list(logs.keys()))


def _learning_rate_variable(model):
    optimizer = getattr(model, 'optimizer', None)
    if not hasattr(optimizer, 'lr'):
        raise ValueError('Optimizer must have a "lr" attribute.')
    return optimizer.lr


class TerminateOnNaN(Callback):
    """Stops training as soon as a batch's loss is NaN or infinite.

    The batch in progress finishes; no further batch or epoch runs.
    """

    def on_batch_end(self, batch, logs=None):
        loss = (logs or {}).get('loss')
        if loss is not None and not np.isfinite(loss):
            print('Batch %d: Invalid loss, terminating training' % batch)
            self.model.stop_training = True


class ModelCheckpoint(Callback):
    """Saves the model (or its weights) at the end of epochs.

    The file name may hold `str.format` fields: `epoch` (counted from 1)
    and any value of the epoch's logs, e.g.
    `'weights.{epoch:02d}-{val_loss:.2f}.hdf5'` gives one file per epoch.
    Files are written by `model.save` / `model.save_weights`, which write a
    temporary file and rename it, so an interrupted save never leaves a
    truncated checkpoint behind.

    # Arguments
        filepath: where to save, possibly with format fields.
        monitor: the quantity compared when `save_best_only`.
        verbose: 0 quiet, 1 prints a line per saving decision.
        save_best_only: save only when `monitor` improved on the best value
            seen (a fixed `filepath` then always holds the best model).
        save_weights_only: save the weights only (`save_weights`) instead
            of the whole model (`save`).
        mode: `'auto'`, `'min'` or `'max'`: whether `monitor` should go
            down or up (`'auto'` infers it from the name).
        period: the number of epochs between two checkpoints.

    # Raises
        KeyError: at the end of an epoch, if `filepath` names a value that
            the epoch's logs lack (e.g. `val_loss` without validation).

    # Example
    ```python
        checkpoint = ModelCheckpoint('best.h5', save_best_only=True)
        model.fit(x, y, validation_split=0.2, callbacks=[checkpoint])
    ```
    """

    def __init__(self, filepath, monitor='val_loss', verbose=0,
                 save_best_only=False, save_weights_only=False,
                 mode='auto', period=1):
        super(ModelCheckpoint, self).__init__()
        self.filepath = filepath
        self.monitor = monitor
        self.verbose = verbose
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.period = period
        self.epochs_since_last_save = 0
        self._improvement = _Improvement('ModelCheckpoint', monitor, mode)
        self.monitor_op = self._improvement.op
        self.best = self._improvement.initial_best()

    def _format_path(self, epoch, logs):
        try:
            return self.filepath.format(epoch=epoch + 1, **logs)
        except KeyError as e:
            raise KeyError('ModelCheckpoint: the filepath %r refers to %s, '
                           'which the logs of epoch %d do not have. '
                           'Available: epoch,%s'
                           % (self.filepath, e, epoch + 1, _available(logs)))

    def _save(self, filepath):
        if self.save_weights_only:
            self.model.save_weights(filepath, overwrite=True)
        else:
            self.model.save(filepath, overwrite=True)

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        self.epochs_since_last_save += 1
        if self.epochs_since_last_save < self.period:
            return
        self.epochs_since_last_save = 0
        filepath = self._format_path(epoch, logs)
        if not self.save_best_only:
            if self.verbose > 0:
                print('\nEpoch %05d: saving model to %s' % (epoch + 1,
                                                           filepath))
            self._save(filepath)
            return
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn('Can save best model only with %s available, '
                          'skipping.' % self.monitor, RuntimeWarning)
            return
        if self._improvement.is_better(current, self.best):
            if self.verbose > 0:
                print('\nEpoch %05d: %s improved from %0.5f to %0.5f, '
                      'saving model to %s' % (epoch + 1, self.monitor,
                                              self.best, current, filepath))
            self.best = current
            self._save(filepath)
        elif self.verbose > 0:
            print('\nEpoch %05d: %s did not improve from %0.5f'
                  % (epoch + 1, self.monitor, self.best))


class EarlyStopping(Callback):
    """Stops training once a monitored quantity has stopped improving.

    After each epoch the monitored value is compared with the best one so
    far; after `patience` epochs in a row without an improvement of more
    than `min_delta`, training stops.

    # Arguments
        monitor: the quantity to watch (a key of the epoch logs).
        min_delta: the least change that counts as an improvement.
        patience: how many epochs without improvement to allow.
        verbose: 0 quiet, 1 prints when training stops.
        mode: `'auto'`, `'min'` or `'max'`: whether `monitor` should go
            down or up (`'auto'` infers it from the name).
        baseline: a value the monitored quantity must beat; epochs that do
            not beat it count as epochs without improvement.
        restore_best_weights: when stopping, put back the weights of the
            best epoch (otherwise the last epoch's weights stay). As in
            Keras 2.2, nothing is restored if training runs to the end
            without stopping; unlike Keras 2.2, nothing is restored (and
            nothing fails) when no epoch ever beat `baseline`.

    # Example
    ```python
        model.fit(x, y, validation_split=0.2, epochs=100,
                  callbacks=[EarlyStopping(patience=3)])
    ```
    """

    def __init__(self, monitor='val_loss', min_delta=0, patience=0,
                 verbose=0, mode='auto', baseline=None,
                 restore_best_weights=False):
        super(EarlyStopping, self).__init__()
        self.monitor = monitor
        self.baseline = baseline
        self.patience = patience
        self.verbose = verbose
        self.restore_best_weights = restore_best_weights
        self.wait = 0
        self.stopped_epoch = 0
        self.best_weights = None
        self._improvement = _Improvement('EarlyStopping', monitor, mode,
                                         min_delta)
        self.monitor_op = self._improvement.op
        # Keras 2.2 kept min_delta signed by direction; so does this
        # attribute.
        self.min_delta = self._improvement.min_delta * (
            1 if self._improvement.mode == 'max' else -1)

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.stopped_epoch = 0
        self.best_weights = None
        self.best = (self.baseline if self.baseline is not None
                     else self._improvement.initial_best())

    def on_epoch_end(self, epoch, logs=None):
        current = self.get_monitor_value(logs or {})
        if current is None:
            return
        if self._improvement.is_better(current, self.best):
            self.best = current
            self.wait = 0
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            return
        self.wait += 1
        if self.wait >= self.patience:
            self.stopped_epoch = epoch
            self.model.stop_training = True
            if self.restore_best_weights and self.best_weights is not None:
                if self.verbose > 0:
                    print('Restoring model weights from the end of the '
                          'best epoch')
                self.model.set_weights(self.best_weights)

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            print('Epoch %05d: early stopping' % (self.stopped_epoch + 1))

    def get_monitor_value(self, logs):
        """The monitored value in `logs`, or `None` (with a warning)."""
        value = logs.get(self.monitor)
        if value is None:
            warnings.warn('Early stopping conditioned on metric `%s` which '
                          'is not available. Available metrics are: %s'
                          % (self.monitor, _available(logs)),
                          RuntimeWarning)
        return value


def _post_json(url, payload, field, headers, send_as_json):
    """POSTs `payload` with requests when installed, else urllib.

    Returns nothing; raises `OSError` (urllib) or
    `requests.exceptions.RequestException` on failure.
    """
    body = json.dumps(payload)
    if requests is not None:
        if send_as_json:
            requests.post(url, json=payload, headers=headers,
                          timeout=_REMOTE_TIMEOUT)
        else:
            requests.post(url, {field: body}, headers=headers,
                          timeout=_REMOTE_TIMEOUT)
        return
    all_headers = dict(headers or {})
    if send_as_json:
        data = body.encode('utf-8')
        all_headers.setdefault('Content-Type', 'application/json')
    else:
        data = urllib.parse.urlencode({field: body}).encode('utf-8')
        all_headers.setdefault('Content-Type',
                               'application/x-www-form-urlencoded')
    request = urllib.request.Request(url, data=data, headers=all_headers,
                                     method='POST')
    with urllib.request.urlopen(request, timeout=_REMOTE_TIMEOUT) as reply:
        reply.read()


# Seconds a RemoteMonitor waits for its server before giving up on an
# epoch (Keras 2.2 could wait forever and stall training).
_REMOTE_TIMEOUT = 10


class RemoteMonitor(Callback):
    """Sends the logs of each epoch to a server as JSON.

    At the end of each epoch, `{'epoch': epoch, <log name>: value, ...}` is
    POSTed to `root + path`: by default as a form whose field `field`
    holds the JSON text, or, with `send_as_json=True`, as a JSON body
    (`Content-Type: application/json`). The `requests` package is used
    when installed and the standard library otherwise (Keras 2.2 required
    `requests`). An unreachable server only causes a warning.

    # Arguments
        root: the server's root URL.
        path: the path to post to, relative to `root`.
        field: the form field holding the JSON text.
        headers: dict of extra HTTP headers.
        send_as_json: send the logs as the JSON body itself.
    """

    def __init__(self, root='http://localhost:9000',
                 path='/publish/epoch/end/', field='data', headers=None,
                 send_as_json=False):
        super(RemoteMonitor, self).__init__()
        self.root = root
        self.path = path
        self.field = field
        self.headers = headers
        self.send_as_json = send_as_json

    def on_epoch_end(self, epoch, logs=None):
        payload = {'epoch': epoch}
        for name, value in (logs or {}).items():
            if isinstance(value, (np.ndarray, np.generic)):
                value = value.item()
            payload[name] = value
        failures = (OSError,) if requests is None else (
            OSError, requests.exceptions.RequestException)
        try:
            _post_json(self.root + self.path, payload, self.field,
                       self.headers, self.send_as_json)
        except failures:
            warnings.warn('Warning: could not reach RemoteMonitor root '
                          'server at ' + str(self.root))


class LearningRateScheduler(Callback):
    """Sets the optimizer's learning rate at the start of each epoch.

    # Arguments
        schedule: a function of the epoch index (from 0) and, if it takes
            two arguments, the current learning rate, returning the new
            learning rate as a float.
        verbose: 0 quiet, 1 prints the new rate.

    # Raises
        ValueError: if the optimizer has no `lr`, or `schedule` does not
            return a float.

    # Example
    ```python
        def halve_every_ten(epoch, lr):
            return lr / 2. if epoch and epoch % 10 == 0 else lr

        model.fit(x, y, epochs=30,
                  callbacks=[LearningRateScheduler(halve_every_ten)])
    ```
    """

    def __init__(self, schedule, verbose=0):
        super(LearningRateScheduler, self).__init__()
        self.schedule = schedule
        self.verbose = verbose

    def _call_schedule(self, epoch, lr):
        try:
            parameters = inspect.signature(self.schedule).parameters
        except (TypeError, ValueError):
            # No signature to read (a builtin, say): try as Keras 2.2 did.
            try:
                return self.schedule(epoch, lr)
            except TypeError:
                return self.schedule(epoch)
        positional = [p for p in parameters.values() if p.kind in (
            p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        takes_lr = len(positional) >= 2 or any(
            p.kind == p.VAR_POSITIONAL for p in parameters.values())
        # Reading the signature, rather than retrying on TypeError as Keras
        # 2.2 did, keeps a TypeError raised inside the schedule visible.
        return self.schedule(epoch, lr) if takes_lr else self.schedule(epoch)

    def on_epoch_begin(self, epoch, logs=None):
        variable = _learning_rate_variable(self.model)
        lr = self._call_schedule(epoch, float(K.get_value(variable)))
        if not isinstance(lr, (float, np.floating)):
            raise ValueError('The output of the "schedule" function should '
                             'be float.')
        K.set_value(variable, lr)
        if self.verbose > 0:
            print('\nEpoch %05d: LearningRateScheduler setting learning '
                  'rate to %s.' % (epoch + 1, lr))

    def on_epoch_end(self, epoch, logs=None):
        if logs is not None:
            logs['lr'] = K.get_value(self.model.optimizer.lr)


class ReduceLROnPlateau(Callback):
    """Lowers the learning rate when a monitored quantity stops improving.

    After `patience` epochs without an improvement of more than
    `min_delta`, the learning rate is multiplied by `factor` (never going
    below `min_lr`); then `cooldown` epochs pass before counting again.
    The epoch logs get the current rate as `'lr'`.

    # Arguments
        monitor: the quantity to watch (a key of the epoch logs).
        factor: what the learning rate is multiplied by (< 1).
        patience: epochs without improvement before lowering the rate.
        verbose: 0 quiet, 1 prints each change.
        mode: `'auto'`, `'min'` or `'max'`: whether `monitor` should go
            down or up (`'auto'` infers it from the name).
        min_delta: the least change that counts as an improvement.
        cooldown: epochs to wait after a change before counting again.
        min_lr: the lowest learning rate.
        **kwargs: `epsilon`, the old name of `min_delta` (deprecated).

    # Raises
        ValueError: if `factor >= 1`.
        TypeError: for another keyword argument (Keras 2.2 ignored them).

    # Example
    ```python
        reduce_lr = ReduceLROnPlateau(factor=0.2, patience=5, min_lr=0.001)
        model.fit(x, y, validation_split=0.2, callbacks=[reduce_lr])
    ```
    """

    def __init__(self, monitor='val_loss', factor=0.1, patience=10,
                 verbose=0, mode='auto', min_delta=1e-4, cooldown=0,
                 min_lr=0, **kwargs):
        super(ReduceLROnPlateau, self).__init__()
        if factor >= 1.0:
            raise ValueError('ReduceLROnPlateau does not support a factor '
                             '>= 1.0.')
        if 'epsilon' in kwargs:
            min_delta = kwargs.pop('epsilon')
            warnings.warn('`epsilon` argument is deprecated and will be '
                          'removed, use `min_delta` instead.', stacklevel=2)
        if kwargs:
            raise TypeError('ReduceLROnPlateau: unexpected keyword '
                            'arguments %s.' % sorted(kwargs))
        self.monitor = monitor
        self.factor = factor
        self.min_lr = min_lr
        self.min_delta = min_delta
        self.patience = patience
        self.verbose = verbose
        self.cooldown = cooldown
        self.mode = mode
        self._reset()

    def _reset(self):
        self._improvement = _Improvement(
            'Learning Rate Plateau Reducing', self.monitor, self.mode,
            self.min_delta)
        self.mode = self._improvement.mode
        self.monitor_op = self._improvement.is_better
        self.best = self._improvement.initial_best()
        self.cooldown_counter = 0
        self.wait = 0

    def on_train_begin(self, logs=None):
        self._reset()

    def on_epoch_end(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        variable = _learning_rate_variable(self.model)
        logs['lr'] = K.get_value(variable)
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn('Reduce LR on plateau conditioned on metric `%s` '
                          'which is not available. Available metrics are: %s'
                          % (self.monitor, _available(logs)),
                          RuntimeWarning)
            return
        if self.in_cooldown():
            self.cooldown_counter -= 1
            self.wait = 0
        if self._improvement.is_better(current, self.best):
            self.best = current
            self.wait = 0
            return
        if self.in_cooldown():
            return
        self.wait += 1
        if self.wait < self.patience:
            return
        old_lr = float(K.get_value(variable))
        if old_lr > self.min_lr:
            new_lr = max(old_lr * self.factor, self.min_lr)
            K.set_value(variable, new_lr)
            if self.verbose > 0:
                print('\nEpoch %05d: ReduceLROnPlateau reducing learning '
                      'rate to %s.' % (epoch + 1, new_lr))
            self.cooldown_counter = self.cooldown
            self.wait = 0

    def in_cooldown(self):
        """Whether the callback is waiting after a change of rate."""
        return self.cooldown_counter > 0


class CSVLogger(Callback):
    """Writes the logs of each epoch as a row of a CSV file.

    The columns are `epoch` then the log names in alphabetical order, as
    found at the first epoch; a value missing at a later epoch is written
    `NA`, and lists or arrays are written as `"[a, b, ...]"`.

    # Arguments
        filename: the CSV file.
        separator: the column separator.
        append: add rows to an existing file (its header, if any, is kept
            and its columns reused) instead of overwriting it.

    # Example
    ```python
        model.fit(x, y, callbacks=[CSVLogger('training.log')])
    ```
    """

    def __init__(self, filename, separator=',', append=False):
        super(CSVLogger, self).__init__()
        self.sep = separator
        self.filename = filename
        self.append = append
        self.writer = None
        self.keys = None
        self.append_header = True
        self.csv_file = None

    def on_train_begin(self, logs=None):
        self.append_header = True
        self.writer = None
        if self.append and os.path.exists(self.filename):
            with open(self.filename, 'r', newline='') as existing:
                header = existing.readline().rstrip('\r\n')
            if header:
                self.append_header = False
                columns = next(csv.reader([header], delimiter=self.sep))
                self.keys = [c for c in columns if c != 'epoch']
        if self.append_header:
            # A new header: take the columns from this training's logs.
            self.keys = None
        self.csv_file = open(self.filename, 'a' if self.append else 'w',
                             newline='')

    @staticmethod
    def _cell(value):
        if isinstance(value, str):
            return value
        if isinstance(value, Iterable) and not (
                isinstance(value, np.ndarray) and value.ndim == 0):
            return '"[%s]"' % ', '.join(map(str, value))
        return value

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.keys is None:
            self.keys = sorted(logs.keys())
        if self.writer is None:
            separator = self.sep

            class _Dialect(csv.excel):
                delimiter = separator

            self.writer = csv.DictWriter(
                self.csv_file, fieldnames=['epoch'] + self.keys,
                dialect=_Dialect)
            if self.append_header:
                self.writer.writeheader()
        row = collections.OrderedDict([('epoch', epoch)])
        row.update((key, self._cell(logs[key]) if key in logs else 'NA')
                   for key in self.keys)
        self.writer.writerow(row)
        self.csv_file.flush()

    def on_train_end(self, logs=None):
        if self.csv_file is not None:
            self.csv_file.close()
            self.csv_file = None
        self.writer = None


class LambdaCallback(Callback):
    """A callback made of the functions given for each hook.

    Hooks not given do nothing. The functions are called as
    `on_epoch_begin(epoch, logs)`, `on_epoch_end(epoch, logs)`,
    `on_batch_begin(batch, logs)`, `on_batch_end(batch, logs)`,
    `on_train_begin(logs)` and `on_train_end(logs)`.

    # Arguments
        on_epoch_begin, on_epoch_end, on_batch_begin, on_batch_end,
        on_train_begin, on_train_end: the functions.
        **kwargs: set as attributes of the callback.

    # Example
    ```python
        losses = []
        keep_losses = LambdaCallback(
            on_batch_end=lambda batch, logs: losses.append(logs['loss']))
        model.fit(x, y, callbacks=[keep_losses])
    ```
    """

    def __init__(self, on_epoch_begin=None, on_epoch_end=None,
                 on_batch_begin=None, on_batch_end=None,
                 on_train_begin=None, on_train_end=None, **kwargs):
        super(LambdaCallback, self).__init__()
        self.__dict__.update(kwargs)
        two_args = lambda _, logs: None  # noqa: E731
        one_arg = lambda logs: None  # noqa: E731
        self.on_epoch_begin = on_epoch_begin or two_args
        self.on_epoch_end = on_epoch_end or two_args
        self.on_batch_begin = on_batch_begin or two_args
        self.on_batch_end = on_batch_end or two_args
        self.on_train_begin = on_train_begin or one_arg
        self.on_train_end = on_train_end or one_arg


# --------------------------------------------------------------------------
# TensorBoard.

def _histogram_proto(values, bins=30):
    """A TensorBoard `HistogramProto` of the finite entries of `values`."""
    values = np.asarray(values, dtype=np.float64).ravel()
    values = values[np.isfinite(values)]
    histogram = tf.compat.v1.HistogramProto()
    if values.size == 0:
        return histogram
    histogram.min = float(values.min())
    histogram.max = float(values.max())
    histogram.num = float(values.size)
    histogram.sum = float(values.sum())
    histogram.sum_squares = float(np.dot(values, values))
    counts, edges = np.histogram(values, bins=bins)
    histogram.bucket_limit.extend(edges[1:].tolist())
    histogram.bucket.extend(counts.astype(np.float64).tolist())
    return histogram


def _weight_images(value):
    """A weight as a stack of grey images (`(n, height, width)`), laid out
    as Keras 2.2 showed them, or `None` when it has no such layout."""
    value = np.squeeze(np.asarray(value, dtype=np.float64))
    if value.ndim == 2:
        # A kernel, drawn wider than tall.
        if value.shape[0] > value.shape[1]:
            value = value.T
        return value[np.newaxis]
    if value.ndim == 3:
        # A convolution kernel: one image per channel.
        if K.image_data_format() == 'channels_last':
            value = np.transpose(value, (2, 0, 1))
        return value
    if value.ndim == 1:
        return value[np.newaxis, np.newaxis, :]
    return None


def _image_proto(image):
    """A TensorBoard `Summary.Image` of a 2-D array, scaled to 0-255."""
    low, high = float(np.min(image)), float(np.max(image))
    scaled = (image - low) / (high - low) if high > low else \
        np.zeros_like(image)
    pixels = np.round(scaled * 255).astype(np.uint8)[:, :, np.newaxis]
    png = tf.io.encode_png(pixels).numpy()
    return tf.compat.v1.Summary.Image(
        height=pixels.shape[0], width=pixels.shape[1], colorspace=1,
        encoded_image_string=png)


def _write_text_atomically(path, text):
    directory, name = os.path.split(os.path.abspath(path))
    temporary = os.path.join(directory, '.%s.%s.tmp' % (name,
                                                         uuid.uuid4().hex))
    # 0o666: the umask sets the permissions, as for a file written in place.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, 'w') as target:
            target.write(text)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def _pbtxt_string(text):
    # Protocol buffer text strings use C escapes, which json.dumps gives
    # for every character a path can hold.
    return json.dumps(text)


class TensorBoard(Callback):
    """Writes TensorBoard logs: metrics, histograms, the graph, embeddings.

    Event files go to `log_dir` and are read by
    `tensorboard --logdir=path/to/log_dir` (or by
    `tf.compat.v1.train.summary_iterator`). They hold, as in Keras 2.2:

    * the epoch logs (loss, metrics, `val_*`, `lr`) as scalars, with the
      epoch as step; with `update_freq` `'batch'` or an integer, the batch
      logs too, every `update_freq` samples, and then the step of every
      scalar is the number of samples seen;
    * with `histogram_freq > 0`, every `histogram_freq` epochs: histograms
      of each layer's weights (`<weight name>` with `:` replaced by `_`)
      and outputs (`<layer>_out`) on the validation data, of the gradients
      of the loss with respect to the weights (`<weight name>_grad`) with
      `write_grads`, and weight images with `write_images`;
    * the Keras graph (with `write_graph`), which TensorBoard's Graphs tab
      shows;
    * with `embeddings_freq > 0`, every `embeddings_freq` epochs, the
      outputs of the `embeddings_layer_names` layers on `embeddings_data`
      in a checkpoint (`keras_embedding.ckpt-<epoch>`) with a
      `projector_config.pbtxt`, for TensorBoard's projector.

    Scalars, histograms and images are written as the same summary values
    Keras 2.2 wrote (`simple_value`, `histo`, `image`) through a TensorFlow
    2 file writer, so TensorBoard need not be installed to write them.
    Histograms and images need validation data given as arrays (not a
    generator), as in Keras 2.2; the output and gradient histograms use all
    of it, `batch_size` samples at a time (one histogram per epoch, where
    Keras 2.2 wrote one per validation batch). Unlike Keras 2.2, no
    TensorFlow session or merged summary op exists: the values are
    computed with compiled Keras functions at the end of the epoch.

    Not supported: profiling and run metadata (Keras 2.2 wrote none
    either); the graph written is the whole Keras graph of the session
    (every model built since the last `K.clear_session()`), not only this
    model's.

    # Arguments
        log_dir: the directory to write to.
        histogram_freq: epochs between two writes of histograms (0: none).
        batch_size: samples per batch when computing histograms.
        write_graph: write the graph.
        write_grads: add histograms of the gradients (only written with
            the histograms: with `histogram_freq=0` it does nothing, with
            a warning).
        write_images: add weight images (with the histograms).
        embeddings_freq: epochs between two embedding checkpoints (0:
            none).
        embeddings_layer_names: names of the layers whose outputs to
            save; by default, every `Embedding` layer.
        embeddings_metadata: a metadata file path for every layer, or a
            dict from layer names to paths (see TensorBoard's projector).
        embeddings_data: the inputs whose embeddings are saved (an array,
            list or dict, as for `predict`).
        update_freq: `'epoch'`, `'batch'`, or an integer: write the
            scalars at the end of each epoch, each batch, or every that
            many samples.

    # Raises
        ValueError: for a bad `update_freq`, negative frequencies, missing
            `embeddings_data` or unknown embedding layers (when the model
            is set), or histograms without validation data (at the end of
            the epoch).
    """

    def __init__(self, log_dir='./logs', histogram_freq=0, batch_size=32,
                 write_graph=True, write_grads=False, write_images=False,
                 embeddings_freq=0, embeddings_layer_names=None,
                 embeddings_metadata=None, embeddings_data=None,
                 update_freq='epoch'):
        super(TensorBoard, self).__init__()
        for name, value in (('histogram_freq', histogram_freq),
                            ('embeddings_freq', embeddings_freq)):
            if isinstance(value, bool) or \
                    not isinstance(value, (int, np.integer)) or value < 0:
                raise ValueError('TensorBoard: `%s` must be a non-negative '
                                 'integer, got %r.' % (name, value))
        if write_grads and not histogram_freq:
            # Keras 2.2 ignored `write_grads` without histograms, and code
            # that switches histograms off (histogram_freq=0) but keeps the
            # rest of its TensorBoard arguments relies on that.
            warnings.warn('TensorBoard: `write_grads=True` does nothing '
                          'with `histogram_freq=0` (gradients are written '
                          'with the histograms).')
        if update_freq == 'batch':
            update_freq = 1
        elif update_freq != 'epoch' and (
                isinstance(update_freq, bool) or
                not isinstance(update_freq, (int, np.integer)) or
                update_freq < 1):
            raise ValueError("TensorBoard: `update_freq` must be 'epoch', "
                             "'batch' or a positive integer, got %r."
                             % (update_freq,))
        self.log_dir = log_dir
        self.histogram_freq = histogram_freq
        self.batch_size = batch_size
        self.write_graph = write_graph
        self.write_grads = write_grads
        self.write_images = write_images
        self.embeddings_freq = embeddings_freq
        self.embeddings_layer_names = embeddings_layer_names
        self.embeddings_metadata = embeddings_metadata
        self.embeddings_data = embeddings_data
        self.embeddings_ckpt_path = os.path.join(log_dir,
                                                 'keras_embedding.ckpt')
        self.update_freq = update_freq
        self.writer = None
        self.samples_seen = 0
        self.samples_seen_at_last_write = 0
        self._output_function = None
        self._gradient_function = None
        self._embedding_function = None

    # -- set-up ------------------------------------------------------------

    def set_model(self, model):
        self.model = model
        self._output_function = None
        self._gradient_function = None
        self._embedding_function = None
        if self.writer is None:
            os.makedirs(self.log_dir, exist_ok=True)
            self.writer = tf.summary.create_file_writer(self.log_dir)
        if self.write_graph:
            with self.writer.as_default():
                tf.summary.graph(K.get_graph().as_graph_def())
            self.writer.flush()
        if self.embeddings_freq:
            self._set_up_embeddings()

    def _embedding_layers(self):
        names = self.embeddings_layer_names
        if not names:
            return [layer for layer in self.model.layers
                    if type(layer).__name__ == 'Embedding']
        if isinstance(names, str):
            names = [names]
        known = {layer.name: layer for layer in self.model.layers}
        unknown = [name for name in names if name not in known]
        if unknown:
            raise ValueError('TensorBoard: `embeddings_layer_names` names '
                             'layers the model does not have: %s. Its '
                             'layers are: %s' % (unknown, list(known)))
        return [known[name] for name in names]

    def _set_up_embeddings(self):
        from .engine.training_utils import standardize_input_data
        if self.embeddings_data is None:
            raise ValueError('To visualize embeddings, embeddings_data must '
                             'be provided.')
        self._embeddings_inputs = standardize_input_data(
            self.embeddings_data, self.model._feed_input_names,
            exception_prefix='embeddings_data')
        self._embedding_layer_list = self._embedding_layers()
        self._embedding_checkpoints = []
        if not self._embedding_layer_list:
            raise ValueError('TensorBoard: `embeddings_freq` is set but the '
                             'model has no Embedding layer; name the layers '
                             'to embed in `embeddings_layer_names`.')
        metadata = self.embeddings_metadata
        if isinstance(metadata, str):
            metadata = {layer.name: metadata
                        for layer in self._embedding_layer_list}
        self._embeddings_metadata = metadata or {}

    # -- writing -------------------------------------------------------------

    def _write_summary(self, values, step):
        if not values:
            return
        summary = tf.compat.v1.Summary(value=values)
        with self.writer.as_default():
            tf.summary.experimental.write_raw_pb(
                tf.constant(summary.SerializeToString()),
                step=tf.constant(int(step), dtype=tf.int64))

    def _write_logs(self, logs, step):
        values = []
        for name, value in logs.items():
            if name in ('batch', 'size'):
                continue
            value = np.asarray(value)
            if value.size != 1:
                continue
            values.append(tf.compat.v1.Summary.Value(
                tag=name, simple_value=float(value.item())))
        self._write_summary(values, step)
        self.writer.flush()

    def _feed(self, data, with_targets):
        """The validation arrays the compiled functions take, in batches
        of `batch_size`, with the sizes."""
        n_inputs = len(self.model._feed_inputs)
        arrays = [a for a in data if not isinstance(a, float)]
        if with_targets:
            n_arrays = n_inputs + len(self.model._feed_targets) + \
                len(self.model._feed_sample_weights)
        else:
            n_arrays = n_inputs
        arrays = arrays[:n_arrays]
        phase = [0.] if self.model._uses_dynamic_learning_phase() else []
        total = int(arrays[0].shape[0])
        for start in range(0, total, self.batch_size):
            stop = min(total, start + self.batch_size)
            yield [a[start:stop] for a in arrays] + phase, stop - start

    def _layer_outputs(self):
        outputs, tags = [], []
        for layer in self.model.layers:
            try:
                layer_outputs = layer.output
            except AttributeError:
                # A shared layer has no single output to show.
                continue
            if isinstance(layer_outputs, list):
                for i, output in enumerate(layer_outputs):
                    outputs.append(output)
                    tags.append('%s_out_%d' % (layer.name, i))
            else:
                outputs.append(layer_outputs)
                tags.append('%s_out' % layer.name)
        return outputs, tags

    def _histograms(self, epoch):
        if not self.validation_data:
            raise ValueError('If printing histograms, validation_data must '
                             'be provided, and cannot be a generator.')
        model = self.model
        values = []
        weights = []
        for layer in model.layers:
            for weight in layer.weights:
                weights.append((layer, weight,
                                weight.name.replace(':', '_')))
        weight_values = K.batch_get_value([w for _, w, _ in weights])
        for (layer, _, tag), value in zip(weights, weight_values):
            values.append(tf.compat.v1.Summary.Value(
                tag=tag, histo=_histogram_proto(value)))
            if self.write_images:
                images = _weight_images(value)
                if images is not None:
                    for i, image in enumerate(images[:3]):
                        suffix = '/image' if len(images) == 1 else \
                            '/image/%d' % i
                        values.append(tf.compat.v1.Summary.Value(
                            tag=tag + suffix, image=_image_proto(image)))
        # Layer outputs on the validation inputs.
        if self._output_function is None:
            outputs, self._output_tags = self._layer_outputs()
            self._output_function = K.function(
                model._feeds(False), outputs, name='tensorboard_outputs')
        collected = [[] for _ in self._output_tags]
        for feed, _ in self._feed(self.validation_data, False):
            for store, out in zip(collected, self._output_function(feed)):
                store.append(np.asarray(out).ravel())
        for tag, store in zip(self._output_tags, collected):
            values.append(tf.compat.v1.Summary.Value(
                tag=tag, histo=_histogram_proto(np.concatenate(store))))
        if self.write_grads:
            values += self._gradient_histograms()
        self._write_summary(values, epoch)

    def _gradient_histograms(self):
        model = self.model
        trainable = [w for layer in model.layers
                     for w in layer.trainable_weights]
        if self._gradient_function is None:
            gradients = K.gradients(model.total_loss, trainable)
            pairs = [(w, g) for w, g in zip(trainable, gradients)
                     if g is not None]
            self._gradient_weights = [w for w, _ in pairs]
            self._gradient_function = K.function(
                model._feeds(True), [g for _, g in pairs],
                name='tensorboard_gradients')
        totals, seen = None, 0
        for feed, size in self._feed(self.validation_data, True):
            grads = self._gradient_function(feed)
            if totals is None:
                totals = [g * size for g in grads]
            else:
                totals = [t + g * size for t, g in zip(totals, grads)]
            seen += size
        return [tf.compat.v1.Summary.Value(
            tag=w.name.replace(':', '_') + '_grad',
            histo=_histogram_proto(total / seen))
            for w, total in zip(self._gradient_weights, totals)]

    def _save_embeddings(self, epoch):
        model = self.model
        layers = self._embedding_layer_list
        if self._embedding_function is None:
            self._embedding_function = K.function(
                model._feeds(False), [layer.output for layer in layers],
                name='tensorboard_embeddings')
        collected = [[] for _ in layers]
        for feed, size in self._feed(self._embeddings_inputs, False):
            for store, out in zip(collected,
                                  self._embedding_function(feed)):
                store.append(np.asarray(out).reshape(size, -1))
        variables = {}
        for layer, store in zip(layers, collected):
            variables['%s_embedding' % layer.name] = tf.Variable(
                np.concatenate(store).astype(np.float32),
                name='%s_embedding' % layer.name)
        path = '%s-%d' % (self.embeddings_ckpt_path, epoch)
        tf.train.Checkpoint(**variables).write(path)
        self._embedding_checkpoints.append(os.path.basename(path))
        # The state file that tells readers (the projector,
        # tf.train.latest_checkpoint) which checkpoint is the latest.
        state = ['model_checkpoint_path: %s' % _pbtxt_string(
            self._embedding_checkpoints[-1])]
        state += ['all_model_checkpoint_paths: %s' % _pbtxt_string(name)
                  for name in self._embedding_checkpoints]
        _write_text_atomically(os.path.join(self.log_dir, 'checkpoint'),
                               '\n'.join(state) + '\n')
        lines = []
        for layer in layers:
            lines.append('embeddings {')
            lines.append('  tensor_name: %s' % _pbtxt_string(
                '%s_embedding/.ATTRIBUTES/VARIABLE_VALUE' % layer.name))
            if layer.name in self._embeddings_metadata:
                lines.append('  metadata_path: %s' % _pbtxt_string(
                    self._embeddings_metadata[layer.name]))
            lines.append('}')
        lines.append('model_checkpoint_path: %s' % _pbtxt_string(path))
        _write_text_atomically(
            os.path.join(self.log_dir, 'projector_config.pbtxt'),
            '\n'.join(lines) + '\n')

    # -- hooks ---------------------------------------------------------------

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.histogram_freq and epoch % self.histogram_freq == 0:
            self._histograms(epoch)
        if self.embeddings_freq and epoch % self.embeddings_freq == 0:
            self._save_embeddings(epoch)
        step = epoch if self.update_freq == 'epoch' else self.samples_seen
        self._write_logs(logs, step)

    def on_batch_end(self, batch, logs=None):
        if self.update_freq == 'epoch':
            return
        logs = logs or {}
        self.samples_seen += logs.get('size', 1)
        if self.samples_seen - self.samples_seen_at_last_write >= \
                self.update_freq:
            self._write_logs(logs, self.samples_seen)
            self.samples_seen_at_last_write = self.samples_seen

    def on_train_end(self, _):
        if self.writer is not None:
            self.writer.close()
            self.writer = None
