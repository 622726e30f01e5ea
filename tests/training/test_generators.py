"""fit_generator / evaluate_generator / predict_generator as Keras 2.2
documented them: generators and Sequences, in the main thread, worker
threads and worker processes."""
import threading
import warnings

import numpy as np
import pytest

from keras22.callbacks import LambdaCallback
from keras22.layers import Dense, Input
from keras22.models import Model, Sequential
from keras22.utils import Sequence


class DataError(Exception):
    """Raised on purpose by the data; module level so that it pickles."""


def make_data(n=40, seed=0):
    rng = np.random.RandomState(seed)
    x = rng.randn(n, 3).astype('float32')
    y = (x[:, :1] + x[:, 1:2] > 0).astype('float32')
    return x, y


class ArraySequence(Sequence):
    """Batches of arrays by index; records what it serves (threads and the
    main thread share the record)."""

    def __init__(self, x, y, batch_size=8, sample_weight=None,
                 fail_at=None):
        self.x, self.y, self.batch_size = x, y, batch_size
        self.sample_weight = sample_weight
        self.fail_at = fail_at
        self.served = []
        self.epochs_ended = 0

    def __len__(self):
        return int(np.ceil(len(self.x) / float(self.batch_size)))

    def __getitem__(self, index):
        if index == self.fail_at:
            raise DataError('bad batch %d' % index)
        self.served.append(index)
        part = slice(index * self.batch_size, (index + 1) * self.batch_size)
        if self.sample_weight is not None:
            return self.x[part], self.y[part], self.sample_weight[part]
        return self.x[part], self.y[part]

    def on_epoch_end(self):
        self.epochs_ended += 1


def endless(x, y, batch_size=8, fail_after=None):
    start, produced = 0, 0
    while True:
        if fail_after is not None and produced == fail_after:
            raise DataError('generator failed after %d batches' % produced)
        stop = start + batch_size
        yield x[start:stop], y[start:stop]
        produced += 1
        start = stop if stop < len(x) else 0


def small_model():
    model = Sequential([Dense(8, activation='tanh', input_dim=3),
                        Dense(1, activation='sigmoid')])
    model.compile('adam', 'binary_crossentropy', metrics=['acc'])
    return model


def enqueuer_threads():
    return [t for t in threading.enumerate()
            if t.name.startswith('keras22-enqueuer')]


# --------------------------------------------------------------------------
# Training.

@pytest.mark.parametrize('workers', [0, 1, 4])
def test_fit_generator_on_sequence_trains_with_threads(workers):
    x, y = make_data()
    sequence = ArraySequence(x, y)
    model = small_model()
    history = model.fit_generator(sequence, epochs=4, workers=workers,
                                  verbose=0, validation_data=(x, y))
    assert set(history.history) == {'loss', 'acc', 'val_loss', 'val_acc'}
    assert history.epoch == [0, 1, 2, 3]
    assert history.history['loss'][-1] < history.history['loss'][0]
    # steps_per_epoch was len(sequence), and each pass ended with
    # on_epoch_end (workers prepare the next pass ahead, hence >=).
    assert sequence.epochs_ended >= 4
    assert sorted(sequence.served[:5]) == [0, 1, 2, 3, 4]
    assert not enqueuer_threads()


@pytest.mark.parametrize('workers', [0, 1, 2])
def test_fit_generator_on_plain_generator(workers):
    x, y = make_data()
    model = small_model()
    with warnings.catch_warnings():
        # Several threads on a plain generator take turns (and warn).
        warnings.simplefilter('ignore', UserWarning)
        history = model.fit_generator(endless(x, y), steps_per_epoch=5,
                                      epochs=3, workers=workers, verbose=0)
    assert set(history.history) == {'loss', 'acc'}
    assert len(history.history['loss']) == 3
    assert history.history['loss'][-1] < history.history['loss'][0]


def test_fit_generator_with_processes_sequence_and_generator():
    x, y = make_data()
    model = small_model()
    history = model.fit_generator(ArraySequence(x, y), epochs=2, workers=2,
                                  use_multiprocessing=True, verbose=0)
    assert len(history.history['loss']) == 2
    with pytest.warns(UserWarning, match='may duplicate your data'):
        history = model.fit_generator(endless(x, y), steps_per_epoch=4,
                                      epochs=1, workers=2,
                                      use_multiprocessing=True, verbose=0)
    assert np.isfinite(history.history['loss'][0])


def test_sequence_order_shuffled_per_epoch_only_when_asked():
    x, y = make_data(80)
    sequence = ArraySequence(x, y)
    model = small_model()
    np.random.seed(0)
    import random
    random.seed(0)
    model.fit_generator(sequence, epochs=3, workers=0, shuffle=False,
                        verbose=0)
    assert sequence.served == list(range(10)) * 3
    sequence.served = []
    model.fit_generator(sequence, epochs=3, workers=0, shuffle=True,
                        verbose=0)
    passes = [sequence.served[i:i + 10] for i in range(0, 30, 10)]
    assert all(sorted(p) == list(range(10)) for p in passes)
    assert any(p != list(range(10)) for p in passes)
    sequence.served = []
    model.fit_generator(sequence, epochs=2, workers=2, shuffle=True,
                        verbose=0)
    first = sequence.served[:10]
    assert sorted(first) == list(range(10))


def test_fit_generator_matches_fit_on_the_same_batches():
    """Class weights and sample weights of 3-tuples reach train_on_batch
    exactly as fit uses them."""
    x, y = make_data(32)
    weights = np.linspace(0.1, 2., 32).astype('float32')
    class_weight = {0: 0.3, 1: 2.}
    reference = small_model()
    initial = reference.get_weights()
    reference.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0,
                  sample_weight=weights, class_weight=class_weight)
    model = small_model()
    model.set_weights(initial)
    model.fit_generator(ArraySequence(x, y, sample_weight=weights),
                        epochs=2, shuffle=False, workers=1, verbose=0,
                        class_weight=class_weight)
    for got, want in zip(model.get_weights(), reference.get_weights()):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_validation_from_generator_sequence_and_weighted_arrays():
    x, y = make_data()
    model = small_model()
    history = model.fit_generator(endless(x, y), steps_per_epoch=3,
                                  epochs=2, verbose=0,
                                  validation_data=endless(x, y),
                                  validation_steps=2)
    assert len(history.history['val_loss']) == 2
    history = model.fit_generator(ArraySequence(x, y), epochs=1, verbose=0,
                                  validation_data=ArraySequence(x, y))
    # A validation Sequence is read whole: the values are those of
    # evaluate on its arrays.
    loss, acc = model.evaluate(x, y, verbose=0)
    np.testing.assert_allclose(history.history['val_loss'][0], loss,
                               rtol=1e-5)
    history = model.fit_generator(
        ArraySequence(x, y), epochs=1, verbose=0,
        validation_data=(x, y, np.ones(len(x), 'float32')))
    assert 'val_acc' in history.history
    with pytest.raises(ValueError, match='`validation_data` should be a '
                                         'tuple'):
        model.fit_generator(ArraySequence(x, y), verbose=0,
                            validation_data=(x, y, None, None))


def test_fit_delegates_sequences_and_generators():
    x, y = make_data()
    model = small_model()
    history = model.fit(ArraySequence(x, y), epochs=2, verbose=0)
    assert len(history.history['loss']) == 2
    history = model.fit(endless(x, y), steps_per_epoch=2, verbose=0)
    assert len(history.history['loss']) == 1
    assert np.isscalar(model.evaluate(ArraySequence(x, y))[0])
    assert model.predict(ArraySequence(x, y)).shape == (40, 1)


def test_progress_output(capsys):
    x, y = make_data()
    small_model().fit_generator(ArraySequence(x, y), epochs=2, verbose=2)
    out = capsys.readouterr().out
    assert 'Epoch 1/2' in out and 'Epoch 2/2' in out and 'loss:' in out


# --------------------------------------------------------------------------
# Errors.

def test_missing_steps_and_bad_batches_raise_keras_messages():
    x, y = make_data()
    model = small_model()
    with pytest.raises(ValueError, match='`steps_per_epoch=None` is only '
                                         'valid for a generator'):
        model.fit_generator(endless(x, y), verbose=0)
    with pytest.raises(ValueError, match='`validation_steps=None` is only '
                                         'valid'):
        model.fit_generator(endless(x, y), steps_per_epoch=1, verbose=0,
                            validation_data=endless(x, y))
    with pytest.raises(ValueError, match='`steps=None` is only valid'):
        model.evaluate_generator(endless(x, y))
    with pytest.raises(ValueError, match='`steps=None` is only valid'):
        model.predict_generator(endless(x, y))

    def singles():
        while True:
            yield x[:4]

    with pytest.raises(ValueError, match=r'Output of generator should be '
                                         r'a tuple `\(x, y, sample_weight'):
        model.fit_generator(singles(), steps_per_epoch=1, verbose=0,
                            workers=0)

    def quadruples():
        while True:
            yield x[:4], y[:4], None, None

    with pytest.raises(ValueError, match='Output of generator should be'):
        model.evaluate_generator(quadruples(), steps=1, workers=0)
    with pytest.raises(ValueError, match='`workers` must be a '
                                         'non-negative integer'):
        model.fit_generator(ArraySequence(x, y), workers=-1, verbose=0)


def test_exhausted_generator_says_so():
    x, y = make_data(16)

    def finite():
        for start in range(0, 16, 8):
            yield x[start:start + 8], y[start:start + 8]

    model = small_model()
    for workers in (0, 1):
        with pytest.raises(ValueError, match='stopped after 2 batches'):
            model.fit_generator(finite(), steps_per_epoch=3, verbose=0,
                                workers=workers)
    assert not enqueuer_threads()


@pytest.mark.parametrize('workers,processes', [(0, False), (2, False),
                                               (2, True)])
def test_worker_exception_reaches_fit_with_its_type(workers, processes):
    x, y = make_data()
    model = small_model()
    with pytest.raises(DataError, match='bad batch 3'):
        model.fit_generator(ArraySequence(x, y, fail_at=3), epochs=2,
                            workers=workers, use_multiprocessing=processes,
                            verbose=0)
    assert not enqueuer_threads()


@pytest.mark.parametrize('workers', [0, 1, 3])
def test_generator_exception_reaches_callers(workers):
    x, y = make_data()
    model = small_model()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', UserWarning)
        with pytest.raises(DataError, match='after 2 batches'):
            model.fit_generator(endless(x, y, fail_after=2),
                                steps_per_epoch=5, workers=workers,
                                verbose=0)
        with pytest.raises(DataError):
            model.predict_generator(endless(x, y, fail_after=1), steps=3,
                                    workers=workers)
    assert not enqueuer_threads()


def test_validation_worker_exception_stops_everything():
    x, y = make_data()
    model = small_model()
    with pytest.raises(DataError):
        model.fit_generator(ArraySequence(x, y), epochs=2, workers=2,
                            verbose=0,
                            validation_data=ArraySequence(x, y, fail_at=1))
    assert not enqueuer_threads()


# --------------------------------------------------------------------------
# Evaluation and prediction.

@pytest.mark.filterwarnings('ignore:GeneratorEnqueuer')
@pytest.mark.parametrize('workers', [0, 2])
def test_evaluate_generator_weights_batches_by_size(workers):
    x, y = make_data(37)  # batches of 8, 8, 8, 8, 5
    model = small_model()
    want = model.evaluate(x, y, batch_size=37, verbose=0)
    got = model.evaluate_generator(ArraySequence(x, y), workers=workers)
    np.testing.assert_allclose(got, want, rtol=1e-5)
    single = Sequential([Dense(1, input_dim=3)])
    single.compile('sgd', 'mse')
    loss = single.evaluate_generator(endless(x, y, batch_size=37), steps=2,
                                     workers=workers)
    assert np.isscalar(loss) or np.ndim(loss) == 0
    np.testing.assert_allclose(loss, single.evaluate(x, y, verbose=0),
                               rtol=1e-5)


@pytest.mark.parametrize('workers,processes', [(0, False), (4, False),
                                               (2, True)])
def test_predict_generator_keeps_sequence_order(workers, processes):
    x, y = make_data(50)
    model = small_model()
    got = model.predict_generator(ArraySequence(x, y, batch_size=4),
                                  workers=workers,
                                  use_multiprocessing=processes)
    np.testing.assert_allclose(got, model.predict(x), rtol=1e-5, atol=1e-6)


def test_predict_generator_inputs_only_multi_output_and_one_step():
    x, _ = make_data(20)
    a = Input(shape=(3,))
    model = Model(a, [Dense(2)(a), Dense(1)(a)])

    def inputs_only():
        while True:
            yield x[:10]
            yield x[10:]

    outs = model.predict_generator(inputs_only(), steps=2, workers=0)
    assert [o.shape for o in outs] == [(20, 2), (20, 1)]
    for got, want in zip(outs, model.predict(x)):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    one = model.predict_generator(inputs_only(), steps=1, workers=0)
    assert [o.shape for o in one] == [(10, 2), (10, 1)]


def test_dict_inputs_and_verbose_progress(capsys):
    x, y = make_data(16)
    a = Input(shape=(3,), name='features')
    model = Model(a, Dense(1, activation='sigmoid', name='out')(a))
    model.compile('sgd', 'binary_crossentropy')

    def named():
        while True:
            yield {'features': x[:8]}, {'out': y[:8]}

    history = model.fit_generator(named(), steps_per_epoch=2, verbose=0)
    assert len(history.history['loss']) == 1
    model.evaluate_generator(named(), steps=2, verbose=1)
    assert '2/2' in capsys.readouterr().out


class TinyNet(Model):
    def __init__(self):
        super(TinyNet, self).__init__()
        self.dense = Dense(1, activation='sigmoid')

    def call(self, inputs):
        return self.dense(inputs)


@pytest.mark.parametrize('workers', [0, 1])
def test_subclassed_model_is_built_by_its_first_batch(workers):
    """Keras 2.2's generator loops failed on a subclassed model compiled
    before seeing data; fit builds such models, and so do they."""
    x, y = make_data()
    model = TinyNet()
    model.compile('sgd', 'binary_crossentropy', metrics=['acc'])
    sequence = ArraySequence(x, y)
    sizes = []
    count = LambdaCallback(
        on_batch_end=lambda batch, logs: sizes.append(logs['size']))
    history = model.fit_generator(sequence, epochs=2, workers=workers,
                                  shuffle=False, verbose=0,
                                  callbacks=[count])
    assert set(history.history) == {'loss', 'acc'}
    # The first batch built the model and was then trained on like the
    # others: read once, used once.
    assert sequence.served[:5] == [0, 1, 2, 3, 4]
    assert sizes == [8] * 10
    for build in (lambda m: m.evaluate_generator(ArraySequence(x, y),
                                                 workers=workers),
                  lambda m: m.predict_generator(ArraySequence(x, y),
                                                workers=workers)):
        fresh = TinyNet()
        fresh.compile('sgd', 'binary_crossentropy')
        result = np.asarray(build(fresh))
        assert np.all(np.isfinite(result))
    unbuilt = TinyNet()
    assert unbuilt.predict_generator(ArraySequence(x, y),
                                     workers=workers).shape == (40, 1)
    with pytest.raises(ValueError, match='compile'):
        TinyNet().fit_generator(sequence, verbose=0, workers=workers)
