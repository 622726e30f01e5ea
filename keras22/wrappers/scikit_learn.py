"""scikit-learn estimators built on Keras models.

`KerasClassifier` and `KerasRegressor` hold a function that builds and
compiles a model, plus keyword arguments (`sk_params`) for that function and
for `fit`, `predict`, `predict_classes` and `evaluate`. They can be used
wherever scikit-learn expects an estimator: `cross_val_score`,
`GridSearchCV`, pipelines.
"""
import copy
import types

import numpy as np

from ..engine.sequential import Sequential
from ..engine.training import Model
from ..utils.generic_utils import has_arg, to_list
from ..utils.np_utils import to_categorical


class BaseWrapper(object):
    """Common base of the scikit-learn wrappers.

    `build_fn` is called (when fitting) with the `sk_params` it accepts and
    must return a compiled model. It can be a function, an object with a
    `__call__` method, or `None`, in which case the wrapper subclass must
    define `__call__` itself. The other `sk_params` are handed to the
    model's methods that accept them: `fit` (`epochs`, `batch_size`, ...),
    `predict`, `predict_classes` and `evaluate`; a value given to one of
    the wrapper's methods takes precedence.

    # Arguments
        build_fn: the function (or callable object) building the model.
        **sk_params: arguments for `build_fn` and the model's methods.

    # Raises
        ValueError: if an `sk_params` name is accepted by none of them.

    # Example
    ```python
        def make_model(hidden=16):
            model = Sequential([Dense(hidden, activation='relu',
                                      input_dim=4),
                                Dense(3, activation='softmax')])
            model.compile('adam', 'sparse_categorical_crossentropy',
                          metrics=['accuracy'])
            return model

        clf = KerasClassifier(make_model, hidden=32, epochs=10, verbose=0)
        scores = cross_val_score(clf, x, y, cv=3)
    ```
    """

    def __init__(self, build_fn=None, **sk_params):
        self.build_fn = build_fn
        self.sk_params = sk_params
        self.check_params(sk_params)

    def _build_callable(self):
        """What to call to build the model, and what to read its
        parameters from."""
        if self.build_fn is None:
            return self.__call__, self.__call__
        if isinstance(self.build_fn, (types.FunctionType,
                                      types.MethodType)):
            return self.build_fn, self.build_fn
        return self.build_fn, self.build_fn.__call__

    def check_params(self, params):
        """Checks that each parameter is accepted by the model building
        function or by a model method that uses `sk_params`.

        # Arguments
            params: dict of parameters.

        # Raises
            ValueError: for a parameter nobody accepts (`nb_epoch`, the
                Keras 1 name of `epochs`, is let through).
        """
        legal = [Sequential.fit, Sequential.predict,
                 Sequential.predict_classes, Model.evaluate,
                 self._build_callable()[1]]
        for name in params:
            if name == 'nb_epoch':
                continue
            if not any(has_arg(fn, name) for fn in legal):
                raise ValueError('{} is not a legal parameter'.format(name))

    def get_params(self, **params):
        """The estimator's parameters: `build_fn` and the `sk_params`.

        # Arguments
            **params: ignored (scikit-learn passes `deep`).

        # Returns
            A dict. Unlike Keras 2.2, which deep-copied them, the values
            are the ones held, so that scikit-learn's `clone` accepts
            list or dict parameters.
        """
        result = dict(self.sk_params)
        result['build_fn'] = self.build_fn
        return result

    def set_params(self, **params):
        """Updates the `sk_params` (after checking them).

        # Returns
            The estimator itself.
        """
        self.check_params(params)
        self.sk_params.update(params)
        return self

    def fit(self, x, y, **kwargs):
        """Builds a new model and trains it.

        # Arguments
            x: training inputs, shape `(n_samples, n_features)`.
            y: targets, shape `(n_samples,)` or `(n_samples, n_outputs)`.
            **kwargs: arguments of `Model.fit`, taking precedence over
                the `sk_params`.

        # Returns
            The `History` of the training.
        """
        build, signature_of = self._build_callable()
        self.model = build(**self.filter_sk_params(signature_of))
        if _loss_name(self.model) == 'categorical_crossentropy' and \
                len(np.shape(y)) != 2:
            y = to_categorical(y)
        fit_args = copy.deepcopy(self.filter_sk_params(Sequential.fit))
        fit_args.update(kwargs)
        return self.model.fit(x, y, **fit_args)

    def filter_sk_params(self, fn, override=None):
        """The `sk_params` that `fn` accepts, updated with `override`.

        # Arguments
            fn: a function.
            override: dict of values taking precedence.

        # Returns
            A dict.
        """
        result = {name: value for name, value in self.sk_params.items()
                  if has_arg(fn, name)}
        result.update(override or {})
        return result


def _loss_name(model):
    loss = model.loss
    return getattr(loss, '__name__', loss)


def _class_indices(model, x, kwargs):
    """Predicted class indices; from `predict` when the model (not a
    `Sequential` one) has no `predict_classes`, which Keras 2.2 needed."""
    if hasattr(model, 'predict_classes'):
        return model.predict_classes(x, **kwargs)
    probs = model.predict(x, **kwargs)
    if probs.shape[-1] > 1:
        return probs.argmax(axis=-1)
    return (probs > 0.5).astype('int32').ravel()


class KerasClassifier(BaseWrapper):
    """A scikit-learn classifier made from a Keras model.

    The labels given to `fit` can be any sortable values (strings too):
    they are mapped to class indices `0 .. n_classes - 1` in sorted order
    (`classes_`), and `predict` maps indices back. One-hot targets (2-D,
    several columns) are used as they are. With the loss
    `categorical_crossentropy`, integer targets are one-hot encoded.

    See `BaseWrapper` for `build_fn` and `sk_params`.
    """

    _estimator_type = 'classifier'

    def __sklearn_tags__(self):
        # Called by scikit-learn >= 1.6 only, so it can be imported here.
        from sklearn.utils import ClassifierTags, Tags, TargetTags
        return Tags(estimator_type='classifier',
                    target_tags=TargetTags(required=True),
                    classifier_tags=ClassifierTags())

    def fit(self, x, y, sample_weight=None, **kwargs):
        """Builds a new model and trains it.

        # Arguments
            x: training inputs, shape `(n_samples, n_features)`.
            y: labels, shape `(n_samples,)` or `(n_samples, 1)`, or one-hot
                targets `(n_samples, n_classes)`.
            sample_weight: weights of the samples.
            **kwargs: arguments of `Model.fit`.

        # Returns
            The `History` of the training.

        # Raises
            ValueError: for targets of another shape.
        """
        y = np.array(y)
        if y.ndim == 2 and y.shape[1] > 1:
            self.classes_ = np.arange(y.shape[1])
        elif (y.ndim == 2 and y.shape[1] == 1) or y.ndim == 1:
            self.classes_ = np.unique(y)
            y = np.searchsorted(self.classes_, y)
        else:
            raise ValueError('Invalid shape for y: ' + str(y.shape))
        self.n_classes_ = len(self.classes_)
        if sample_weight is not None:
            kwargs['sample_weight'] = sample_weight
        return super(KerasClassifier, self).fit(x, y, **kwargs)

    def predict(self, x, **kwargs):
        """Predicts the labels of samples.

        # Arguments
            x: inputs, shape `(n_samples, n_features)`.
            **kwargs: arguments of `predict_classes`.

        # Returns
            The labels (values of `classes_`), shape `(n_samples,)`.
        """
        kwargs = self.filter_sk_params(Sequential.predict_classes, kwargs)
        indices = _class_indices(self.model, x, kwargs)
        return self.classes_[np.asarray(indices).ravel()]

    def predict_proba(self, x, **kwargs):
        """Predicts the probability of each class.

        # Arguments
            x: inputs, shape `(n_samples, n_features)`.
            **kwargs: arguments of `predict_proba`.

        # Returns
            Array `(n_samples, n_classes)`; a model with one sigmoid
            output gives two columns (`1 - p`, `p`), as scikit-learn
            expects.
        """
        kwargs = self.filter_sk_params(Sequential.predict_proba, kwargs)
        if hasattr(self.model, 'predict_proba'):
            probs = self.model.predict_proba(x, **kwargs)
        else:
            probs = self.model.predict(x, **kwargs)
        if probs.shape[1] == 1:
            probs = np.hstack([1 - probs, probs])
        return probs

    def score(self, x, y, **kwargs):
        """The accuracy of the model on the given data.

        # Arguments
            x: inputs, shape `(n_samples, n_features)`.
            y: labels, as for `fit`.
            **kwargs: arguments of `evaluate`.

        # Returns
            The accuracy (the model's `acc` metric).

        # Raises
            ValueError: if the model was not compiled with the accuracy
                metric.
        """
        y = np.searchsorted(self.classes_, y)
        kwargs = self.filter_sk_params(Sequential.evaluate, kwargs)
        if _loss_name(self.model) == 'categorical_crossentropy' and \
                len(y.shape) != 2:
            y = to_categorical(y)
        outputs = to_list(self.model.evaluate(x, y, **kwargs))
        for name, output in zip(self.model.metrics_names, outputs):
            if name == 'acc':
                return output
        raise ValueError('The model is not configured to compute accuracy. '
                         'You should pass `metrics=["accuracy"]` to the '
                         '`model.compile()` method.')


class KerasRegressor(BaseWrapper):
    """A scikit-learn regressor made from a Keras model.

    See `BaseWrapper` for `build_fn` and `sk_params`.
    """

    _estimator_type = 'regressor'

    def __sklearn_tags__(self):
        # Called by scikit-learn >= 1.6 only, so it can be imported here.
        from sklearn.utils import RegressorTags, Tags, TargetTags
        return Tags(estimator_type='regressor',
                    target_tags=TargetTags(required=True),
                    regressor_tags=RegressorTags())

    def predict(self, x, **kwargs):
        """Predicts targets.

        # Arguments
            x: inputs, shape `(n_samples, n_features)`.
            **kwargs: arguments of `predict`.

        # Returns
            The predictions, with axes of length 1 removed.
        """
        kwargs = self.filter_sk_params(Sequential.predict, kwargs)
        return np.squeeze(self.model.predict(x, **kwargs))

    def score(self, x, y, **kwargs):
        """The opposite of the loss on the given data (higher is better,
        as scikit-learn expects).

        # Arguments
            x: inputs, shape `(n_samples, n_features)`.
            y: targets.
            **kwargs: arguments of `evaluate`.

        # Returns
            `-loss`.
        """
        kwargs = self.filter_sk_params(Sequential.evaluate, kwargs)
        loss = self.model.evaluate(x, y, **kwargs)
        if isinstance(loss, list):
            return -loss[0]
        return -loss
