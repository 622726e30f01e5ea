"""Reuters newswires: 11,228 short news stories labelled with 46 topics,
as lists of word indices."""
import json

import numpy as np

from ..preprocessing.sequence import _remove_long_seq
from ..utils.data_utils import get_file
from . import _loading


def load_data(path='reuters.npz', num_words=None, skip_top=0,
              maxlen=None, test_split=0.2, seed=113,
              start_char=1, oov_char=2, index_from=3, **kwargs):
    """Loads the Reuters newswires, shuffled and split.

    Words are encoded as for `imdb.load_data`: indices are frequency ranks
    shifted by `index_from`, with `start_char` first and `oov_char` for
    the words left out.

    The file is `datasets/<path>` in the Keras cache directory, downloaded
    from `https://s3.amazonaws.com/text-datasets/reuters.npz` when
    missing.

    # Arguments
        path: file name of the cached copy.
        num_words: keep only the words of rank below this (after the
            shift). `None`: keep all.
        skip_top: words of rank below this are left out too.
        maxlen: keep only the newswires shorter than this.
        test_split: fraction of the newswires kept for the test set
            (taken after `maxlen` filtering).
        seed: seed of the shuffle. As in Keras 2.2, NumPy's global random
            generator is seeded with it.
        start_char: index put at the start of every newswire (`None`:
            none).
        oov_char: index replacing the words left out; with `None` they
            are removed instead.
        index_from: what to add to every word index.
        **kwargs: `nb_words`, the Keras 1 name of `num_words`.

    # Returns
        Tuple `(x_train, y_train), (x_test, y_test)`: `x_*` are 1-D object
        arrays of lists of ints, `y_*` int arrays of topics (0-45).

    # Raises
        ValueError: if `maxlen` leaves no newswire (Keras 2.2 failed with
            an unexplained error) or `test_split` is not in [0, 1].
        TypeError: for an unknown keyword argument.
        Exception: if the file is not cached and cannot be downloaded.
    """
    num_words = _loading.legacy_num_words('reuters.load_data', num_words,
                                          kwargs)
    if not 0 <= test_split <= 1:
        raise ValueError('reuters.load_data: `test_split` must be in [0, 1], '
                         'got %r.' % (test_split,))
    path = get_file(path,
                    origin='https://s3.amazonaws.com/text-datasets/'
                           'reuters.npz',
                    file_hash='87aedbeb0cb229e378797a632c1997b6')
    arrays = _loading.load_npz(path)
    xs, labels = arrays['x'], arrays['y']

    np.random.seed(seed)
    order = np.arange(len(xs))
    np.random.shuffle(order)
    xs, labels = xs[order], labels[order]

    xs = _loading.index_words(xs, start_char, index_from)
    if maxlen:
        xs, labels = _remove_long_seq(maxlen, xs, labels)
        _loading.check_not_empty('reuters.load_data', maxlen, xs)
    if not num_words:
        num_words = _loading.highest_index([xs])
    xs = _loading.limit_words(xs, num_words, skip_top, oov_char)

    split = int(len(xs) * (1 - test_split))
    label_dtype = arrays['y'].dtype
    return ((_loading.as_sequence_array(xs[:split]),
             np.asarray(labels[:split], dtype=label_dtype)),
            (_loading.as_sequence_array(xs[split:]),
             np.asarray(labels[split:], dtype=label_dtype)))


def get_word_index(path='reuters_word_index.json'):
    """Loads the dictionary from words to their Reuters index.

    The indices are those of the file, before `index_from` is added.

    # Arguments
        path: file name of the cached copy (in `datasets/`).

    # Returns
        A dict mapping words (str) to indices (int).

    # Raises
        Exception: if the file is not cached and cannot be downloaded.
    """
    path = get_file(
        path,
        origin='https://s3.amazonaws.com/text-datasets/'
               'reuters_word_index.json',
        file_hash='4d44cc38712099c9e383dc6e5f11a921')
    with open(path) as source:
        return json.load(source)
