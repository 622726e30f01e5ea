"""keras22.losses, keras22.objectives and keras22.metrics."""
import numpy as np
import pytest

from keras22 import backend as K
from keras22 import losses, metrics, objectives
from keras22.utils.generic_utils import custom_object_scope

EPS = 1e-7
RNG = np.random.RandomState(0)
# (batch, time, features): per-sample losses keep (batch, time).
Y_TRUE = RNG.rand(3, 2, 4).astype('float32')
Y_PRED = RNG.rand(3, 2, 4).astype('float32') * 0.9 + 0.05
SIGNS = np.sign(RNG.randn(3, 2, 4)).astype('float32')
ONE_HOT = np.eye(4, dtype='float32')[RNG.randint(0, 4, (3, 2))]
PROBS = Y_PRED / Y_PRED.sum(-1, keepdims=True)


def np_logcosh(x):
    return np.log(np.cosh(x))


def np_l2n(x):
    return x / np.sqrt(np.maximum(np.square(x).sum(-1, keepdims=True),
                                  1e-12))


CASES = {
    'mean_squared_error': (Y_TRUE, Y_PRED,
                           lambda t, p: np.square(p - t).mean(-1)),
    'mean_absolute_error': (Y_TRUE, Y_PRED,
                            lambda t, p: np.abs(p - t).mean(-1)),
    'mean_absolute_percentage_error': (
        Y_TRUE, Y_PRED, lambda t, p: 100. * np.abs(
            (t - p) / np.clip(np.abs(t), EPS, None)).mean(-1)),
    'mean_squared_logarithmic_error': (
        Y_TRUE, Y_PRED, lambda t, p: np.square(
            np.log(np.clip(p, EPS, None) + 1) -
            np.log(np.clip(t, EPS, None) + 1)).mean(-1)),
    'squared_hinge': (SIGNS, Y_PRED - 0.5, lambda t, p: np.square(
        np.maximum(1 - t * p, 0)).mean(-1)),
    'hinge': (SIGNS, Y_PRED - 0.5,
              lambda t, p: np.maximum(1 - t * p, 0).mean(-1)),
    'categorical_hinge': (ONE_HOT, Y_PRED, lambda t, p: np.maximum(
        0., ((1 - t) * p).max(-1) - (t * p).sum(-1) + 1)),
    'logcosh': (Y_TRUE, Y_PRED * 3,
                lambda t, p: np_logcosh(p - t).mean(-1)),
    'categorical_crossentropy': (
        ONE_HOT, PROBS, lambda t, p: -(t * np.log(p)).sum(-1)),
    'binary_crossentropy': (
        (Y_TRUE > 0.5).astype('float32'), Y_PRED,
        lambda t, p: -(t * np.log(p) + (1 - t) * np.log(1 - p)).mean(-1)),
    'kullback_leibler_divergence': (
        ONE_HOT * 0.9 + 0.025, PROBS,
        lambda t, p: (t * np.log(t / p)).sum(-1)),
    'poisson': (Y_TRUE, Y_PRED,
                lambda t, p: (p - t * np.log(p + EPS)).mean(-1)),
    'cosine_proximity': (Y_TRUE - 0.5, Y_PRED - 0.5,
                         lambda t, p: -(np_l2n(t) * np_l2n(p)).sum(-1)),
}


@pytest.mark.parametrize('name', sorted(CASES))
def test_loss_values(evaluate, name):
    y_true, y_pred, reference = CASES[name]
    fn = losses.get(name)
    out = evaluate(fn, y_true, y_pred)
    assert out.shape == (3, 2)
    np.testing.assert_allclose(out, reference(y_true, y_pred), rtol=1e-4,
                               atol=1e-5)
    # 2D inputs give one loss per sample.
    out2 = evaluate(fn, y_true[:, 0], y_pred[:, 0])
    np.testing.assert_allclose(out2, reference(y_true[:, 0], y_pred[:, 0]),
                               rtol=1e-4, atol=1e-5)


def test_logcosh_does_not_overflow():
    out = K.eval(losses.logcosh(K.variable([[0.]]), K.variable([[200.]])))
    np.testing.assert_allclose(out, [200. - np.log(2.)], rtol=1e-6)


@pytest.mark.parametrize('labels_shape', [(3,), (3, 1)])
def test_sparse_categorical_crossentropy(evaluate, labels_shape):
    probs = PROBS[:, 0]
    labels = np.array([0, 3, 1], dtype='int32')
    expected = -np.log(probs[np.arange(3), labels])
    out = evaluate(losses.sparse_categorical_crossentropy,
                   labels.reshape(labels_shape), probs)
    np.testing.assert_allclose(out, expected, rtol=1e-5)


def test_aliases_and_objectives():
    aliases = {'mse': 'mean_squared_error', 'MSE': 'mean_squared_error',
               'mae': 'mean_absolute_error', 'MAE': 'mean_absolute_error',
               'mape': 'mean_absolute_percentage_error',
               'MAPE': 'mean_absolute_percentage_error',
               'msle': 'mean_squared_logarithmic_error',
               'MSLE': 'mean_squared_logarithmic_error',
               'kld': 'kullback_leibler_divergence',
               'KLD': 'kullback_leibler_divergence',
               'cosine': 'cosine_proximity'}
    for alias, name in aliases.items():
        fn = getattr(losses, name)
        assert getattr(losses, alias) is fn
        assert losses.get(alias) is fn
        assert losses.serialize(losses.get(alias)) == name
        assert getattr(objectives, alias) is fn
    for name in list(CASES) + ['sparse_categorical_crossentropy']:
        assert getattr(objectives, name) is getattr(losses, name)
        assert losses.deserialize(losses.serialize(getattr(losses, name))) \
            is getattr(losses, name)
    assert objectives.get is losses.get
    assert objectives.serialize is losses.serialize
    assert objectives.deserialize is losses.deserialize


def test_loss_get_errors_and_custom():
    assert losses.get(None) is None

    def my_loss(y_true, y_pred):
        return K.mean(y_pred - y_true, axis=-1)
    assert losses.get(my_loss) is my_loss
    with custom_object_scope({'my_loss': my_loss}):
        assert losses.get('my_loss') is my_loss
    assert losses.deserialize('my_loss', custom_objects={
        'my_loss': my_loss}) is my_loss
    with pytest.raises(ValueError, match='Unknown loss function: nope'):
        losses.get('nope')
    with pytest.raises(ValueError, match='Unknown loss function: np'):
        losses.get('np')
    with pytest.raises(ValueError, match='Could not interpret loss function '
                                         'identifier: 3'):
        losses.get(3)


def test_binary_accuracy(evaluate):
    y_true = np.array([[1., 0., 1., 1.], [0., 0., 1., 0.]], 'float32')
    y_pred = np.array([[0.9, 0.2, 0.4, 0.6], [0.1, 0.7, 0.8, 0.3]],
                      'float32')
    np.testing.assert_allclose(evaluate(metrics.binary_accuracy, y_true,
                                        y_pred), [0.75, 0.75])


def test_categorical_accuracies(evaluate):
    y_pred = np.array([[0.1, 0.6, 0.3], [0.5, 0.2, 0.3], [0.2, 0.3, 0.5]],
                      'float32')
    labels = np.array([1, 2, 2], 'int32')
    one_hot = np.eye(3, dtype='float32')[labels]
    np.testing.assert_array_equal(
        evaluate(metrics.categorical_accuracy, one_hot, y_pred), [1, 0, 1])
    np.testing.assert_array_equal(
        evaluate(metrics.sparse_categorical_accuracy, labels, y_pred),
        [1, 0, 1])
    np.testing.assert_array_equal(
        evaluate(metrics.sparse_categorical_accuracy,
                 labels.reshape(3, 1).astype('float32'), y_pred), [1, 0, 1])
    # Sequences: (batch, time) labels against (batch, time, classes).
    seq_pred = np.stack([y_pred, y_pred[::-1]], axis=1)
    seq_labels = np.stack([labels, labels[::-1]], axis=1)
    np.testing.assert_array_equal(
        evaluate(metrics.sparse_categorical_accuracy, seq_labels, seq_pred),
        [[1, 1], [0, 0], [1, 1]])


def test_top_k_accuracies(evaluate):
    y_pred = np.array([[0.1, 0.6, 0.3, 0.0], [0.5, 0.2, 0.25, 0.05],
                       [0.2, 0.3, 0.4, 0.1]], 'float32')
    labels = np.array([2, 3, 0], 'int32')
    one_hot = np.eye(4, dtype='float32')[labels]
    for k, expected in ((1, 0.), (2, 1. / 3), (3, 2. / 3), (4, 1.)):
        np.testing.assert_allclose(
            evaluate(lambda t, p: metrics.top_k_categorical_accuracy(
                t, p, k=k), one_hot, y_pred), expected, rtol=1e-6)
        np.testing.assert_allclose(
            evaluate(lambda t, p: metrics.sparse_top_k_categorical_accuracy(
                t, p, k=k), labels.reshape(3, 1), y_pred), expected,
            rtol=1e-6)
    # The default k=5 counts every one of 4 classes.
    np.testing.assert_allclose(
        evaluate(metrics.top_k_categorical_accuracy, one_hot, y_pred), 1.)


def test_metrics_names_and_lookup():
    # Keras 2.2.4's metrics module re-exported every loss but
    # categorical_hinge, and the short names but kld/KLD.
    for name in ['mse', 'MSE', 'mae', 'MAE', 'mape', 'MAPE', 'msle', 'MSLE',
                 'cosine'] + list(CASES) + [
                     'sparse_categorical_crossentropy']:
        if name == 'categorical_hinge':
            assert not hasattr(metrics, name)
            continue
        assert metrics.get(name) is getattr(losses, name)
    for name in ['binary_accuracy', 'categorical_accuracy',
                 'sparse_categorical_accuracy', 'top_k_categorical_accuracy',
                 'sparse_top_k_categorical_accuracy']:
        fn = getattr(metrics, name)
        assert metrics.get(name) is fn
        assert metrics.deserialize(metrics.serialize(fn)) is fn

    def my_metric(y_true, y_pred):
        return K.max(y_pred, axis=-1)
    assert metrics.get(my_metric) is my_metric
    with custom_object_scope({'my_metric': my_metric}):
        assert metrics.get('my_metric') is my_metric
    with pytest.raises(ValueError, match='Unknown metric function: nope'):
        metrics.get('nope')
    with pytest.raises(ValueError, match='Could not interpret metric '
                                         'function identifier: 7'):
        metrics.get(7)
