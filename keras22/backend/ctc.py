"""Connectionist temporal classification (CTC): loss and decoding.

As in Keras 2.2, predictions are softmax probabilities `(samples, time,
classes)` whose last class is the blank; they enter TensorFlow's CTC ops as
`log(p + epsilon)`.
"""
import tensorflow as tf

from .common import epsilon
from .graph import symbolic
from .tensors import _to_tensor, _check_rank

__all__ = ['ctc_label_dense_to_sparse', 'ctc_batch_cost', 'ctc_decode']


def _lengths(value):
    """Lengths given as `(samples,)` or `(samples, 1)`, as int32."""
    return tf.cast(tf.reshape(_to_tensor(value), [-1]), 'int32')


def _log_time_major(fn_name, y_pred):
    y_pred = _to_tensor(y_pred)
    _check_rank(fn_name, 'y_pred', y_pred, 3)
    return tf.math.log(tf.transpose(y_pred, [1, 0, 2]) +
                       tf.constant(epsilon(), y_pred.dtype))


@symbolic
def ctc_label_dense_to_sparse(labels, label_lengths):
    """Turns padded label sequences into a sparse tensor.

    # Arguments
        labels: a tensor `(samples, max_label_length)`.
        label_lengths: the length of each sample's labels, `(samples,)`.

    # Returns
        A `tf.SparseTensor` of dense shape `shape(labels)` holding the first
        `label_lengths[i]` labels of each row `i`.
    """
    labels = _to_tensor(labels)
    lengths = _lengths(label_lengths)
    present = tf.sequence_mask(lengths, tf.shape(labels)[1])
    indices = tf.where(present)
    return tf.SparseTensor(indices, tf.gather_nd(labels, indices),
                           tf.cast(tf.shape(labels), 'int64'))


@symbolic
def ctc_batch_cost(y_true, y_pred, input_length, label_length):
    """The CTC loss of each sample.

    # Arguments
        y_true: the labels, `(samples, max_label_length)` (any numeric
            dtype; class indices below `classes - 1`).
        y_pred: softmax predictions `(samples, time, classes)`; the last
            class is the blank.
        input_length: how many time steps of `y_pred` count, per sample:
            `(samples, 1)`.
        label_length: how many labels of `y_true` count, per sample:
            `(samples, 1)`.

    # Returns
        A tensor `(samples, 1)`: the negative log-likelihood of each
        labelling.
    """
    labels = tf.cast(_to_tensor(y_true), 'int32')
    sparse = ctc_label_dense_to_sparse(labels, label_length)
    loss = tf.compat.v1.nn.ctc_loss(labels=sparse,
                                    inputs=_log_time_major('ctc_batch_cost',
                                                           y_pred),
                                    sequence_length=_lengths(input_length))
    return tf.expand_dims(loss, 1)


@symbolic
def ctc_decode(y_pred, input_length, greedy=True, beam_width=100,
               top_paths=1):
    """Decodes softmax predictions into label sequences.

    # Arguments
        y_pred: softmax predictions `(samples, time, classes)`; the last
            class is the blank.
        input_length: how many time steps count per sample, `(samples,)`
            or `(samples, 1)`.
        greedy: whether to take the most likely class at every step
            (faster) rather than search with a beam.
        beam_width: the beam size, when not `greedy`.
        top_paths: how many of the best decodings to return, when not
            `greedy`.

    # Returns
        A tuple `(decoded, log_probabilities)`: a list of `top_paths` (1 if
        greedy) int64 tensors `(samples, longest_decoding)` padded with -1,
        and a tensor `(samples, top_paths)`: for the beam search, the log
        probability of each decoding; for the greedy decoder, minus the sum
        over steps of the largest log probability.

    Keras 2.2.4's beam search also merged repeated labels in its results,
    so a word with a double letter lost one; keras22 keeps labels that a
    blank separates, for the beam search as for the greedy decoder.
    Its beam search also returned each log probability minus the sum over
    steps of the largest log probability (so values could be positive);
    keras22 returns the log probabilities themselves (the ranking of the
    paths of a sample is the same).
    """
    log_probs = _log_time_major('ctc_decode', y_pred)
    lengths = _lengths(input_length)
    if greedy:
        decoded, log_prob = tf.nn.ctc_greedy_decoder(
            log_probs, lengths, merge_repeated=True)
    else:
        # Keras 2.2.4 let TensorFlow 1's beam search merge repeated labels
        # of a decoding ("hello" came out as "helo"); a blank between them
        # keeps both here, as in the greedy decoder.
        decoded, log_prob = tf.nn.ctc_beam_search_decoder(
            log_probs, lengths, beam_width=beam_width, top_paths=top_paths)
    dense = [tf.sparse.to_dense(st, default_value=-1) for st in decoded]
    return dense, log_prob
