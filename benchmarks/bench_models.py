"""Speed of keras22 against tf_keras and a hand-written tf.function loop.

Trains the shapes of the classic Keras examples (mnist_mlp, mnist_cnn,
imdb_lstm) on generated data and reports steady-state samples per second of
`fit` and of `predict`. The same model is built with each library from one
builder (keras22 and tf_keras share the Keras 2 API); the hand-written loop
runs a `tf.function` training step over the tf_keras model, as a custom
training loop would. Warm-up epochs (tracing, graph building) are not
timed; each figure is the best of `--repeats` timed runs.

Usage:
    python benchmarks/bench_models.py [--workloads mnist_mlp,...]
                                      [--repeats 3] [--quick]
"""
import argparse
import os
import sys
import time

os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402


def mnist_mlp(lib):
    model = lib.models.Sequential()
    model.add(lib.layers.Dense(512, activation='relu', input_shape=(784,)))
    model.add(lib.layers.Dropout(0.2))
    model.add(lib.layers.Dense(512, activation='relu'))
    model.add(lib.layers.Dropout(0.2))
    model.add(lib.layers.Dense(10, activation='softmax'))
    model.compile(loss='categorical_crossentropy', optimizer='rmsprop',
                  metrics=['accuracy'])
    return model


def mnist_cnn(lib):
    layers = lib.layers
    model = lib.models.Sequential()
    model.add(layers.Conv2D(32, kernel_size=(3, 3), activation='relu',
                            input_shape=(28, 28, 1)))
    model.add(layers.Conv2D(64, (3, 3), activation='relu'))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(128, activation='relu'))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(10, activation='softmax'))
    model.compile(loss='categorical_crossentropy', optimizer='adadelta',
                  metrics=['accuracy'])
    return model


def imdb_lstm(lib):
    layers = lib.layers
    model = lib.models.Sequential()
    model.add(layers.Embedding(20000, 128, input_length=80))
    model.add(layers.LSTM(128, dropout=0.2, recurrent_dropout=0.2))
    model.add(layers.Dense(1, activation='sigmoid'))
    model.compile(loss='binary_crossentropy', optimizer='adam',
                  metrics=['accuracy'])
    return model


def mnist_data(n, conv=False):
    rng = np.random.RandomState(0)
    shape = (n, 28, 28, 1) if conv else (n, 784)
    x = rng.rand(*shape).astype('float32')
    y = np.eye(10, dtype='float32')[rng.randint(0, 10, n)]
    return x, y


def imdb_data(n):
    rng = np.random.RandomState(0)
    x = rng.randint(1, 20000, size=(n, 80)).astype('int32')
    y = rng.randint(0, 2, size=(n, 1)).astype('float32')
    return x, y


# name -> (builder, data function, batch size, samples)
WORKLOADS = {
    'mnist_mlp': (mnist_mlp, lambda n: mnist_data(n), 128, 12800),
    'mnist_mlp_b16': (mnist_mlp, lambda n: mnist_data(n), 16, 3200),
    'mnist_cnn': (mnist_cnn, lambda n: mnist_data(n, conv=True), 128, 1280),
    'imdb_lstm': (imdb_lstm, imdb_data, 32, 640),
    'imdb_lstm_b16': (imdb_lstm, imdb_data, 16, 320),
}


def best_of(repeats, fn):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_library(lib, workload, repeats):
    builder, data_fn, batch, n = WORKLOADS[workload]
    x, y = data_fn(n)
    model = builder(lib)
    model.fit(x[:batch * 2], y[:batch * 2], batch_size=batch, epochs=1,
              verbose=0)
    model.predict(x[:batch * 2], batch_size=batch, verbose=0)
    fit_time = best_of(repeats, lambda: model.fit(
        x, y, batch_size=batch, epochs=1, verbose=0))
    predict_time = best_of(repeats, lambda: model.predict(
        x, batch_size=batch, verbose=0))
    return n / fit_time, n / predict_time


def bench_handwritten(tf_keras, workload, repeats):
    """A custom training loop: tf.function step, Python loop over batches."""
    builder, data_fn, batch, n = WORKLOADS[workload]
    x, y = data_fn(n)
    model = builder(tf_keras)
    loss_fn = model.loss if callable(model.loss) else \
        tf_keras.losses.get(model.loss)
    optimizer = model.optimizer

    @tf.function
    def train_step(xb, yb):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(loss_fn(yb, model(xb, training=True)))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    @tf.function
    def predict_step(xb):
        return model(xb, training=False)

    batches = [(tf.constant(x[i:i + batch]), tf.constant(y[i:i + batch]))
               for i in range(0, n, batch)]
    for xb, yb in batches[:2] + batches[-1:]:
        train_step(xb, yb)
        predict_step(xb)

    def epoch():
        for xb, yb in batches:
            train_step(xb, yb)

    def predict():
        for xb, _ in batches:
            predict_step(xb).numpy()

    return n / best_of(repeats, epoch), n / best_of(repeats, predict)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--workloads', default=','.join(WORKLOADS))
    parser.add_argument('--repeats', type=int, default=3)
    parser.add_argument('--quick', action='store_true',
                        help='one timed run per figure')
    args = parser.parse_args(argv)
    repeats = 1 if args.quick else args.repeats
    import keras22
    try:
        import tf_keras
    except ImportError:
        tf_keras = None
        print('tf_keras is not installed: only keras22 is measured '
              '(pip install -e ".[tests]").')
    header = ('%-14s %8s %12s %12s %12s %8s %8s'
              % ('workload', 'phase', 'keras22', 'tf_keras', 'tf.function',
                 'vs tfk', 'vs loop'))
    print(header)
    print('-' * len(header))
    for workload in args.workloads.split(','):
        ours = bench_library(keras22, workload, repeats)
        theirs = loop = (float('nan'), float('nan'))
        if tf_keras is not None:
            theirs = bench_library(tf_keras, workload, repeats)
            loop = bench_handwritten(tf_keras, workload, repeats)
        for i, phase in enumerate(('fit', 'predict')):
            print('%-14s %8s %12.0f %12.0f %12.0f %7.2fx %7.2fx'
                  % (workload, phase, ours[i], theirs[i], loop[i],
                     ours[i] / theirs[i], ours[i] / loop[i]))
        sys.stdout.flush()
    print('(samples/s, higher is better; ratios are keras22 / other)')


if __name__ == '__main__':
    main()
