"""A convolutional network on the CIFAR-10 small images, with augmentation.

Two blocks of two 3x3 convolutions with max pooling and dropout, then a
dense classifier, trained with RMSprop. By default the training images
pass through an `ImageDataGenerator` (random shifts and horizontal flips)
and the model trains with `fit_generator` on its `flow`; `--no-augmentation`
trains with plain `fit` instead. The trained model is saved to
`saved_models/keras_cifar10_trained_model.h5` (or `--save-dir`). On the
real data test accuracy is about 0.75 after 50 epochs and 0.79 after 100.

Run: `python examples/cifar10_cnn.py [--quick] [--epochs N]
[--no-augmentation] [--save-dir DIR] [--generated]`.
"""
from __future__ import print_function

import os
import tempfile

import numpy as np

import keras22
from keras22.layers import (Activation, Conv2D, Dense, Dropout, Flatten,
                            MaxPooling2D)
from keras22.models import Sequential, load_model
from keras22.preprocessing.image import ImageDataGenerator

import example_data

BATCH_SIZE = 32
NUM_CLASSES = 10
MODEL_NAME = 'keras_cifar10_trained_model.h5'


def build_model(input_shape):
    model = Sequential()
    model.add(Conv2D(32, (3, 3), padding='same', input_shape=input_shape))
    model.add(Activation('relu'))
    model.add(Conv2D(32, (3, 3)))
    model.add(Activation('relu'))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.25))

    model.add(Conv2D(64, (3, 3), padding='same'))
    model.add(Activation('relu'))
    model.add(Conv2D(64, (3, 3)))
    model.add(Activation('relu'))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.25))

    model.add(Flatten())
    model.add(Dense(512))
    model.add(Activation('relu'))
    model.add(Dropout(0.5))
    model.add(Dense(NUM_CLASSES))
    model.add(Activation('softmax'))
    return model


def _options(parser):
    parser.add_argument('--no-augmentation', dest='augmentation',
                        action='store_false',
                        help='train on the images as they are, with fit')
    parser.add_argument('--save-dir', default=None,
                        help='where to save the trained model (default: '
                             './saved_models; a temporary directory with '
                             '--quick)')


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=100, extra=_options)
    counts = (256, 128) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_cifar10(
        *counts, generated=args.generated)
    print('x_train shape:', x_train.shape)
    print(x_train.shape[0], 'train samples,', x_test.shape[0], 'test samples')

    y_train = keras22.utils.to_categorical(y_train, NUM_CLASSES)
    y_test = keras22.utils.to_categorical(y_test, NUM_CLASSES)
    x_train = x_train.astype('float32') / 255
    x_test = x_test.astype('float32') / 255

    model = build_model(x_train.shape[1:])
    # A small learning rate with a slow decay: larger steps make this
    # network's training unstable early on.
    optimizer = keras22.optimizers.RMSprop(lr=0.0001, decay=1e-6)
    model.compile(loss='categorical_crossentropy', optimizer=optimizer,
                  metrics=['accuracy'])
    initial_loss = model.evaluate(x_train, y_train, verbose=0)[0]

    if not args.augmentation:
        print('Not using data augmentation.')
        model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=args.epochs,
                  validation_data=(x_test, y_test), shuffle=True, verbose=2)
    else:
        print('Using real-time data augmentation.')
        datagen = ImageDataGenerator(
            featurewise_center=False,
            samplewise_center=False,
            featurewise_std_normalization=False,
            samplewise_std_normalization=False,
            zca_whitening=False,
            rotation_range=0,
            # Shifts of up to a tenth of the image, and mirror images:
            # a shifted or mirrored cat is still a cat.
            width_shift_range=0.1,
            height_shift_range=0.1,
            horizontal_flip=True,
            vertical_flip=False,
            fill_mode='nearest')
        # Only needed for the featurewise options and ZCA, which compute
        # statistics of the training set; harmless otherwise.
        datagen.fit(x_train)
        # The flow is a Sequence, so its length gives the steps per epoch
        # and several worker threads can prepare batches safely.
        model.fit_generator(datagen.flow(x_train, y_train,
                                         batch_size=BATCH_SIZE),
                            epochs=args.epochs,
                            validation_data=(x_test, y_test),
                            workers=4, verbose=2)

    save_dir = args.save_dir or (tempfile.mkdtemp() if args.quick else
                                 os.path.join(os.getcwd(), 'saved_models'))
    if not os.path.isdir(save_dir):
        os.makedirs(save_dir)
    model_path = os.path.join(save_dir, MODEL_NAME)
    model.save(model_path)
    print('Saved trained model at %s ' % model_path)

    loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
    print('Result: test loss %.4f, test accuracy %.4f' % (loss, accuracy))

    if args.quick:
        example_data.check_training(model, x_train, y_train, initial_loss,
                                    loss)
        reloaded = load_model(model_path)
        assert np.allclose(reloaded.predict(x_test[:4]),
                           model.predict(x_test[:4]), atol=1e-5), \
            'the saved model predicts differently'
    return {'loss': loss, 'accuracy': accuracy,
            'initial_loss': initial_loss}


if __name__ == '__main__':
    main()
