"""Sentiment of IMDB movie reviews with a bidirectional LSTM.

The `Bidirectional` wrapper runs one LSTM forwards and a copy backwards
over each 100-word review and concatenates their final outputs, so the
classifier sees context from both ends. On the real data test accuracy is
about 0.81 after 4 epochs.

Run: `python examples/imdb_bidirectional_lstm.py [--quick] [--epochs N]
[--generated]`.
"""
from __future__ import print_function

import numpy as np

from keras22.layers import LSTM, Bidirectional, Dense, Dropout, Embedding
from keras22.models import Sequential
from keras22.preprocessing import sequence

import example_data

MAX_FEATURES = 20000
MAXLEN = 100
BATCH_SIZE = 32


def build_model(max_features, maxlen):
    model = Sequential()
    model.add(Embedding(max_features, 128, input_length=maxlen))
    model.add(Bidirectional(LSTM(64)))
    model.add(Dropout(0.5))
    model.add(Dense(1, activation='sigmoid'))
    return model


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=4)
    max_features = 2000 if args.quick else MAX_FEATURES
    counts = (256, 128) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_imdb(
        max_features, *counts, generated=args.generated)
    print(len(x_train), 'train sequences,', len(x_test), 'test sequences')

    x_train = sequence.pad_sequences(x_train, maxlen=MAXLEN)
    x_test = sequence.pad_sequences(x_test, maxlen=MAXLEN)
    y_train = np.array(y_train)
    y_test = np.array(y_test)
    print('x_train shape:', x_train.shape)

    model = build_model(max_features, MAXLEN)
    model.compile('adam', 'binary_crossentropy', metrics=['accuracy'])
    initial_loss = model.evaluate(x_train, y_train, verbose=0)[0]
    model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=args.epochs,
              verbose=2, validation_data=[x_test, y_test])
    loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
    print('Result: test loss %.4f, test accuracy %.4f' % (loss, accuracy))

    if args.quick:
        example_data.check_training(model, x_train, y_train, initial_loss,
                                    loss)
        # Both directions' outputs reach the classifier.
        assert model.layers[1].output_shape == (None, 128), \
            model.layers[1].output_shape
    return {'loss': loss, 'accuracy': accuracy,
            'initial_loss': initial_loss}


if __name__ == '__main__':
    main()
