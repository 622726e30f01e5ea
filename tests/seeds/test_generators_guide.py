"""The `fit_generator` examples: seed 000 (数据生成器 Example 1 and 2, and
the Model API's 例), seed 002 and 003 (Sequential API 例子), seed 004
(fit_generator) and seed 001 #18 (Keras 1 arguments `samples_per_epoch`,
`nb_epoch`).

Seed 004's `generate_arrays_from_file` is runnable as written; seeds 000,
002 and 003 print the same function with broken indentation (an
IndentationError in any Python, see inventory.md), so this test covers
them. `process_line` (undefined on every page) parses a line of numbers;
the file the pages read, '/my_file.txt', is a small file in tmp_path;
`steps_per_epoch=10000, epochs=10` become a few steps and one epoch."""
import numpy as np

from _seedutil import needs


def _write_lines(path, rows=8):
    rng = np.random.RandomState(0)
    with open(str(path), 'w') as f:
        for _ in range(rows):
            f.write(' '.join('%.4f' % v for v in rng.rand(3 + 2 + 1)) + '\n')
    return str(path)


def _process_line(line):
    values = np.array([float(v) for v in line.split()])
    return values[None, :3], values[None, 3:5], values[None, 5:]


def _two_input_model():
    from keras22.layers import Input, Dense, concatenate
    from keras22.models import Model
    a = Input(shape=(3,), name='input_1')
    b = Input(shape=(2,), name='input_2')
    out = Dense(1, name='output')(concatenate([a, b]))
    model = Model([a, b], out)
    model.compile(optimizer='sgd', loss='mse')
    return model


def test_generate_arrays_from_file(tmp_path):
    model = _two_input_model()
    process_line = _process_line
    my_file = _write_lines(tmp_path / 'my_file.txt')
    opened = []

    def open(path):  # noqa: A001 - counts the passes over the file
        import builtins
        opened.append(path)
        return builtins.open(path)

    def generate_arrays_from_file(path):
        while 1:
            f = open(path)

            for line in f:
                # 从文件中的每一行生成输入数据和标签的numpy数组
                x1, x2, y = process_line(line)
                yield ({'input_1': x1, 'input_2': x2}, {'output': y})

            f.close()

    history = model.fit_generator(generate_arrays_from_file(my_file), steps_per_epoch=12, epochs=1)

    assert list(history.history) == ['loss']
    assert len(opened) >= 2  # 12 one-line batches: the file is read twice


def test_generate_arrays_from_file_keras1_arguments(tmp_path):
    # seed 001 #18: one input, Keras 1's samples_per_epoch/nb_epoch.
    from keras22.models import Sequential
    from keras22.layers import Dense
    model = Sequential([Dense(1, input_dim=5)])
    model.compile(optimizer='sgd', loss='mse')
    my_file = _write_lines(tmp_path / 'my_file.txt')

    def process_line(line):
        values = np.array([float(v) for v in line.split()])
        return values[None, :5], values[None, 5:]

    def generate_arrays_from_file(path):
        while 1:
            f = open(path)
            for line in f:
                # create numpy arrays of input data
                # and labels, from each line in the file
                x, y = process_line(line)
                yield (x, y)
            f.close()

    history = model.fit_generator(generate_arrays_from_file(my_file),
            samples_per_epoch=4, nb_epoch=2)

    # Keras 2.2 took samples_per_epoch as the number of steps (with a
    # warning) and nb_epoch as epochs.
    assert history.epoch == [0, 1]
    assert list(history.history) == ['loss']


@needs('conv')
def test_random_batch_generator():
    # seed 000 "Example 1"; `random` is NumPy's (random.choice(n, 1)),
    # `some_processing` is left to the reader: the identity here.
    from numpy import random
    import numpy as np

    def some_processing(x):
        return x

    features = np.random.random((100, 64, 64, 3))
    labels = np.random.randint(2, size=(100, 1))

    def generator(features, labels, batch_size):
     # Create empty arrays to contain batch of features and labels#
     batch_features = np.zeros((batch_size, 64, 64, 3))
     batch_labels = np.zeros((batch_size,1))
     while True:
       for i in range(batch_size):
         # choose random index in features
         index= random.choice(len(features),1)
         batch_features[i] = some_processing(features[index])
         batch_labels[i] = labels[index]
       yield batch_features, batch_labels

    # "if we define batch_size = 10 ... until an epoch hits 50 sample limit"
    from keras22.models import Sequential
    from keras22.layers import Conv2D, Flatten, Dense
    model = Sequential([Conv2D(2, (3, 3), strides=(4, 4),
                               input_shape=(64, 64, 3)),
                        Flatten(), Dense(1, activation='sigmoid')])
    model.compile(optimizer='sgd', loss='binary_crossentropy',
                  metrics=['accuracy'])
    batch_size = 10
    history = model.fit_generator(generator(features, labels, batch_size),
                                  steps_per_epoch=5, epochs=2)

    assert sorted(history.history) == ['acc', 'loss']
    assert len(history.history['loss']) == 2
    batch_x, batch_y = next(generator(features, labels, batch_size))
    assert batch_x.shape == (10, 64, 64, 3) and batch_y.shape == (10, 1)
    assert np.ndim(model.evaluate_generator(
        generator(features, labels, batch_size), steps=2)) == 1
    assert model.predict_generator(
        (b[0] for b in generator(features, labels, batch_size)),
        steps=2).shape == (20, 1)
