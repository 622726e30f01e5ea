"""A hierarchical RNN classifying MNIST digits.

After Zhou et al., "Hierarchical Recurrent Neural Network for Document
Modeling" (2015), applied to images: a first LSTM, wrapped in
`TimeDistributed`, encodes each row of pixels separately into a vector;
a second LSTM reads the 28 row encodings, top to bottom, and its final
output is classified. On the real data test accuracy is about 0.98 after
5 epochs.

Run: `python examples/mnist_hierarchical_rnn.py [--quick] [--epochs N]
[--generated]`.
"""
from __future__ import print_function

import keras22
from keras22.layers import LSTM, Dense, Input, TimeDistributed
from keras22.models import Model

import example_data

BATCH_SIZE = 32
NUM_CLASSES = 10
ROW_HIDDEN = 128
COL_HIDDEN = 128


def build_model(rows, cols):
    # A trailing channel axis makes each row a sequence of 1-feature steps.
    x = Input(shape=(rows, cols, 1))
    # The same row encoder applied to all 28 rows.
    encoded_rows = TimeDistributed(LSTM(ROW_HIDDEN))(x)
    encoded_columns = LSTM(COL_HIDDEN)(encoded_rows)
    prediction = Dense(NUM_CLASSES, activation='softmax')(encoded_columns)
    return Model(x, prediction)


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=5)
    counts = (128, 64) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_mnist(
        *counts, generated=args.generated)
    x_train = x_train.reshape(x_train.shape + (1,)).astype('float32') / 255
    x_test = x_test.reshape(x_test.shape + (1,)).astype('float32') / 255
    y_train = keras22.utils.to_categorical(y_train, NUM_CLASSES)
    y_test = keras22.utils.to_categorical(y_test, NUM_CLASSES)
    print('x_train shape:', x_train.shape)

    rows, cols = x_train.shape[1:3]
    model = build_model(rows, cols)
    model.compile(loss='categorical_crossentropy', optimizer='rmsprop',
                  metrics=['accuracy'])
    initial_loss = model.evaluate(x_train, y_train, verbose=0)[0]
    model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=args.epochs,
              verbose=2, validation_data=(x_test, y_test))
    final_loss = model.evaluate(x_train, y_train, verbose=0)[0]
    loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
    print('Result: test loss %.4f, test accuracy %.4f' % (loss, accuracy))

    if args.quick:
        example_data.check_finite('test loss', loss)
        example_data.check_loss_fell(initial_loss, final_loss)
        assert model.layers[1].output_shape == (None, rows, ROW_HIDDEN)
    return {'loss': loss, 'accuracy': accuracy,
            'initial_loss': initial_loss}


if __name__ == '__main__':
    main()
