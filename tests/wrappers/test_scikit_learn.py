"""KerasClassifier / KerasRegressor with scikit-learn's tools."""
import numpy as np
import pytest

sklearn = pytest.importorskip('sklearn')

from sklearn.base import clone  # noqa: E402
from sklearn.model_selection import GridSearchCV, cross_val_score  # noqa

from keras22.layers import Dense, Input  # noqa: E402
from keras22.models import Model, Sequential  # noqa: E402
from keras22.wrappers.scikit_learn import (KerasClassifier,  # noqa: E402
                                           KerasRegressor)


def make_data(n=60, seed=0):
    rng = np.random.RandomState(seed)
    x = rng.randn(n, 4).astype('float32')
    labels = np.where(x[:, 0] + x[:, 1] > 0, 'yes', 'no')
    return x, labels


def build_softmax(hidden=8, loss='sparse_categorical_crossentropy',
                  metrics=('accuracy',)):
    model = Sequential([Dense(hidden, activation='relu', input_dim=4),
                        Dense(2, activation='softmax')])
    model.compile('adam', loss, metrics=list(metrics))
    return model


def build_regressor(units=1):
    model = Sequential([Dense(units, input_dim=4)])
    model.compile('sgd', 'mse')
    return model


def test_classifier_labels_probabilities_and_score():
    x, labels = make_data()
    clf = KerasClassifier(build_softmax, hidden=16, epochs=40, batch_size=8,
                          verbose=0)
    history = clf.fit(x, labels)
    assert len(history.history['loss']) == 40
    assert list(clf.classes_) == ['no', 'yes'] and clf.n_classes_ == 2
    predicted = clf.predict(x)
    assert predicted.shape == (60,) and set(predicted) <= {'no', 'yes'}
    probs = clf.predict_proba(x)
    assert probs.shape == (60, 2)
    np.testing.assert_allclose(probs.sum(axis=1), 1., rtol=1e-5)
    np.testing.assert_array_equal(predicted,
                                  clf.classes_[probs.argmax(axis=1)])
    accuracy = clf.score(x, labels)
    assert accuracy > 0.8
    np.testing.assert_allclose(accuracy, np.mean(predicted == labels),
                               rtol=1e-5)


def test_classifier_one_hot_sigmoid_and_functional_models():
    x, labels = make_data()
    clf = KerasClassifier(build_softmax, loss='categorical_crossentropy',
                          epochs=2, verbose=0)
    clf.fit(x, (labels == 'yes').astype(int))  # one-hot encoded inside
    assert clf.score(x, (labels == 'yes').astype(int)) >= 0.

    def build_sigmoid():
        model = Sequential([Dense(1, activation='sigmoid', input_dim=4)])
        model.compile('sgd', 'binary_crossentropy', metrics=['acc'])
        return model

    clf = KerasClassifier(build_sigmoid, epochs=1, verbose=0)
    clf.fit(x, labels)
    probs = clf.predict_proba(x[:5])
    assert probs.shape == (5, 2)
    np.testing.assert_allclose(probs.sum(axis=1), 1., rtol=1e-6)

    def build_functional():
        a = Input(shape=(4,))
        model = Model(a, Dense(2, activation='softmax')(a))
        model.compile('sgd', 'sparse_categorical_crossentropy',
                      metrics=['acc'])
        return model

    clf = KerasClassifier(build_functional, epochs=1, verbose=0)
    clf.fit(x, labels)
    assert set(clf.predict(x)) <= {'no', 'yes'}


def test_score_needs_accuracy_and_bad_targets():
    x, labels = make_data()
    clf = KerasClassifier(build_softmax, metrics=(), epochs=1, verbose=0)
    clf.fit(x, labels)
    with pytest.raises(ValueError, match='not configured to compute '
                                         'accuracy'):
        clf.score(x, labels)
    with pytest.raises(ValueError, match='Invalid shape for y'):
        clf.fit(x, np.zeros((60, 2, 2)))


def test_parameters_checked_and_routed():
    with pytest.raises(ValueError, match='colour is not a legal parameter'):
        KerasClassifier(build_softmax, colour='red')
    clf = KerasClassifier(build_softmax, hidden=4, nb_epoch=1)
    with pytest.raises(ValueError, match='shade is not a legal parameter'):
        clf.set_params(shade=1)
    assert clf.set_params(hidden=6, epochs=2) is clf
    params = clf.get_params(deep=True)
    assert params == {'build_fn': build_softmax, 'hidden': 6,
                      'nb_epoch': 1, 'epochs': 2}
    assert clf.filter_sk_params(build_softmax) == {'hidden': 6}
    assert clf.filter_sk_params(build_softmax, {'hidden': 9}) == \
        {'hidden': 9}


def test_callable_objects_and_subclass_call():
    x, labels = make_data()

    class Builder(object):
        def __call__(self, hidden=3):
            self.hidden = hidden
            return build_softmax(hidden)

    builder = Builder()
    KerasClassifier(builder, hidden=5, epochs=1, verbose=0).fit(x, labels)
    assert builder.hidden == 5

    class OwnBuilder(KerasRegressor):
        def __call__(self, units=1):
            return build_regressor(units)

    reg = OwnBuilder(units=1, epochs=1, verbose=0)
    reg.fit(x, x[:, 0])
    assert reg.predict(x).shape == (60,)


def test_clone_keeps_list_parameters():
    def build(layers=(8,)):
        return build_softmax(layers[0])

    clf = KerasClassifier(build, layers=[8, 4], epochs=1)
    copy = clone(clf)
    assert copy.get_params()['layers'] == [8, 4]
    assert copy.get_params()['build_fn'] is build


def test_cross_val_score_and_grid_search():
    x, labels = make_data()
    clf = KerasClassifier(build_softmax, epochs=5, batch_size=10, verbose=0)
    scores = cross_val_score(clf, x, labels, cv=3)
    assert scores.shape == (3,) and np.all((scores >= 0) & (scores <= 1))
    search = GridSearchCV(clf, {'hidden': [2, 8], 'epochs': [1, 3]}, cv=2)
    search.fit(x, labels)
    assert search.best_params_['hidden'] in (2, 8)
    assert search.cv_results_['mean_test_score'].shape == (4,)
    assert set(search.predict(x[:4])) <= {'no', 'yes'}

    target = x.dot(np.array([1., -2., .5, 0.], dtype='float32'))
    reg = KerasRegressor(build_regressor, epochs=20, batch_size=10,
                         verbose=0)
    scores = cross_val_score(reg, x, target, cv=2)
    assert scores.shape == (2,) and np.all(scores <= 0)
    reg.fit(x, target)
    np.testing.assert_allclose(reg.score(x, target),
                               -np.mean((reg.predict(x) - target) ** 2),
                               rtol=1e-4)
