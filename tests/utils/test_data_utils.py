"""Tests of keras22.utils.data_utils: get_file and its helpers, the
enqueuers, Sequence."""
import hashlib
import io
import multiprocessing
import os
import tarfile
import threading
import time
import traceback
import warnings
import zipfile
from urllib.error import URLError

import numpy as np
import pytest

from keras22.utils import data_utils
from keras22.utils.data_utils import (GeneratorEnqueuer, OrderedEnqueuer,
                                      Sequence, SequenceEnqueuer, get_file,
                                      validate_file)


# --------------------------------------------------------------------------
# get_file

@pytest.fixture
def home(tmp_path, monkeypatch):
    """A private KERAS_HOME, and a source directory served by file:// URLs."""
    keras_home = tmp_path / 'home'
    keras_home.mkdir()
    monkeypatch.setenv('KERAS_HOME', str(keras_home))
    source = tmp_path / 'source'
    source.mkdir()
    return keras_home, source


def _url(path):
    return 'file://' + str(path)


def _no_network(url, filename, reporthook=None, data=None):
    raise URLError('network disabled in tests')


def test_file_origin_is_downloaded_into_keras_home(home, capsys):
    keras_home, source = home
    (source / 'data.bin').write_bytes(b'abc' * 1000)
    path = get_file('data.bin', origin=_url(source / 'data.bin'))
    assert path == str(keras_home / 'datasets' / 'data.bin')
    with open(path, 'rb') as f:
        assert f.read() == b'abc' * 1000
    assert 'Downloading data from' in capsys.readouterr().out
    # No temporary file is left next to it.
    assert os.listdir(str(keras_home / 'datasets')) == ['data.bin']


def test_cached_file_is_used_without_network(home, monkeypatch):
    keras_home, source = home
    (source / 'data.bin').write_bytes(b'payload')
    first = get_file('data.bin', origin=_url(source / 'data.bin'))
    monkeypatch.setattr(data_utils, 'urlretrieve', _no_network)
    second = get_file('data.bin', origin='http://unreachable.invalid/x')
    assert first == second


def test_cache_dir_and_subdir_arguments(home, tmp_path):
    _, source = home
    (source / 'f.txt').write_bytes(b'x')
    cache = tmp_path / 'cache'
    path = get_file('f.txt', origin=_url(source / 'f.txt'),
                    cache_dir=str(cache), cache_subdir='models')
    assert path == str(cache / 'models' / 'f.txt')
    absolute = tmp_path / 'elsewhere'
    path = get_file('f.txt', origin=_url(source / 'f.txt'),
                    cache_subdir=str(absolute))
    assert path == str(absolute / 'f.txt')


def test_unwritable_cache_falls_back_to_tmp(home, tmp_path, monkeypatch):
    _, source = home
    (source / 'f.txt').write_bytes(b'x')
    monkeypatch.setattr(data_utils, '_can_write_to', lambda d: False)
    monkeypatch.setattr(data_utils.tempfile, 'gettempdir',
                        lambda: str(tmp_path / 'tmp'))
    path = get_file('f.txt', origin=_url(source / 'f.txt'))
    assert path == str(tmp_path / 'tmp' / '.keras' / 'datasets' / 'f.txt')


def test_offline_and_not_cached_names_file_url_and_place(home, monkeypatch):
    keras_home, _ = home
    monkeypatch.setattr(data_utils, 'urlretrieve', _no_network)
    origin = 'https://example.invalid/data/big.npz'
    with pytest.raises(Exception) as info:
        get_file('big.npz', origin=origin)
    message = str(info.value)
    assert 'big.npz' in message
    assert origin in message
    assert str(keras_home / 'datasets' / 'big.npz') in message
    assert not os.path.exists(str(keras_home / 'datasets' / 'big.npz'))


def test_unreachable_file_origin_gives_clear_error(home):
    keras_home, source = home
    with pytest.raises(Exception) as info:
        get_file('missing.bin', origin=_url(source / 'missing.bin'))
    assert 'missing.bin' in str(info.value)
    assert str(keras_home / 'datasets' / 'missing.bin') in str(info.value)
    assert os.listdir(str(keras_home / 'datasets')) == []


def test_hashes(tmp_path):
    path = tmp_path / 'f'
    path.write_bytes(b'hello world')
    md5 = hashlib.md5(b'hello world').hexdigest()
    sha = hashlib.sha256(b'hello world').hexdigest()
    assert data_utils._hash_file(str(path)) == sha
    assert data_utils._hash_file(str(path), algorithm='md5') == md5
    assert data_utils._hash_file(str(path), chunk_size=3) == sha
    assert validate_file(str(path), md5)
    assert validate_file(str(path), sha)
    assert validate_file(str(path), sha.upper())
    assert validate_file(str(path), md5, algorithm='md5')
    assert not validate_file(str(path), md5, algorithm='sha256')
    assert not validate_file(str(path), '0' * 64)
    with pytest.raises(ValueError, match='algorithm'):
        validate_file(str(path), md5, algorithm='sha1')


@pytest.mark.parametrize('algorithm', ['md5', 'sha256'])
def test_hash_mismatch_triggers_new_download(home, algorithm):
    keras_home, source = home
    good = b'the real content'
    (source / 'f.bin').write_bytes(good)
    digest = hashlib.new(algorithm, good).hexdigest()
    cached = keras_home / 'datasets' / 'f.bin'
    cached.parent.mkdir()
    cached.write_bytes(b'truncated')
    path = get_file('f.bin', origin=_url(source / 'f.bin'),
                    file_hash=digest)
    with open(path, 'rb') as f:
        assert f.read() == good


def test_md5_hash_argument(home):
    keras_home, source = home
    (source / 'f.bin').write_bytes(b'content')
    cached = keras_home / 'datasets' / 'f.bin'
    cached.parent.mkdir()
    cached.write_bytes(b'old')
    get_file('f.bin', origin=_url(source / 'f.bin'),
             md5_hash=hashlib.md5(b'content').hexdigest())
    assert cached.read_bytes() == b'content'


def test_bad_download_is_refused_and_cache_kept(home):
    keras_home, source = home
    (source / 'f.bin').write_bytes(b'corrupted at the origin')
    cached = keras_home / 'datasets' / 'f.bin'
    cached.parent.mkdir()
    cached.write_bytes(b'old copy')
    digest = hashlib.sha256(b'expected').hexdigest()
    with pytest.raises(ValueError, match='hash'):
        get_file('f.bin', origin=_url(source / 'f.bin'), file_hash=digest)
    assert cached.read_bytes() == b'old copy'
    assert os.listdir(str(cached.parent)) == ['f.bin']


def test_hash_mismatch_offline_says_so(home, monkeypatch):
    keras_home, _ = home
    cached = keras_home / 'datasets' / 'f.bin'
    cached.parent.mkdir()
    cached.write_bytes(b'old copy')
    monkeypatch.setattr(data_utils, 'urlretrieve', _no_network)
    with pytest.raises(Exception, match='expected md5 hash'):
        get_file('f.bin', origin='http://example.invalid/f.bin',
                 file_hash='0' * 32)
    assert cached.read_bytes() == b'old copy'


def _make_tar(path, files, mode='w:gz'):
    with tarfile.open(str(path), mode) as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))


def test_untar(home, monkeypatch):
    keras_home, source = home
    _make_tar(source / 'pack.tar.gz', {'pack/a.txt': b'A', 'pack/b/c': b'C'})
    path = get_file('pack', origin=_url(source / 'pack.tar.gz'), untar=True)
    assert path == str(keras_home / 'datasets' / 'pack')
    assert open(os.path.join(path, 'a.txt'), 'rb').read() == b'A'
    assert open(os.path.join(path, 'b', 'c'), 'rb').read() == b'C'
    assert os.path.exists(str(keras_home / 'datasets' / 'pack.tar.gz'))
    # The extracted directory alone is enough, offline.
    os.remove(str(keras_home / 'datasets' / 'pack.tar.gz'))
    monkeypatch.setattr(data_utils, 'urlretrieve', _no_network)
    assert get_file('pack', origin='http://example.invalid/p.tgz',
                    untar=True) == path


@pytest.mark.parametrize('archive_format', ['auto', 'tar'])
def test_extract_tar(home, archive_format):
    keras_home, source = home
    _make_tar(source / 'data.tar.gz', {'data/x.txt': b'X'})
    path = get_file('data.tar.gz', origin=_url(source / 'data.tar.gz'),
                    extract=True, archive_format=archive_format)
    assert path == str(keras_home / 'datasets' / 'data.tar.gz')
    extracted = keras_home / 'datasets' / 'data' / 'x.txt'
    assert extracted.read_bytes() == b'X'
    # No staging directory is left behind.
    assert sorted(os.listdir(str(keras_home / 'datasets'))) == \
        ['data', 'data.tar.gz']


@pytest.mark.parametrize('archive_format', ['auto', 'zip', ['zip']])
def test_extract_zip(home, archive_format):
    keras_home, source = home
    with zipfile.ZipFile(str(source / 'data.zip'), 'w') as archive:
        archive.writestr('data/y.txt', b'Y')
        archive.writestr('top.txt', b'T')
    get_file('data.zip', origin=_url(source / 'data.zip'), extract=True,
             archive_format=archive_format)
    datasets = keras_home / 'datasets'
    assert (datasets / 'data' / 'y.txt').read_bytes() == b'Y'
    assert (datasets / 'top.txt').read_bytes() == b'T'


def test_extract_wrong_format_does_nothing(home):
    keras_home, source = home
    _make_tar(source / 'data.tar.gz', {'data/x.txt': b'X'})
    get_file('data.tar.gz', origin=_url(source / 'data.tar.gz'),
             extract=True, archive_format='zip')
    assert not (keras_home / 'datasets' / 'data').exists()
    with pytest.raises(ValueError, match='archive_format'):
        get_file('data.tar.gz', origin=_url(source / 'data.tar.gz'),
                 extract=True, archive_format='rar')


def test_extraction_merges_into_existing_directory(home):
    keras_home, source = home
    existing = keras_home / 'datasets' / 'data'
    existing.mkdir(parents=True)
    (existing / 'mine.txt').write_bytes(b'keep')
    (existing / 'x.txt').write_bytes(b'old')
    _make_tar(source / 'data.tar.gz', {'data/x.txt': b'new'})
    get_file('data.tar.gz', origin=_url(source / 'data.tar.gz'),
             extract=True)
    assert (existing / 'mine.txt').read_bytes() == b'keep'
    assert (existing / 'x.txt').read_bytes() == b'new'


@pytest.mark.parametrize('member', ['../evil.txt', '/tmp/evil-abs.txt',
                                    'ok/../../evil.txt'])
def test_tar_member_escaping_is_refused(home, tmp_path, member):
    keras_home, source = home
    _make_tar(source / 'bad.tar.gz', {'fine.txt': b'ok', member: b'evil'})
    with pytest.raises(ValueError, match='Refusing'):
        get_file('bad.tar.gz', origin=_url(source / 'bad.tar.gz'),
                 extract=True)
    assert not (keras_home / 'evil.txt').exists()
    assert not (keras_home / 'datasets' / 'fine.txt').exists()
    assert sorted(os.listdir(str(keras_home / 'datasets'))) == \
        ['bad.tar.gz']


def test_tar_symlink_escaping_is_refused(home):
    keras_home, source = home
    with tarfile.open(str(source / 'link.tar'), 'w') as archive:
        info = tarfile.TarInfo('link')
        info.type = tarfile.SYMTYPE
        info.linkname = '../../outside'
        archive.addfile(info)
    with pytest.raises(ValueError, match='Refusing'):
        get_file('link.tar', origin=_url(source / 'link.tar'), extract=True)
    assert not os.path.lexists(str(keras_home / 'datasets' / 'link'))


def test_zip_member_escaping_is_refused(home):
    keras_home, source = home
    with zipfile.ZipFile(str(source / 'bad.zip'), 'w') as archive:
        archive.writestr('../evil.txt', b'evil')
    with pytest.raises(ValueError, match='Refusing'):
        get_file('bad.zip', origin=_url(source / 'bad.zip'), extract=True)
    assert not (keras_home / 'evil.txt').exists()


def test_get_file_argument_errors(home):
    with pytest.raises(ValueError, match='fname'):
        get_file('', origin='file:///x')
    with pytest.raises(ValueError, match='origin'):
        get_file('x', origin=None)
    with pytest.raises(ValueError, match='hash_algorithm'):
        get_file('x', origin='file:///x', file_hash='0' * 32,
                 hash_algorithm='crc')


def test_urlretrieve_reports_progress(tmp_path):
    source = tmp_path / 'src'
    source.write_bytes(b'z' * 20000)
    calls = []
    data_utils.urlretrieve(_url(source), str(tmp_path / 'dst'),
                           lambda *args: calls.append(args))
    assert (tmp_path / 'dst').read_bytes() == b'z' * 20000
    assert calls[0] == (0, 8192, 20000)
    assert calls[-1][0] * calls[-1][1] >= 20000


# --------------------------------------------------------------------------
# Sequence and enqueuers

class CountingSequence(Sequence):
    """Batch i of epoch e is (i, e); later batches tend to be ready first,
    so that order has to be restored."""

    def __init__(self, size=8, fail_at=None):
        self.size = size
        self.fail_at = fail_at
        self.epoch = 0

    def __len__(self):
        return self.size

    def __getitem__(self, index):
        if index == self.fail_at:
            raise KeyError('batch %d is broken' % index)
        # Earlier indices take a little longer, so that workers finish out
        # of order (this is not a timing assertion).
        time.sleep(0.001 * ((self.size - index) % 4))
        return index, self.epoch

    def on_epoch_end(self):
        self.epoch += 1


class BlockingSequence(Sequence):
    """Batch 0 at once; the others only when `release` is set."""

    def __init__(self, release):
        self.release = release

    def __len__(self):
        return 6

    def __getitem__(self, index):
        if index > 0:
            self.release.wait(30)
        return index


class SleepySequence(Sequence):
    """Batch 0 at once, the others never (for the length of the test)."""

    def __len__(self):
        return 4

    def __getitem__(self, index):
        if index > 0:
            time.sleep(60)
        return index


def _take(enqueuer, count):
    batches = enqueuer.get()
    return [next(batches) for _ in range(count)]


def _no_children():
    return multiprocessing.active_children() == []


def test_sequence_iterates_in_order():
    assert list(CountingSequence(3)) == [(0, 0), (1, 0), (2, 0)]


@pytest.mark.parametrize('use_multiprocessing', [False, True])
@pytest.mark.parametrize('workers', [1, 4])
def test_ordered_enqueuer_keeps_order_across_epochs(use_multiprocessing,
                                                    workers):
    enqueuer = OrderedEnqueuer(CountingSequence(8),
                               use_multiprocessing=use_multiprocessing)
    enqueuer.start(workers=workers, max_queue_size=5)
    try:
        got = _take(enqueuer, 8 * 3)
    finally:
        enqueuer.stop()
    # on_epoch_end ran between epochs and the workers saw its effect.
    assert got == [(i, e) for e in range(3) for i in range(8)]
    assert not enqueuer.is_running()
    assert _no_children()


def test_ordered_enqueuer_shuffle():
    sequence = CountingSequence(10)
    enqueuer = OrderedEnqueuer(sequence, shuffle=True)
    enqueuer.start(workers=3, max_queue_size=4)
    try:
        got = _take(enqueuer, 20)
    finally:
        enqueuer.stop()
    for epoch in range(2):
        part = got[10 * epoch:10 * (epoch + 1)]
        assert sorted(i for i, _ in part) == list(range(10))
        assert all(e == epoch for _, e in part)


@pytest.mark.parametrize('use_multiprocessing', [False, True])
def test_worker_exception_reaches_get(use_multiprocessing):
    enqueuer = OrderedEnqueuer(CountingSequence(8, fail_at=3),
                               use_multiprocessing=use_multiprocessing)
    enqueuer.start(workers=2, max_queue_size=4)
    got = []
    with pytest.raises(KeyError, match='batch 3 is broken') as info:
        for batch in enqueuer.get():
            got.append(batch)
    assert got == [(0, 0), (1, 0), (2, 0)]
    assert not enqueuer.is_running()
    # The worker's traceback text comes along.
    text = ''.join(traceback.format_exception(info.type, info.value,
                                              info.tb))
    assert '__getitem__' in text
    assert "raise KeyError('batch %d is broken' % index)" in text
    assert _no_children()


@pytest.mark.parametrize('use_multiprocessing', [False, True])
def test_stop_joins_workers(use_multiprocessing):
    enqueuer = OrderedEnqueuer(CountingSequence(8),
                               use_multiprocessing=use_multiprocessing)
    enqueuer.start(workers=3, max_queue_size=6)
    assert enqueuer.is_running()
    assert _take(enqueuer, 3) == [(0, 0), (1, 0), (2, 0)]
    if use_multiprocessing:
        assert multiprocessing.active_children()
    threads_before = {t for t in threading.enumerate()
                      if t.name.startswith('keras22-enqueuer')}
    enqueuer.stop()
    assert not enqueuer.is_running()
    assert _no_children()
    assert not any(t.is_alive() for t in threads_before)
    assert enqueuer.uid not in data_utils._SHARED_SEQUENCES
    enqueuer.stop()  # a second stop does nothing


@pytest.mark.parametrize('use_multiprocessing', [False, True])
def test_interrupt_in_consumer_then_stop(use_multiprocessing):
    enqueuer = OrderedEnqueuer(CountingSequence(8),
                               use_multiprocessing=use_multiprocessing)
    enqueuer.start(workers=2, max_queue_size=4)
    seen = []
    with pytest.raises(KeyboardInterrupt):
        try:
            for batch in enqueuer.get():
                seen.append(batch)
                if len(seen) == 2:
                    raise KeyboardInterrupt
        finally:
            enqueuer.stop()
    assert seen == [(0, 0), (1, 0)]
    assert not enqueuer.is_running()
    assert _no_children()


def test_stop_terminates_busy_worker_processes():
    enqueuer = OrderedEnqueuer(SleepySequence(), use_multiprocessing=True)
    enqueuer.start(workers=2, max_queue_size=3)
    assert _take(enqueuer, 1) == [0]
    enqueuer.stop(timeout=0.2)
    assert _no_children()


def test_stop_from_another_thread_ends_a_waiting_consumer():
    release = threading.Event()
    enqueuer = OrderedEnqueuer(BlockingSequence(release))
    enqueuer.start(workers=2, max_queue_size=3)
    got, errors = [], []
    first = threading.Event()

    def consume():
        try:
            for batch in enqueuer.get():
                got.append(batch)
                first.set()
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    consumer = threading.Thread(target=consume)
    consumer.start()
    assert first.wait(30)
    stopper = threading.Thread(target=enqueuer.stop)
    stopper.start()
    release.set()
    stopper.join(30)
    consumer.join(30)
    assert not stopper.is_alive() and not consumer.is_alive()
    assert errors == []
    assert got[:1] == [0]
    assert not enqueuer.is_running()


def test_enqueuer_can_restart():
    enqueuer = OrderedEnqueuer(CountingSequence(4))
    enqueuer.start(workers=2)
    assert _take(enqueuer, 2) == [(0, 0), (1, 0)]
    enqueuer.stop()
    enqueuer.start(workers=1, max_queue_size=2)
    assert _take(enqueuer, 2) == [(0, 0), (1, 0)]
    # start() on a running enqueuer restarts it.
    enqueuer.start(workers=1)
    assert _take(enqueuer, 1) == [(0, 0)]
    enqueuer.stop()
    assert list(enqueuer.get()) == []


def test_enqueuer_argument_errors():
    enqueuer = OrderedEnqueuer(CountingSequence(4))
    with pytest.raises(ValueError, match='workers'):
        enqueuer.start(workers=0)
    with pytest.raises(ValueError, match='max_queue_size'):
        enqueuer.start(max_queue_size=0)
    assert not enqueuer.is_running()
    with pytest.raises(ValueError, match='no batches'):
        OrderedEnqueuer(CountingSequence(0)).start()
    with pytest.raises(TypeError, match='iterator'):
        GeneratorEnqueuer([1, 2, 3])


def test_enqueuers_have_distinct_uids():
    a = OrderedEnqueuer(CountingSequence(2))
    b = GeneratorEnqueuer(iter([1]))
    assert isinstance(a, SequenceEnqueuer) and isinstance(b, SequenceEnqueuer)
    assert a.uid != b.uid


def test_worker_functions():
    sequence = CountingSequence(3)
    data_utils.init_pool({'u': sequence})
    try:
        assert data_utils.get_index('u', 2) == (2, 0)
        data_utils.init_pool_generator({'g': iter('ab')}, random_seed=None)
        assert data_utils.next_sample('g') == 'a'
        assert data_utils.next_sample('g') == 'b'
        with pytest.raises(StopIteration):
            data_utils.next_sample('g')
    finally:
        data_utils.init_pool({})


def _finite(n):
    for i in range(n):
        yield i


def test_generator_enqueuer_one_thread_keeps_order():
    enqueuer = GeneratorEnqueuer(_finite(30))
    enqueuer.start(workers=1, max_queue_size=4)
    try:
        assert list(enqueuer.get()) == list(range(30))
    finally:
        enqueuer.stop()


def test_generator_enqueuer_threads_share_plain_generator():
    enqueuer = GeneratorEnqueuer(_finite(50))
    with pytest.warns(UserWarning, match='not thread-safe'):
        enqueuer.start(workers=4, max_queue_size=6)
    try:
        got = list(enqueuer.get())
    finally:
        enqueuer.stop()
    # Every item exactly once; the order depends on the threads.
    assert sorted(got) == list(range(50))


def test_generator_enqueuer_infinite_generator():
    def forever():
        i = 0
        while True:
            yield i
            i += 1

    enqueuer = GeneratorEnqueuer(forever())
    enqueuer.start(workers=1, max_queue_size=3)
    try:
        assert _take(enqueuer, 10) == list(range(10))
    finally:
        enqueuer.stop()
    assert not enqueuer.is_running()


def test_generator_exception_reaches_get():
    def broken():
        yield 0
        yield 1
        raise ZeroDivisionError('no data after 1')

    enqueuer = GeneratorEnqueuer(broken())
    enqueuer.start(workers=1, max_queue_size=5)
    got = []
    with pytest.raises(ZeroDivisionError, match='no data after 1') as info:
        for item in enqueuer.get():
            got.append(item)
    assert got == [0, 1]
    assert 'broken' in ''.join(traceback.format_tb(info.tb))
    assert not enqueuer.is_running()


class _UnsafeIterator(object):
    """An iterator over a plain generator without a lock; its generator
    waits until a second thread has called in, so the clash is certain."""

    def __init__(self):
        self.calls = 0
        self.lock = threading.Lock()
        self.second_call = threading.Event()
        self.generator = self._produce()

    def _produce(self):
        while True:
            self.second_call.wait(10)
            yield 1

    def __iter__(self):
        return self

    def __next__(self):
        with self.lock:
            self.calls += 1
            if self.calls >= 2:
                self.second_call.set()
        return next(self.generator)


def test_non_thread_safe_iterator_gives_clear_error():
    enqueuer = GeneratorEnqueuer(_UnsafeIterator())
    enqueuer.start(workers=2, max_queue_size=2)
    with pytest.raises(RuntimeError, match='not thread-safe'):
        for _ in enqueuer.get():
            pass
    assert not enqueuer.is_running()


def _seeded_draws():
    for step in range(3):
        yield step, int(np.random.randint(10 ** 9))


def test_generator_enqueuer_processes_seeded_workers():
    enqueuer = GeneratorEnqueuer(_seeded_draws(), use_multiprocessing=True,
                                 random_seed=7)
    enqueuer.start(workers=2, max_queue_size=10)
    try:
        got = list(enqueuer.get())
    finally:
        enqueuer.stop()
    assert _no_children()
    # Each worker has its own copy of the generator, seeded 7 + its number.
    expected = set()
    for seed in (7, 8):
        state = np.random.RandomState(seed)
        expected |= {(step, int(state.randint(10 ** 9)))
                     for step in range(3)}
    assert got and set(got) <= expected
    assert {step for step, _ in got} == {0, 1, 2}


def test_generator_enqueuer_wait_time_is_deprecated():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        GeneratorEnqueuer(_finite(1), wait_time=0.05)
    assert any(issubclass(w.category, DeprecationWarning) for w in caught)


class ReadCountingSequence(Sequence):
    """Records every batch read."""

    def __init__(self, size):
        self.size = size
        self.reads = []
        self._lock = threading.Lock()

    def __len__(self):
        return self.size

    def __getitem__(self, index):
        with self._lock:
            self.reads.append(index)
        return index

    def on_epoch_end(self):
        pass


def test_ordered_enqueuer_reads_the_next_pass_only_when_asked():
    # The next pass of the Sequence starts with the caller's next request,
    # so a caller that stops after a whole pass caused no further reads.
    sequence = ReadCountingSequence(3)
    enqueuer = OrderedEnqueuer(sequence, use_multiprocessing=False)
    enqueuer.start(workers=2, max_queue_size=10)
    batches = enqueuer.get()
    assert [next(batches) for _ in range(3)] == [0, 1, 2]
    # nothing of the next pass is queued yet (white-box: a read would
    # otherwise race with stop())
    assert not enqueuer._pending
    enqueuer.stop()
    assert sorted(sequence.reads) == [0, 1, 2]

    sequence = ReadCountingSequence(3)
    enqueuer = OrderedEnqueuer(sequence, use_multiprocessing=False)
    enqueuer.start(workers=2, max_queue_size=10)
    batches = enqueuer.get()
    assert [next(batches) for _ in range(5)] == [0, 1, 2, 0, 1]
    enqueuer.stop()
