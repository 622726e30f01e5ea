"""keras22.preprocessing.text against hand-worked examples."""
import hashlib
import json
from collections import OrderedDict

import numpy as np
import pytest

from keras22.preprocessing import text

CORPUS = ['The cat sat on the mat.', 'The dog sat.', 'A cat!']


def fitted(**kwargs):
    tokenizer = text.Tokenizer(**kwargs)
    tokenizer.fit_on_texts(CORPUS)
    return tokenizer


def test_text_to_word_sequence_filters_lower_and_split():
    assert text.text_to_word_sequence('Hello, World!  hello') == \
        ['hello', 'world', 'hello']
    assert text.text_to_word_sequence('Hello,World', lower=False,
                                      split=',') == ['Hello', 'World']
    assert text.text_to_word_sequence('a-b c', filters='') == ['a-b', 'c']
    assert text.text_to_word_sequence('a.b..c', split='..') == \
        ['a', 'b', 'c']


def test_text_to_word_sequence_rejects_non_string():
    with pytest.raises(TypeError, match='text'):
        text.text_to_word_sequence(['a list'])


def test_hashing_trick_md5_is_stable_and_in_range():
    n = 11
    words = ['the', 'cat', 'the']
    expected = [int(hashlib.md5(w.encode()).hexdigest(), 16) % (n - 1) + 1
                for w in words]
    assert text.hashing_trick('The cat, the', n, hash_function='md5') == \
        expected


def test_hashing_trick_callable_and_errors():
    assert text.hashing_trick('a bb ccc', 3, hash_function=len) == [2, 1, 2]
    with pytest.raises(ValueError, match='hash_function'):
        text.hashing_trick('a', 5, hash_function='sha1')
    with pytest.raises(ValueError, match='`n`'):
        text.hashing_trick('a', 1)


def test_one_hot_maps_equal_words_to_equal_indices():
    indices = text.one_hot('dog cat dog bird', 7)
    assert len(indices) == 4
    assert indices[0] == indices[2]
    assert all(1 <= i <= 6 for i in indices)


def test_tokenizer_counts_and_index_by_frequency():
    tokenizer = fitted()
    assert tokenizer.document_count == 3
    assert isinstance(tokenizer.word_counts, OrderedDict)
    assert list(tokenizer.word_counts.items()) == [
        ('the', 3), ('cat', 2), ('sat', 2), ('on', 1), ('mat', 1),
        ('dog', 1), ('a', 1)]
    # Ties keep first-seen order.
    assert tokenizer.word_index == {'the': 1, 'cat': 2, 'sat': 3, 'on': 4,
                                    'mat': 5, 'dog': 6, 'a': 7}
    assert tokenizer.index_word == {v: k for k, v in
                                    tokenizer.word_index.items()}
    assert dict(tokenizer.word_docs) == {'the': 2, 'cat': 2, 'sat': 2,
                                         'on': 1, 'mat': 1, 'dog': 1,
                                         'a': 1}
    assert dict(tokenizer.index_docs) == {1: 2, 2: 2, 3: 2, 4: 1, 5: 1,
                                          6: 1, 7: 1}


def test_texts_to_sequences_drops_unknown_and_rare_words():
    assert fitted().texts_to_sequences(['the cat ate the mat']) == \
        [[1, 2, 1, 5]]
    assert fitted(num_words=4).texts_to_sequences(
        ['the cat ate the mat']) == [[1, 2, 1]]
    generator = fitted().texts_to_sequences_generator(['dog', 'a cat'])
    assert list(generator) == [[6], [7, 2]]


def test_oov_token_takes_index_one():
    tokenizer = fitted(oov_token='<unk>', num_words=5)
    assert tokenizer.word_index == {'<unk>': 1, 'the': 2, 'cat': 3,
                                    'sat': 4, 'on': 5, 'mat': 6, 'dog': 7,
                                    'a': 8}
    assert tokenizer.texts_to_sequences(['the cat ate the mat']) == \
        [[2, 3, 1, 2, 1]]
    assert tokenizer.sequences_to_texts([[2, 3, 9, 6]]) == \
        ['the cat <unk> <unk>']


def test_sequences_to_texts_without_oov():
    tokenizer = fitted()
    assert tokenizer.sequences_to_texts([[1, 2, 99, 5], []]) == \
        ['the cat mat', '']
    assert list(tokenizer.sequences_to_texts_generator([[6]])) == ['dog']


def test_char_level_and_pretokenized_input():
    tokenizer = text.Tokenizer(char_level=True)
    tokenizer.fit_on_texts(['abBa'])
    assert tokenizer.word_index == {'a': 1, 'b': 2}
    tokenizer = text.Tokenizer()
    tokenizer.fit_on_texts([['Hello', 'world'], ['hello']])
    assert tokenizer.word_index == {'hello': 1, 'world': 2}


def test_matrix_modes():
    tokenizer = fitted()
    texts = ['the cat the', '']
    count = tokenizer.texts_to_matrix(texts, mode='count')
    assert count.shape == (2, 8)
    np.testing.assert_array_equal(count[0], [0, 2, 1, 0, 0, 0, 0, 0])
    np.testing.assert_array_equal(count[1], np.zeros(8))
    np.testing.assert_array_equal(
        tokenizer.texts_to_matrix(texts, mode='binary')[0],
        [0, 1, 1, 0, 0, 0, 0, 0])
    np.testing.assert_allclose(
        tokenizer.texts_to_matrix(texts, mode='freq')[0],
        [0, 2 / 3., 1 / 3., 0, 0, 0, 0, 0])
    tfidf = tokenizer.texts_to_matrix(texts, mode='tfidf')[0]
    # 3 documents; 'the' and 'cat' each appear in 2 of them.
    idf = np.log(1 + 3 / 3.)
    np.testing.assert_allclose(tfidf[:3], [0, (1 + np.log(2)) * idf, idf])


def test_sequences_to_matrix_with_num_words_and_errors():
    tokenizer = text.Tokenizer(num_words=3)
    matrix = tokenizer.sequences_to_matrix([[1, 2, 2, 7]], mode='count')
    np.testing.assert_array_equal(matrix, [[0, 1, 2]])
    with pytest.raises(ValueError, match='tfidf'):
        tokenizer.sequences_to_matrix([[1]], mode='tfidf')
    with pytest.raises(ValueError, match='mode'):
        tokenizer.sequences_to_matrix([[1]], mode='bogus')
    with pytest.raises(ValueError, match='num_words'):
        text.Tokenizer().sequences_to_matrix([[1]])


def test_fit_on_sequences_feeds_tfidf():
    tokenizer = text.Tokenizer(num_words=3)
    tokenizer.fit_on_sequences([[1, 1, 2], [2]])
    assert tokenizer.document_count == 2
    assert dict(tokenizer.index_docs) == {1: 1, 2: 2}
    matrix = tokenizer.sequences_to_matrix([[1, 1]], mode='tfidf')
    np.testing.assert_allclose(matrix[0, 1],
                               (1 + np.log(2)) * np.log(1 + 2 / 2.))


def test_legacy_nb_words_and_unknown_kwargs():
    with pytest.warns(UserWarning, match='num_words'):
        tokenizer = text.Tokenizer(nb_words=10)
    assert tokenizer.num_words == 10
    with pytest.raises(TypeError, match='bogus'):
        text.Tokenizer(bogus=1)


def test_json_round_trip():
    tokenizer = fitted(oov_token='<unk>', num_words=6)
    config = json.loads(tokenizer.to_json())
    assert config['class_name'] == 'Tokenizer'
    assert config['config']['num_words'] == 6
    restored = text.tokenizer_from_json(tokenizer.to_json())
    assert restored.word_index == tokenizer.word_index
    assert restored.index_word == tokenizer.index_word
    assert dict(restored.index_docs) == dict(tokenizer.index_docs)
    assert restored.texts_to_sequences(['the dog ate']) == \
        tokenizer.texts_to_sequences(['the dog ate'])
