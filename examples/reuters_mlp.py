"""Topic classification of Reuters newswires with a multilayer perceptron.

Each newswire (a list of word indices) becomes a binary bag-of-words
vector over the 1,000 most frequent words with `Tokenizer.
sequences_to_matrix`, and one hidden layer of 512 units picks one of the
46 topics. On the real data test accuracy is about 0.79 after 5 epochs.

Run: `python examples/reuters_mlp.py [--quick] [--epochs N] [--generated]`.
"""
from __future__ import print_function

import numpy as np

import keras22
from keras22.layers import Activation, Dense, Dropout
from keras22.models import Sequential
from keras22.preprocessing.text import Tokenizer

import example_data

MAX_WORDS = 1000
BATCH_SIZE = 32


def build_model(max_words, num_classes):
    model = Sequential()
    model.add(Dense(512, input_shape=(max_words,)))
    model.add(Activation('relu'))
    model.add(Dropout(0.5))
    model.add(Dense(num_classes))
    model.add(Activation('softmax'))
    return model


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=5)
    counts = (256, 128) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_reuters(
        MAX_WORDS, *counts, generated=args.generated)
    print(len(x_train), 'train sequences,', len(x_test), 'test sequences')
    # The real data has 46 topics; a small sample may miss the last ones,
    # so the count is fixed rather than read off the labels.
    num_classes = max(46, int(np.max(y_train)) + 1)
    print(num_classes, 'classes')

    # The tokenizer is only used for its vectoriser here: the sequences
    # already hold word indices below MAX_WORDS.
    tokenizer = Tokenizer(num_words=MAX_WORDS)
    x_train = tokenizer.sequences_to_matrix(x_train, mode='binary')
    x_test = tokenizer.sequences_to_matrix(x_test, mode='binary')
    y_train = keras22.utils.to_categorical(y_train, num_classes)
    y_test = keras22.utils.to_categorical(y_test, num_classes)
    print('x_train shape:', x_train.shape)

    model = build_model(MAX_WORDS, num_classes)
    model.compile(loss='categorical_crossentropy', optimizer='adam',
                  metrics=['accuracy'])
    initial_loss = model.evaluate(x_train, y_train, verbose=0)[0]
    history = model.fit(x_train, y_train, batch_size=BATCH_SIZE,
                        epochs=args.epochs, verbose=2, validation_split=0.1)
    loss, accuracy = model.evaluate(x_test, y_test, batch_size=BATCH_SIZE,
                                    verbose=0)
    print('Result: test loss %.4f, test accuracy %.4f' % (loss, accuracy))

    if args.quick:
        example_data.check_finite('test loss', loss)
        assert 'val_loss' in history.history, sorted(history.history)
        final_loss = model.evaluate(x_train, y_train, verbose=0)[0]
        example_data.check_loss_fell(initial_loss, final_loss)
    return {'loss': loss, 'accuracy': accuracy,
            'initial_loss': initial_loss}


if __name__ == '__main__':
    main()
