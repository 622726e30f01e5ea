"""Stateful versus stateless LSTMs on a moving average.

The input is white noise; the target at each step is the mean of the
current and previous input (a moving average over `TSTEPS` = 2 steps).
Each training sample shows the model only `LAHEAD` = 1 input, so a model
must remember the previous sample to get the target right:

* a stateful LSTM (`stateful=True`, fixed `batch_size`) carries its states
  from one batch to the next, so with the samples fed in order
  (`shuffle=False`) and the states reset between passes over the series,
  it can learn the average;
* a stateless LSTM starts from zero states for every sample and cannot
  do better than predicting half the current input.

The example trains both and prints their test errors. With `--lahead 2`
both models see enough input and perform alike.

Run: `python examples/stateful_lstm.py [--quick] [--epochs N] [--lahead N]`.
"""
from __future__ import print_function

import numpy as np

from keras22 import backend as K
from keras22.layers import LSTM, Dense
from keras22.models import Sequential

import example_data

INPUT_LEN = 1000
TSTEPS = 2
BATCH_SIZE = 1


def make_series(length, lahead, seed=0):
    """Windows of `lahead` noise values and the moving average target."""
    # Samples near the start lack enough history for the window and the
    # average; dropping them keeps every target well defined.
    to_drop = max(TSTEPS - 1, lahead - 1)
    noise = np.random.RandomState(seed).uniform(
        -0.1, 0.1, size=length + to_drop).astype('float32')
    average = np.convolve(noise, np.ones(TSTEPS) / TSTEPS, mode='valid')
    average = average[len(average) - length:]
    windows = np.stack([noise[i:i + length]
                        for i in range(to_drop + 1 - lahead, to_drop + 1)],
                       axis=1)
    return windows[..., None], average.reshape(-1, 1)


def build_model(stateful, lahead):
    model = Sequential()
    # A stateful layer needs the batch size up front: each sample of a
    # batch continues the sample at the same position of the last batch.
    model.add(LSTM(20, input_shape=(lahead, 1), batch_size=BATCH_SIZE,
                   stateful=stateful))
    model.add(Dense(1))
    model.compile(loss='mse', optimizer='adam')
    return model


def _options(parser):
    parser.add_argument('--lahead', type=int, default=1,
                        help='input steps per sample (default 1)')


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=10, extra=_options)
    length = 200 if args.quick else INPUT_LEN
    print('Synthetic data: white noise and its moving average (no dataset '
          'is involved, so this always uses generated data)')
    x, y = make_series(length, args.lahead)
    split = int(0.8 * length)
    x_train, y_train = x[:split], y[:split]
    x_test, y_test = x[split:], y[split:]
    print('Input shape:', x.shape, ' Output shape:', y.shape)

    print('Training the stateful model')
    stateful = build_model(True, args.lahead)
    for epoch in range(args.epochs):
        print('Epoch', epoch + 1, '/', args.epochs)
        # One pass over the series in order, then forget it before the
        # next pass starts from its beginning again.
        stateful.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=1,
                     verbose=2, validation_data=(x_test, y_test),
                     shuffle=False)
        stateful.reset_states()
    # The test series continues the training series, so the states reached
    # at the end of the training part are the right ones to start from.
    stateful.predict(x_train, batch_size=BATCH_SIZE)
    predicted_stateful = stateful.predict(x_test, batch_size=BATCH_SIZE)

    print('Training the stateless model')
    stateless = build_model(False, args.lahead)
    stateless.fit(x_train, y_train, batch_size=BATCH_SIZE,
                  epochs=args.epochs, verbose=2,
                  validation_data=(x_test, y_test), shuffle=False)
    predicted_stateless = stateless.predict(x_test, batch_size=BATCH_SIZE)

    error_stateful = float(np.mean((predicted_stateful - y_test) ** 2))
    error_stateless = float(np.mean((predicted_stateless - y_test) ** 2))
    print('Result: test MSE stateful %.6f, stateless %.6f'
          % (error_stateful, error_stateless))

    if args.quick:
        example_data.check_finite('test errors', error_stateful,
                                  error_stateless)
        # State survives between calls: the same input gives different
        # outputs until the states are reset.
        stateful.reset_states()
        first = stateful.predict(x_test[:1])
        second = stateful.predict(x_test[:1])
        assert not np.allclose(first, second), 'the LSTM kept no state'
        stateful.reset_states()
        assert np.allclose(stateful.predict(x_test[:1]), first)
        states = [K.get_value(s) for s in stateful.layers[0].states]
        assert all(np.any(s != 0) for s in states)
    return {'mse_stateful': error_stateful, 'mse_stateless': error_stateless}


if __name__ == '__main__':
    main()
