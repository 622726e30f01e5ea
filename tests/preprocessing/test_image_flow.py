"""ImageDataGenerator.flow and NumpyArrayIterator."""
import os
import threading

import numpy as np
import pytest

from keras22.preprocessing import image
from keras22.utils.data_utils import Sequence


def numbered_images(n=8, size=2, channels=3):
    """Image i is filled with the value i, so batches show their order."""
    return np.arange(n, dtype='float32').reshape(n, 1, 1, 1) * \
        np.ones((1, size, size, channels), dtype='float32')


def ids(batch_x):
    return [int(v) for v in batch_x[:, 0, 0, 0]]


def test_flow_batches_in_order_without_shuffle():
    x = numbered_images(5)
    y = np.arange(5) * 10
    it = image.ImageDataGenerator().flow(x, y, batch_size=2, shuffle=False)
    assert isinstance(it, image.Iterator) and isinstance(it, Sequence)
    assert len(it) == 3
    batch_x, batch_y = it[0]
    assert batch_x.shape == (2, 2, 2, 3) and batch_x.dtype == np.float32
    assert ids(batch_x) == [0, 1]
    np.testing.assert_array_equal(batch_y, [0, 10])
    assert ids(it[2][0]) == [4]
    assert [ids(next(it)[0]) for _ in range(4)] == [[0, 1], [2, 3], [4],
                                                     [0, 1]]
    with pytest.raises(ValueError, match='batch 3'):
        it[3]


def test_flow_without_y_and_with_sample_weight():
    x = numbered_images(4)
    gen = image.ImageDataGenerator()
    only_x = gen.flow(x, batch_size=4, shuffle=False)[0]
    assert isinstance(only_x, np.ndarray) and ids(only_x) == [0, 1, 2, 3]
    bx, by, bw = gen.flow(x, np.arange(4), sample_weight=np.arange(4) / 4.,
                          batch_size=2, shuffle=False)[1]
    assert ids(bx) == [2, 3]
    np.testing.assert_array_equal(bw, [0.5, 0.75])


def test_flow_passes_extra_inputs_through():
    x = numbered_images(4)
    extra = np.arange(4) + 100
    inputs, labels = image.ImageDataGenerator().flow(
        (x, extra), np.arange(4), batch_size=3, shuffle=False)[0]
    assert isinstance(inputs, list) and len(inputs) == 2
    assert ids(inputs[0]) == [0, 1, 2]
    np.testing.assert_array_equal(inputs[1], [100, 101, 102])
    # Keras 2.2's wording, which legacy callers match.
    with pytest.raises(ValueError, match='All of the arrays in `x` should '
                                         'have the same length'):
        image.ImageDataGenerator().flow((x, extra[:2]))


def test_flow_shuffles_each_epoch_and_covers_every_sample():
    it = image.ImageDataGenerator().flow(numbered_images(6), batch_size=4,
                                         seed=3)
    epoch = ids(it[0]) + ids(it[1])
    assert sorted(epoch) == list(range(6))
    assert epoch != list(range(6))
    again = image.ImageDataGenerator().flow(numbered_images(6), batch_size=4,
                                            seed=3)
    assert ids(again[0]) + ids(again[1]) == epoch


def test_flow_with_seed_replays_augmentations():
    x = np.random.uniform(size=(4, 5, 5, 3)).astype('float32')
    gen = image.ImageDataGenerator(horizontal_flip=True,
                                   channel_shift_range=0.3)
    first = gen.flow(x, batch_size=4, seed=11)
    second = gen.flow(x, batch_size=4, seed=11)
    np.testing.assert_array_equal(next(first), next(second))
    np.testing.assert_array_equal(next(first), next(second))


def test_next_is_thread_safe():
    it = image.ImageDataGenerator().flow(numbered_images(8), batch_size=1,
                                         shuffle=False)
    seen = []
    lock = threading.Lock()

    def worker():
        for _ in range(4):
            batch = next(it)
            with lock:
                seen.extend(ids(batch))

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(seen) == list(range(8))


def test_flow_subsets_take_first_fraction_for_validation():
    x = numbered_images(8)
    y = np.array([0, 1] * 4)
    gen = image.ImageDataGenerator(validation_split=0.25)
    val = gen.flow(x, y, batch_size=8, shuffle=False, subset='validation')
    train = gen.flow(x, y, batch_size=8, shuffle=False, subset='training')
    assert ids(val[0][0]) == [0, 1]
    assert ids(train[0][0]) == [2, 3, 4, 5, 6, 7]
    with pytest.raises(ValueError, match='different sets of labels'):
        gen.flow(x, np.sort(y), subset='training')
    with pytest.raises(ValueError, match='subset'):
        gen.flow(x, y, subset='test')
    with pytest.raises(ValueError, match='validation_split'):
        image.ImageDataGenerator().flow(x, y, subset='validation')


def test_flow_argument_errors():
    gen = image.ImageDataGenerator()
    with pytest.raises(ValueError, match='rank 4'):
        gen.flow(np.zeros((2, 3, 3)))
    with pytest.raises(ValueError, match=r'`x` \(images tensor\) and `y` '
                                         r'\(labels\) should have the same'):
        gen.flow(numbered_images(3), np.arange(2))
    with pytest.raises(ValueError, match='sample_weight'):
        gen.flow(numbered_images(3), np.arange(3), sample_weight=[1.])
    with pytest.raises(ValueError, match='batch_size'):
        gen.flow(numbered_images(3), batch_size=0)
    with pytest.warns(UserWarning, match='channels'):
        gen.flow(np.zeros((2, 3, 3, 7)))


def test_empty_iterator_next_raises_clearly():
    it = image.ImageDataGenerator().flow(np.zeros((0, 2, 2, 1)))
    assert len(it) == 0
    with pytest.raises(ValueError, match='no samples'):
        next(it)


def test_flow_channels_first_and_dtype():
    x = np.random.uniform(size=(3, 1, 4, 5))
    gen = image.ImageDataGenerator(data_format='channels_first',
                                   vertical_flip=True, dtype='float64')
    batch = gen.flow(x, batch_size=3, shuffle=False, seed=0)[0]
    assert batch.shape == (3, 1, 4, 5) and batch.dtype == np.float64
    for got, original in zip(batch, x):
        assert np.allclose(got, original) or \
            np.allclose(got, original[:, ::-1])


def test_flow_save_to_dir(tmp_path):
    pytest.importorskip('PIL')
    x = np.random.uniform(0, 255, size=(3, 4, 4, 3))
    it = image.ImageDataGenerator().flow(
        x, batch_size=2, shuffle=False, save_to_dir=str(tmp_path),
        save_prefix='aug', save_format='png')
    it[0]
    names = sorted(os.listdir(str(tmp_path)))
    assert len(names) == 2
    assert [n.split('_')[:2] for n in names] == [['aug', '0'], ['aug', '1']]
    assert all(n.endswith('.png') for n in names)
    saved = image.img_to_array(image.load_img(str(tmp_path / names[0])))
    assert saved.shape == (4, 4, 3)
