"""fastText-style sentiment classification of IMDB reviews.

After Joulin et al., "Bag of Tricks for Efficient Text Classification"
(2016): the model only averages the embeddings of a review's tokens
(`GlobalAveragePooling1D`) and applies one sigmoid unit. Word order enters
through n-grams: every n-gram (up to `--ngram-range` words) seen in the
training reviews gets its own token index above the vocabulary, appended
to the review. With bigrams it reaches about 0.90 test accuracy on the
real data in 5 epochs, in seconds per epoch.

Run: `python examples/imdb_fasttext.py [--quick] [--epochs N]
[--ngram-range N] [--generated]`.
"""
from __future__ import print_function

import numpy as np

from keras22.layers import Dense, Embedding, GlobalAveragePooling1D
from keras22.models import Sequential
from keras22.preprocessing import sequence

import example_data

MAX_FEATURES = 20000
MAXLEN = 400
BATCH_SIZE = 32
EMBEDDING_DIMS = 50


def ngrams_of(words, ngram_value):
    """The set of `ngram_value`-word tuples occurring in `words`."""
    return set(zip(*[words[i:] for i in range(ngram_value)]))


def append_ngrams(sequences, token_of, ngram_range):
    """Each sequence followed by the tokens of its known n-grams (2 words
    up to `ngram_range`), in order of occurrence."""
    extended = []
    for words in sequences:
        words = list(words)
        extra = []
        for size in range(2, ngram_range + 1):
            for start in range(len(words) - size + 1):
                token = token_of.get(tuple(words[start:start + size]))
                if token is not None:
                    extra.append(token)
        extended.append(words + extra)
    return extended


def build_model(max_features, maxlen):
    model = Sequential()
    model.add(Embedding(max_features, EMBEDDING_DIMS, input_length=maxlen))
    # Averaging makes the representation a bag of (n-gram) embeddings.
    model.add(GlobalAveragePooling1D())
    model.add(Dense(1, activation='sigmoid'))
    return model


def _options(parser):
    parser.add_argument('--ngram-range', type=int, default=2,
                        help='longest n-gram added as a token (1: words '
                             'only; default 2)')


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=5, extra=_options)
    max_features = 2000 if args.quick else MAX_FEATURES
    maxlen = 200 if args.quick else MAXLEN
    counts = (256, 128) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_imdb(
        max_features, *counts, generated=args.generated)
    print(len(x_train), 'train sequences,', len(x_test), 'test sequences')
    print('Average train sequence length: %d'
          % np.mean([len(x) for x in x_train]))

    if args.ngram_range > 1:
        print('Adding %d-gram features' % args.ngram_range)
        seen = set()
        for words in x_train:
            for size in range(2, args.ngram_range + 1):
                seen.update(ngrams_of(list(words), size))
        # Sorted, so token numbers do not depend on set iteration order.
        token_of = dict((gram, max_features + i)
                        for i, gram in enumerate(sorted(seen)))
        max_features += len(token_of)
        print('There are now %d features' % max_features)
        # Only n-grams of the training set get tokens: the test reviews'
        # other n-grams are unknown to the model and dropped.
        x_train = append_ngrams(x_train, token_of, args.ngram_range)
        x_test = append_ngrams(x_test, token_of, args.ngram_range)
        print('Average train sequence length: %d'
              % np.mean([len(x) for x in x_train]))

    x_train = sequence.pad_sequences(x_train, maxlen=maxlen)
    x_test = sequence.pad_sequences(x_test, maxlen=maxlen)
    print('x_train shape:', x_train.shape)

    model = build_model(max_features, maxlen)
    model.compile(loss='binary_crossentropy', optimizer='adam',
                  metrics=['accuracy'])
    initial_loss = model.evaluate(x_train, y_train, verbose=0)[0]
    model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=args.epochs,
              verbose=2, validation_data=(x_test, y_test))
    loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
    print('Result: test loss %.4f, test accuracy %.4f (%d features)'
          % (loss, accuracy, max_features))

    if args.quick:
        example_data.check_training(model, x_train, y_train, initial_loss,
                                    loss)
    return {'loss': loss, 'accuracy': accuracy,
            'initial_loss': initial_loss, 'features': max_features}


if __name__ == '__main__':
    main()
