"""Data loading utilities: `Sequence`, the enqueuers that run data
loading in worker threads or processes, and `get_file`, the download
cache."""
import collections
import hashlib
import inspect
import itertools
import multiprocessing
import os
import random
import shutil
import signal
import sys
import tarfile
import tempfile
import threading
import time
import warnings
import zipfile
from concurrent import futures
from contextlib import closing
from urllib.request import urlopen

import numpy as np

from ..backend.common import keras_home
from .generic_utils import Progbar


class Sequence(object):
    """A dataset split into batches that can be read in any order.

    Subclasses implement `__len__` (how many batches) and `__getitem__`
    (batch number `index`, as `(inputs, targets)` or
    `(inputs, targets, sample_weights)`), and may implement `on_epoch_end`
    to reshuffle or change the data between epochs.

    Because every batch has an index, several workers can prepare batches
    at once (threads or processes) while each sample is still seen exactly
    once per epoch, which plain Python generators cannot promise.

    # Example

    ```python
        class ArraySequence(Sequence):
            def __init__(self, x, y, batch_size):
                self.x, self.y, self.batch_size = x, y, batch_size

            def __len__(self):
                return int(np.ceil(len(self.x) / float(self.batch_size)))

            def __getitem__(self, index):
                part = slice(index * self.batch_size,
                             (index + 1) * self.batch_size)
                return self.x[part], self.y[part]

        model.fit_generator(ArraySequence(x_train, y_train, 32), epochs=3)
    ```
    """

    def __getitem__(self, index):
        """Returns batch number `index` (0-based)."""
        raise NotImplementedError

    def __len__(self):
        """Returns the number of batches."""
        raise NotImplementedError

    def on_epoch_end(self):
        """Called after each epoch; does nothing unless overridden."""
        pass

    def __iter__(self):
        """Yields the batches in order."""
        for index in range(len(self)):
            yield self[index]


# --------------------------------------------------------------------------
# Enqueuers.

# What the workers read, by enqueuer uid: the Sequence or generator of each
# running enqueuer. Worker threads use this very dict; worker processes get
# it at start-up (inherited through fork, and set again by `init_pool` /
# `init_pool_generator` so that spawned processes get it too).
_SHARED_SEQUENCES = {}

_UID_COUNTER = itertools.count()
_UID_LOCK = threading.Lock()

# The number of this worker process within its pool (0, 1, ...); 0 in the
# main process and in worker threads.
_WORKER_NUMBER = 0

# Returned by `_next_batch` when there is nothing more to give.
_END = object()


def init_pool(seqs):
    """Worker process initializer for `OrderedEnqueuer`.

    # Arguments
        seqs: dict mapping enqueuer uids to their `Sequence`.
    """
    global _SHARED_SEQUENCES
    _SHARED_SEQUENCES = seqs


def get_index(uid, i):
    """Task run by a worker: batch `i` of the Sequence of enqueuer `uid`.

    Several enqueuers can run at once (training and validation data, say),
    hence the uid.

    # Arguments
        uid: the enqueuer's `uid`.
        i: the batch index.

    # Returns
        `sequence[i]`.
    """
    return _SHARED_SEQUENCES[uid][i]


def init_pool_generator(gens, random_seed=None):
    """Worker process initializer for `GeneratorEnqueuer`.

    # Arguments
        gens: dict mapping enqueuer uids to their generator.
        random_seed: if not `None`, NumPy's global random generator of the
            worker is seeded with `random_seed` plus the worker's number in
            its pool (0, 1, ...), so that workers differ from each other
            but runs can be repeated. (Keras 2.2 added the process id,
            which differs from run to run.)
    """
    global _SHARED_SEQUENCES
    _SHARED_SEQUENCES = gens
    if random_seed is not None:
        np.random.seed(random_seed + _WORKER_NUMBER)


def next_sample(uid):
    """Task run by a worker: the next item of the generator of enqueuer
    `uid`.

    # Arguments
        uid: the enqueuer's `uid`.

    # Returns
        The next item.

    # Raises
        StopIteration: when the generator is exhausted.
    """
    return next(_SHARED_SEQUENCES[uid])


def _multiprocessing_context():
    """The context worker processes are made with.

    'fork', as Keras 2.2 relied on, where it exists and is the platform's
    usual method (Linux); elsewhere the platform default, which needs the
    Sequence to be picklable.
    """
    if sys.platform.startswith('linux') and \
            'fork' in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context('fork')
    return multiprocessing.get_context()


def _process_worker_setup(counter, initializer, initargs):
    # Ctrl-C reaches the whole process group. The parent decides what
    # happens (its `stop()` ends the workers); workers dying on their own
    # would only print tracebacks and break the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _WORKER_NUMBER
    with counter.get_lock():
        _WORKER_NUMBER = counter.value
        counter.value += 1
    initializer(*initargs)


class _WorkerPool(object):
    """Worker threads or processes that can always be stopped and joined."""

    def __init__(self, workers, use_processes, initializer=None,
                 initargs=()):
        self.use_processes = use_processes
        if use_processes:
            context = _multiprocessing_context()
            self._executor = futures.ProcessPoolExecutor(
                workers, mp_context=context,
                initializer=_process_worker_setup,
                initargs=(context.Value('i', 0), initializer, initargs))
        else:
            self._executor = futures.ThreadPoolExecutor(
                workers, thread_name_prefix='keras22-enqueuer')

    def submit(self, fn, *args):
        return self._executor.submit(fn, *args)

    def shutdown(self, timeout=None):
        """Cancels the tasks not started, lets running ones finish and
        joins the workers. Worker processes still busy after `timeout`
        seconds (or when interrupted while waiting) are terminated."""
        executor = self._executor
        # The executors keep their workers in private attributes, and
        # shutdown(wait=True) has no timeout; reading them is the only way
        # to join with a deadline and to terminate processes.
        processes = list((getattr(executor, '_processes', None) or
                          {}).values())
        manager = getattr(executor, '_executor_manager_thread', None)
        threads = list(getattr(executor, '_threads', ()))
        executor.shutdown(wait=False, cancel_futures=True)
        deadline = None if timeout is None else _now() + timeout
        try:
            if self.use_processes:
                if manager is not None:
                    manager.join(_remaining(deadline))
                for process in processes:
                    process.join(_remaining(deadline))
            else:
                for thread in threads:
                    thread.join(_remaining(deadline))
        finally:
            if self.use_processes and any(p.is_alive() for p in processes):
                for process in processes:
                    if process.is_alive():
                        process.terminate()
                # The executor's manager thread notices the deaths and
                # reaps the processes; wait for it so that none looks alive
                # afterwards. Bounded: a worker killed half-way through
                # sending a result can leave that thread stuck.
                if manager is not None:
                    manager.join(_MANAGER_GRACE)
                for process in processes:
                    process.join()


# Seconds to wait for the executor's manager thread after terminating its
# workers.
_MANAGER_GRACE = 5.0


def _now():
    return time.monotonic()


def _remaining(deadline):
    if deadline is None:
        return None
    return max(0.0, deadline - _now())


class SequenceEnqueuer(object):
    """Base class of the objects that prepare batches ahead of time in
    worker threads or processes.

    Usage: `start()` the workers, read batches from the generator `get()`
    returns, and always `stop()` (for instance in a `finally:` block):

    ```python
        enqueuer = OrderedEnqueuer(sequence, use_multiprocessing=True)
        enqueuer.start(workers=4, max_queue_size=10)
        try:
            batches = enqueuer.get()
            for step in range(steps):
                x, y = next(batches)
                ...
        finally:
            enqueuer.stop()
    ```

    The main thread submits up to `max_queue_size` tasks ahead; results are
    handed out in submission order. An exception raised by a task, or
    while waiting for one (a `KeyboardInterrupt`, say), stops the enqueuer
    and is raised from `get()` with its original type; for worker
    processes the worker's traceback text is attached as its `__cause__`.

    # Arguments
        sequence: what to draw data from.
        use_multiprocessing: use worker processes instead of threads.
    """

    def __init__(self, sequence, use_multiprocessing=False):
        self.sequence = sequence
        self.use_multiprocessing = use_multiprocessing
        with _UID_LOCK:
            self.uid = next(_UID_COUNTER)
        self.workers = 0
        self.max_queue_size = 0
        self._pool = None
        self._pending = collections.deque()
        self._running = False
        # Guards _pool, _pending and _running; never held while waiting
        # for a task, so stop() from another thread is not blocked.
        self._state_lock = threading.RLock()
        # One consumer step at a time, when several threads read batches.
        self._get_lock = threading.Lock()

    def is_running(self):
        """Returns `True` between `start()` and `stop()`."""
        return self._running

    def start(self, workers=1, max_queue_size=10):
        """Starts the workers and the first `max_queue_size` tasks.

        A running enqueuer is stopped first.

        # Arguments
            workers: the number of worker threads or processes (>= 1).
            max_queue_size: how many batches to prepare ahead (>= 1).

        # Raises
            ValueError: if an argument is not a positive integer.
        """
        for name, value in (('workers', workers),
                            ('max_queue_size', max_queue_size)):
            if isinstance(value, bool) or \
                    not isinstance(value, (int, np.integer)) or value < 1:
                raise ValueError('%s.start: `%s` must be a positive integer, '
                                 'got %r.' % (type(self).__name__, name,
                                              value))
        if self._running:
            self.stop()
        self.workers = int(workers)
        self.max_queue_size = int(max_queue_size)
        with self._state_lock:
            self._pending.clear()
            self._running = True
            try:
                self._begin()
            except BaseException:
                self.stop()
                raise

    def stop(self, timeout=None):
        """Stops the workers and joins them.

        Tasks not started are cancelled; running ones are allowed to
        finish. Worker processes still running after `timeout` seconds are
        terminated; threads cannot be, so they are left to finish. Any
        generator from `get()` ends. Stopping a stopped enqueuer does
        nothing.

        # Arguments
            timeout: seconds to wait for the workers, `None` for as long
                as it takes.
        """
        with self._state_lock:
            self._running = False
            pool, self._pool = self._pool, None
            pending = list(self._pending)
            self._pending.clear()
        for future in pending:
            future.cancel()
        try:
            if pool is not None:
                pool.shutdown(timeout)
        finally:
            _SHARED_SEQUENCES.pop(self.uid, None)

    def get(self):
        """Returns a generator of the prepared batches.

        It ends when the enqueuer is stopped (or, for a finite generator,
        exhausted).

        # Returns
            A generator of whatever the Sequence or generator gives,
            usually `(inputs, targets)` or
            `(inputs, targets, sample_weights)` tuples.

        # Raises
            Whatever a worker raised, with its original type (the enqueuer
            is stopped first).
        """
        while True:
            try:
                with self._get_lock:
                    item = self._next_batch()
            except Exception:
                if not self._running:
                    # stop() was called from elsewhere while we waited, and
                    # the cancelled task said so: that is the end, not an
                    # error.
                    return
                self.stop()
                raise
            except BaseException:
                self.stop()
                raise
            if item is _END:
                return
            yield item

    def _replace_pool(self, initializer=None, initargs=()):
        """Starts a new worker pool, stopping the previous one (whose
        tasks are all done by then). Called with the state lock held."""
        old, self._pool = self._pool, _WorkerPool(
            self.workers, self.use_multiprocessing, initializer, initargs)
        if old is not None:
            old.shutdown()

    def _take(self):
        """The next pending task, or `None`. Called with the state lock
        held."""
        if not self._running or not self._pending:
            return None
        return self._pending.popleft()

    def _begin(self):
        raise NotImplementedError

    def _next_batch(self):
        raise NotImplementedError


class OrderedEnqueuer(SequenceEnqueuer):
    """Prepares the batches of a `Sequence` in worker threads or processes
    and hands them out in order.

    Batches come out in index order (or in a new random order each epoch
    with `shuffle=True`) whatever the number of workers. After the last
    batch of each epoch has been computed, the Sequence's `on_epoch_end()`
    is called, then the next epoch starts. With processes, a fresh pool is
    started for each epoch so that workers see what `on_epoch_end`
    changed.

    # Arguments
        sequence: a `keras22.utils.Sequence` (anything with `__len__`,
            `__getitem__` and `on_epoch_end`).
        use_multiprocessing: use worker processes (forked on Linux, as in
            Keras 2.2) instead of threads.
        shuffle: whether to visit the batches in a random order each
            epoch.

    # Raises
        ValueError: at `start()`, if the sequence has no batches (Keras 2.2
            then waited forever).

    # Example

    ```python
        enqueuer = OrderedEnqueuer(sequence)
        enqueuer.start(workers=4)
        batches = enqueuer.get()
        x, y = next(batches)
        enqueuer.stop()
    ```
    """

    def __init__(self, sequence, use_multiprocessing=False, shuffle=False):
        super(OrderedEnqueuer, self).__init__(sequence, use_multiprocessing)
        self.shuffle = shuffle
        self._order = []
        self._position = 0

    def _begin(self):
        self._next_epoch_due = False
        self._new_epoch()

    def _new_epoch(self):
        size = len(self.sequence)
        if size < 1:
            raise ValueError('OrderedEnqueuer: the Sequence has no batches '
                             '(len() is %r).' % (size,))
        self._order = list(range(size))
        if self.shuffle:
            random.shuffle(self._order)
        self._position = 0
        _SHARED_SEQUENCES[self.uid] = self.sequence
        if self._pool is None or self.use_multiprocessing:
            # Worker processes hold copies of the Sequence made when they
            # started; only new ones see the changes of on_epoch_end.
            self._replace_pool(init_pool, ({self.uid: self.sequence},))
        self._fill()

    def _fill(self):
        while (len(self._pending) < self.max_queue_size and
               self._position < len(self._order)):
            index = self._order[self._position]
            self._position += 1
            self._pending.append(self._pool.submit(get_index, self.uid,
                                                   index))

    def _next_batch(self):
        with self._state_lock:
            if self._next_epoch_due and self._running:
                # The next pass starts when its first batch is asked for,
                # so nothing reads the Sequence after the caller's last
                # batch (a validation Sequence is not read past its end).
                self._next_epoch_due = False
                self._new_epoch()
            future = self._take()
        if future is None:
            return _END
        batch = future.result()
        with self._state_lock:
            if not self._running:
                return _END
            if not self._pending and self._position >= len(self._order):
                # Every batch of the epoch is computed, so no worker reads
                # the Sequence while it changes.
                self.sequence.on_epoch_end()
                self._next_epoch_due = True
            else:
                self._fill()
        return batch


class _SerializedIterator(object):
    """Lets several threads draw from one plain generator, one at a time
    (a plain generator raises `ValueError` when entered twice at once)."""

    def __init__(self, iterator):
        self._iterator = iterator
        self._lock = threading.Lock()

    def __iter__(self):
        return self

    def __next__(self):
        with self._lock:
            return next(self._iterator)


class GeneratorEnqueuer(SequenceEnqueuer):
    """Draws items from a generator in worker threads or processes.

    With threads, all workers share the one generator, which must then be
    thread-safe. A plain Python generator is not; keras22 warns and lets
    the workers take turns (Keras 2.2 failed now and then with "generator
    already executing"). Other iterators are called concurrently, and a
    "generator already executing" error becomes a `RuntimeError` saying
    the iterator is not thread-safe.

    With processes, each worker has its own copy of the generator (so the
    data is repeated once per worker, as in Keras 2.2), which needs the
    'fork' start method.

    A finite generator ends the output of `get()` once it is exhausted
    and the items already prepared have been handed out.

    # Arguments
        sequence: a generator (or any iterator).
        use_multiprocessing: use worker processes instead of threads.
        wait_time: unused, kept for compatibility (a `DeprecationWarning`
            is issued when it is given).
        random_seed: seed for NumPy's random generator of each worker
            process (plus the worker's number); unused with threads.

    # Raises
        TypeError: if `sequence` is not an iterator.
    """

    def __init__(self, sequence, use_multiprocessing=False, wait_time=None,
                 random_seed=None):
        if not hasattr(sequence, '__next__'):
            raise TypeError('GeneratorEnqueuer: `sequence` must be a '
                            'generator or iterator, got %s. Use an '
                            'OrderedEnqueuer for a Sequence.'
                            % type(sequence).__name__)
        super(GeneratorEnqueuer, self).__init__(sequence,
                                                use_multiprocessing)
        self.random_seed = random_seed
        if wait_time is not None:
            warnings.warn('GeneratorEnqueuer: `wait_time` is ignored; the '
                          'workers no longer poll.', DeprecationWarning,
                          stacklevel=2)
        self._exhausted = False

    def _begin(self):
        self._exhausted = False
        plain = inspect.isgenerator(self.sequence)
        if self.use_multiprocessing:
            if plain and _multiprocessing_context().get_start_method() != \
                    'fork':
                raise ValueError(
                    'GeneratorEnqueuer: use_multiprocessing=True needs the '
                    '"fork" start method, which this platform lacks; a '
                    'generator cannot be sent to a spawned process. Use a '
                    'keras22.utils.Sequence or use_multiprocessing=False.')
            shared = self.sequence
            _SHARED_SEQUENCES[self.uid] = shared
            self._replace_pool(init_pool_generator,
                               ({self.uid: shared}, self.random_seed))
        else:
            if plain:
                if self.workers > 1:
                    warnings.warn(
                        'GeneratorEnqueuer: a plain Python generator is not '
                        'thread-safe, so the %d worker threads take turns '
                        'calling it and give no speed-up. Use a '
                        'keras22.utils.Sequence (or use_multiprocessing='
                        'True) for parallel data loading.' % self.workers,
                        UserWarning, stacklevel=3)
                shared = _SerializedIterator(self.sequence)
            else:
                shared = self.sequence
            _SHARED_SEQUENCES[self.uid] = shared
            self._replace_pool()
        self._fill()

    def _fill(self):
        while len(self._pending) < self.max_queue_size and \
                not self._exhausted:
            self._pending.append(self._pool.submit(next_sample, self.uid))

    def _next_batch(self):
        while True:
            with self._state_lock:
                future = self._take()
            if future is None:
                return _END
            try:
                item = future.result()
            except StopIteration:
                # Hand out what was already prepared, then end.
                with self._state_lock:
                    self._exhausted = True
                continue
            except ValueError as e:
                if 'generator already executing' in str(e):
                    raise RuntimeError(
                        'GeneratorEnqueuer: the iterator is not thread-safe '
                        '(it was entered by two worker threads at once). '
                        'With use_multiprocessing=False and workers > 1, '
                        'use a thread-safe iterator, a keras22.utils.'
                        'Sequence, or workers=1.') from e
                raise
            with self._state_lock:
                if not self._running:
                    return _END
                self._fill()
            return item


# --------------------------------------------------------------------------
# Downloads and the file cache.

# Seconds a stalled network read may block before the download gives up;
# a whole download may take longer than this.
_SOCKET_TIMEOUT = 60
_READ_BLOCK_SIZE = 8192


def urlretrieve(url, filename, reporthook=None, data=None):
    """Copies what a URL points to into a local file.

    Works for `http://`, `https://`, `ftp://` and `file://` URLs.

    # Arguments
        url: the address to read.
        filename: the local file to write (created or truncated).
        reporthook: `None`, or a function called as
            `reporthook(blocks_read, block_size, total_size)` once before
            the first block and after every block; `total_size` is -1
            when the server does not say.
        data: `None` for a GET request, or the bytes of a POST body.

    # Raises
        urllib.error.URLError: (or `HTTPError`, `OSError`) when the
            address cannot be read.
    """
    response = urlopen(url, data, timeout=_SOCKET_TIMEOUT)
    with closing(response), open(filename, 'wb') as target:
        length = response.info().get('Content-Length')
        total_size = int(length) if length and length.isdigit() else -1
        blocks = 0
        if reporthook is not None:
            reporthook(blocks, _READ_BLOCK_SIZE, total_size)
        while True:
            block = response.read(_READ_BLOCK_SIZE)
            if not block:
                break
            target.write(block)
            blocks += 1
            if reporthook is not None:
                reporthook(blocks, _READ_BLOCK_SIZE, total_size)


def _hash_file(fpath, algorithm='sha256', chunk_size=65535):
    """Computes the hex digest of a file, reading it piece by piece.

    # Arguments
        fpath: path of the file.
        algorithm: `'sha256'` or `'md5'`; `'auto'` means `'sha256'`.
        chunk_size: how many bytes to read at a time.

    # Returns
        The digest as a lower-case hexadecimal string.

    # Raises
        ValueError: for an unknown algorithm.
    """
    if algorithm in ('sha256', 'auto'):
        hasher = hashlib.sha256()
    elif algorithm == 'md5':
        hasher = hashlib.md5()
    else:
        raise ValueError('_hash_file: `algorithm` must be "sha256", "md5" '
                         'or "auto", got %r.' % (algorithm,))
    with open(fpath, 'rb') as source:
        for chunk in iter(lambda: source.read(chunk_size), b''):
            hasher.update(chunk)
    return hasher.hexdigest()


def _resolve_hash_algorithm(file_hash, algorithm, caller):
    if algorithm not in ('auto', 'sha256', 'md5'):
        raise ValueError('%s: `hash_algorithm` must be "auto", "sha256" or '
                         '"md5", got %r.' % (caller, algorithm))
    if algorithm == 'auto':
        # A sha256 digest is 64 hex digits, an md5 one 32.
        return 'sha256' if len(str(file_hash)) == 64 else 'md5'
    return algorithm


def validate_file(fpath, file_hash, algorithm='auto', chunk_size=65535):
    """Tells whether a file has the expected md5 or sha256 digest.

    # Arguments
        fpath: path of the file.
        file_hash: the expected hexadecimal digest.
        algorithm: `'md5'`, `'sha256'`, or `'auto'` to pick by the length
            of `file_hash` (64 digits: sha256, otherwise md5).
        chunk_size: how many bytes to read at a time.

    # Returns
        `True` if the digests match (case does not matter), else `False`.

    # Raises
        ValueError: for an unknown algorithm.
    """
    algorithm = _resolve_hash_algorithm(file_hash, algorithm,
                                        'validate_file')
    digest = _hash_file(fpath, algorithm, chunk_size)
    return digest == str(file_hash).strip().lower()


def _can_write_to(directory):
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError:
        return False
    return os.access(directory, os.W_OK)


def _cache_directory(cache_dir, cache_subdir, wanted):
    """The directory `get_file` works in.

    The usual one is `cache_dir/cache_subdir`; when it cannot be written
    (and does not already hold `wanted`), the same sub-directory of
    `<tmp>/.keras` is used instead, as Keras 2.2 did.
    """
    if cache_dir is None:
        cache_dir = keras_home()
    datadir = os.path.join(os.path.expanduser(cache_dir), cache_subdir)
    if any(os.path.exists(os.path.join(datadir, name)) for name in wanted):
        return datadir
    if _can_write_to(datadir):
        return datadir
    fallback = os.path.join(tempfile.gettempdir(), '.keras', cache_subdir)
    os.makedirs(fallback, exist_ok=True)
    return fallback


class _DownloadProgress(object):
    """A `reporthook` for `urlretrieve` that draws a `Progbar`."""

    def __init__(self):
        self.progbar = None

    def __call__(self, blocks, block_size, total_size):
        if self.progbar is None:
            self.total = total_size if total_size > 0 else None
            self.progbar = Progbar(self.total)
        done = blocks * block_size
        if self.total is not None:
            done = min(done, self.total)
        self.progbar.update(done)


def _download(fname, origin, fpath, file_hash, hash_algorithm,
              replacing=False):
    """Downloads `origin` to `fpath` through a temporary file.

    `replacing` says a file with the wrong hash is already at `fpath`
    (kept if the download fails)."""
    print('Downloading data from', origin)
    directory = os.path.dirname(fpath)
    handle, partial = tempfile.mkstemp(
        prefix='.%s.' % os.path.basename(fpath), suffix='.part',
        dir=directory)
    os.close(handle)
    try:
        try:
            urlretrieve(origin, partial, _DownloadProgress())
        except (OSError, ValueError) as e:
            # URLError and HTTPError are OSErrors; a malformed URL is a
            # ValueError. Keras 2.2 raised a bare Exception here too.
            reason = getattr(e, 'reason', None) or e
            code = getattr(e, 'code', None)
            if replacing:
                where = ('The file at %s does not have the expected %s hash '
                         '%s; replace it with the right one.'
                         % (fpath, hash_algorithm, file_hash))
            else:
                where = ('If you have this file, put it at %s and call '
                         'again; it will be used without a download.'
                         % fpath)
            raise Exception('URL fetch failure on %s : %s%s -- could not '
                            'download %r. %s'
                            % (origin, '%s ' % code if code else '', reason,
                               fname, where))
        if file_hash is not None and not validate_file(
                partial, file_hash, algorithm=hash_algorithm):
            raise ValueError(
                'get_file: the file downloaded from %s for %r does not have '
                'the expected %s hash %s: the download is incomplete or the '
                'file at the origin has changed. Nothing was written to %s.'
                % (origin, fname, hash_algorithm, file_hash, fpath))
        os.replace(partial, fpath)
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def get_file(fname,
             origin,
             untar=False,
             md5_hash=None,
             file_hash=None,
             cache_subdir='datasets',
             hash_algorithm='auto',
             extract=False,
             archive_format='auto',
             cache_dir=None):
    """Returns the path of a cached copy of a file, downloading it if needed.

    The file lives at `cache_dir/cache_subdir/fname`, where `cache_dir`
    defaults to `$KERAS_HOME` or else `~/.keras`; when that directory cannot
    be written, `<tmp>/.keras/cache_subdir` is used. A file already there
    is used without any network access, unless a hash is given and does
    not match, in which case the file is downloaded again.

    Downloads go to a temporary file in the same directory, are checked
    against the hash (when given), and only then renamed to their final
    name, so an interrupted or corrupt download never looks cached. Better
    than Keras 2.2, which wrote in place, did not check the hash of fresh
    downloads and, when extraction failed, deleted the whole cache
    directory.

    # Arguments
        fname: name of the file. An absolute path saves the file there.
        origin: URL of the file (`http(s)://`, `ftp://` or `file://`).
        untar: deprecated in favour of `extract`. If `True`, the file is
            a `.tar.gz` archive saved as `fname + '.tar.gz'` and extracted
            next to it, and the path returned is `cache_subdir/fname`
            (the directory it is expected to create). An already
            extracted `fname` directory is used even if the archive has
            been deleted.
        md5_hash: deprecated in favour of `file_hash`: an md5 digest.
        file_hash: the expected md5 or sha256 digest of the file.
        cache_subdir: sub-directory of the cache directory to use; an
            absolute path is used as is.
        hash_algorithm: `'md5'`, `'sha256'`, or `'auto'` to tell by the
            length of `file_hash`.
        extract: if `True`, extract the file as an archive next to it.
        archive_format: `'tar'`, `'zip'`, `'auto'` (try both), a list of
            these, or `None` (do not extract).
        cache_dir: the cache directory, instead of `$KERAS_HOME` or
            `~/.keras`.

    # Returns
        The path of the file (or, with `untar=True`, of the extracted
        directory).

    # Raises
        Exception: when the file is not cached and cannot be downloaded;
            the message names the file, the URL and where to put the file
            by hand.
        ValueError: if the downloaded file does not have the expected
            hash, if an archive member would be written outside the
            cache directory, or for bad arguments.

    # Example

    ```python
        path = get_file(
            'mnist.npz',
            origin='https://s3.amazonaws.com/img-datasets/mnist.npz',
            file_hash='8a61469f7ea1b51cbae51d4f78837e45')
    ```
    """
    if not isinstance(fname, str) or not fname:
        raise ValueError('get_file: `fname` must be a non-empty string, '
                         'got %r.' % (fname,))
    if not isinstance(origin, str) or not origin:
        raise ValueError('get_file: `origin` must be a URL string, got %r.'
                         % (origin,))
    if md5_hash is not None and file_hash is None:
        file_hash = md5_hash
        hash_algorithm = 'md5'
    if file_hash is not None:
        hash_algorithm = _resolve_hash_algorithm(file_hash, hash_algorithm,
                                                 'get_file')
    archive_name = fname + '.tar.gz' if untar else fname
    datadir = _cache_directory(cache_dir, cache_subdir,
                               (archive_name, fname))
    fpath = os.path.join(datadir, archive_name)
    untar_fpath = os.path.join(datadir, fname)

    if untar and os.path.isdir(untar_fpath) and not os.path.exists(fpath):
        return untar_fpath

    download = not os.path.exists(fpath)
    stale = False
    if not download and file_hash is not None and not validate_file(
            fpath, file_hash, algorithm=hash_algorithm):
        print('The file %s is there but its %s hash is not %s (incomplete '
              'or outdated), so it will be downloaded again.'
              % (fpath, hash_algorithm, file_hash))
        download = stale = True
    if download:
        _download(fname, origin, fpath, file_hash, hash_algorithm,
                  replacing=stale)

    if untar:
        if not os.path.exists(untar_fpath):
            _extract_archive(fpath, datadir, archive_format='tar')
        return untar_fpath
    if extract:
        _extract_archive(fpath, datadir, archive_format)
    return fpath


# --------------------------------------------------------------------------
# Archives.

def _inside(root, path):
    root = os.path.realpath(root)
    path = os.path.realpath(path)
    return path == root or path.startswith(root + os.sep)


def _check_tar_members(archive, target, archive_path):
    for member in archive.getmembers():
        destination = os.path.join(target, member.name)
        unsafe = (os.path.isabs(member.name) or
                  not _inside(target, destination) or
                  member.isdev())
        if member.issym():
            link = os.path.join(os.path.dirname(destination),
                                member.linkname)
            unsafe = unsafe or os.path.isabs(member.linkname) or \
                not _inside(target, link)
        elif member.islnk():
            unsafe = unsafe or os.path.isabs(member.linkname) or \
                not _inside(target, os.path.join(target, member.linkname))
        if unsafe:
            raise ValueError(
                'Refusing to extract %r from the archive %s: it is a device '
                'or would be written (or link) outside %s.'
                % (member.name, archive_path, target))


def _check_zip_members(archive, target, archive_path):
    for name in archive.namelist():
        if os.path.isabs(name) or name.startswith(('/', '\\')) or \
                not _inside(target, os.path.join(target, name)):
            raise ValueError(
                'Refusing to extract %r from the archive %s: it would be '
                'written outside %s.' % (name, archive_path, target))


def _move_into(source, target):
    """Moves the content of directory `source` into `target`, merging
    directories and replacing files, as extracting in place would."""
    for name in os.listdir(source):
        src = os.path.join(source, name)
        dst = os.path.join(target, name)
        src_is_dir = os.path.isdir(src) and not os.path.islink(src)
        dst_is_dir = os.path.isdir(dst) and not os.path.islink(dst)
        if src_is_dir and dst_is_dir:
            _move_into(src, dst)
            continue
        if dst_is_dir:
            shutil.rmtree(dst)
        os.replace(src, dst)


def _extract_archive(file_path, path='.', archive_format='auto'):
    """Extracts a tar or zip archive into `path`.

    Every member is checked first: absolute names, names with `..` that
    leave `path`, links pointing outside it and device files make the whole
    extraction fail. Members are extracted into a temporary directory inside
    `path` and then moved into place, so a failed extraction leaves nothing
    half written (Keras 2.2 instead deleted `path` altogether).

    # Arguments
        file_path: the archive.
        path: the directory to extract into.
        archive_format: `'tar'`, `'zip'`, `'auto'` (both), a list of these,
            or `None`.

    # Returns
        `True` if the file was one of the formats and was extracted, else
        `False`.

    # Raises
        ValueError: for an unknown format or an unsafe member.
    """
    if archive_format is None:
        return False
    if archive_format == 'auto':
        formats = ['tar', 'zip']
    elif isinstance(archive_format, str):
        formats = [archive_format]
    else:
        formats = list(archive_format)
    for fmt in formats:
        if fmt not in ('tar', 'zip'):
            raise ValueError('get_file: `archive_format` must be "tar", '
                             '"zip", "auto", a list of these or None, got '
                             '%r.' % (archive_format,))
    for fmt in formats:
        if fmt == 'tar':
            if not tarfile.is_tarfile(file_path):
                continue
            opener = tarfile.open
        else:
            if not zipfile.is_zipfile(file_path):
                continue
            opener = zipfile.ZipFile
        os.makedirs(path, exist_ok=True)
        with opener(file_path) as archive:
            if fmt == 'tar':
                _check_tar_members(archive, path, file_path)
            else:
                _check_zip_members(archive, path, file_path)
            staging = tempfile.mkdtemp(prefix='.extracting-', dir=path)
            try:
                if fmt == 'tar' and hasattr(tarfile, 'data_filter'):
                    archive.extractall(staging, filter='data')
                else:
                    archive.extractall(staging)
                _move_into(staging, path)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        return True
    return False
