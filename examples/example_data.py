"""Data and command line shared by the keras22 example scripts.

Every example trains on the real Keras dataset when it is already in the
Keras cache (`$KERAS_HOME/datasets`, `~/.keras/datasets` by default), and
otherwise on generated data with the same shapes, dtypes and label
conventions, so the scripts run anywhere, including without a network.
Nothing here downloads: to use the real data, call the dataset's
`keras22.datasets.<name>.load_data()` once while online.

The generated sets are made so that the task can be learnt (images of a
class share a shifted, noisy prototype; reviews and newswires of a class
share characteristic words), so a few steps of training visibly lower the
loss, which the `--quick` runs check.
"""
from __future__ import print_function

import argparse
import os
import tempfile

import numpy as np

from keras22 import backend as K


def parse_args(description, argv=None, epochs=None, extra=None):
    """Parses the options every example understands.

    `--quick` runs on a few hundred samples for one epoch and checks the
    outcome (the test suite uses it); `--generated` ignores cached datasets;
    `--epochs` overrides the example's epoch count. `extra`, if given, is
    called with the parser to add the example's own options.
    """
    parser = argparse.ArgumentParser(
        description=(description or '').strip().split('\n')[0])
    parser.add_argument('--quick', action='store_true',
                        help='tiny data, one epoch, check the outcome')
    parser.add_argument('--generated', action='store_true',
                        help='use generated data even if the real '
                             'dataset is cached')
    parser.add_argument('--epochs', type=int, default=None,
                        help='number of epochs (default: %s; 1 with '
                             '--quick)' % epochs)
    if extra is not None:
        extra(parser)
    args = parser.parse_args(argv)
    if args.epochs is None:
        args.epochs = 1 if args.quick else epochs
    return args


def cached_dataset(*names):
    """The path of a file or directory of the Keras dataset cache, or None.

    Looks where `keras22.utils.get_file` would: `$KERAS_HOME/datasets`
    (`~/.keras/datasets`) and the temporary-directory fallback it uses
    when the home cannot be written.
    """
    homes = [K.keras_home(), os.path.join(tempfile.gettempdir(), '.keras')]
    for home in homes:
        for name in names:
            path = os.path.join(os.path.expanduser(home), 'datasets', name)
            if os.path.exists(path):
                return path
    return None


def _announce(dataset, path):
    if path:
        print('Using the real %s data cached at %s' % (dataset, path))
    else:
        print('%s is not cached (or --generated was given): using '
              'generated data of the same shape' % dataset)


def _subsample(arrays, count, seed=0):
    """The first `count` samples of a shuffled copy of parallel arrays."""
    if count is None or count >= len(arrays[0]):
        return arrays
    order = np.random.RandomState(seed).permutation(len(arrays[0]))[:count]
    return tuple(a[order] for a in arrays)


def _prototype_images(num_classes, rows, cols, channels, rng):
    """One smooth random pattern per class, values in [0, 1]."""
    ys, xs = np.mgrid[0:rows, 0:cols]
    prototypes = np.zeros((num_classes, rows, cols, channels), 'float32')
    for c in range(num_classes):
        for _ in range(6):
            cy, cx = rng.uniform(rows * 0.2, rows * 0.8, size=2)
            sigma = rng.uniform(1.5, 3.0) * rows / 28.
            blob = np.exp(-((ys - cy) ** 2 + (xs - cx) ** 2)
                          / (2 * sigma ** 2))
            colour = rng.uniform(0.3, 1.0, size=channels)
            prototypes[c] += blob[..., None] * colour
    return np.clip(prototypes, 0, 1)


def generated_images(count, num_classes, shape, seed):
    """Noisy, shifted copies of per-class prototypes as uint8 images.

    # Returns
        `(images, labels)`: uint8 of shape `(count,) + shape` and uint8
        labels of shape `(count,)`.
    """
    rows, cols = shape[0], shape[1]
    channels = shape[2] if len(shape) == 3 else 1
    # The prototypes depend on a fixed seed only, so the training and test
    # sets (made with different seeds) share them.
    prototypes = _prototype_images(num_classes, rows, cols, channels,
                                   np.random.RandomState(1234))
    rng = np.random.RandomState(seed)
    labels = rng.randint(0, num_classes, size=count).astype('uint8')
    images = prototypes[labels]
    shifts = rng.randint(-2, 3, size=(count, 2))
    for i in range(count):
        images[i] = np.roll(images[i], tuple(shifts[i]), axis=(0, 1))
    images = images * rng.uniform(0.7, 1.0, size=(count, 1, 1, 1))
    images = images + rng.normal(0, 0.1, size=images.shape)
    images = (np.clip(images, 0, 1) * 255).astype('uint8')
    return images.reshape((count,) + tuple(shape)), labels


def load_mnist(train_count=None, test_count=None, generated=False):
    """MNIST as `keras22.datasets.mnist.load_data()` returns it.

    Real data (when cached) is subsampled to the counts given; generated
    data defaults to 6,000 training and 1,000 test images.
    """
    path = None if generated else cached_dataset('mnist.npz')
    _announce('MNIST', path)
    if path:
        from keras22.datasets import mnist
        (x_train, y_train), (x_test, y_test) = mnist.load_data()
        return (_subsample((x_train, y_train), train_count),
                _subsample((x_test, y_test), test_count))
    train = generated_images(train_count or 6000, 10, (28, 28), seed=1)
    test = generated_images(test_count or 1000, 10, (28, 28), seed=2)
    return train, test


def load_cifar10(train_count=None, test_count=None, generated=False):
    """CIFAR-10 as `keras22.datasets.cifar10.load_data()` returns it
    (channels-last uint8 images, labels of shape `(N, 1)`)."""
    path = None if generated else cached_dataset('cifar-10-batches-py')
    _announce('CIFAR-10', path)
    if path:
        from keras22.datasets import cifar10
        (x_train, y_train), (x_test, y_test) = cifar10.load_data()
        if K.image_data_format() == 'channels_first':
            x_train = x_train.transpose(0, 3, 1, 2)
            x_test = x_test.transpose(0, 3, 1, 2)
        return (_subsample((x_train, y_train), train_count),
                _subsample((x_test, y_test), test_count))
    splits = []
    for count, seed in ((train_count or 5000, 1), (test_count or 1000, 2)):
        x, y = generated_images(count, 10, (32, 32, 3), seed=seed)
        if K.image_data_format() == 'channels_first':
            x = x.transpose(0, 3, 1, 2)
        splits.append((x, y.reshape(-1, 1)))
    return tuple(splits)


def _generated_documents(count, num_classes, num_words, lengths, seed,
                         index_from=3, start_char=1):
    """Word-index lists whose class shows in some of their words.

    Background words follow a Zipf-like law over the vocabulary; each class
    owns a few mid-frequency words, and about one word in eight of a
    document is taken from its class's words.
    """
    vocabulary = np.arange(index_from, num_words)
    background = 1. / np.arange(1, len(vocabulary) + 1)
    background /= background.sum()
    # Fixed seed again: the classes' words are the same in every split.
    owned = np.random.RandomState(4321).choice(
        vocabulary[10:min(len(vocabulary), 1000)],
        size=(num_classes, 8), replace=False)
    rng = np.random.RandomState(seed)
    labels = rng.randint(0, num_classes, size=count)
    documents = []
    for label in labels:
        length = rng.randint(lengths[0], lengths[1] + 1)
        words = rng.choice(vocabulary, size=length, p=background)
        marked = rng.rand(length) < 0.125
        words[marked] = rng.choice(owned[label], size=marked.sum())
        documents.append([start_char] + words.tolist())
    sequences = np.empty(count, dtype=object)
    sequences[:] = documents
    return sequences, labels.astype('int64')


def load_imdb(num_words=20000, train_count=None, test_count=None,
              lengths=(40, 400), generated=False):
    """IMDB reviews as `keras22.datasets.imdb.load_data(num_words=...)`
    returns them: arrays of word-index lists and 0/1 labels."""
    path = None if generated else cached_dataset('imdb.npz')
    _announce('IMDB', path)
    if path:
        from keras22.datasets import imdb
        (x_train, y_train), (x_test, y_test) = imdb.load_data(
            num_words=num_words)
        return (_subsample((x_train, y_train), train_count),
                _subsample((x_test, y_test), test_count))
    train = _generated_documents(train_count or 5000, 2, num_words, lengths,
                                 seed=1)
    test = _generated_documents(test_count or 5000, 2, num_words, lengths,
                                seed=2)
    return train, test


def load_reuters(num_words=1000, train_count=None, test_count=None,
                 generated=False):
    """Reuters newswires as `keras22.datasets.reuters.load_data(...)`
    returns them: word-index lists and topics (46 of them)."""
    path = None if generated else cached_dataset('reuters.npz')
    _announce('Reuters', path)
    if path:
        from keras22.datasets import reuters
        (x_train, y_train), (x_test, y_test) = reuters.load_data(
            num_words=num_words, test_split=0.2)
        return (_subsample((x_train, y_train), train_count),
                _subsample((x_test, y_test), test_count))
    train = _generated_documents(train_count or 4000, 46, num_words,
                                 (20, 200), seed=1)
    test = _generated_documents(test_count or 1000, 46, num_words,
                                (20, 200), seed=2)
    return train, test


_WORDS = ('the a one every some old young small large quiet bright '
          'cat dog bird horse river city garden teacher sailor child '
          'sees finds follows watches paints remembers leaves crosses '
          'near under beyond beside through slowly gladly never often').split()


def generated_text(characters, seed=0):
    """English-like text from a tiny grammar, about `characters` long.

    Sentences follow "article adjective noun verb article noun adverb.",
    so a character model has structure (spelling, word order, punctuation)
    to learn.
    """
    rng = np.random.RandomState(seed)
    articles, adjectives = _WORDS[:5], _WORDS[5:11]
    nouns, verbs, adverbs = _WORDS[11:20], _WORDS[20:28], _WORDS[32:]
    sentences, size = [], 0
    while size < characters:
        words = [rng.choice(articles), rng.choice(adjectives),
                 rng.choice(nouns), rng.choice(verbs), rng.choice(articles),
                 rng.choice(nouns), rng.choice(adverbs)]
        sentence = ' '.join(words) + '. '
        sentences.append(sentence)
        size += len(sentence)
    return ''.join(sentences)[:characters]


def check_finite(name, *values):
    """Raises AssertionError unless every value is a finite number."""
    for value in values:
        assert np.all(np.isfinite(value)), '%s is not finite: %r' % (
            name, value)


def check_loss_fell(initial_loss, final_loss, what='training loss'):
    """Raises AssertionError unless `final_loss` is below `initial_loss`."""
    assert final_loss < initial_loss, (
        '%s did not fall: %.4f -> %.4f' % (what, initial_loss, final_loss))


def check_training(model, x_train, y_train, initial_loss, test_loss):
    """The outcome `--quick` runs check: a finite test loss, and a training
    loss below the one measured before training."""
    check_finite('test loss', test_loss)
    final_loss = model.evaluate(x_train, y_train, verbose=0)[0]
    check_loss_fell(initial_loss, final_loss)
