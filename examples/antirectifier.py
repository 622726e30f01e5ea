"""A custom layer: the antirectifier, on MNIST.

Writing a layer means subclassing `Layer`: `call` says what it computes
and, because its output shape differs from its input shape,
`compute_output_shape` says what that shape is, so the next layer can be
built. The antirectifier replaces a ReLU: it centres each sample's
features, L2-normalises them, and concatenates their positive part with
their negative part, so no information is thrown away and the output has
twice as many features. Two dense layers followed by antirectifiers reach
about 98% test accuracy on the real data after 40 epochs, with half the
parameters a ReLU network of the same accuracy needs.

Run: `python examples/antirectifier.py [--quick] [--epochs N]
[--generated]`.
"""
from __future__ import print_function

import numpy as np

import keras22
from keras22 import backend as K
from keras22 import layers
from keras22.models import Sequential

import example_data

BATCH_SIZE = 128
NUM_CLASSES = 10


class Antirectifier(layers.Layer):
    """Concatenates the positive and negative parts of the centred,
    L2-normalised input.

    # Input shape
        2D tensor of shape `(samples, n)`.

    # Output shape
        2D tensor of shape `(samples, 2 * n)`.
    """

    def compute_output_shape(self, input_shape):
        shape = list(input_shape)
        assert len(shape) == 2  # only valid for 2D tensors
        shape[-1] *= 2
        return tuple(shape)

    def call(self, inputs):
        inputs -= K.mean(inputs, axis=1, keepdims=True)
        inputs = K.l2_normalize(inputs, axis=1)
        pos = K.relu(inputs)
        neg = K.relu(-inputs)
        return K.concatenate([pos, neg], axis=1)


def build_model():
    model = Sequential()
    model.add(layers.Dense(256, input_shape=(784,)))
    model.add(Antirectifier())
    model.add(layers.Dropout(0.1))
    model.add(layers.Dense(256))
    model.add(Antirectifier())
    model.add(layers.Dropout(0.1))
    model.add(layers.Dense(NUM_CLASSES))
    model.add(layers.Activation('softmax'))
    return model


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=40)
    counts = (256, 128) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_mnist(
        *counts, generated=args.generated)
    x_train = x_train.reshape(-1, 784).astype('float32') / 255
    x_test = x_test.reshape(-1, 784).astype('float32') / 255
    y_train = keras22.utils.to_categorical(y_train, NUM_CLASSES)
    y_test = keras22.utils.to_categorical(y_test, NUM_CLASSES)
    print(x_train.shape[0], 'train samples,', x_test.shape[0], 'test samples')

    model = build_model()
    model.compile(loss='categorical_crossentropy', optimizer='rmsprop',
                  metrics=['accuracy'])
    model.summary()
    initial_loss = model.evaluate(x_train, y_train, verbose=0)[0]
    model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=args.epochs,
              verbose=2, validation_data=(x_test, y_test))
    final_loss = model.evaluate(x_train, y_train, verbose=0)[0]
    loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
    print('Result: test loss %.4f, test accuracy %.4f' % (loss, accuracy))

    if args.quick:
        example_data.check_finite('test loss', loss)
        example_data.check_loss_fell(initial_loss, final_loss)
        # compute_output_shape doubled the features for the next layer.
        assert model.layers[1].output_shape == (None, 512)
        assert model.layers[3].input_shape == (None, 512)
        # The layer against NumPy on a small batch.
        sample = np.random.RandomState(0).randn(3, 4).astype('float32')
        probe = K.function([model.layers[1].input],
                           [model.layers[1].output])
        got = probe([np.pad(sample, ((0, 0), (0, 252)))])[0]
        centred = np.pad(sample, ((0, 0), (0, 252)))
        centred = centred - centred.mean(axis=1, keepdims=True)
        centred /= np.sqrt((centred ** 2).sum(axis=1, keepdims=True))
        expected = np.concatenate([np.maximum(centred, 0),
                                   np.maximum(-centred, 0)], axis=1)
        assert np.allclose(got, expected, atol=1e-5)
    return {'loss': loss, 'accuracy': accuracy,
            'initial_loss': initial_loss}


if __name__ == '__main__':
    main()
