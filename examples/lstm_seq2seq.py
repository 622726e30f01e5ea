"""Character-level sequence-to-sequence translation with LSTMs.

After Sutskever et al., "Sequence to Sequence Learning with Neural
Networks" (2014), and Cho et al. (2014). An encoder LSTM reads the source
sentence character by character and hands over only its final states
(`return_state=True`). A decoder LSTM, started from those states
(`initial_state=...`), learns to predict the target sentence one
character ahead, given the true previous characters ("teacher forcing").

To translate new sentences the same layers are rewired into two models:
the encoder alone, producing the states, and a one-step decoder that
takes characters and states and returns the next character's
probabilities and the new states, called in a loop on its own output
until it writes the end-of-sequence character.

The classic example translates English to French from a file of
sentence pairs (`--data-path`, one tab-separated pair a line, such as
fra.txt from the Tatoeba project). Without one, it learns Pig Latin from
generated English-like phrases ("the cat" -> "ethay atcay"), which works
the same way and needs no download.

Run: `python examples/lstm_seq2seq.py [--quick] [--epochs N]
[--data-path FILE] [--save FILE]`.
"""
from __future__ import print_function

import io
import os
import tempfile

import numpy as np

from keras22.layers import LSTM, Dense, Input
from keras22.models import Model, load_model

import example_data

BATCH_SIZE = 64
LATENT_DIM = 256
NUM_SAMPLES = 10000
START, END = '\t', '\n'


def pig_latin(phrase):
    """Each word with its leading consonants moved to its end plus 'ay'
    ('way' after a vowel)."""
    words = []
    for word in phrase.split():
        cut = next((i for i, c in enumerate(word) if c in 'aeiou'), 0)
        words.append(word + 'way' if cut == 0 else
                     word[cut:] + word[:cut] + 'ay')
    return ' '.join(words)


def generated_pairs(count, seed=0):
    """Distinct (English-like phrase, Pig Latin) pairs of 1-3 words."""
    rng = np.random.RandomState(seed)
    words = example_data.generated_text(4000, seed=seed).replace(
        '.', '').split()
    vocabulary = sorted(set(words))
    pairs, seen = [], set()
    while len(pairs) < count:
        phrase = ' '.join(rng.choice(vocabulary)
                          for _ in range(rng.randint(1, 4)))
        if phrase not in seen:
            seen.add(phrase)
            pairs.append((phrase, pig_latin(phrase)))
    return pairs


def load_pairs(path, count):
    with io.open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    pairs = []
    for line in lines[:count]:
        fields = line.split('\t')
        if len(fields) >= 2:
            pairs.append((fields[0], fields[1]))
    return pairs


def one_hot(texts, index, length):
    data = np.zeros((len(texts), length, len(index)), dtype='float32')
    for i, text in enumerate(texts):
        for t, char in enumerate(text):
            data[i, t, index[char]] = 1.
    return data


def build_models(num_encoder_tokens, num_decoder_tokens, latent_dim):
    """The training model, and the encoder and one-step decoder models that
    share its layers."""
    encoder_inputs = Input(shape=(None, num_encoder_tokens))
    encoder = LSTM(latent_dim, return_state=True)
    # The encoder's outputs are not needed, only its final states.
    _, state_h, state_c = encoder(encoder_inputs)
    encoder_states = [state_h, state_c]

    decoder_inputs = Input(shape=(None, num_decoder_tokens))
    # Full output sequences for training; states for inference.
    decoder_lstm = LSTM(latent_dim, return_sequences=True, return_state=True)
    decoder_outputs, _, _ = decoder_lstm(decoder_inputs,
                                         initial_state=encoder_states)
    decoder_dense = Dense(num_decoder_tokens, activation='softmax')
    decoder_outputs = decoder_dense(decoder_outputs)
    model = Model([encoder_inputs, decoder_inputs], decoder_outputs)

    encoder_model = Model(encoder_inputs, encoder_states)
    state_inputs = [Input(shape=(latent_dim,)), Input(shape=(latent_dim,))]
    step_outputs, step_h, step_c = decoder_lstm(decoder_inputs,
                                                initial_state=state_inputs)
    step_outputs = decoder_dense(step_outputs)
    decoder_model = Model([decoder_inputs] + state_inputs,
                          [step_outputs, step_h, step_c])
    return model, encoder_model, decoder_model


def decode_sequence(input_seq, encoder_model, decoder_model,
                    target_index, max_length):
    """Greedy decoding of one encoded source sentence."""
    states = encoder_model.predict(input_seq)
    reverse_index = dict((i, char) for char, i in target_index.items())
    target_seq = np.zeros((1, 1, len(target_index)), dtype='float32')
    target_seq[0, 0, target_index[START]] = 1.
    decoded = ''
    while True:
        output_tokens, h, c = decoder_model.predict([target_seq] + states)
        char = reverse_index[int(np.argmax(output_tokens[0, -1, :]))]
        if char == END or len(decoded) >= max_length:
            break
        decoded += char
        # The chosen character is the next step's input.
        target_seq = np.zeros((1, 1, len(target_index)), dtype='float32')
        target_seq[0, 0, target_index[char]] = 1.
        states = [h, c]
    return decoded


def _options(parser):
    parser.add_argument('--data-path', default=None,
                        help='tab-separated sentence pairs (default: '
                             'generated Pig Latin)')
    parser.add_argument('--save', default=None,
                        help='where to save the trained model (default '
                             's2s.h5; a temporary file with --quick)')


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=100, extra=_options)
    count = 256 if args.quick else NUM_SAMPLES
    if args.data_path and os.path.exists(args.data_path):
        print('Using the sentence pairs of', args.data_path)
        pairs = load_pairs(args.data_path, count)
    else:
        print('No sentence pairs given: using generated data, English-like '
              'phrases and their Pig Latin')
        pairs = generated_pairs(count)

    input_texts = [source for source, _ in pairs]
    # The start and end characters tell the decoder when to begin and
    # tell us when it is done.
    target_texts = [START + target + END for _, target in pairs]
    input_characters = sorted(set(''.join(input_texts)))
    target_characters = sorted(set(''.join(target_texts)))
    max_encoder_seq_length = max(len(t) for t in input_texts)
    max_decoder_seq_length = max(len(t) for t in target_texts)
    print('Number of samples:', len(input_texts))
    print('Number of unique input tokens:', len(input_characters))
    print('Number of unique output tokens:', len(target_characters))
    print('Max sequence length for inputs:', max_encoder_seq_length)
    print('Max sequence length for outputs:', max_decoder_seq_length)

    input_index = dict((c, i) for i, c in enumerate(input_characters))
    target_index = dict((c, i) for i, c in enumerate(target_characters))
    encoder_input_data = one_hot(input_texts, input_index,
                                 max_encoder_seq_length)
    decoder_input_data = one_hot(target_texts, target_index,
                                 max_decoder_seq_length)
    # The targets are the decoder's inputs one step ahead.
    decoder_target_data = np.zeros_like(decoder_input_data)
    decoder_target_data[:, :-1] = decoder_input_data[:, 1:]

    model, encoder_model, decoder_model = build_models(
        len(input_characters), len(target_characters), LATENT_DIM)
    model.compile(optimizer='rmsprop', loss='categorical_crossentropy')
    inputs = [encoder_input_data, decoder_input_data]
    initial_loss = model.evaluate(inputs, decoder_target_data, verbose=0)
    model.fit(inputs, decoder_target_data, batch_size=BATCH_SIZE,
              epochs=args.epochs, validation_split=0.2, verbose=2)
    final_loss = model.evaluate(inputs, decoder_target_data, verbose=0)

    path = args.save or (os.path.join(tempfile.mkdtemp(), 's2s.h5')
                         if args.quick else 's2s.h5')
    model.save(path)
    print('Saved the model to', path)

    decoded = []
    for seq_index in range(2 if args.quick else 10):
        sentence = decode_sequence(
            encoder_input_data[seq_index:seq_index + 1], encoder_model,
            decoder_model, target_index, max_decoder_seq_length)
        decoded.append(sentence)
        print('-')
        print('Input sentence:', input_texts[seq_index])
        print('Decoded sentence:', sentence)
    print('Result: loss %.4f -> %.4f' % (initial_loss, final_loss))

    if args.quick:
        example_data.check_finite('loss', final_loss)
        assert final_loss < initial_loss, (initial_loss, final_loss)
        assert all(len(s) <= max_decoder_seq_length and
                   set(s) <= set(target_characters) for s in decoded)
        reloaded = load_model(path)
        sample = [encoder_input_data[:3], decoder_input_data[:3]]
        assert np.allclose(reloaded.predict(sample), model.predict(sample),
                           atol=1e-5), 'the saved model predicts differently'
    return {'initial_loss': initial_loss, 'loss': final_loss}


if __name__ == '__main__':
    main()
