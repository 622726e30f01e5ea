"""Sequence preprocessing: padding, skip-gram pairs, time-series windows.

Behaviour follows keras_preprocessing 1.0.5, which Keras 2.2.4 used for
`keras.preprocessing.sequence`.
"""
from __future__ import absolute_import, division, print_function

import json
import random

import numpy as np

from ..utils.data_utils import Sequence

_SIDES = ('pre', 'post')


def _check_side(name, value):
    if value not in _SIDES:
        raise ValueError('pad_sequences: `%s` must be "pre" or "post", '
                         'got %r.' % (name, value))


def _lengths(sequences):
    lengths = []
    for position, seq in enumerate(sequences):
        try:
            lengths.append(len(seq))
        except TypeError:
            raise ValueError('pad_sequences: `sequences` must be a list of '
                             'sequences; item %d is not one: %r'
                             % (position, seq))
    return lengths


def _is_text_dtype(dtype):
    kind = np.dtype(dtype).kind
    return kind in ('U', 'S', 'O')


def _remove_long_seq(maxlen, seq, label):
    """Keeps the sequences shorter than `maxlen` and their labels.

    A private helper of Keras 2.2 that legacy code imports; the imdb and
    reuters loaders filter with it, as Keras 2.2's did.

    # Arguments
        maxlen: the length a sequence must stay below.
        seq: a list of sequences.
        label: a list of labels, one per sequence.

    # Returns
        `(new_seq, new_label)`: lists of the kept sequences and labels.
    """
    new_seq, new_label = [], []
    for x, y in zip(seq, label):
        if len(x) < maxlen:
            new_seq.append(x)
            new_label.append(y)
    return new_seq, new_label


def pad_sequences(sequences, maxlen=None, dtype='int32',
                  padding='pre', truncating='pre', value=0.):
    """Pads (or truncates) sequences to one length and stacks them.

    # Arguments
        sequences: list of sequences; each item is a list or array whose
            elements are scalars or arrays of one common shape.
        maxlen: `None` (use the longest sequence) or int, the output
            length.
        dtype: dtype of the result. Use `object` (or a string dtype) for
            strings of varying length.
        padding: 'pre' or 'post': where the padding goes.
        truncating: 'pre' or 'post': drop values at the beginning or at
            the end of sequences longer than `maxlen`.
        value: the padding value (float or string).

    # Returns
        A Numpy array of shape `(len(sequences), maxlen) + sample_shape`,
        where `sample_shape` is the shape of one element.

    # Raises
        ValueError: if `padding` or `truncating` is not 'pre'/'post'
            (checked before anything else, whereas keras_preprocessing
            1.0.5 only noticed when a sequence needed it), if an item is
            not a sequence, if element shapes differ between sequences, or
            if `value` is a string but `dtype` is numeric.

    # Example

    ```python
        >>> pad_sequences([[1, 2, 3], [4]], maxlen=2, padding='post')
        array([[2, 3],
               [4, 0]], dtype=int32)
    ```
    """
    _check_side('padding', padding)
    _check_side('truncating', truncating)
    if not hasattr(sequences, '__len__'):
        raise ValueError('pad_sequences: `sequences` must be a list of '
                         'sequences, got %r.' % type(sequences).__name__)
    lengths = _lengths(sequences)
    if maxlen is None:
        maxlen = max(lengths) if lengths else 0
    elif maxlen < 0:
        raise ValueError('pad_sequences: `maxlen` must be None or >= 0, '
                         'got %r.' % (maxlen,))
    maxlen = int(maxlen)
    if isinstance(value, str) and not _is_text_dtype(dtype):
        raise ValueError('pad_sequences: a string `value` (%r) needs '
                         '`dtype=object` or a string dtype, got dtype %r.'
                         % (value, dtype))

    # The first non-empty sequence sets the element shape; the others are
    # checked against it below.
    sample_shape = ()
    for seq, length in zip(sequences, lengths):
        if length:
            sample_shape = np.asarray(seq).shape[1:]
            break

    result = np.full((len(sequences), maxlen) + sample_shape, value,
                     dtype=dtype)
    for position, (seq, length) in enumerate(zip(sequences, lengths)):
        if not length or not maxlen:
            continue
        kept = seq[-maxlen:] if truncating == 'pre' else seq[:maxlen]
        kept = np.asarray(kept, dtype=dtype)
        if kept.shape[1:] != sample_shape:
            raise ValueError('pad_sequences: the elements of sequence %d '
                             'have shape %s, expected %s like the first '
                             'non-empty sequence.'
                             % (position, kept.shape[1:], sample_shape))
        if padding == 'post':
            result[position, :len(kept)] = kept
        else:
            result[position, maxlen - len(kept):] = kept
    return result


def make_sampling_table(size, sampling_factor=1e-5):
    """Builds the word-keeping probabilities used by `skipgrams`.

    Word index `i` is taken to be the `i`-th most common word, and its
    frequency is estimated from Zipf's law; frequent words get a low
    probability of being kept, as in word2vec's subsampling, i.e.
    `p(i) = min(1, sqrt(sampling_factor / frequency(i)))`.

    # Arguments
        size: int, number of word indices.
        sampling_factor: float, the word2vec subsampling threshold.

    # Returns
        A float Numpy array of length `size`; item `i` is the probability
        of keeping word index `i`.
    """
    euler_gamma = 0.577
    rank = np.arange(size)
    rank[0] = 1
    # Zipf: the rank-th word has frequency ~ 1 / (rank * (ln(rank) + gamma)),
    # with the series' correction terms.
    inverse_frequency = (rank * (np.log(rank) + euler_gamma) + 0.5 -
                         1. / (12. * rank))
    scaled = sampling_factor * inverse_frequency
    return np.minimum(1., scaled / np.sqrt(scaled))


def skipgrams(sequence, vocabulary_size,
              window_size=4, negative_samples=1., shuffle=True,
              categorical=False, sampling_table=None, seed=None):
    """Makes (word, context) training pairs for word2vec-style models.

    A pair `[w, c]` is positive (label 1) when `c` is within
    `window_size` positions of `w` in `sequence`, and negative (label 0)
    when `c` is a random word index. Index 0 is never used (it stands for
    padding / unknown words).

    # Arguments
        sequence: list of word indices (ints).
        vocabulary_size: int, one more than the largest word index;
            random context words are drawn from `[1, vocabulary_size)`.
        window_size: int, how far (on each side) context words may be.
        negative_samples: float >= 0, number of negative pairs per
            positive pair (1 gives as many negative as positive pairs).
        shuffle: bool, whether to shuffle the pairs (labels are shuffled
            the same way).
        categorical: bool, if True labels are `[1, 0]` (negative) and
            `[0, 1]` (positive) instead of 0 and 1.
        sampling_table: optional array of length `vocabulary_size`; word
            `w` is kept as a target with probability `sampling_table[w]`
            (see `make_sampling_table`).
        seed: int or None, the random seed.

    # Returns
        `(couples, labels)`: a list of `[word, context]` pairs and a list
        of labels.

    # Note
        In keras_preprocessing 1.0.5 `seed` only fixed the final shuffle,
        using and re-seeding Python's global `random`; the negative pairs
        and the subsampling still drew from the global state. Here a
        given `seed` drives all the random choices through a private
        generator, so the result depends on `seed` alone and the global
        state is left untouched; without negatives or a sampling table the
        result is the same as 1.0.5's for the same seed. With `seed=None`
        the global `random` module is used as 1.0.5 did.

    # Raises
        ValueError: if `vocabulary_size` < 2 while negative pairs are
            asked for.
    """
    rng = random if seed is None else random.Random(seed)
    couples, labels = _positive_pairs(sequence, window_size, categorical,
                                      sampling_table, rng)
    if negative_samples > 0 and couples:
        if vocabulary_size < 2:
            raise ValueError('skipgrams: negative pairs need '
                             '`vocabulary_size` >= 2, got %r.'
                             % (vocabulary_size,))
        count = int(len(labels) * negative_samples)
        words = [pair[0] for pair in couples]
        rng.shuffle(words)
        couples += [[words[i % len(words)],
                     rng.randint(1, vocabulary_size - 1)]
                    for i in range(count)]
        labels += [[1, 0] if categorical else 0 for _ in range(count)]
    if shuffle:
        _shuffle_together(couples, labels, rng)
    return couples, labels


def _positive_pairs(sequence, window_size, categorical, sampling_table,
                    rng):
    couples, labels = [], []
    for i, word in enumerate(sequence):
        if not word:
            continue
        if sampling_table is not None and sampling_table[word] < rng.random():
            continue
        start = max(0, i - window_size)
        stop = min(len(sequence), i + window_size + 1)
        for j in range(start, stop):
            if j != i and sequence[j]:
                couples.append([word, sequence[j]])
                labels.append([0, 1] if categorical else 1)
    return couples, labels


def _shuffle_together(first, second, rng):
    # Replaying the generator state gives both lists the same permutation.
    state = rng.getstate()
    rng.shuffle(first)
    rng.setstate(state)
    rng.shuffle(second)


def _check_positive_int(name, value):
    if (isinstance(value, bool) or not isinstance(value, (int, np.integer))
            or value < 1):
        raise ValueError('TimeseriesGenerator: `%s` must be an int >= 1, '
                         'got %r.' % (name, value))


class TimeseriesGenerator(Sequence):
    """Cuts a time series into batches of windows for training.

    Sample `k` ends at time step `t_k = start_index + length + k * stride`
    (exclusive): its input is
    `data[t_k - length:t_k:sampling_rate]` and its target is
    `targets[t_k]`. Steps run until `end_index` (inclusive).

    # Arguments
        data: indexable with `len()` (list or Numpy array), one time step
            per item; items may be arrays.
        targets: targets for each time step, same length as `data`.
        length: int, how many time steps each window covers (before
            `sampling_rate` thinning).
        sampling_rate: int, keep every `sampling_rate`-th step inside a
            window.
        stride: int, steps between the ends of consecutive windows.
        start_index: int, steps before this are only used as history.
        end_index: int or None (the last step), the last step used as a
            target.
        shuffle: bool; if True each batch holds `batch_size` windows with
            random end steps (drawn with `np.random`) instead of
            consecutive ones.
        reverse: bool, if True the steps in each window are reversed.
        batch_size: int, windows per batch (the last batch may be
            smaller).

    # Returns
        A `Sequence` usable with `fit_generator`; item `i` is the batch
        `(samples, targets)`, samples of shape
        `(batch, ceil(length / sampling_rate)) + data[0].shape`.

    # Raises
        ValueError: if `data` and `targets` differ in length, if
            `start_index + length > end_index` (no window fits), if
            `end_index` is past the end of `data` (keras_preprocessing
            1.0.5 then failed when reading a batch), or if `length`,
            `sampling_rate`, `stride` or `batch_size` is not a positive
            int.

    # Example

    ```python
        data = np.arange(10)
        gen = TimeseriesGenerator(data, data, length=3, batch_size=2)
        x, y = gen[0]
        # x = [[0, 1, 2], [1, 2, 3]], y = [3, 4]
    ```
    """

    def __init__(self, data, targets, length,
                 sampling_rate=1,
                 stride=1,
                 start_index=0,
                 end_index=None,
                 shuffle=False,
                 reverse=False,
                 batch_size=128):
        if len(data) != len(targets):
            raise ValueError('TimeseriesGenerator: `data` and `targets` must '
                             'have the same length, got %d and %d.'
                             % (len(data), len(targets)))
        for name, value in (('length', length),
                            ('sampling_rate', sampling_rate),
                            ('stride', stride), ('batch_size', batch_size)):
            _check_positive_int(name, value)
        if end_index is None:
            end_index = len(data) - 1
        elif end_index >= len(data):
            raise ValueError('TimeseriesGenerator: `end_index` must be below '
                             'len(data) = %d, got %d.' % (len(data),
                                                           end_index))
        if start_index + length > end_index:
            # Keras 2.2's wording, which callers match.
            raise ValueError('TimeseriesGenerator: `start_index+length=%d > '
                             'end_index=%d` is disallowed, as no part of '
                             'the sequence would be left to be used as a '
                             'target.' % (start_index + length, end_index))
        self.data = data
        self.targets = targets
        self.length = length
        self.sampling_rate = sampling_rate
        self.stride = stride
        # As in Keras, the attribute is the first target step.
        self.start_index = start_index + length
        self.end_index = end_index
        self.shuffle = shuffle
        self.reverse = reverse
        self.batch_size = batch_size

    def __len__(self):
        span = self.batch_size * self.stride
        return (self.end_index - self.start_index + span) // span

    def __getitem__(self, index):
        if self.shuffle:
            rows = np.random.randint(self.start_index, self.end_index + 1,
                                     size=self.batch_size)
        else:
            first = self.start_index + self.batch_size * self.stride * index
            stop = min(first + self.batch_size * self.stride,
                       self.end_index + 1)
            rows = np.arange(first, stop, self.stride)
        samples = np.array([self.data[row - self.length:row:
                                      self.sampling_rate]
                            for row in rows])
        targets = np.array([self.targets[row] for row in rows])
        if self.reverse:
            return samples[:, ::-1, ...], targets
        return samples, targets

    def get_config(self):
        """Returns the generator's settings as a JSON-friendly dict.

        `data` and `targets` are stored as JSON strings.

        # Returns
            A dict of the constructor arguments.

        # Raises
            TypeError: if `data` or `targets` cannot be written as JSON.

        # Note
            keras_preprocessing 1.0.5 stored the first target step
            (`start_index + length`) under `start_index`, so a generator
            rebuilt from its config started `length` steps too late; the
            constructor's `start_index` is stored here.
        """
        return {
            'data': _to_json_text('data', self.data),
            'targets': _to_json_text('targets', self.targets),
            'length': self.length,
            'sampling_rate': self.sampling_rate,
            'stride': self.stride,
            'start_index': self.start_index - self.length,
            'end_index': self.end_index,
            'shuffle': self.shuffle,
            'reverse': self.reverse,
            'batch_size': self.batch_size,
        }

    def to_json(self, **kwargs):
        """Returns a JSON string describing the generator.

        Load it back with `timeseries_generator_from_json`.

        # Arguments
            **kwargs: passed to `json.dumps`.

        # Returns
            A JSON string.
        """
        return json.dumps({'class_name': self.__class__.__name__,
                           'config': self.get_config()}, **kwargs)


def _to_json_text(name, values):
    if isinstance(values, np.ndarray) or isinstance(values, np.generic):
        values = values.tolist()
    try:
        return json.dumps(values)
    except TypeError:
        raise TypeError('TimeseriesGenerator.get_config: `%s` cannot be '
                        'written as JSON.' % name)


def timeseries_generator_from_json(json_string):
    """Rebuilds a `TimeseriesGenerator` from its `to_json()` output.

    # Arguments
        json_string: str, JSON from `TimeseriesGenerator.to_json()`.

    # Returns
        A `TimeseriesGenerator`; `data` and `targets` come back as Numpy
        arrays.
    """
    config = dict(json.loads(json_string)['config'])
    config['data'] = np.array(json.loads(config['data']))
    config['targets'] = np.array(json.loads(config['targets']))
    return TimeseriesGenerator(**config)
