"""A multilayer perceptron on MNIST digits.

Two hidden layers of 512 rectified units with dropout, trained with
RMSprop on the flattened 28x28 images: the smallest complete Keras model
(Sequential, compile, fit with validation data, evaluate). On the real
data it reaches about 98% test accuracy after 20 epochs.

Run: `python examples/mnist_mlp.py [--quick] [--epochs N] [--generated]`.
"""
from __future__ import print_function

import numpy as np

import keras22
from keras22.layers import Dense, Dropout
from keras22.models import Sequential
from keras22.optimizers import RMSprop

import example_data

NUM_CLASSES = 10


def build_model():
    model = Sequential()
    model.add(Dense(512, activation='relu', input_shape=(784,)))
    model.add(Dropout(0.2))
    model.add(Dense(512, activation='relu'))
    model.add(Dropout(0.2))
    model.add(Dense(NUM_CLASSES, activation='softmax'))
    return model


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=20)
    counts = (256, 128) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_mnist(
        *counts, generated=args.generated)

    # Pixels as floats in [0, 1]: large raw inputs would saturate the first
    # layer at the start of training.
    x_train = x_train.reshape(len(x_train), 784).astype('float32') / 255
    x_test = x_test.reshape(len(x_test), 784).astype('float32') / 255
    y_train = keras22.utils.to_categorical(y_train, NUM_CLASSES)
    y_test = keras22.utils.to_categorical(y_test, NUM_CLASSES)
    print(x_train.shape[0], 'train samples,', x_test.shape[0], 'test samples')

    model = build_model()
    model.summary()
    model.compile(loss='categorical_crossentropy', optimizer=RMSprop(),
                  metrics=['accuracy'])
    initial_loss = model.evaluate(x_train, y_train, verbose=0)[0]
    model.fit(x_train, y_train, batch_size=128, epochs=args.epochs,
              verbose=2, validation_data=(x_test, y_test))
    loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
    print('Result: test loss %.4f, test accuracy %.4f' % (loss, accuracy))

    if args.quick:
        example_data.check_training(model, x_train, y_train, initial_loss,
                                    loss)
    return {'loss': loss, 'accuracy': accuracy,
            'initial_loss': initial_loss}


if __name__ == '__main__':
    main()
