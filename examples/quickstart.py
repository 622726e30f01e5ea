"""keras22 quickstart: build, train, evaluate, save, reload and predict.

The 30-second Keras 2.2 example on generated data: a small classifier of
points by the sign of a linear function, written exactly as for Keras 2.2
(only the import name differs).
"""
import os
import tempfile

import numpy as np

from keras22.layers import Dense, Dropout
from keras22.models import Sequential, load_model


def make_data(n, seed):
    rng = np.random.RandomState(seed)
    x = rng.rand(n, 20).astype('float32') * 2 - 1
    y = (x[:, :10].sum(axis=1) > 0).astype('int32')
    return x, y


def main():
    x_train, y_train = make_data(2000, seed=0)
    x_test, y_test = make_data(500, seed=1)

    model = Sequential()
    model.add(Dense(64, activation='relu', input_dim=20))
    model.add(Dropout(0.5))
    model.add(Dense(64, activation='relu'))
    model.add(Dropout(0.5))
    model.add(Dense(1, activation='sigmoid'))
    model.compile(loss='binary_crossentropy', optimizer='rmsprop',
                  metrics=['accuracy'])
    model.summary()

    history = model.fit(x_train, y_train, epochs=10, batch_size=128,
                        validation_split=0.1, verbose=2)
    loss, acc = model.evaluate(x_test, y_test, batch_size=128, verbose=0)
    print('test loss %.4f, test accuracy %.4f' % (loss, acc))
    print('history keys: %s' % sorted(history.history))

    path = os.path.join(tempfile.mkdtemp(), 'quickstart.h5')
    model.save(path)
    reloaded = load_model(path)
    before = model.predict(x_test[:5])
    after = reloaded.predict(x_test[:5])
    assert np.allclose(before, after, atol=1e-6), 'reloaded model differs'
    print('saved to %s and reloaded: predictions identical' % path)
    print('predicted classes: %s' % reloaded.predict_classes(x_test[:5])
          .ravel().tolist())
    print('true classes:      %s' % y_test[:5].tolist())
    assert acc > 0.8, 'the quickstart model did not learn (accuracy %.3f)' \
        % acc


if __name__ == '__main__':
    main()
