"""Text preprocessing: word splitting, hashing and the `Tokenizer`.

Behaviour follows keras_preprocessing 1.0.5, which Keras 2.2.4 used for
`keras.preprocessing.text`.
"""
from __future__ import absolute_import, division, print_function

import hashlib
import json
import warnings
from collections import OrderedDict, defaultdict

import numpy as np

_DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'
_MATRIX_MODES = ('binary', 'count', 'tfidf', 'freq')


def text_to_word_sequence(text,
                          filters='!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n',
                          lower=True, split=" "):
    """Splits a text into a list of words.

    Every character of `filters` is treated as a separator, then the text
    is cut at `split`; empty pieces are dropped.

    # Arguments
        text: str, the text to split.
        filters: str, characters to remove (each is replaced by `split`).
            The default removes punctuation, tabs and line breaks.
        lower: bool, whether to lower-case the text first.
        split: str, the separator between words.

    # Returns
        A list of words (str).

    # Raises
        TypeError: if `text` is not a string.

    # Example

    ```python
        >>> text_to_word_sequence('The cat sat. The end!')
        ['the', 'cat', 'sat', 'the', 'end']
    ```
    """
    if not isinstance(text, str):
        raise TypeError('text_to_word_sequence: `text` must be a str, '
                        'got %s.' % type(text).__name__)
    if lower:
        text = text.lower()
    if filters:
        text = text.translate(str.maketrans({c: split for c in filters}))
    return [word for word in text.split(split) if word]


def _md5_hash(word):
    return int(hashlib.md5(word.encode('utf-8')).hexdigest(), 16)


def hashing_trick(text, n,
                  hash_function=None,
                  filters='!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n',
                  lower=True,
                  split=' '):
    """Turns a text into a list of word indices in `[1, n)` by hashing.

    Index 0 is never produced, so it stays free for padding. Different
    words may share an index (hash collisions).

    # Arguments
        text: str, the text.
        n: int, size of the hashing space; indices lie in `[1, n - 1]`.
        hash_function: `None` for Python's `hash` (which is salted per
            process for strings unless `PYTHONHASHSEED` is set, so indices
            differ between runs), `'md5'` for a stable hash, or any
            callable mapping a word (str) to an int.
        filters: str, characters removed from the text.
        lower: bool, whether to lower-case the text.
        split: str, the separator between words.

    # Returns
        A list of ints, one per word.

    # Raises
        ValueError: if `n` is smaller than 2 or `hash_function` is neither
            `None`, `'md5'` nor callable (keras_preprocessing 1.0.5 failed
            later with a division by zero or a `TypeError`).
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError('hashing_trick: `n` must be an int >= 2 (indices '
                         'lie in [1, n - 1]), got %r.' % (n,))
    if hash_function is None:
        hash_function = hash
    elif hash_function == 'md5':
        hash_function = _md5_hash
    elif not callable(hash_function):
        raise ValueError("hashing_trick: `hash_function` must be None, 'md5' "
                         'or a callable, got %r.' % (hash_function,))
    words = text_to_word_sequence(text, filters=filters, lower=lower,
                                  split=split)
    return [hash_function(word) % (n - 1) + 1 for word in words]


def one_hot(text, n,
            filters='!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n',
            lower=True,
            split=' '):
    """Encodes a text as a list of word indices in `[1, n)`.

    Despite its name this does not build one-hot vectors: it is
    `hashing_trick` with Python's `hash`, so indices may collide and, for
    strings, change between processes unless `PYTHONHASHSEED` is fixed.

    # Arguments
        text: str, the text.
        n: int, size of the vocabulary (hashing space).
        filters: str, characters removed from the text.
        lower: bool, whether to lower-case the text.
        split: str, the separator between words.

    # Returns
        A list of ints in `[1, n - 1]`, one per word.

    # Raises
        ValueError: if `n` is smaller than 2.
    """
    return hashing_trick(text, n, hash_function=hash, filters=filters,
                         lower=lower, split=split)


class Tokenizer(object):
    """Builds a word index from texts and turns texts into vectors.

    Words are numbered by decreasing frequency (ties keep the order in
    which the words were first seen), starting at 1; index 0 is reserved
    for padding. When `oov_token` is set it takes index 1 and every
    other word moves up by one.

    # Arguments
        num_words: `None` or int. When set, only indices below
            `num_words` are used when converting texts (the word index
            itself keeps every word); more frequent words have smaller
            indices, so this keeps the `num_words - 1` most common ones.
        filters: str, characters removed from the texts.
        lower: bool, whether to lower-case the texts.
        split: str, the separator between words.
        char_level: bool, if True every character is a token.
        oov_token: if given, it is added to `word_index` (at index 1) and
            stands for unknown words, and for words beyond `num_words`,
            in `texts_to_sequences` and `sequences_to_texts`.
        document_count: int, the number of documents already seen (used
            when restoring a tokenizer).

    # Attributes
        word_counts: `OrderedDict` word -> number of occurrences, in the
            order words were first seen.
        word_docs: dict word -> number of documents containing it.
        index_docs: dict index -> number of documents containing it.
        word_index: dict word -> index.
        index_word: dict index -> word.
        document_count: int, number of documents fitted on.

    # Raises
        TypeError: for an unknown keyword argument. The Keras 1 name
            `nb_words` is accepted for `num_words` with a warning.

    # Example

    ```python
        tokenizer = Tokenizer(num_words=100)
        tokenizer.fit_on_texts(['the cat sat', 'the dog sat down'])
        tokenizer.word_index
        # {'the': 1, 'sat': 2, 'cat': 3, 'dog': 4, 'down': 5}
        tokenizer.texts_to_sequences(['the cat ran'])   # [[1, 3]]
    ```
    """

    def __init__(self, num_words=None,
                 filters='!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n',
                 lower=True,
                 split=' ',
                 char_level=False,
                 oov_token=None,
                 document_count=0,
                 **kwargs):
        if 'nb_words' in kwargs:
            warnings.warn('Tokenizer: the `nb_words` argument is now called '
                          '`num_words`.')
            num_words = kwargs.pop('nb_words')
        if kwargs:
            raise TypeError('Tokenizer: unrecognized keyword arguments: %s'
                            % sorted(kwargs))
        self.num_words = num_words
        self.filters = filters
        self.lower = lower
        self.split = split
        self.char_level = char_level
        self.oov_token = oov_token
        self.document_count = document_count
        self.word_counts = OrderedDict()
        self.word_docs = defaultdict(int)
        self.index_docs = defaultdict(int)
        self.word_index = dict()
        self.index_word = dict()

    def _tokens(self, text):
        """The tokens of one text: words, characters, or a given list."""
        if self.char_level or isinstance(text, list):
            if not self.lower:
                return text
            if isinstance(text, list):
                return [token.lower() for token in text]
            return text.lower()
        return text_to_word_sequence(text, self.filters, self.lower,
                                     self.split)

    def fit_on_texts(self, texts):
        """Updates the vocabulary from a list of texts.

        # Arguments
            texts: list of str, or of lists of str (already split tokens),
                or a generator of either.
        """
        for text in texts:
            self.document_count += 1
            tokens = self._tokens(text)
            for token in tokens:
                self.word_counts[token] = self.word_counts.get(token, 0) + 1
            for token in set(tokens):
                self.word_docs[token] += 1
        self._build_index()

    def _build_index(self):
        # sorted() is stable, so equally frequent words keep the order in
        # which they were first seen.
        by_count = sorted(self.word_counts.items(), key=lambda item: item[1],
                          reverse=True)
        vocabulary = [] if self.oov_token is None else [self.oov_token]
        vocabulary.extend(word for word, _ in by_count)
        self.word_index = dict(zip(vocabulary,
                                   range(1, len(vocabulary) + 1)))
        self.index_word = dict((i, w) for w, i in self.word_index.items())
        for word, docs in list(self.word_docs.items()):
            self.index_docs[self.word_index[word]] = docs

    def fit_on_sequences(self, sequences):
        """Updates document statistics from sequences of word indices.

        Needed before `sequences_to_matrix(mode='tfidf')` when the
        tokenizer was not fitted on texts.

        # Arguments
            sequences: list of sequences of ints.
        """
        self.document_count += len(sequences)
        for seq in sequences:
            for index in set(seq):
                self.index_docs[index] += 1

    def texts_to_sequences(self, texts):
        """Turns each text into a list of word indices.

        Unknown words are dropped, or replaced by the index of
        `oov_token` when it is set; so are words whose index is not below
        `num_words`.

        # Arguments
            texts: list of str (or of lists of tokens).

        # Returns
            A list of lists of ints.
        """
        return list(self.texts_to_sequences_generator(texts))

    def texts_to_sequences_generator(self, texts):
        """Like `texts_to_sequences`, but yields one list per text.

        # Arguments
            texts: list or generator of str (or of lists of tokens).

        # Yields
            A list of ints for each text.
        """
        oov_index = self.word_index.get(self.oov_token)
        for text in texts:
            sequence = []
            for token in self._tokens(text):
                index = self._usable(self.word_index.get(token), oov_index)
                if index is not None:
                    sequence.append(index)
            yield sequence

    def _usable(self, index, oov_index):
        """The index to emit for `index`: itself, the oov index, or None."""
        if index is None:
            return oov_index if self.oov_token is not None else None
        if self.num_words and index >= self.num_words:
            return oov_index
        return index

    def sequences_to_texts(self, sequences):
        """Turns sequences of word indices back into texts.

        Unknown indices are dropped, or written as `oov_token` when it is
        set; words are joined with single spaces.

        # Arguments
            sequences: list of sequences of ints.

        # Returns
            A list of str.
        """
        return list(self.sequences_to_texts_generator(sequences))

    def sequences_to_texts_generator(self, sequences):
        """Like `sequences_to_texts`, but yields one text per sequence.

        # Arguments
            sequences: list or generator of sequences of ints.

        # Yields
            A str for each sequence.
        """
        oov_index = self.word_index.get(self.oov_token)
        for seq in sequences:
            words = []
            for index in seq:
                known = index if index in self.index_word else None
                usable = self._usable(known, oov_index)
                if usable is not None:
                    words.append(self.index_word[usable])
            yield ' '.join(words)

    def texts_to_matrix(self, texts, mode='binary'):
        """Turns texts into a matrix of shape `(len(texts), num_words)`.

        # Arguments
            texts: list of str.
            mode: one of 'binary', 'count', 'tfidf', 'freq' (see
                `sequences_to_matrix`).

        # Returns
            A float64 Numpy array.
        """
        sequences = self.texts_to_sequences(texts)
        return self.sequences_to_matrix(sequences, mode=mode)

    def sequences_to_matrix(self, sequences, mode='binary'):
        """Turns sequences of word indices into a matrix.

        Row `i` describes `sequences[i]`; column `j` word index `j`.
        Indices not below the number of columns are ignored.

        # Arguments
            sequences: list of sequences of ints.
            mode: 'binary' (1 if present), 'count' (occurrences), 'freq'
                (occurrences divided by the sequence length) or 'tfidf'
                (`(1 + log(count)) * log(1 + document_count /
                (1 + index_docs[j]))`).

        # Returns
            A float64 Numpy array of shape `(len(sequences), num_words)`,
            where `num_words` is the constructor argument or, when that is
            None, `len(word_index) + 1`.

        # Raises
            ValueError: if the width is unknown (no `num_words` and not
                fitted), if mode is 'tfidf' before any fitting, or for an
                unknown `mode` (keras_preprocessing 1.0.5 raised
                `NotImplementedError`, and only when a non-empty sequence
                was met).
        """
        if mode not in _MATRIX_MODES:
            raise ValueError('Tokenizer.sequences_to_matrix: `mode` must be '
                             'one of %s, got %r.' % (_MATRIX_MODES, mode))
        if self.num_words:
            num_words = self.num_words
        elif self.word_index:
            num_words = len(self.word_index) + 1
        else:
            raise ValueError('Tokenizer.sequences_to_matrix: give '
                             '`num_words` to the Tokenizer or fit it on '
                             'some data first.')
        if mode == 'tfidf' and not self.document_count:
            raise ValueError('Tokenizer.sequences_to_matrix: fit the '
                             "Tokenizer on some data before using mode "
                             "'tfidf'.")
        matrix = np.zeros((len(sequences), num_words))
        for row, seq in enumerate(sequences):
            if not len(seq):
                continue
            counts = defaultdict(int)
            for index in seq:
                if index < num_words:
                    counts[index] += 1
            for index, count in counts.items():
                matrix[row, index] = self._weight(mode, count, len(seq),
                                                  index)
        return matrix

    def _weight(self, mode, count, length, index):
        if mode == 'binary':
            return 1.
        if mode == 'count':
            return count
        if mode == 'freq':
            return count / length
        tf = 1. + np.log(count)
        idf = np.log(1. + self.document_count /
                     (1. + self.index_docs.get(index, 0)))
        return tf * idf

    def get_config(self):
        """Returns the tokenizer's settings and vocabulary as a dict.

        The vocabularies are stored as JSON strings so that the whole dict
        can go through `json.dumps`.

        # Returns
            A dict with the constructor arguments and `word_counts`,
            `word_docs`, `index_docs`, `index_word`, `word_index`.
        """
        return {
            'num_words': self.num_words,
            'filters': self.filters,
            'lower': self.lower,
            'split': self.split,
            'char_level': self.char_level,
            'oov_token': self.oov_token,
            'document_count': self.document_count,
            'word_counts': json.dumps(self.word_counts),
            'word_docs': json.dumps(self.word_docs),
            'index_docs': json.dumps(self.index_docs),
            'index_word': json.dumps(self.index_word),
            'word_index': json.dumps(self.word_index),
        }

    def to_json(self, **kwargs):
        """Returns a JSON string describing the tokenizer.

        Load it back with `tokenizer_from_json`.

        # Arguments
            **kwargs: passed to `json.dumps`.

        # Returns
            A JSON string.
        """
        return json.dumps({'class_name': self.__class__.__name__,
                           'config': self.get_config()}, **kwargs)


def tokenizer_from_json(json_string):
    """Rebuilds a `Tokenizer` from the output of `Tokenizer.to_json`.

    # Arguments
        json_string: str, JSON from `Tokenizer.to_json()`.

    # Returns
        A `Tokenizer` with the same settings and vocabulary.
    """
    config = dict(json.loads(json_string)['config'])
    word_counts = json.loads(config.pop('word_counts'))
    word_docs = json.loads(config.pop('word_docs'))
    index_docs = json.loads(config.pop('index_docs'))
    index_word = json.loads(config.pop('index_word'))
    word_index = json.loads(config.pop('word_index'))
    tokenizer = Tokenizer(**config)
    tokenizer.word_counts = OrderedDict(word_counts)
    tokenizer.word_docs = defaultdict(int, word_docs)
    # JSON turns int keys into strings.
    tokenizer.index_docs = defaultdict(
        int, ((int(k), v) for k, v in index_docs.items()))
    tokenizer.index_word = dict((int(k), v) for k, v in index_word.items())
    tokenizer.word_index = word_index
    return tokenizer
