"""imdb and reuters loaders, on small `.npz` files holding object arrays
of word index lists, as the real ones do."""
import json
import pickle
import warnings

import numpy as np
import pytest

from keras22.datasets import imdb, reuters

TRAIN = [[5, 1, 9], [2, 2], [7, 3, 1, 4, 6], [1], [8, 8, 8, 2], [3, 4]]
TEST = [[6, 6, 1], [9], [4, 5, 2, 7, 1, 3], [2, 9]]


def _objects(lists):
    out = np.empty(len(lists), dtype=object)
    for i, item in enumerate(lists):
        out[i] = list(item)
    return out


def _shuffled(items, labels, state):
    order = np.arange(len(items))
    state.shuffle(order)
    return [items[i] for i in order], [labels[i] for i in order]


def _shift(xs, start_char, index_from):
    return [([start_char] if start_char is not None else []) +
            [w + index_from for w in x] for x in xs]


def _limit(xs, num_words, skip_top, oov_char):
    if oov_char is None:
        return [[w for w in x if skip_top <= w < num_words] for x in xs]
    return [[w if skip_top <= w < num_words else oov_char for w in x]
            for x in xs]


@pytest.fixture
def imdb_file(cache):
    # Labels tell where a review came from: 10+ train, 20+ test.
    np.savez(str(cache / 'imdb.npz'), x_train=_objects(TRAIN),
             y_train=np.arange(10, 16), x_test=_objects(TEST),
             y_test=np.arange(20, 24))


def _imdb_reference(num_words=None, skip_top=0, maxlen=None, seed=113,
                    start_char=1, oov_char=2, index_from=3):
    state = np.random.RandomState(seed)
    sets = []
    for xs, ys in (_shuffled(TRAIN, list(range(10, 16)), state),
                   _shuffled(TEST, list(range(20, 24)), state)):
        xs = _shift(xs, start_char, index_from)
        if maxlen:
            kept = [(x, y) for x, y in zip(xs, ys) if len(x) < maxlen]
            xs, ys = [k[0] for k in kept], [k[1] for k in kept]
        sets.append((xs, ys))
    if not num_words:
        # As in Keras 2.2: the highest index, which is then itself left
        # out (the test is `w < num_words`).
        num_words = max(max(x) for xs, _ in sets for x in xs if x)
    return [(_limit(xs, num_words, skip_top, oov_char), ys)
            for xs, ys in sets]


def _check(result, reference):
    for (x, y), (ref_x, ref_y) in zip(result, reference):
        assert x.dtype == object and x.ndim == 1
        assert [list(v) for v in x] == ref_x
        assert y.dtype == np.int64
        assert list(y) == ref_y


@pytest.mark.parametrize('kwargs', [
    {},
    {'num_words': 8},
    {'num_words': 10, 'skip_top': 5},
    {'num_words': 9, 'oov_char': None},
    {'start_char': None, 'index_from': 0},
    {'seed': 7, 'index_from': 1, 'start_char': 0},
    {'maxlen': 4},
])
def test_imdb_processing(imdb_file, loader_calls, kwargs):
    _check(imdb.load_data(**kwargs), _imdb_reference(**kwargs))
    assert loader_calls[0]['origin'] == \
        'https://s3.amazonaws.com/text-datasets/imdb.npz'
    assert loader_calls[0]['file_hash'] == '599dadb1135973df5b59232a0e9a887c'


def test_imdb_shuffle_is_seeded_and_sets_stay_apart(imdb_file,
                                                    loader_calls):
    (x_train, y_train), (x_test, y_test) = imdb.load_data(maxlen=4)
    assert all(10 <= y < 16 for y in y_train)
    assert all(20 <= y < 24 for y in y_test)
    assert all(len(x) < 4 for x in list(x_train) + list(x_test))
    again = imdb.load_data(maxlen=4)
    assert list(again[0][1]) == list(y_train)
    # NumPy's global generator is left as Keras 2.2 left it: seeded, then
    # used for the two shuffles.
    imdb.load_data()
    state = np.random.RandomState(113)
    state.shuffle(np.arange(6))
    state.shuffle(np.arange(4))
    assert np.random.rand() == state.rand()


def test_imdb_maxlen_too_small(imdb_file, loader_calls):
    with pytest.raises(ValueError, match='maxlen=2'):
        imdb.load_data(maxlen=2)


def test_imdb_legacy_and_unknown_arguments(imdb_file, loader_calls):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        (x_train, _), _ = imdb.load_data(nb_words=8)
    assert any('num_words' in str(w.message) for w in caught)
    assert all(w < 8 for x in x_train for w in x)
    with pytest.raises(TypeError, match='foo'):
        imdb.load_data(foo=1)


def test_imdb_word_index(cache, loader_calls):
    (cache / 'imdb_word_index.json').write_text(
        json.dumps({'the': 1, 'film': 19}))
    assert imdb.get_word_index() == {'the': 1, 'film': 19}
    assert loader_calls[0]['origin'] == \
        'https://s3.amazonaws.com/text-datasets/imdb_word_index.json'
    assert loader_calls[0]['file_hash'] == 'bfafd718b763782e994055a2d397834f'


def test_imdb_missing_and_offline(cache):
    with pytest.raises(Exception) as info:
        imdb.load_data()
    assert 'imdb.npz' in str(info.value)
    assert str(cache / 'imdb.npz') in str(info.value)


ALL = TRAIN + TEST


@pytest.fixture
def reuters_file(cache):
    np.savez(str(cache / 'reuters.npz'), x=_objects(ALL),
             y=np.arange(len(ALL)))


@pytest.mark.parametrize('kwargs', [
    {'num_words': 11},
    {'num_words': 9, 'skip_top': 4, 'test_split': 0.5},
    {'num_words': 12, 'oov_char': None, 'seed': 3},
    {'num_words': 12, 'maxlen': 4},
])
def test_reuters_processing(reuters_file, loader_calls, kwargs):
    (x_train, y_train), (x_test, y_test) = reuters.load_data(**kwargs)
    state = np.random.RandomState(kwargs.get('seed', 113))
    xs, ys = _shuffled(ALL, list(range(len(ALL))), state)
    xs = _shift(xs, 1, 3)
    if 'maxlen' in kwargs:
        kept = [(x, y) for x, y in zip(xs, ys) if len(x) < kwargs['maxlen']]
        xs, ys = [k[0] for k in kept], [k[1] for k in kept]
    xs = _limit(xs, kwargs['num_words'], kwargs.get('skip_top', 0),
                kwargs.get('oov_char', 2))
    split = int(len(xs) * (1 - kwargs.get('test_split', 0.2)))
    _check([(x_train, y_train), (x_test, y_test)],
           [(xs[:split], ys[:split]), (xs[split:], ys[split:])])
    assert loader_calls[0]['origin'] == \
        'https://s3.amazonaws.com/text-datasets/reuters.npz'
    assert loader_calls[0]['file_hash'] == '87aedbeb0cb229e378797a632c1997b6'


def test_reuters_defaults(reuters_file, loader_calls):
    (x_train, y_train), (x_test, y_test) = reuters.load_data()
    assert len(x_train) == 8 and len(x_test) == 2
    assert sorted(list(y_train) + list(y_test)) == list(range(10))
    assert all(x[0] == 1 for x in x_train)


def test_reuters_errors(reuters_file, loader_calls):
    with pytest.raises(ValueError, match='maxlen=1'):
        reuters.load_data(maxlen=1)
    with pytest.raises(ValueError, match='test_split'):
        reuters.load_data(test_split=1.5)
    with pytest.raises(TypeError, match='bar'):
        reuters.load_data(bar=2)


def test_reuters_word_index(cache, loader_calls):
    (cache / 'reuters_word_index.json').write_text(json.dumps({'oil': 3}))
    assert reuters.get_word_index() == {'oil': 3}
    assert loader_calls[0]['origin'] == \
        'https://s3.amazonaws.com/text-datasets/reuters_word_index.json'
    assert loader_calls[0]['file_hash'] == '4d44cc38712099c9e383dc6e5f11a921'


class _Evil(object):
    def __reduce__(self):
        return (print, ('this must not run',))


def test_npz_object_arrays_cannot_run_code(cache, loader_calls, capsys):
    evil = np.empty(1, dtype=object)
    evil[0] = _Evil()
    np.savez(str(cache / 'imdb.npz'), x_train=evil, y_train=np.zeros(1),
             x_test=_objects(TEST), y_test=np.arange(4))
    with pytest.raises(pickle.UnpicklingError, match='print'):
        imdb.load_data()
    assert 'this must not run' not in capsys.readouterr().out
