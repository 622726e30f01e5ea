"""keras22.preprocessing.sequence against hand-built arrays."""
import json
import random

import numpy as np
import pytest

from keras22.preprocessing import sequence
from keras22.utils.data_utils import Sequence


def test_pad_sequences_pre_and_post():
    seqs = [[1, 2, 3], [4, 5], [6]]
    out = sequence.pad_sequences(seqs, maxlen=2)
    assert out.dtype == np.int32
    np.testing.assert_array_equal(out, [[2, 3], [4, 5], [0, 6]])
    np.testing.assert_array_equal(
        sequence.pad_sequences(seqs, maxlen=2, padding='post',
                               truncating='post'),
        [[1, 2], [4, 5], [6, 0]])
    np.testing.assert_array_equal(
        sequence.pad_sequences(seqs, value=-1),
        [[1, 2, 3], [-1, 4, 5], [-1, -1, 6]])


def test_pad_sequences_dtype_and_empty_items():
    out = sequence.pad_sequences([[0.5], []], maxlen=2, dtype='float32')
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out, [[0, 0.5], [0, 0]])
    assert sequence.pad_sequences([]).shape == (0, 0)
    np.testing.assert_array_equal(sequence.pad_sequences([[1, 2]],
                                                         maxlen=0),
                                  np.zeros((1, 0)))


def test_pad_sequences_strings():
    out = sequence.pad_sequences([['a', 'b'], ['ccc']], dtype=object,
                                 value='-')
    assert out.tolist() == [['a', 'b'], ['-', 'ccc']]
    out = sequence.pad_sequences([['a'], []], maxlen=2, dtype='<U3',
                                 value='pad', padding='post')
    assert out.tolist() == [['a', 'pad'], ['pad', 'pad']]
    with pytest.raises(ValueError, match='dtype'):
        sequence.pad_sequences([['a']], value='x')


def test_pad_sequences_multidimensional_samples():
    out = sequence.pad_sequences([[[1, 2], [3, 4]], [[5, 6]]])
    assert out.shape == (2, 2, 2)
    np.testing.assert_array_equal(out[1], [[0, 0], [5, 6]])
    with pytest.raises(ValueError, match='shape'):
        sequence.pad_sequences([[[1, 2]], [[1, 2, 3]]])


def test_pad_sequences_bad_arguments():
    with pytest.raises(ValueError, match='padding'):
        sequence.pad_sequences([[1]], padding='middle')
    with pytest.raises(ValueError, match='truncating'):
        sequence.pad_sequences([[]], truncating='both')
    with pytest.raises(ValueError, match='item 1'):
        sequence.pad_sequences([[1], 5])
    with pytest.raises(ValueError, match='maxlen'):
        sequence.pad_sequences([[1]], maxlen=-1)


def test_make_sampling_table():
    table = sequence.make_sampling_table(5)
    assert table.shape == (5,)
    # Rank 1 (indices 0 and 1): sqrt(1e-5 * (0.577 + 0.5 - 1 / 12)).
    np.testing.assert_allclose(table[:2],
                               np.sqrt(1e-5 * (0.577 + 0.5 - 1 / 12.)))
    assert np.all(np.diff(table[1:]) > 0)  # rarer words are kept more
    np.testing.assert_array_equal(
        sequence.make_sampling_table(5, sampling_factor=1.)[2:], 1.)


def test_skipgrams_positive_pairs_in_order():
    couples, labels = sequence.skipgrams([1, 2, 0, 3], 4, window_size=2,
                                         negative_samples=0., shuffle=False)
    # 0 is padding: neither a target nor a context.
    assert couples == [[1, 2], [2, 1], [2, 3], [3, 2]]
    assert labels == [1, 1, 1, 1]
    couples, labels = sequence.skipgrams([1, 2], 3, window_size=1,
                                         negative_samples=0., shuffle=False,
                                         categorical=True)
    assert couples == [[1, 2], [2, 1]]
    assert labels == [[0, 1], [0, 1]]


def test_skipgrams_shuffle_with_seed_matches_python_random():
    couples, labels = sequence.skipgrams([1, 2, 3, 4], 5, window_size=1,
                                         negative_samples=0., seed=3)
    expected = [[1, 2], [2, 1], [2, 3], [3, 2], [3, 4], [4, 3]]
    random.Random(3).shuffle(expected)
    assert couples == expected
    assert labels == [1] * 6


def test_skipgrams_negative_samples_with_fixed_seed():
    state = random.getstate()
    first = sequence.skipgrams([1, 2, 3, 4, 5], 10, window_size=1,
                               negative_samples=2., seed=42)
    second = sequence.skipgrams([1, 2, 3, 4, 5], 10, window_size=1,
                                negative_samples=2., seed=42)
    assert first == second
    assert random.getstate() == state  # the global generator is untouched
    couples, labels = first
    assert labels.count(1) == 8 and labels.count(0) == 16
    positives = {(1, 2), (2, 1), (2, 3), (3, 2), (3, 4), (4, 3), (4, 5),
                 (5, 4)}
    for (word, context), label in zip(couples, labels):
        if label == 1:
            assert (word, context) in positives
        else:
            assert 1 <= word <= 5 and 1 <= context <= 9


def test_skipgrams_sampling_table_can_drop_everything():
    couples, labels = sequence.skipgrams([1, 2, 3], 4,
                                         sampling_table=np.zeros(4), seed=1)
    assert couples == [] and labels == []
    couples, _ = sequence.skipgrams([1, 2], 3, sampling_table=np.ones(3),
                                    negative_samples=0, shuffle=False)
    assert couples == [[1, 2], [2, 1]]


def test_timeseries_generator_batches():
    data = np.arange(10)
    targets = data * 10
    gen = sequence.TimeseriesGenerator(data, targets, length=3,
                                       batch_size=2)
    assert isinstance(gen, Sequence)
    assert len(gen) == 4
    x, y = gen[0]
    np.testing.assert_array_equal(x, [[0, 1, 2], [1, 2, 3]])
    np.testing.assert_array_equal(y, [30, 40])
    x, y = gen[3]
    np.testing.assert_array_equal(x, [[6, 7, 8]])
    np.testing.assert_array_equal(y, [90])
    assert sum(len(batch[1]) for batch in gen) == 7


def test_timeseries_generator_rate_stride_bounds_reverse():
    data = np.arange(20).reshape(10, 2)
    targets = np.arange(10)
    gen = sequence.TimeseriesGenerator(data, targets, length=4,
                                       sampling_rate=2, stride=3,
                                       start_index=1, end_index=8,
                                       reverse=True, batch_size=5)
    assert len(gen) == 1
    x, y = gen[0]
    np.testing.assert_array_equal(y, [5, 8])
    # Window ending before step 5 with rate 2: steps 1, 3; reversed.
    np.testing.assert_array_equal(x[0], [data[3], data[1]])
    np.testing.assert_array_equal(x[1], [data[6], data[4]])
    assert x.shape == (2, 2, 2)


def test_timeseries_generator_shuffle_pairs_windows_with_targets():
    data = np.arange(30)
    gen = sequence.TimeseriesGenerator(data, data + 100, length=5,
                                       shuffle=True, batch_size=8)
    x, y = gen[0]
    assert x.shape == (8, 5)
    np.testing.assert_array_equal(y, x[:, -1] + 101)


def test_timeseries_generator_errors():
    with pytest.raises(ValueError, match='same length'):
        sequence.TimeseriesGenerator(np.arange(5), np.arange(4), length=2)
    # Keras 2.2's wording, which legacy callers match.
    with pytest.raises(ValueError, match='`start_index\\+length=5 > '
                                         'end_index=4` is disallowed'):
        sequence.TimeseriesGenerator(np.arange(5), np.arange(5), length=5)
    with pytest.raises(ValueError, match='end_index'):
        sequence.TimeseriesGenerator(np.arange(5), np.arange(5), length=2,
                                     end_index=5)
    with pytest.raises(ValueError, match='batch_size'):
        sequence.TimeseriesGenerator(np.arange(5), np.arange(5), length=2,
                                     batch_size=0)


def test_timeseries_generator_json_round_trip():
    gen = sequence.TimeseriesGenerator(np.arange(12.), np.arange(12.),
                                       length=3, start_index=2, stride=2,
                                       batch_size=4)
    config = gen.get_config()
    assert config['start_index'] == 2
    assert json.loads(config['data']) == list(np.arange(12.))
    restored = sequence.timeseries_generator_from_json(gen.to_json())
    assert len(restored) == len(gen)
    for i in range(len(gen)):
        np.testing.assert_array_equal(restored[i][0], gen[i][0])
        np.testing.assert_array_equal(restored[i][1], gen[i][1])


def test_remove_long_seq_keeps_shorter_sequences_and_their_labels():
    from keras22.preprocessing.sequence import _remove_long_seq
    kept, labels = _remove_long_seq(3, [[1, 2], [1, 2, 3], [4], []],
                                    ['a', 'b', 'c', 'd'])
    assert kept == [[1, 2], [4], []] and labels == ['a', 'c', 'd']
