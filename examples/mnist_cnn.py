"""A small convolutional network on MNIST digits.

Two 3x3 convolutions, max pooling and dropout, then a dense classifier,
trained with Adadelta. The image layout follows the backend's
`image_data_format` (channels last unless configured otherwise). On the
real data it reaches about 99% test accuracy after 12 epochs.

Run: `python examples/mnist_cnn.py [--quick] [--epochs N] [--generated]`.
"""
from __future__ import print_function

import keras22
from keras22 import backend as K
from keras22.layers import Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras22.models import Sequential

import example_data

NUM_CLASSES = 10
ROWS, COLS = 28, 28


def build_model(input_shape):
    model = Sequential()
    model.add(Conv2D(32, kernel_size=(3, 3), activation='relu',
                     input_shape=input_shape))
    model.add(Conv2D(64, (3, 3), activation='relu'))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.25))
    model.add(Flatten())
    model.add(Dense(128, activation='relu'))
    model.add(Dropout(0.5))
    model.add(Dense(NUM_CLASSES, activation='softmax'))
    return model


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=12)
    counts = (256, 128) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_mnist(
        *counts, generated=args.generated)

    # The single grey channel goes where the configured layout expects it.
    if K.image_data_format() == 'channels_first':
        input_shape = (1, ROWS, COLS)
    else:
        input_shape = (ROWS, COLS, 1)
    x_train = x_train.reshape((len(x_train),) + input_shape)
    x_test = x_test.reshape((len(x_test),) + input_shape)
    x_train = x_train.astype('float32') / 255
    x_test = x_test.astype('float32') / 255
    y_train = keras22.utils.to_categorical(y_train, NUM_CLASSES)
    y_test = keras22.utils.to_categorical(y_test, NUM_CLASSES)
    print('x_train shape:', x_train.shape)

    model = build_model(input_shape)
    model.compile(loss=keras22.losses.categorical_crossentropy,
                  optimizer=keras22.optimizers.Adadelta(),
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
