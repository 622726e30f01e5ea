"""IMDB: 50,000 movie reviews labelled by sentiment, as lists of word
indices."""
import json

import numpy as np

from ..preprocessing.sequence import _remove_long_seq
from ..utils.data_utils import get_file
from . import _loading


def load_data(path='imdb.npz', num_words=None, skip_top=0,
              maxlen=None, seed=113,
              start_char=1, oov_char=2, index_from=3, **kwargs):
    """Loads the IMDB reviews (25,000 for training, 25,000 for testing).

    Each review is a list of word indices, a word's index being its rank
    by frequency in the whole dataset (1 for the most frequent). Indices
    are shifted by `index_from` so that the smallest ones can mean
    padding (0), start (`start_char`) and unknown word (`oov_char`).

    The file is `datasets/<path>` in the Keras cache directory, downloaded
    from `https://s3.amazonaws.com/text-datasets/imdb.npz` when missing.

    # Arguments
        path: file name of the cached copy.
        num_words: keep only the words of rank below this (after the
            shift); the others become `oov_char`. `None`: keep all.
        skip_top: words of rank below this (the most frequent ones, after
            the shift) also become `oov_char`.
        maxlen: keep only the reviews shorter than this (after
            `start_char` is added).
        seed: seed of the shuffle of each set. As in Keras 2.2, NumPy's
            global random generator is seeded with it.
        start_char: index put at the start of every review (`None`: none).
        oov_char: index replacing the words left out by `num_words` and
            `skip_top`; with `None` these words are removed instead.
        index_from: what to add to every word index.
        **kwargs: `nb_words`, the Keras 1 name of `num_words`.

    # Returns
        Tuple `(x_train, y_train), (x_test, y_test)`: `x_*` are 1-D object
        arrays of lists of ints, `y_*` int arrays of labels (1: positive).
        With `maxlen`, each set keeps its own reviews (Keras 2.2 split the
        filtered reviews at the original training size, moving test
        reviews into the training set).

    # Raises
        ValueError: if `maxlen` leaves no review.
        TypeError: for an unknown keyword argument.
        Exception: if the file is not cached and cannot be downloaded.
    """
    num_words = _loading.legacy_num_words('imdb.load_data', num_words,
                                          kwargs)
    path = get_file(path,
                    origin='https://s3.amazonaws.com/text-datasets/imdb.npz',
                    file_hash='599dadb1135973df5b59232a0e9a887c')
    arrays = _loading.load_npz(path)
    x_train, labels_train = arrays['x_train'], arrays['y_train']
    x_test, labels_test = arrays['x_test'], arrays['y_test']

    np.random.seed(seed)
    order = np.arange(len(x_train))
    np.random.shuffle(order)
    x_train, labels_train = x_train[order], labels_train[order]
    order = np.arange(len(x_test))
    np.random.shuffle(order)
    x_test, labels_test = x_test[order], labels_test[order]

    x_train = _loading.index_words(x_train, start_char, index_from)
    x_test = _loading.index_words(x_test, start_char, index_from)
    if maxlen:
        x_train, labels_train = _remove_long_seq(maxlen, x_train,
                                                 labels_train)
        x_test, labels_test = _remove_long_seq(maxlen, x_test,
                                               labels_test)
        _loading.check_not_empty('imdb.load_data', maxlen, x_train + x_test)
    if not num_words:
        num_words = _loading.highest_index([x_train, x_test])
    x_train = _loading.limit_words(x_train, num_words, skip_top, oov_char)
    x_test = _loading.limit_words(x_test, num_words, skip_top, oov_char)

    label_dtype = arrays['y_train'].dtype
    return ((_loading.as_sequence_array(x_train),
             np.asarray(labels_train, dtype=label_dtype)),
            (_loading.as_sequence_array(x_test),
             np.asarray(labels_test, dtype=label_dtype)))


def get_word_index(path='imdb_word_index.json'):
    """Loads the dictionary from words to their IMDB index.

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
        origin='https://s3.amazonaws.com/text-datasets/imdb_word_index.json',
        file_hash='bfafd718b763782e994055a2d397834f')
    with open(path) as source:
        return json.load(source)
