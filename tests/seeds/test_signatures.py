"""The signature blocks of the seed pages (`compile(optimizer, loss=None,
...)`, `keras.layers.core.Dense(units, activation=None, ...)`, ...).

They are fragments, not programs; what can be checked is that every
argument they name is an argument of keras22's function, with the default
they state. Where a page's default differs from Keras 2.2.4's own (an older
or a mistyped signature), the page is wrong, keras22 follows Keras 2.2.4,
and the argument is listed in `ERRATA` instead of being compared.

The Keras 1 signatures of seed 001 #17/#18 (`fit(self, x, y,
batch_size=32, nb_epoch=10, ...)`) are checked by calling the methods with
the Keras 1 argument names, which Keras 2.2.4 still accepted."""
import ast
import importlib
import inspect

import numpy as np
import pytest

_MODEL = ['compile(optimizer, loss=None, metrics=None, loss_weights=None, sample_weight_mode=None, weighted_metrics=None, target_tensors=None)',
          'fit(x=None, y=None, batch_size=None, epochs=1, verbose=1, callbacks=None, validation_split=0.0, validation_data=None, shuffle=True, class_weight=None, sample_weight=None, initial_epoch=0, steps_per_epoch=None, validation_steps=None)',
          'evaluate(x=None, y=None, batch_size=None, verbose=1, sample_weight=None, steps=None)',
          'predict(x, batch_size=None, verbose=0, steps=None)',
          'train_on_batch(x, y, sample_weight=None, class_weight=None)',
          'test_on_batch(x, y, sample_weight=None)',
          'predict_on_batch(x)',
          'fit_generator(generator, steps_per_epoch=None, epochs=1, verbose=1, callbacks=None, validation_data=None, validation_steps=None, class_weight=None, max_queue_size=10, workers=1, use_multiprocessing=False, shuffle=True, initial_epoch=0)',
          'evaluate_generator(generator, steps=None, max_queue_size=10, workers=1, use_multiprocessing=False, verbose=0)',
          'predict_generator(generator, steps=None, max_queue_size=10, workers=1, use_multiprocessing=False, verbose=0)',
          'get_layer(name=None, index=None)']

# seed 004's Model methods (with `self`, some from older Keras versions).
_MODEL_004 = [
    'compile(self, optimizer, loss, metrics=None, loss_weights=None, sample_weight_mode=None, weighted_metrics=None, target_tensors=None)',
    'fit(self, x=None, y=None, batch_size=None, epochs=1, verbose=1, callbacks=None, validation_split=0.0, validation_data=None, shuffle=True, class_weight=None, sample_weight=None, initial_epoch=0, steps_per_epoch=None, validation_steps=None)',
    'evaluate(self, x=None, y=None, batch_size=None, verbose=1, sample_weight=None)',
    'predict(self, x, batch_size=None, verbose=0)',
    'train_on_batch(self, x, y, sample_weight=None, class_weight=None)',
    'test_on_batch(self, x, y, sample_weight=None)',
    'predict_on_batch(self, x)',
    'fit_generator(self, generator, steps_per_epoch=None, epochs=1, verbose=1, callbacks=None, validation_data=None, validation_steps=None, class_weight=None, max_queue_size=10, workers=1, use_multiprocessing=False, shuffle=True, initial_epoch=0)',
    'evaluate_generator(self, generator, steps=None, max_queue_size=10, workers=1, use_multiprocessing=False)',
    'predict_generator(self, generator, steps=None, max_queue_size=10, workers=1, use_multiprocessing=False, verbose=0)',
    'get_layer(self, name=None, index=None)']

SIGNATURES = (
    # seed 000 "Sequential 模型 / 模型方法", seed 003, seed 002 (x11)
    [('000/002/003 Sequential', 'keras22.models.Sequential', s)
     for s in _MODEL] +
    # seed 000 "Model 类方法" (get_layer with `self`)
    [('000 Model', 'keras22.models.Model', s) for s in _MODEL] +
    [('000 Model', 'keras22.models.Model',
      'get_layer(self, name=None, index=None)')] +
    [('004 Model', 'keras22.models.Model', s) for s in _MODEL_004] +
    [('001 #7-#16', None, s) for s in [
        "keras.layers.convolutional.Conv1D(filters, kernel_size, strides=1, padding='valid', dilation_rate=1, activation=None, use_bias=True, kernel_initializer='glorot_uniform', bias_initializer='zeros', kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, bias_constraint=None)",
        "keras.layers.convolutional.Conv2D(filters, kernel_size, strides=(1, 1), padding='valid', data_format=None, dilation_rate=(1, 1), activation=None, use_bias=True, kernel_initializer='glorot_uniform', bias_initializer='zeros', kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, bias_constraint=None)",
        "keras.layers.core.Dense(units, activation=None, use_bias=True, kernel_initializer='glorot_uniform', bias_initializer='zeros', kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, bias_constraint=None)",
        "keras.layers.core.Activation(activation)",
        "keras.layers.core.Dropout(rate, noise_shape=None, seed=None)",
        "keras.layers.core.Flatten()",
        "keras.layers.core.Reshape(target_shape)",
        "keras.layers.core.Permute(dims)",
        "keras.layers.core.RepeatVector(n)",
        "keras.layers.core.Lambda(function, output_shape=None, mask=None, arguments=None)",
        "keras.layers.core.ActivityRegularization(l1=0.0, l2=0.0)",
        "keras.layers.core.Masking(mask_value=0.0)",
        "keras.layers.embeddings.Embedding(input_dim, output_dim, embeddings_initializer='uniform', embeddings_regularizer=None, activity_regularizer=None, embeddings_constraint=None, mask_zero=False, input_length=None)",
        "keras.layers.Add()",
        "keras.layers.Subtract()",
        "keras.layers.Multiply()",
        "keras.layers.Average()",
        "keras.layers.Maximum()",
        "keras.layers.Concatenate(axis=-1)",
        "keras.layers.Dot(axes, normalize=False)",
        "keras.layers.add(inputs)",
        "keras.layers.subtract(inputs)",
        "keras.layers.multiply(inputs)",
        "keras.layers.average(inputs)",
        "keras.layers.maximum(inputs)",
        "keras.layers.concatenate(inputs, axis=-1)",
        "keras.layers.dot(inputs, axes, normalize=False)",
        "keras.layers.noise.GaussianNoise(stddev)",
        "keras.layers.noise.GaussianDropout(rate)",
        "keras.layers.noise.AlphaDropout(rate, noise_shape=None, seed=None)",
        "keras.layers.normalization.BatchNormalization(axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True, beta_initializer='zeros', gamma_initializer='ones', moving_mean_initializer='zeros', moving_variance_initializer='ones', beta_regularizer=None, gamma_regularizer=None, beta_constraint=None, gamma_constraint=None)",
        "keras.layers.pooling.MaxPooling1D(pool_size=2, strides=None, padding='valid')",
        "keras.layers.recurrent.Recurrent(return_sequences=False, go_backwards=False, stateful=False, unroll=False, implementation=0)",
        "keras.layers.GRU(units, activation='tanh', recurrent_activation='hard_sigmoid', use_bias=True, kernel_initializer='glorot_uniform', recurrent_initializer='orthogonal', bias_initializer='zeros', kernel_regularizer=None, recurrent_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, recurrent_constraint=None, bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, implementation=1, return_sequences=False, return_state=False, go_backwards=False, stateful=False, unroll=False)",
        "keras.layers.recurrent.GRU(units, activation='tanh', recurrent_activation='hard_sigmoid', use_bias=True, kernel_initializer='glorot_uniform', recurrent_initializer='orthogonal', bias_initializer='zeros', kernel_regularizer=None, recurrent_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, recurrent_constraint=None, bias_constraint=None, dropout=0.0, recurrent_dropout=0.0)",
        "keras.layers.recurrent.LSTM(units, activation='tanh', recurrent_activation='hard_sigmoid', use_bias=True, kernel_initializer='glorot_uniform', recurrent_initializer='orthogonal', bias_initializer='zeros', unit_forget_bias=True, kernel_regularizer=None, recurrent_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, recurrent_constraint=None, bias_constraint=None, dropout=0.0, recurrent_dropout=0.0)",
        "keras.layers.wrappers.TimeDistributed(layer)",
        "keras.layers.wrappers.Bidirectional(layer, merge_mode='concat', weights=None)",
    ]] +
    [('001 #21', None, s) for s in [
        "keras.optimizers.SGD(lr=0.01, momentum=0.0, decay=0.0, nesterov=False)",
        "keras.optimizers.RMSprop(lr=0.001, rho=0.9, epsilon=None, decay=0.0)",
        "keras.optimizers.Adagrad(lr=0.01, epsilon=None, decay=0.0)",
        "keras.optimizers.Adadelta(lr=1.0, rho=0.95, epsilon=None, decay=0.0)",
        "keras.optimizers.Adam(lr=0.001, beta_1=0.9, beta_2=0.999, epsilon=None, decay=0.0, amsgrad=False)",
    ]] +
    [('001 #22', None, s) for s in [
        "keras.activations.softmax(x, axis=-1)",
        "keras.activations.elu(x, alpha=1.0)",
        "keras.activations.selu(x)",
        "keras.activations.softplus(x)",
        "keras.activations.softsign(x)",
        "keras.activations.relu(x, alpha=0.0, max_value=None, threshold=0.0)",
        "keras.activations.tanh(x)",
        "keras.activations.sigmoid(x)",
        "keras.activations.hard_sigmoid(x)",
        "keras.activations.exponential(x)",
        "keras.activations.linear(x)",
    ]]
)

# Arguments whose documented default is not Keras 2.2.4's: the pages are
# wrong there (keras22 follows Keras 2.2.4, as `api_check.py` verifies).
# None so far: every documented default is Keras 2.2.4's. (Arguments a page
# lists without a default are only checked to exist: seed 004's
# `compile(self, optimizer, loss, ...)` predates `loss=None`.)
ERRATA = set()


def _parse(text):
    """(target name, [(param, has_default, default)]) of a signature."""
    call = ast.parse(text.strip(), mode='eval').body
    assert isinstance(call, ast.Call), text
    params = []
    for arg in call.args:
        params.append((ast.unparse(arg), False, None))
    for kw in call.keywords:
        params.append((kw.arg, True, ast.literal_eval(kw.value)))
    return ast.unparse(call.func), [p for p in params if p[0] != 'self']


def _resolve(owner, name):
    if owner is not None:
        return getattr(importlib.import_module(owner.rsplit('.', 1)[0]),
                       owner.rsplit('.', 1)[1]), name
    path = name.replace('keras.', 'keras22.', 1)
    module, attr = path.rsplit('.', 1)
    return importlib.import_module(module), attr


def _signature(obj):
    if inspect.isclass(obj):
        return inspect.signature(obj.__init__)
    return inspect.signature(obj)


@pytest.mark.parametrize('where,owner,text', SIGNATURES,
                         ids=['%s:%s' % (w, t.split('(')[0])
                              for w, _, t in SIGNATURES])
def test_documented_signature(where, owner, text):
    name, params = _parse(text)
    container, attr = _resolve(owner, name)
    assert hasattr(container, attr), '%s: no %s' % (where, name)
    actual = _signature(getattr(container, attr)).parameters
    problems = []
    for param, has_default, default in params:
        if (name, param) in ERRATA:
            continue
        if param not in actual:
            problems.append('no argument %r' % param)
            continue
        if has_default:
            got = actual[param].default
            if got is inspect.Parameter.empty:
                problems.append('%s has no default (page: %r)'
                                % (param, default))
            elif not (got == default or (
                    isinstance(got, (list, tuple)) and
                    tuple(got) == tuple(default)
                    if isinstance(default, (list, tuple)) else False)):
                problems.append('%s=%r (page: %r)' % (param, got, default))
    assert not problems, '%s %s: %s' % (where, name, '; '.join(problems))


def _sequential():
    from keras22.models import Sequential
    from keras22.layers import Dense
    return Sequential([Dense(3, activation='softmax', input_dim=4)])


def test_keras1_model_signatures():
    # seed 001 #17/#18: compile(self, optimizer, loss, metrics=[],
    # loss_weights=None, sample_weight_mode=None), fit(self, x, y,
    # batch_size=32, nb_epoch=10, verbose=1, callbacks=[], ...),
    # evaluate(self, x, y, batch_size=32, verbose=1, sample_weight=None),
    # predict(self, x, batch_size=32, verbose=0), predict_classes(self, x,
    # batch_size=32, verbose=1), predict_proba(self, x, batch_size=32,
    # verbose=1), train_on_batch(x, y, class_weight=None,
    # sample_weight=None), ...
    x = np.random.random((8, 4))
    y = np.eye(3)[np.random.randint(3, size=8)]
    model = _sequential()
    model.compile('sgd', 'categorical_crossentropy', metrics=[],
                  loss_weights=None, sample_weight_mode=None)
    history = model.fit(x, y, batch_size=32, nb_epoch=2, verbose=0,
                        callbacks=[], validation_split=0.0,
                        validation_data=None, shuffle=True,
                        class_weight=None, sample_weight=None)
    assert history.epoch == [0, 1]
    assert np.ndim(model.evaluate(x, y, batch_size=32, verbose=1,
                                  sample_weight=None)) == 0
    assert model.predict(x, batch_size=32, verbose=0).shape == (8, 3)
    classes = model.predict_classes(x, batch_size=32, verbose=1)
    proba = model.predict_proba(x, batch_size=32, verbose=1)
    np.testing.assert_array_equal(classes, proba.argmax(axis=-1))
    np.testing.assert_allclose(proba, model.predict(x), rtol=1e-6)
    model.train_on_batch(x, y, class_weight=None, sample_weight=None)
    model.test_on_batch(x, y, sample_weight=None)
    assert model.predict_on_batch(x).shape == (8, 3)


def test_keras1_generator_signatures():
    # seed 001 #18: fit_generator(self, generator, samples_per_epoch,
    # nb_epoch, verbose=1, callbacks=[], validation_data=None,
    # nb_val_samples=None, class_weight=None, max_q_size=10) and
    # evaluate_generator(self, generator, val_samples, max_q_size=10)
    model = _sequential()
    model.compile('sgd', 'categorical_crossentropy')

    def batches():
        while True:
            yield np.random.random((2, 4)), np.eye(3)[[0, 1]]

    history = model.fit_generator(batches(), samples_per_epoch=3,
                                  nb_epoch=2, verbose=1, callbacks=[],
                                  validation_data=batches(),
                                  nb_val_samples=2, class_weight=None,
                                  max_q_size=10)
    assert history.epoch == [0, 1]
    assert sorted(history.history) == ['loss', 'val_loss']
    assert np.ndim(model.evaluate_generator(batches(), val_samples=2,
                                            max_q_size=10)) == 0
