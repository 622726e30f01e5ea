"""A variational autoencoder (VAE) of MNIST digits.

After Kingma and Welling, "Auto-Encoding Variational Bayes" (2013). The
encoder maps an image to the mean and log-variance of a Gaussian in a
two-dimensional latent space; a `Lambda` layer draws a point from it with
the reparameterisation trick (mean + sigma * noise, so gradients reach the
encoder); the decoder maps the point back to pixel probabilities. The
encoder and decoder are separate models, composed into the VAE by calling
them on tensors, so either can be used alone afterwards.

The loss (reconstruction cross-entropy plus the KL divergence of the
latent Gaussian from the unit Gaussian) depends on the encoder's outputs,
not only on a target and a prediction. `--loss-style add_loss` (the
default) attaches it to the model with `add_loss` and compiles without a
loss; `--loss-style function` shows the older way, a loss function written
with the backend that closes over the latent tensors.

Run: `python examples/variational_autoencoder.py [--quick] [--epochs N]
[--loss-style add_loss|function] [--mse] [--generated]`.
"""
from __future__ import print_function

import numpy as np

from keras22 import backend as K
from keras22.layers import Dense, Input, Lambda
from keras22.losses import binary_crossentropy, mse
from keras22.models import Model

import example_data

ORIGINAL_DIM = 28 * 28
INTERMEDIATE_DIM = 512
LATENT_DIM = 2
BATCH_SIZE = 128


def sampling(args):
    """A point drawn from N(z_mean, exp(z_log_var)), differentiable in both
    through the standard normal noise it scales and shifts."""
    z_mean, z_log_var = args
    epsilon = K.random_normal(shape=(K.shape(z_mean)[0], K.int_shape(
        z_mean)[1]))
    return z_mean + K.exp(0.5 * z_log_var) * epsilon


def build_models():
    """The encoder, the decoder, the VAE and the latent tensors the loss
    needs."""
    inputs = Input(shape=(ORIGINAL_DIM,), name='encoder_input')
    hidden = Dense(INTERMEDIATE_DIM, activation='relu')(inputs)
    z_mean = Dense(LATENT_DIM, name='z_mean')(hidden)
    z_log_var = Dense(LATENT_DIM, name='z_log_var')(hidden)
    z = Lambda(sampling, output_shape=(LATENT_DIM,), name='z')(
        [z_mean, z_log_var])
    encoder = Model(inputs, [z_mean, z_log_var, z], name='encoder')

    latent_inputs = Input(shape=(LATENT_DIM,), name='z_sampling')
    hidden = Dense(INTERMEDIATE_DIM, activation='relu')(latent_inputs)
    pixels = Dense(ORIGINAL_DIM, activation='sigmoid')(hidden)
    decoder = Model(latent_inputs, pixels, name='decoder')

    # The loss uses the latent tensors of this call of the encoder, the one
    # inside the VAE.
    z_mean, z_log_var, z = encoder(inputs)
    outputs = decoder(z)
    vae = Model(inputs, outputs, name='vae_mlp')
    return encoder, decoder, vae, inputs, outputs, z_mean, z_log_var


def kl_divergence(z_mean, z_log_var):
    """KL(N(z_mean, exp(z_log_var)) || N(0, 1)) per sample."""
    return -0.5 * K.sum(1 + z_log_var - K.square(z_mean) - K.exp(z_log_var),
                        axis=-1)


def _options(parser):
    parser.add_argument('--loss-style', choices=('add_loss', 'function'),
                        default='add_loss',
                        help='attach the loss with add_loss (default) or '
                             'pass a closure to compile')
    parser.add_argument('--mse', action='store_true',
                        help='squared error instead of cross-entropy for '
                             'the reconstruction term')


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=50, extra=_options)
    counts = (256, 128) if args.quick else (None, None)
    (x_train, _), (x_test, y_test) = example_data.load_mnist(
        *counts, generated=args.generated)
    x_train = x_train.reshape(-1, ORIGINAL_DIM).astype('float32') / 255
    x_test = x_test.reshape(-1, ORIGINAL_DIM).astype('float32') / 255

    encoder, decoder, vae, inputs, outputs, z_mean, z_log_var = \
        build_models()
    encoder.summary()
    decoder.summary()
    reconstruction = mse if args.mse else binary_crossentropy

    if args.loss_style == 'add_loss':
        # Keras' losses average over the pixels; scaling by their number
        # makes the term the per-image sum the derivation calls for.
        vae_loss = K.mean(reconstruction(inputs, outputs) * ORIGINAL_DIM
                          + kl_divergence(z_mean, z_log_var))
        vae.add_loss(vae_loss)
        vae.compile(optimizer='adam')
        targets = None
    else:
        def vae_loss(y_true, y_pred):
            return (reconstruction(y_true, y_pred) * ORIGINAL_DIM
                    + kl_divergence(z_mean, z_log_var))
        vae.compile(optimizer='adam', loss=vae_loss)
        targets = x_train
    vae.summary()

    initial_loss = _loss(vae, x_train, targets)
    vae.fit(x_train, targets, epochs=args.epochs, batch_size=BATCH_SIZE,
            verbose=2,
            validation_data=(x_test, None if targets is None else x_test))
    final_loss = _loss(vae, x_train, targets)

    # Where the test digits land in the latent plane, and digits decoded
    # from a grid over it (what the classic example plots).
    means = encoder.predict(x_test, batch_size=BATCH_SIZE)[0]
    grid = np.array([[x, y] for x in np.linspace(-2, 2, 5)
                     for y in np.linspace(-2, 2, 5)], dtype='float32')
    digits = decoder.predict(grid).reshape(-1, 28, 28)
    centres = ['%d: (%.2f, %.2f)' % ((digit,) + tuple(
        means[y_test == digit].mean(axis=0))) for digit in range(3)
        if np.any(y_test == digit)]
    print('Latent centres of the first digits:', ', '.join(centres))
    print('Result: VAE loss %.2f -> %.2f (%s)'
          % (initial_loss, final_loss, args.loss_style))

    if args.quick:
        example_data.check_finite('VAE loss', final_loss, means, digits)
        example_data.check_loss_fell(initial_loss, final_loss, 'the VAE loss')
        assert means.shape == (len(x_test), LATENT_DIM), means.shape
        assert digits.min() >= 0 and digits.max() <= 1
    return {'initial_loss': initial_loss, 'loss': final_loss}


def _loss(model, x, y):
    result = model.evaluate(x, y, batch_size=BATCH_SIZE, verbose=0)
    return float(result[0] if isinstance(result, list) else result)


if __name__ == '__main__':
    main()
