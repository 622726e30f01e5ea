"""Transfer learning on MNIST by freezing layers.

A convolutional network is first trained to tell the digits 0-4 apart.
Its convolutional part (the feature extractor) is then frozen by setting
`trainable = False` on its layers, and only the dense classifier is
retrained on the digits 5-9. Compiling after the change is what makes it
count: the frozen layers' weights no longer appear among the model's
trainable weights. On the real data the second task reaches about 99%
test accuracy in a few epochs, faster than training from scratch.

Run: `python examples/mnist_transfer_cnn.py [--quick] [--epochs N]
[--generated]`.
"""
from __future__ import print_function

import time

import numpy as np

import keras22
from keras22 import backend as K
from keras22.layers import (Activation, Conv2D, Dense, Dropout, Flatten,
                            MaxPooling2D)
from keras22.models import Sequential

import example_data

BATCH_SIZE = 128
NUM_CLASSES = 5
ROWS, COLS = 28, 28
FILTERS = 32
POOL_SIZE = 2
KERNEL_SIZE = 3


def input_shape():
    if K.image_data_format() == 'channels_first':
        return (1, ROWS, COLS)
    return (ROWS, COLS, 1)


def train_model(model, train, test, epochs):
    x_train = train[0].reshape((-1,) + input_shape()).astype('float32') / 255
    x_test = test[0].reshape((-1,) + input_shape()).astype('float32') / 255
    print('x_train shape:', x_train.shape)
    print(x_train.shape[0], 'train samples,', x_test.shape[0], 'test samples')
    y_train = keras22.utils.to_categorical(train[1], NUM_CLASSES)
    y_test = keras22.utils.to_categorical(test[1], NUM_CLASSES)

    # Compiled again for each task, so the trainable flags set in between
    # decide which weights the optimizer updates.
    model.compile(loss='categorical_crossentropy', optimizer='adadelta',
                  metrics=['accuracy'])
    start = time.time()
    initial_loss = model.evaluate(x_train, y_train, verbose=0)[0]
    model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=epochs,
              verbose=2, validation_data=(x_test, y_test))
    print('Training time: %.1fs' % (time.time() - start))
    final_loss = model.evaluate(x_train, y_train, verbose=0)[0]
    score = model.evaluate(x_test, y_test, verbose=0)
    print('Test score:', score[0])
    print('Test accuracy:', score[1])
    return initial_loss, final_loss, score


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=5)
    counts = (512, 256) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_mnist(
        *counts, generated=args.generated)

    # Two tasks: digits below 5, and digits 5 and up (relabelled 0-4).
    low_train, low_test = y_train < 5, y_test < 5
    task1 = ((x_train[low_train], y_train[low_train]),
             (x_test[low_test], y_test[low_test]))
    task2 = ((x_train[~low_train], y_train[~low_train] - 5),
             (x_test[~low_test], y_test[~low_test] - 5))

    feature_layers = [
        Conv2D(FILTERS, KERNEL_SIZE, padding='valid',
               input_shape=input_shape()),
        Activation('relu'),
        Conv2D(FILTERS, KERNEL_SIZE),
        Activation('relu'),
        MaxPooling2D(pool_size=POOL_SIZE),
        Dropout(0.25),
        Flatten(),
    ]
    classification_layers = [
        Dense(128),
        Activation('relu'),
        Dropout(0.5),
        Dense(NUM_CLASSES),
        Activation('softmax'),
    ]
    model = Sequential(feature_layers + classification_layers)

    print('Training on digits 0-4')
    first = train_model(model, task1[0], task1[1], args.epochs)

    for layer in feature_layers:
        layer.trainable = False
    features_before = [K.get_value(w) for layer in feature_layers
                       for w in layer.weights]
    classifier_before = [K.get_value(w) for layer in classification_layers
                         for w in layer.weights]

    print('Transfer: training the classifier only, on digits 5-9')
    second = train_model(model, task2[0], task2[1], args.epochs)
    features_after = [K.get_value(w) for layer in feature_layers
                      for w in layer.weights]
    classifier_after = [K.get_value(w) for layer in classification_layers
                        for w in layer.weights]
    frozen = all(np.array_equal(a, b)
                 for a, b in zip(features_before, features_after))
    print('Result: task 1 test accuracy %.4f, task 2 test accuracy %.4f; '
          'features unchanged by transfer: %s'
          % (first[2][1], second[2][1], frozen))

    if args.quick:
        example_data.check_finite('test losses', first[2][0], second[2][0])
        assert first[1] < first[0] and second[1] < second[0], (first, second)
        assert frozen, 'the frozen layers changed'
        assert any(not np.array_equal(a, b)
                   for a, b in zip(classifier_before, classifier_after))
        assert len(model.trainable_weights) == 4  # two dense layers
        assert len(model.non_trainable_weights) == 4  # two convolutions
    return {'task1_accuracy': first[2][1], 'task2_accuracy': second[2][1],
            'task2_initial_loss': second[0], 'task2_loss': second[1]}


if __name__ == '__main__':
    main()
