"""Choosing hyperparameters of a Keras model with scikit-learn.

`KerasClassifier` makes a model-building function look like a
scikit-learn estimator: its keyword arguments (here the sizes of the
dense layers, the convolution filters and the epochs) become the
estimator's parameters, so `GridSearchCV` can cross-validate every
combination and refit the best one, scored by log loss. The chosen model
is then evaluated on the test set with Keras' own `evaluate`.

Run: `python examples/mnist_sklearn_wrapper.py [--quick] [--epochs N]
[--generated]` (the grid tries N and 2N epochs, N=3 by default).
Needs scikit-learn.
"""
from __future__ import print_function

import keras22
from keras22 import backend as K
from keras22.layers import (Activation, Conv2D, Dense, Dropout, Flatten,
                            MaxPooling2D)
from keras22.models import Sequential
from keras22.wrappers.scikit_learn import KerasClassifier

import example_data

NUM_CLASSES = 10
ROWS, COLS = 28, 28


def input_shape():
    if K.image_data_format() == 'channels_first':
        return (1, ROWS, COLS)
    return (ROWS, COLS, 1)


def make_model(dense_layer_sizes, filters, kernel_size, pool_size):
    """A convolutional classifier, built and compiled for the wrapper.

    # Arguments
        dense_layer_sizes: list of the dense layers' sizes, one entry per
            layer.
        filters: number of filters of each convolution.
        kernel_size: side of the convolution kernels.
        pool_size: side of the max pooling windows.
    """
    model = Sequential()
    model.add(Conv2D(filters, kernel_size, padding='valid',
                     input_shape=input_shape()))
    model.add(Activation('relu'))
    model.add(Conv2D(filters, kernel_size))
    model.add(Activation('relu'))
    model.add(MaxPooling2D(pool_size=pool_size))
    model.add(Dropout(0.25))
    model.add(Flatten())
    for layer_size in dense_layer_sizes:
        model.add(Dense(layer_size))
        model.add(Activation('relu'))
    model.add(Dropout(0.5))
    model.add(Dense(NUM_CLASSES))
    model.add(Activation('softmax'))
    model.compile(loss='categorical_crossentropy', optimizer='adadelta',
                  metrics=['accuracy'])
    return model


def main(argv=None):
    from sklearn.model_selection import GridSearchCV

    args = example_data.parse_args(__doc__, argv, epochs=3)
    counts = (256, 128) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_mnist(
        *counts, generated=args.generated)
    x_train = x_train.reshape((-1,) + input_shape()).astype('float32') / 255
    x_test = x_test.reshape((-1,) + input_shape()).astype('float32') / 255
    y_train = keras22.utils.to_categorical(y_train, NUM_CLASSES)
    y_test = keras22.utils.to_categorical(y_test, NUM_CLASSES)

    if args.quick:
        param_grid = {'dense_layer_sizes': [[32], [32, 32]],
                      'epochs': [1], 'filters': [8], 'kernel_size': [3],
                      'pool_size': [2]}
        folds = 2
    else:
        param_grid = {'dense_layer_sizes': [[32], [64], [32, 32], [64, 64]],
                      'epochs': [args.epochs, 2 * args.epochs],
                      'filters': [8], 'kernel_size': [3], 'pool_size': [2]}
        folds = 3
    # verbose=0 keeps a dozen training runs from flooding the output.
    classifier = KerasClassifier(make_model, batch_size=32, verbose=0)
    validator = GridSearchCV(classifier, param_grid=param_grid,
                             scoring='neg_log_loss', cv=folds, n_jobs=1)
    validator.fit(x_train, y_train)

    print('The parameters of the best model are:')
    print(validator.best_params_)
    # best_estimator_ was refitted on the whole training set; its Keras
    # model is an ordinary model.
    best_model = validator.best_estimator_.model
    metric_values = best_model.evaluate(x_test, y_test, verbose=0)
    for name, value in zip(best_model.metrics_names, metric_values):
        print(name, ': ', value)
    scores = validator.cv_results_['mean_test_score']
    print('Result: %d candidates, best log loss %.4f, test accuracy %.4f'
          % (len(scores), -validator.best_score_, metric_values[1]))

    if args.quick:
        example_data.check_finite('cross-validation scores', scores,
                                  metric_values)
        assert len(scores) == 2
        assert validator.best_params_['dense_layer_sizes'] in \
            param_grid['dense_layer_sizes']
        expected = 1 + len(validator.best_params_['dense_layer_sizes'])
        assert sum(isinstance(layer, Dense)
                   for layer in best_model.layers) == expected
    return {'best_score': float(validator.best_score_),
            'test_loss': float(metric_values[0]),
            'test_accuracy': float(metric_values[1])}


if __name__ == '__main__':
    main()
