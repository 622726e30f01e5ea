"""An IRNN on MNIST: pixel-by-pixel classification with a plain RNN.

Each image is read as a sequence of 784 single pixels by a `SimpleRNN` of
rectified units whose recurrent matrix starts as the identity (and whose
input weights start tiny), the initialisation Le, Jaitly and Hinton
proposed in "A Simple Way to Initialize Recurrent Networks of Rectified
Linear Units" (2015). With such long sequences the learning rate has to be
very small; the paper's accuracy (about 0.9 after 900 epochs) takes days
on a CPU, so this is a demonstration of the set-up more than a recipe.

Run: `python examples/mnist_irnn.py [--quick] [--epochs N] [--generated]`.
"""
from __future__ import print_function

import keras22
from keras22 import initializers
from keras22.layers import Activation, Dense, SimpleRNN
from keras22.models import Sequential
from keras22.optimizers import RMSprop

import example_data

NUM_CLASSES = 10
HIDDEN_UNITS = 100
LEARNING_RATE = 1e-6
CLIP_NORM = 1.0


def build_model(timesteps):
    model = Sequential()
    model.add(SimpleRNN(
        HIDDEN_UNITS,
        kernel_initializer=initializers.RandomNormal(stddev=0.001),
        recurrent_initializer=initializers.Identity(gain=1.0),
        activation='relu',
        input_shape=(timesteps, 1)))
    model.add(Dense(NUM_CLASSES))
    model.add(Activation('softmax'))
    return model


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=200)
    counts = (128, 64) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_mnist(
        *counts, generated=args.generated)

    # One pixel per time step.
    x_train = x_train.reshape(len(x_train), -1, 1).astype('float32') / 255
    x_test = x_test.reshape(len(x_test), -1, 1).astype('float32') / 255
    y_train = keras22.utils.to_categorical(y_train, NUM_CLASSES)
    y_test = keras22.utils.to_categorical(y_test, NUM_CLASSES)
    print('x_train shape:', x_train.shape)

    model = build_model(x_train.shape[1])
    # Gradients through 784 steps of a ReLU recurrence can explode: the
    # paper clips them, as `clipnorm` does here.
    model.compile(loss='categorical_crossentropy',
                  optimizer=RMSprop(lr=LEARNING_RATE, clipnorm=CLIP_NORM),
                  metrics=['accuracy'])
    model.fit(x_train, y_train, batch_size=32, epochs=args.epochs,
              verbose=2, validation_data=(x_test, y_test))
    loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
    print('Result: IRNN test loss %.4f, test accuracy %.4f'
          % (loss, accuracy))

    if args.quick:
        # At this learning rate one epoch changes little: the check is that
        # 784 identity-initialised ReLU steps neither overflowed nor died.
        example_data.check_finite('test loss', loss)
        recurrent = keras22.backend.get_value(
            model.layers[0].cell.recurrent_kernel)
        assert abs(recurrent.trace() - HIDDEN_UNITS) < 1, (
            'the recurrent kernel should still be close to the identity')
    return {'loss': loss, 'accuracy': accuracy}


if __name__ == '__main__':
    main()
