"""Character-level text generation with an LSTM.

The model reads 40 characters and predicts the next one; after each epoch
a `LambdaCallback` prints text generated from a random seed sentence at
several sampling temperatures (low: safe and repetitive, high: inventive
and misspelt). With Nietzsche's writings (`nietzsche.txt` in the Keras
dataset cache) the text starts to look like English after about 20
epochs; without it, the example writes its own text from a small grammar,
which it learns much faster.

Run: `python examples/lstm_text_generation.py [--quick] [--epochs N]
[--generated]`.
"""
from __future__ import print_function

import io
import sys

import numpy as np

from keras22.callbacks import LambdaCallback
from keras22.layers import LSTM, Dense
from keras22.models import Sequential
from keras22.optimizers import RMSprop

import example_data

MAXLEN = 40
STEP = 3
BATCH_SIZE = 128
DIVERSITIES = (0.2, 0.5, 1.0, 1.2)


def load_text(quick, generated):
    path = None if generated else example_data.cached_dataset(
        'nietzsche.txt')
    if path:
        print('Using the text cached at', path)
        with io.open(path, encoding='utf-8') as f:
            text = f.read().lower()
        return text[:20000] if quick else text
    print('nietzsche.txt is not cached (or --generated was given): using '
          'generated data, sentences of a small grammar')
    return example_data.generated_text(3000 if quick else 100000)


def vectorize(text, char_indices):
    """Overlapping windows of MAXLEN characters, every STEP characters,
    one-hot encoded, with the character following each."""
    sentences, next_chars = [], []
    for i in range(0, len(text) - MAXLEN, STEP):
        sentences.append(text[i:i + MAXLEN])
        next_chars.append(text[i + MAXLEN])
    x = np.zeros((len(sentences), MAXLEN, len(char_indices)), dtype=bool)
    y = np.zeros((len(sentences), len(char_indices)), dtype=bool)
    for i, sentence in enumerate(sentences):
        for t, char in enumerate(sentence):
            x[i, t, char_indices[char]] = 1
        y[i, char_indices[next_chars[i]]] = 1
    return x, y


def sample(preds, temperature=1.0):
    """An index drawn from `preds` sharpened (temperature < 1) or flattened
    (temperature > 1)."""
    preds = np.asarray(preds).astype('float64')
    preds = np.log(preds + 1e-12) / temperature
    exp_preds = np.exp(preds - preds.max())
    probabilities = exp_preds / np.sum(exp_preds)
    return int(np.argmax(np.random.multinomial(1, probabilities, 1)))


def generate(model, text, chars, char_indices, length, diversity, start):
    """`length` characters continuing the MAXLEN characters at `start`."""
    sentence = text[start:start + MAXLEN]
    generated = []
    for _ in range(length):
        x_pred = np.zeros((1, MAXLEN, len(chars)))
        for t, char in enumerate(sentence):
            x_pred[0, t, char_indices[char]] = 1.
        preds = model.predict(x_pred, verbose=0)[0]
        next_char = chars[sample(preds, diversity)]
        generated.append(next_char)
        sentence = sentence[1:] + next_char
    return ''.join(generated)


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=60)
    text = load_text(args.quick, args.generated)
    print('corpus length:', len(text))
    chars = sorted(set(text))
    print('total chars:', len(chars))
    char_indices = dict((c, i) for i, c in enumerate(chars))
    x, y = vectorize(text, char_indices)
    print('nb sequences:', len(x))

    model = Sequential()
    model.add(LSTM(128, input_shape=(MAXLEN, len(chars))))
    model.add(Dense(len(chars), activation='softmax'))
    model.compile(loss='categorical_crossentropy',
                  optimizer=RMSprop(lr=0.01))

    length = 20 if args.quick else 400
    samples = []

    def on_epoch_end(epoch, logs):
        print('\n----- Generating text after epoch %d' % (epoch + 1))
        start = np.random.randint(0, len(text) - MAXLEN - 1)
        print('----- Generating with seed: "%s"' % text[start:start + MAXLEN])
        for diversity in DIVERSITIES:
            continuation = generate(model, text, chars, char_indices, length,
                                    diversity, start)
            samples.append(continuation)
            print('----- diversity: %.1f' % diversity)
            sys.stdout.write(text[start:start + MAXLEN] + continuation + '\n')
        sys.stdout.flush()

    initial_loss = model.evaluate(x, y, verbose=0)
    history = model.fit(x, y, batch_size=BATCH_SIZE, epochs=args.epochs,
                        verbose=2,
                        callbacks=[LambdaCallback(on_epoch_end=on_epoch_end)])
    final_loss = model.evaluate(x, y, verbose=0)
    print('Result: loss %.4f -> %.4f after %d epochs'
          % (initial_loss, final_loss, len(history.history['loss'])))

    if args.quick:
        example_data.check_finite('loss', final_loss)
        example_data.check_loss_fell(initial_loss, final_loss, 'the loss')
        assert len(samples) == len(DIVERSITIES) * args.epochs
        assert all(len(s) == length and set(s) <= set(chars)
                   for s in samples), samples
    return {'initial_loss': initial_loss, 'loss': final_loss}


if __name__ == '__main__':
    main()
