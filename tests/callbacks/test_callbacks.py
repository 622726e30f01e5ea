"""The Keras 2.2 callbacks: each one's effect on training or on disk."""
import csv
import glob
import http.server
import json
import os
import socket
import threading
import urllib.parse

import numpy as np
import pytest
import tensorflow as tf

from keras22 import backend as K
from keras22 import callbacks
from keras22.layers import Dense
from keras22.models import Sequential


def make_data(n=32, seed=0):
    rng = np.random.RandomState(seed)
    x = rng.randn(n, 3).astype('float32')
    y = (x[:, :1] > 0).astype('float32')
    return x, y


def small_model(lr=0.01):
    model = Sequential([Dense(4, activation='tanh', input_dim=3),
                        Dense(1, activation='sigmoid')])
    from keras22.optimizers import SGD
    model.compile(SGD(lr=lr), 'binary_crossentropy', metrics=['acc'])
    return model


def inject(name, values):
    """A callback that puts `values[epoch]` in the epoch logs as `name`
    (it must come before the callbacks that read it)."""
    def on_epoch_end(epoch, logs):
        logs[name] = values[epoch]
    return callbacks.LambdaCallback(on_epoch_end=on_epoch_end)


class RecordingModel(object):
    """Stands in for a model: records saves and writes small files."""

    def __init__(self):
        self.saved = []
        self.stop_training = False

    def save(self, filepath, overwrite=True):
        self.saved.append(('model', filepath))
        with open(filepath, 'w') as f:
            f.write('model')

    def save_weights(self, filepath, overwrite=True):
        self.saved.append(('weights', filepath))
        with open(filepath, 'w') as f:
            f.write('weights')


def run_epochs(callback, logs_per_epoch, model=None):
    model = model or RecordingModel()
    callback.set_model(model)
    callback.on_train_begin({})
    for epoch, logs in enumerate(logs_per_epoch):
        callback.on_epoch_end(epoch, dict(logs))
        if model.stop_training:
            break
    callback.on_train_end({})
    return model


# --------------------------------------------------------------------------
# TerminateOnNaN

def test_terminate_on_nan_stops_after_the_bad_batch(capsys):
    x, y = make_data()
    x[0, 0] = np.nan
    batches = []
    history = small_model().fit(
        x, y, epochs=5, batch_size=8, shuffle=False, verbose=0,
        callbacks=[callbacks.TerminateOnNaN(),
                   callbacks.LambdaCallback(
                       on_batch_end=lambda b, logs: batches.append(b))])
    assert batches == [0]
    assert len(history.epoch) == 1
    assert 'Batch 0: Invalid loss, terminating training' in \
        capsys.readouterr().out


# --------------------------------------------------------------------------
# ModelCheckpoint

def test_checkpoint_file_names_and_period(tmp_path):
    pattern = str(tmp_path / 'w.{epoch:02d}-{loss:.2f}.h5')
    checkpoint = callbacks.ModelCheckpoint(pattern, period=2)
    model = run_epochs(checkpoint, [{'loss': 0.5}, {'loss': 0.4},
                                    {'loss': 0.3}, {'loss': 0.25}])
    assert [os.path.basename(p) for _, p in model.saved] == \
        ['w.02-0.40.h5', 'w.04-0.25.h5']
    assert all(kind == 'model' for kind, _ in model.saved)
    assert sorted(os.listdir(str(tmp_path))) == ['w.02-0.40.h5',
                                                 'w.04-0.25.h5']


def test_checkpoint_keeps_the_best_only(tmp_path, capsys):
    path = str(tmp_path / 'best.h5')
    checkpoint = callbacks.ModelCheckpoint(path, save_best_only=True,
                                           save_weights_only=True,
                                           verbose=1)
    model = run_epochs(checkpoint, [{'val_loss': 0.9}, {'val_loss': 0.7},
                                    {'val_loss': 0.8}, {'val_loss': 0.6}])
    assert [epoch for epoch, _ in model.saved] == ['weights', 'weights',
                                                   'weights']
    assert checkpoint.best == 0.6
    out = capsys.readouterr().out
    assert 'Epoch 00002: val_loss improved from 0.90000 to 0.70000, ' \
        'saving model to ' + path in out
    assert 'Epoch 00003: val_loss did not improve from 0.70000' in out
    # 'acc' in the name means higher is better.
    checkpoint = callbacks.ModelCheckpoint(path, monitor='val_acc',
                                           save_best_only=True)
    model = run_epochs(checkpoint, [{'val_acc': 0.5}, {'val_acc': 0.4},
                                    {'val_acc': 0.7}])
    assert len(model.saved) == 2 and checkpoint.best == 0.7


def test_checkpoint_warnings_and_missing_fields(tmp_path):
    path = str(tmp_path / 'm.h5')
    with pytest.warns(RuntimeWarning, match='ModelCheckpoint mode fancy is '
                                            'unknown, fallback to auto'):
        checkpoint = callbacks.ModelCheckpoint(path, mode='fancy',
                                               save_best_only=True)
    with pytest.warns(RuntimeWarning, match='Can save best model only with '
                                            'val_loss available, skipping'):
        model = run_epochs(checkpoint, [{'loss': 0.3}])
    assert model.saved == []
    checkpoint = callbacks.ModelCheckpoint(str(tmp_path / '{val_loss}.h5'))
    with pytest.raises(KeyError, match='val_loss'):
        run_epochs(checkpoint, [{'loss': 0.3}])


def test_checkpoint_writes_real_files_during_fit(tmp_path):
    x, y = make_data()
    model = small_model()
    pattern = str(tmp_path / 'weights.{epoch:02d}.h5')
    try:
        model.fit(x, y, epochs=2, verbose=0, validation_data=(x, y),
                  callbacks=[callbacks.ModelCheckpoint(
                      pattern, save_weights_only=True)])
    except NotImplementedError:
        pytest.skip('HDF5 saving (engine/saving.py) is not available yet')
    assert sorted(os.listdir(str(tmp_path))) == ['weights.01.h5',
                                                 'weights.02.h5']
    fresh = small_model()
    fresh.load_weights(str(tmp_path / 'weights.02.h5'))
    for got, want in zip(fresh.get_weights(), model.get_weights()):
        np.testing.assert_allclose(got, want)
    # The whole model, kept only while val_loss improves.
    from keras22.models import load_model
    best = str(tmp_path / 'best.h5')
    predictions = []
    record = callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: predictions.append(
            model.predict(x)))
    history = model.fit(x, y, epochs=3, verbose=0, validation_data=(x, y),
                        callbacks=[record, callbacks.ModelCheckpoint(
                            best, save_best_only=True)])
    best_epoch = int(np.argmin(history.history['val_loss']))
    np.testing.assert_allclose(load_model(best).predict(x),
                               predictions[best_epoch], rtol=1e-5,
                               atol=1e-6)
    assert sorted(os.listdir(str(tmp_path))) == [
        'best.h5', 'weights.01.h5', 'weights.02.h5']


# --------------------------------------------------------------------------
# EarlyStopping

def test_early_stopping_epoch_and_message(capsys):
    x, y = make_data()
    model = small_model()
    history = model.fit(
        x, y, epochs=10, verbose=0,
        callbacks=[inject('score', [1.0, 0.8, 0.85, 0.9, 0.95, 0.99, 1, 1,
                                    1, 1]),
                   callbacks.EarlyStopping(monitor='score', patience=2,
                                           verbose=1)])
    # Best at epoch 1; epochs 2 and 3 do not improve: stop after epoch 3.
    assert history.epoch == [0, 1, 2, 3]
    assert 'Epoch 00004: early stopping' in capsys.readouterr().out


def test_early_stopping_min_delta_and_baseline():
    stopper = callbacks.EarlyStopping(monitor='val_loss', min_delta=0.1,
                                      patience=1)
    # 0.95 is better than 1.0 but by less than min_delta.
    run_epochs(stopper, [{'val_loss': 1.0}, {'val_loss': 0.95},
                         {'val_loss': 0.5}])
    assert stopper.stopped_epoch == 1
    assert stopper.min_delta == -0.1  # signed by direction, as Keras 2.2
    stopper = callbacks.EarlyStopping(monitor='val_acc', baseline=0.9,
                                      patience=2)
    run_epochs(stopper, [{'val_acc': 0.5}, {'val_acc': 0.8},
                         {'val_acc': 0.95}])
    assert stopper.stopped_epoch == 1


def test_early_stopping_restores_the_best_weights():
    x, y = make_data()
    model = small_model(lr=0.5)
    weights_at = []
    record = callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: weights_at.append(
            model.get_weights()))
    model.fit(x, y, epochs=10, verbose=0,
              callbacks=[record,
                         inject('score', [3., 2., 1., 2., 3., 4., 5., 6., 7.,
                                          8.]),
                         callbacks.EarlyStopping(
                             monitor='score', patience=2,
                             restore_best_weights=True)])
    assert len(weights_at) == 5
    for got, want in zip(model.get_weights(), weights_at[2]):
        np.testing.assert_allclose(got, want)
    assert not np.allclose(weights_at[4][0], weights_at[2][0])


def test_early_stopping_restore_without_any_improvement_keeps_weights():
    x, y = make_data()
    model = small_model()
    stopper = callbacks.EarlyStopping(monitor='score', baseline=0.,
                                      patience=1, restore_best_weights=True)
    history = model.fit(x, y, epochs=5, verbose=0,
                        callbacks=[inject('score', [1.] * 5), stopper])
    assert history.epoch == [0]
    assert stopper.best_weights is None


def test_early_stopping_warns_about_a_missing_metric():
    stopper = callbacks.EarlyStopping(monitor='val_acc')
    with pytest.warns(RuntimeWarning, match='Early stopping conditioned on '
                                            'metric `val_acc` which is not '
                                            'available. Available metrics '
                                            'are: loss,acc'):
        model = run_epochs(stopper, [{'loss': 1., 'acc': 0.5}])
    assert not model.stop_training


# --------------------------------------------------------------------------
# Learning rates

def test_learning_rate_scheduler_both_signatures():
    x, y = make_data()
    model = small_model(lr=0.1)
    seen = []

    def two_args(epoch, lr):
        seen.append(lr)
        return lr / 2.

    history = model.fit(x, y, epochs=3, verbose=0, callbacks=[
        callbacks.LearningRateScheduler(two_args)])
    np.testing.assert_allclose(seen, [0.1, 0.05, 0.025], rtol=1e-6)
    np.testing.assert_allclose(K.get_value(model.optimizer.lr), 0.0125,
                               rtol=1e-6)
    np.testing.assert_allclose(history.history['lr'],
                               [0.05, 0.025, 0.0125], rtol=1e-6)
    model.fit(x, y, epochs=2, verbose=0, callbacks=[
        callbacks.LearningRateScheduler(lambda epoch: 0.001 * (epoch + 1))])
    np.testing.assert_allclose(K.get_value(model.optimizer.lr), 0.002,
                               rtol=1e-6)


def test_learning_rate_scheduler_errors():
    x, y = make_data()
    model = small_model()
    with pytest.raises(ValueError, match='should be float'):
        model.fit(x, y, verbose=0, callbacks=[
            callbacks.LearningRateScheduler(lambda epoch: 1)])

    def broken(epoch, lr):
        raise TypeError('inside the schedule')

    # Not mistaken for the one-argument form, as Keras 2.2 did.
    with pytest.raises(TypeError, match='inside the schedule'):
        model.fit(x, y, verbose=0, callbacks=[
            callbacks.LearningRateScheduler(broken)])


def test_reduce_lr_on_plateau_factor_floor_and_cooldown():
    x, y = make_data()
    model = small_model(lr=1.)
    rates = []
    history = model.fit(
        x, y, epochs=8, verbose=0,
        callbacks=[inject('score', [1.] * 8),
                   callbacks.ReduceLROnPlateau(monitor='score', factor=0.5,
                                               patience=2, cooldown=1,
                                               min_lr=0.3),
                   callbacks.LambdaCallback(
                       on_epoch_end=lambda e, logs: rates.append(
                           float(K.get_value(model.optimizer.lr))))])
    # Epoch 0 is the first value (an improvement on inf); epochs 1-2 do not
    # improve: halve after epoch 2. Epoch 3 ends the cooldown and, as in
    # Keras 2.2, already counts towards the patience: after epoch 4 the
    # rate is halved again, limited by min_lr.
    np.testing.assert_allclose(rates, [1., 1., .5, .5, .3, .3, .3, .3],
                               rtol=1e-6)
    # logs['lr'] is the rate the epoch was trained with.
    np.testing.assert_allclose(history.history['lr'][:3], [1., 1., 1.],
                               rtol=1e-6)


def test_reduce_lr_on_plateau_arguments():
    with pytest.warns(UserWarning, match='`epsilon` argument is '
                                         'deprecated'):
        reducer = callbacks.ReduceLROnPlateau(epsilon=0.5)
    assert reducer.min_delta == 0.5
    with pytest.raises(ValueError, match='does not support a factor >= '
                                         '1.0'):
        callbacks.ReduceLROnPlateau(factor=1.5)
    with pytest.raises(TypeError, match='patients'):
        callbacks.ReduceLROnPlateau(patients=3)
    with pytest.warns(RuntimeWarning, match='Learning Rate Plateau Reducing '
                                            'mode up is unknown'):
        callbacks.ReduceLROnPlateau(mode='up')
    x, y = make_data()
    with pytest.warns(RuntimeWarning, match='Reduce LR on plateau '
                                            'conditioned on metric '
                                            '`val_loss`'):
        small_model().fit(x, y, verbose=0,
                          callbacks=[callbacks.ReduceLROnPlateau()])


# --------------------------------------------------------------------------
# CSVLogger

def read_rows(path, separator=','):
    with open(path, newline='') as f:
        return list(csv.reader(f, delimiter=separator))


def test_csv_logger_rows_and_append(tmp_path):
    x, y = make_data()
    path = str(tmp_path / 'log.csv')
    model = small_model()
    history = model.fit(x, y, epochs=2, verbose=0, validation_data=(x, y),
                        callbacks=[callbacks.CSVLogger(path)])
    rows = read_rows(path)
    assert rows[0] == ['epoch', 'acc', 'loss', 'val_acc', 'val_loss']
    assert [r[0] for r in rows[1:]] == ['0', '1']
    np.testing.assert_allclose([float(r[2]) for r in rows[1:]],
                               history.history['loss'], rtol=1e-5)
    model.fit(x, y, epochs=1, verbose=0, validation_data=(x, y),
              callbacks=[callbacks.CSVLogger(path, append=True)])
    rows = read_rows(path)
    assert len(rows) == 4 and rows[0][0] == 'epoch' and rows[3][0] == '0'
    model.fit(x, y, epochs=1, verbose=0,
              callbacks=[callbacks.CSVLogger(path)])
    assert read_rows(path) == [['epoch', 'acc', 'loss'],
                               read_rows(path)[1]]


def test_csv_logger_separator_missing_values_and_lists(tmp_path):
    path = str(tmp_path / 'log.tsv')
    logger = callbacks.CSVLogger(path, separator='\t')
    run_epochs(logger, [{'loss': 0.5, 'extra': [1, 2]}, {'loss': 0.25}])
    assert read_rows(path, '\t') == [['epoch', 'extra', 'loss'],
                                     ['0', '"[1, 2]"', '0.5'],
                                     ['1', 'NA', '0.25']]


# --------------------------------------------------------------------------
# LambdaCallback

def test_lambda_callback_calls_every_hook_in_order():
    x, y = make_data(16)
    events = []
    hooks = callbacks.LambdaCallback(
        on_train_begin=lambda logs: events.append('train_begin'),
        on_epoch_begin=lambda epoch, logs: events.append(('epoch', epoch)),
        on_batch_begin=lambda batch, logs: events.append(('batch', batch)),
        on_batch_end=lambda batch, logs: events.append(
            ('batch_end', batch, 'loss' in logs)),
        on_epoch_end=lambda epoch, logs: events.append(
            ('epoch_end', epoch, 'loss' in logs)),
        on_train_end=lambda logs: events.append('train_end'),
        note='kept')
    assert hooks.note == 'kept'
    small_model().fit(x, y, batch_size=8, epochs=2, shuffle=False,
                      verbose=0, callbacks=[hooks])
    one_epoch = [('batch', 0), ('batch_end', 0, True), ('batch', 1),
                 ('batch_end', 1, True)]
    assert events == (['train_begin', ('epoch', 0)] + one_epoch +
                      [('epoch_end', 0, True), ('epoch', 1)] + one_epoch +
                      [('epoch_end', 1, True), 'train_end'])
    # Hooks not given do nothing.
    callbacks.LambdaCallback().on_epoch_end(0, {})


# --------------------------------------------------------------------------
# RemoteMonitor

class _Collector(http.server.BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers['Content-Length']))
        self.received.append((self.path, self.headers['Content-Type'],
                              body.decode('utf-8')))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback_server():
    _Collector.received = []
    server = http.server.HTTPServer(('127.0.0.1', 0), _Collector)
    thread = threading.Thread(target=server.serve_forever,
                              kwargs={'poll_interval': 0.05}, daemon=True)
    thread.start()
    try:
        yield 'http://127.0.0.1:%d' % server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.parametrize('use_requests', [True, False])
def test_remote_monitor_posts_json(loopback_server, monkeypatch,
                                   use_requests):
    if not use_requests:
        monkeypatch.setattr(callbacks, 'requests', None)
    elif callbacks.requests is None:
        pytest.skip('requests is not installed')
    x, y = make_data()
    small_model().fit(x, y, epochs=2, verbose=0, callbacks=[
        callbacks.RemoteMonitor(root=loopback_server, path='/epochs/')])
    assert len(_Collector.received) == 2
    path, content_type, body = _Collector.received[1]
    assert path == '/epochs/'
    assert content_type == 'application/x-www-form-urlencoded'
    sent = json.loads(urllib.parse.parse_qs(body)['data'][0])
    assert sent['epoch'] == 1 and set(sent) == {'epoch', 'loss', 'acc'}
    assert isinstance(sent['loss'], float)

    _Collector.received = []
    monitor = callbacks.RemoteMonitor(root=loopback_server, path='/j',
                                      send_as_json=True,
                                      headers={'X-Run': 'seven'})
    monitor.on_epoch_end(3, {'loss': np.float32(0.5)})
    path, content_type, body = _Collector.received[0]
    assert content_type == 'application/json'
    assert json.loads(body) == {'epoch': 3, 'loss': 0.5}


@pytest.mark.parametrize('use_requests', [True, False])
def test_remote_monitor_unreachable_server_only_warns(monkeypatch,
                                                      use_requests):
    if not use_requests:
        monkeypatch.setattr(callbacks, 'requests', None)
    # A port that was free a moment ago: connections are refused at once.
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        port = probe.getsockname()[1]
    monitor = callbacks.RemoteMonitor(root='http://127.0.0.1:%d' % port)
    with pytest.warns(UserWarning, match='could not reach RemoteMonitor'):
        monitor.on_epoch_end(0, {'loss': 1.})


# --------------------------------------------------------------------------
# TensorBoard

def read_events(log_dir):
    """(step, tag, kind, value) of every summary value, plus the number
    of graph events."""
    values, graphs = [], 0
    for path in glob.glob(os.path.join(log_dir, 'events.out.tfevents.*')):
        for event in tf.compat.v1.train.summary_iterator(path):
            if event.HasField('graph_def'):
                graphs += 1
            for value in event.summary.value:
                kind = value.WhichOneof('value')
                values.append((event.step, value.tag, kind,
                               value.simple_value if kind == 'simple_value'
                               else getattr(value, kind)))
    return values, graphs


def test_tensorboard_epoch_scalars_and_graph(tmp_path):
    x, y = make_data()
    log_dir = str(tmp_path / 'logs')
    history = small_model().fit(x, y, epochs=3, verbose=0,
                                validation_data=(x, y),
                                callbacks=[callbacks.TensorBoard(log_dir)])
    values, graphs = read_events(log_dir)
    assert graphs == 1
    scalars = {(step, tag): v for step, tag, kind, v in values
               if kind == 'simple_value'}
    assert {tag for _, tag in scalars} == {'loss', 'acc', 'val_loss',
                                           'val_acc'}
    assert sorted({step for step, _ in scalars}) == [0, 1, 2]
    np.testing.assert_allclose([scalars[(e, 'val_loss')] for e in range(3)],
                               history.history['val_loss'], rtol=1e-5)


def test_tensorboard_histograms_images_and_gradients(tmp_path):
    x, y = make_data()
    log_dir = str(tmp_path / 'logs')
    model = small_model()
    model.fit(x, y, epochs=2, verbose=0, validation_data=(x, y),
              callbacks=[callbacks.TensorBoard(
                  log_dir, histogram_freq=1, write_grads=True,
                  write_images=True, batch_size=10, write_graph=False)])
    values, graphs = read_events(log_dir)
    assert graphs == 0
    histograms = {(step, tag): h for step, tag, kind, h in values
                  if kind == 'histo'}
    assert {tag for _, tag in histograms} == {
        'dense_1/kernel_0', 'dense_1/bias_0', 'dense_2/kernel_0',
        'dense_2/bias_0', 'dense_1_out', 'dense_2_out',
        'dense_1/kernel_0_grad', 'dense_1/bias_0_grad',
        'dense_2/kernel_0_grad', 'dense_2/bias_0_grad'}
    assert sorted({step for step, _ in histograms}) == [0, 1]
    kernel = histograms[(1, 'dense_1/kernel_0')]
    assert kernel.num == 12
    np.testing.assert_allclose(kernel.sum, model.get_weights()[0].sum(),
                               rtol=1e-5)
    assert histograms[(1, 'dense_2_out')].num == len(x)
    images = {tag for _, tag, kind, _ in values if kind == 'image'}
    assert 'dense_1/kernel_0/image' in images


def test_tensorboard_histograms_need_validation_arrays(tmp_path):
    x, y = make_data()
    with pytest.raises(ValueError, match='If printing histograms, '
                                         'validation_data must be provided'):
        small_model().fit(x, y, verbose=0, callbacks=[
            callbacks.TensorBoard(str(tmp_path), histogram_freq=1)])


def test_tensorboard_batch_updates_count_samples(tmp_path):
    x, y = make_data(32)
    log_dir = str(tmp_path / 'logs')
    small_model().fit(x, y, epochs=2, batch_size=8, verbose=0,
                      callbacks=[callbacks.TensorBoard(
                          log_dir, update_freq=16, write_graph=False)])
    steps = [step for step, tag, _, _ in read_events(log_dir)[0]
             if tag == 'loss']
    # Every 16 samples within epochs, then each epoch's end (at the same
    # sample counts, 32 and 64).
    assert steps == [16, 32, 32, 48, 64, 64]
    with pytest.raises(ValueError, match='update_freq'):
        callbacks.TensorBoard(log_dir, update_freq='sometimes')


def test_tensorboard_write_grads_without_histograms_is_ignored(tmp_path):
    # Keras 2.2 ignored write_grads when histogram_freq=0; legacy code
    # passes both, so it warns and trains, writing no histogram.
    x, y = make_data()
    log_dir = str(tmp_path / 'logs')
    with pytest.warns(UserWarning, match='write_grads'):
        board = callbacks.TensorBoard(log_dir, histogram_freq=0,
                                      write_grads=True, write_images=True,
                                      write_graph=False)
    small_model().fit(x, y, epochs=1, verbose=0, callbacks=[board])
    kinds = {kind for _, _, kind, _ in read_events(log_dir)[0]}
    assert kinds == {'simple_value'}


def test_tensorboard_embeddings_checkpoint(tmp_path):
    x, y = make_data(12)
    log_dir = str(tmp_path / 'logs')
    model = small_model()
    model.fit(x, y, epochs=2, verbose=0, callbacks=[callbacks.TensorBoard(
        log_dir, embeddings_freq=1, embeddings_layer_names=['dense_1'],
        embeddings_data=x, embeddings_metadata='labels.tsv', batch_size=5)])
    latest = tf.train.latest_checkpoint(log_dir)
    assert os.path.basename(latest) == 'keras_embedding.ckpt-1'
    name = 'dense_1_embedding/.ATTRIBUTES/VARIABLE_VALUE'
    stored = tf.train.load_checkpoint(latest).get_tensor(name)
    hidden = np.tanh(x.dot(model.get_weights()[0]) + model.get_weights()[1])
    np.testing.assert_allclose(stored, hidden, rtol=1e-5, atol=1e-6)
    with open(os.path.join(log_dir, 'projector_config.pbtxt')) as f:
        config = f.read()
    assert '"%s"' % name in config and 'metadata_path: "labels.tsv"' in \
        config
    with pytest.raises(ValueError, match='embeddings_data must be '
                                         'provided'):
        model.fit(x, y, verbose=0, callbacks=[callbacks.TensorBoard(
            log_dir, embeddings_freq=1, embeddings_layer_names=['dense_1'])])
    with pytest.raises(ValueError, match='nowhere'):
        model.fit(x, y, verbose=0, callbacks=[callbacks.TensorBoard(
            log_dir, embeddings_freq=1, embeddings_layer_names=['nowhere'],
            embeddings_data=x)])


def test_tensorboard_with_fit_generator(tmp_path):
    x, y = make_data()
    log_dir = str(tmp_path / 'logs')

    def batches():
        while True:
            yield x[:8], y[:8]

    small_model().fit_generator(batches(), steps_per_epoch=2, epochs=2,
                                verbose=0, validation_data=(x, y),
                                callbacks=[callbacks.TensorBoard(
                                    log_dir, histogram_freq=1,
                                    write_graph=False)])
    tags = {tag for _, tag, _, _ in read_events(log_dir)[0]}
    assert {'loss', 'val_loss', 'dense_1/kernel_0'} <= tags


def test_callback_validation_data_lists_the_phase_only_when_used():
    # Keras 2.2: inputs, targets, sample weights, then the learning-phase
    # value 0. only for a model that uses the learning phase.
    from keras22.layers import Dense, Dropout
    from keras22.models import Sequential
    seen = {}

    class Keep(callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            seen[epoch] = self.validation_data

    x = np.random.rand(8, 3).astype('float32')
    y = np.random.rand(8, 1).astype('float32')
    plain = Sequential([Dense(1, input_dim=3)])
    plain.compile('sgd', 'mse')
    plain.fit(x, y, epochs=1, verbose=0, validation_data=(x, y),
              callbacks=[Keep()])
    assert len(seen[0]) == 3
    np.testing.assert_array_equal(seen[0][0], x)
    dropped = Sequential([Dropout(0.5, input_shape=(3,)), Dense(1)])
    dropped.compile('sgd', 'mse')
    dropped.fit(x, y, epochs=1, verbose=0, validation_data=(x, y),
                callbacks=[Keep()])
    assert len(seen[0]) == 4 and seen[0][3] == 0.
