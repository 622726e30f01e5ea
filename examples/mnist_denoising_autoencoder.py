"""A convolutional denoising autoencoder of MNIST digits.

The encoder halves the image size twice with strided convolutions and
compresses the result into a 16-number latent vector; the decoder grows
it back with strided transposed convolutions (`Conv2DTranspose`). Trained
to map digits covered in heavy Gaussian noise to the clean digits, it
learns to remove the noise. Encoder and decoder are separate models
composed into the autoencoder. A picture of noisy inputs above their
denoised outputs is written to `corrupted_and_denoised.png` (`--output`).

Run: `python examples/mnist_denoising_autoencoder.py [--quick] [--epochs N]
[--output FILE] [--generated]`.
"""
from __future__ import print_function

import os
import tempfile

import numpy as np

from keras22 import backend as K
from keras22.layers import (Activation, Conv2D, Conv2DTranspose, Dense,
                            Flatten, Input, Reshape)
from keras22.models import Model
from keras22.preprocessing.image import save_img

import example_data

BATCH_SIZE = 128
KERNEL_SIZE = 3
LATENT_DIM = 16
# Filters of the encoder's convolutions; the decoder mirrors them.
LAYER_FILTERS = [32, 64]


def build_models(input_shape):
    inputs = Input(shape=input_shape, name='encoder_input')
    x = inputs
    for filters in LAYER_FILTERS:
        x = Conv2D(filters=filters, kernel_size=KERNEL_SIZE, strides=2,
                   activation='relu', padding='same')(x)
    # The decoder has to undo the flattening, so it needs this shape.
    shape = K.int_shape(x)
    x = Flatten()(x)
    latent = Dense(LATENT_DIM, name='latent_vector')(x)
    encoder = Model(inputs, latent, name='encoder')

    latent_inputs = Input(shape=(LATENT_DIM,), name='decoder_input')
    x = Dense(shape[1] * shape[2] * shape[3])(latent_inputs)
    x = Reshape((shape[1], shape[2], shape[3]))(x)
    for filters in LAYER_FILTERS[::-1]:
        x = Conv2DTranspose(filters=filters, kernel_size=KERNEL_SIZE,
                            strides=2, activation='relu', padding='same')(x)
    # Back to one grey channel.
    x = Conv2DTranspose(filters=1, kernel_size=KERNEL_SIZE,
                        padding='same')(x)
    outputs = Activation('sigmoid', name='decoder_output')(x)
    decoder = Model(latent_inputs, outputs, name='decoder')

    autoencoder = Model(inputs, decoder(encoder(inputs)), name='autoencoder')
    return encoder, decoder, autoencoder


def _options(parser):
    parser.add_argument('--output', default=None,
                        help='where to write the picture of results')


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=30, extra=_options)
    counts = (256, 128) if args.quick else (None, None)
    (x_train, _), (x_test, _) = example_data.load_mnist(
        *counts, generated=args.generated)
    if K.image_data_format() == 'channels_first':
        input_shape = (1, 28, 28)
    else:
        input_shape = (28, 28, 1)
    x_train = x_train.reshape((-1,) + input_shape).astype('float32') / 255
    x_test = x_test.reshape((-1,) + input_shape).astype('float32') / 255

    # Noise centred on 0.5 with the same spread: most of the image is
    # covered, the digit is still guessable.
    rng = np.random.RandomState(1337)
    x_train_noisy = np.clip(
        x_train + rng.normal(0.5, 0.5, size=x_train.shape), 0., 1.)
    x_test_noisy = np.clip(
        x_test + rng.normal(0.5, 0.5, size=x_test.shape), 0., 1.)

    encoder, decoder, autoencoder = build_models(input_shape)
    encoder.summary()
    decoder.summary()
    autoencoder.summary()
    autoencoder.compile(loss='mse', optimizer='adam')
    initial_loss = autoencoder.evaluate(x_train_noisy, x_train, verbose=0)
    autoencoder.fit(x_train_noisy, x_train,
                    validation_data=(x_test_noisy, x_test),
                    epochs=args.epochs, batch_size=BATCH_SIZE, verbose=2)
    final_loss = autoencoder.evaluate(x_train_noisy, x_train, verbose=0)
    x_decoded = autoencoder.predict(x_test_noisy)

    # Eight noisy test digits above their denoised versions.
    count = min(8, len(x_test))
    noisy = x_test_noisy[:count].reshape(count, 28, 28)
    clean = x_decoded[:count].reshape(count, 28, 28)
    picture = np.concatenate([np.hstack(noisy), np.hstack(clean)])
    output = args.output or (
        os.path.join(tempfile.mkdtemp(), 'corrupted_and_denoised.png')
        if args.quick else 'corrupted_and_denoised.png')
    save_img(output, (picture * 255).astype('uint8')[..., None],
             data_format='channels_last')
    test_mse = float(np.mean((x_decoded - x_test) ** 2))
    print('Result: training MSE %.4f -> %.4f, test MSE %.4f; picture in %s'
          % (initial_loss, final_loss, test_mse, output))

    if args.quick:
        example_data.check_finite('MSE', final_loss, test_mse)
        assert final_loss < initial_loss, (initial_loss, final_loss)
        assert x_decoded.shape == x_test.shape
        assert encoder.output_shape == (None, LATENT_DIM)
    return {'initial_loss': initial_loss, 'loss': final_loss,
            'test_mse': test_mse}


if __name__ == '__main__':
    main()
