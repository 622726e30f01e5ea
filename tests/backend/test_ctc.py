"""CTC loss and decoding."""
import numpy as np
import pytest
import tensorflow as tf

from keras22 import backend as K
from keras22.backend.graph import is_symbolic


def test_ctc_label_dense_to_sparse():
    labels = np.array([[1, 2, 3], [4, 0, 0]], 'int32')
    sparse = K.ctc_label_dense_to_sparse(labels, np.array([3, 1]))
    assert isinstance(sparse, tf.SparseTensor)
    np.testing.assert_array_equal(sparse.indices.numpy(),
                                  [[0, 0], [0, 1], [0, 2], [1, 0]])
    np.testing.assert_array_equal(sparse.values.numpy(), [1, 2, 3, 4])
    np.testing.assert_array_equal(sparse.dense_shape.numpy(), [2, 3])


def test_ctc_batch_cost_known_values():
    # two classes: label 0 and the blank (1), uniform predictions
    y_pred = np.full((2, 3, 2), .5, 'float32')
    # sample 0: "0" in 3 steps: 0bb b0b bb0 00b b00 000 -> 6 paths (0b0
    # would read "00")
    # sample 1: "00" in 3 steps needs a blank between: 0b0 -> 1 path
    y_true = np.array([[0, 0], [0, 0]], 'float32')
    loss = K.ctc_batch_cost(y_true, y_pred, np.array([[3], [3]]),
                            np.array([[1], [2]]))
    assert K.int_shape(loss) == (2, 1)
    np.testing.assert_allclose(K.eval(loss),
                               [[-np.log(6 / 8.)], [-np.log(1 / 8.)]],
                               rtol=1e-4)


def test_ctc_batch_cost_matches_tensorflow_symbolically():
    rng = np.random.RandomState(5)
    samples, steps, classes, max_label = 3, 8, 5, 4
    logits = rng.randn(samples, steps, classes).astype('float32')
    probs = np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)
    labels = rng.randint(0, classes - 1, size=(samples, max_label))
    label_length = np.array([[4], [2], [3]])
    input_length = np.array([[8], [6], [7]])
    y_true = K.placeholder((None, max_label))
    y_pred = K.placeholder((None, steps, classes))
    in_len = K.placeholder((None, 1), dtype='int64')
    lab_len = K.placeholder((None, 1), dtype='int64')
    loss = K.ctc_batch_cost(y_true, y_pred, in_len, lab_len)
    assert is_symbolic(loss) and K.int_shape(loss) == (None, 1)
    grad = K.gradients(K.sum(loss), y_pred)[0]
    got, grad_value = K.function([y_true, y_pred, in_len, lab_len],
                                 [loss, grad])(
        [labels, probs, input_length, label_length])
    reference = tf.nn.ctc_loss(
        labels=tf.constant(labels, 'int32'),
        logits=tf.math.log(tf.constant(probs) + K.epsilon()),
        label_length=label_length[:, 0], logit_length=input_length[:, 0],
        logits_time_major=False, blank_index=-1).numpy()
    np.testing.assert_allclose(got[:, 0], reference, rtol=1e-4)
    assert grad_value.shape == probs.shape and np.isfinite(grad_value).all()


def crafted_predictions():
    """Two samples over 6 steps, 3 labels + blank (3), with known best
    paths: sample 0 reads 0 0 b 1 1 2 -> [0, 1, 2]; sample 1 (4 steps
    counted) reads 2 b 2 2 -> [2, 2]."""
    paths = [[0, 0, 3, 1, 1, 2], [2, 3, 2, 2, 0, 0]]
    y_pred = np.full((2, 6, 4), .1, 'float32')
    for i, path in enumerate(paths):
        for t, c in enumerate(path):
            y_pred[i, t, c] = .7
    return y_pred, np.array([6, 4])


def test_ctc_decode_greedy():
    y_pred, lengths = crafted_predictions()
    inp = K.placeholder((None, 6, 4))
    length = K.placeholder((None,), dtype='int32')
    decoded, log_prob = K.ctc_decode(inp, length, greedy=True)
    assert len(decoded) == 1 and is_symbolic(decoded[0])
    out, lp = K.function([inp, length], [decoded[0], log_prob])(
        [y_pred, lengths])
    np.testing.assert_array_equal(out, [[0, 1, 2], [2, 2, -1]])
    expected = -np.array([6, 4]) * np.log(.7 + K.epsilon())
    np.testing.assert_allclose(lp[:, 0], expected, rtol=1e-5)
    # eagerly, with lengths shaped (samples, 1)
    eager, _ = K.ctc_decode(y_pred, lengths[:, None])
    np.testing.assert_array_equal(K.eval(eager[0]), [[0, 1, 2], [2, 2, -1]])


def test_ctc_decode_beam_search():
    y_pred, lengths = crafted_predictions()
    decoded, log_prob = K.ctc_decode(y_pred, lengths, greedy=False,
                                     beam_width=10, top_paths=2)
    assert len(decoded) == 2
    np.testing.assert_array_equal(K.eval(decoded[0]), [[0, 1, 2], [2, 2, -1]])
    lp = K.eval(log_prob)
    assert lp.shape == (2, 2)
    assert np.all(lp[:, 0] >= lp[:, 1])
    assert np.all(lp < 0)
    second = K.eval(decoded[1])
    assert not np.array_equal(second[0, :3], [0, 1, 2])


def test_ctc_errors():
    with pytest.raises(ValueError, match='K.ctc_decode.*y_pred.*rank 3'):
        K.ctc_decode(K.placeholder((None, 4)), K.placeholder((None,)))
