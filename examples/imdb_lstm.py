"""Sentiment of IMDB movie reviews with an LSTM.

Reviews arrive as lists of word indices (most frequent words first); they
are cut or padded to 80 words, embedded in 128 dimensions and read by an
LSTM with input and recurrent dropout, whose last output feeds one sigmoid
unit. On the real data test accuracy is about 0.84 after a few epochs;
RNNs are finicky, so expect results to vary with the seed.

Run: `python examples/imdb_lstm.py [--quick] [--epochs N] [--generated]`.
"""
from __future__ import print_function

from keras22.layers import LSTM, Dense, Embedding
from keras22.models import Sequential
from keras22.preprocessing import sequence

import example_data

MAX_FEATURES = 20000
MAXLEN = 80
BATCH_SIZE = 32


def build_model(max_features):
    model = Sequential()
    model.add(Embedding(max_features, 128))
    model.add(LSTM(128, dropout=0.2, recurrent_dropout=0.2))
    model.add(Dense(1, activation='sigmoid'))
    return model


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=15)
    # A smaller vocabulary keeps the quick run's embedding table small.
    max_features = 2000 if args.quick else MAX_FEATURES
    counts = (256, 128) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_imdb(
        max_features, *counts, generated=args.generated)
    print(len(x_train), 'train sequences,', len(x_test), 'test sequences')

    # Truncation keeps the end of long reviews, where verdicts tend to be.
    x_train = sequence.pad_sequences(x_train, maxlen=MAXLEN)
    x_test = sequence.pad_sequences(x_test, maxlen=MAXLEN)
    print('x_train shape:', x_train.shape)

    model = build_model(max_features)
    model.compile(loss='binary_crossentropy', optimizer='adam',
                  metrics=['accuracy'])
    initial_loss = model.evaluate(x_train, y_train, verbose=0)[0]
    model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=args.epochs,
              verbose=2, validation_data=(x_test, y_test))
    loss, accuracy = model.evaluate(x_test, y_test, batch_size=BATCH_SIZE,
                                    verbose=0)
    print('Result: test loss %.4f, test accuracy %.4f' % (loss, accuracy))

    if args.quick:
        example_data.check_training(model, x_train, y_train, initial_loss,
                                    loss)
    return {'loss': loss, 'accuracy': accuracy,
            'initial_loss': initial_loss}


if __name__ == '__main__':
    main()
