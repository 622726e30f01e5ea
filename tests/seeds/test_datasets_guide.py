"""Seed 001, #24 "常用数据集": the dataset loaders, offline.

The `offline_datasets` fixture (conftest.py) puts small files in the real
formats under `$KERAS_HOME/datasets` and blocks the network; the loaders'
`get_file` is called without the real files' hash. The example code is
unchanged apart from `keras` -> `keras22`. The shapes and dtypes asserted
are those the page states, except where Keras 2.2.4 differed (CIFAR labels
have shape (num_samples, 1), not (num_samples,))."""
import numpy as np

from _seedutil import DATASET_SIZES

N_TRAIN, N_TEST = DATASET_SIZES['train'], DATASET_SIZES['test']


def test_cifar10(offline_datasets):
    from keras22.datasets import cifar10

    (x_train, y_train), (x_test, y_test) = cifar10.load_data()

    assert x_train.shape == (5 * 2, 32, 32, 3) and x_train.dtype == np.uint8
    assert x_test.shape == (N_TEST, 32, 32, 3) and x_test.dtype == np.uint8
    assert y_train.shape == (10, 1) and y_test.shape == (N_TEST, 1)
    assert y_train.max() <= 9 and y_train.dtype == np.uint8


def test_cifar100(offline_datasets):
    from keras22.datasets import cifar100

    (x_train, y_train), (x_test, y_test) = cifar100.load_data(label_mode='fine')

    assert x_train.shape == (N_TRAIN, 32, 32, 3) and x_train.dtype == np.uint8
    assert x_test.shape == (N_TEST, 32, 32, 3)
    assert y_train.shape == (N_TRAIN, 1) and y_train.max() < 100
    (_, coarse), _ = cifar100.load_data(label_mode='coarse')
    assert coarse.max() < 20


def test_imdb(offline_datasets):
    from keras22.datasets import imdb

    (x_train, y_train), (x_test, y_test) = imdb.load_data(path="imdb.npz",
                                                          num_words=None,
                                                          skip_top=0,
                                                          maxlen=None,
                                                          seed=113,
                                                          start_char=1,
                                                          oov_char=2,
                                                          index_from=3)

    assert len(x_train) == len(y_train) == N_TRAIN
    assert len(x_test) == len(y_test) == N_TEST
    # Sequences start with start_char; word indices are shifted by
    # index_from. (With num_words=None, Keras 2.2.4 also turned the highest
    # index into oov_char, 2.)
    assert all(seq[0] == 1 and all(w >= 1 + 3 or w == 2 for w in seq[1:])
               for seq in x_train)
    assert max(max(seq) for seq in x_train) >= 4
    assert set(np.unique(y_train)) <= {0, 1}


def test_reuters(offline_datasets):
    from keras22.datasets import reuters

    (x_train, y_train), (x_test, y_test) = reuters.load_data(path="reuters.npz",
                                                             num_words=None,
                                                             skip_top=0,
                                                             maxlen=None,
                                                             test_split=0.2,
                                                             seed=113,
                                                             start_char=1,
                                                             oov_char=2,
                                                             index_from=3)

    total = N_TRAIN + N_TEST
    assert len(x_train) == int(total * (1 - 0.2)) and \
        len(x_train) + len(x_test) == total
    assert all(seq[0] == 1 for seq in x_train)

    word_index = reuters.get_word_index(path="reuters_word_index.json")

    assert word_index["giraffe"] == 1234


def test_mnist(offline_datasets):
    from keras22.datasets import mnist

    (x_train, y_train), (x_test, y_test) = mnist.load_data()

    assert x_train.shape == (N_TRAIN, 28, 28) and x_train.dtype == np.uint8
    assert x_test.shape == (N_TEST, 28, 28)
    assert y_train.shape == (N_TRAIN,) and y_train.dtype == np.uint8


def test_fashion_mnist(offline_datasets):
    from keras22.datasets import fashion_mnist

    (x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()

    assert x_train.shape == (N_TRAIN, 28, 28) and x_train.dtype == np.uint8
    assert x_test.shape == (N_TEST, 28, 28)
    assert y_train.shape == (N_TRAIN,) and y_test.shape == (N_TEST,)
    assert y_train.max() <= 9


def test_boston_housing(offline_datasets):
    from keras22.datasets import boston_housing

    (x_train, y_train), (x_test, y_test) = boston_housing.load_data()

    total = N_TRAIN + N_TEST
    assert x_train.shape[1:] == (13,) and len(x_train) + len(x_test) == total
    assert len(x_test) == total - int(total * (1 - 0.2))
    assert y_train.shape == (len(x_train),)
