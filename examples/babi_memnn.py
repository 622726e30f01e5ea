"""An end-to-end memory network answering bAbI questions.

After Sukhbaatar et al., "End-To-End Memory Networks" (2015), on task 1
of Weston et al.'s bAbI tasks ("Towards AI-Complete Question Answering",
2015): a short story of people moving between rooms, then "Where is
Mary?". The story's words are embedded twice, as memory keys and as
memory values; the question's embedding is matched against every key
(`dot`), the softmax of the matches weights the values (`add`, `Permute`),
and an LSTM over the result and the question picks the answer word. On
the real 10k-example task it reaches about 0.98 test accuracy after 120
epochs.

The real task is read from `babi-tasks-v1-2.tar.gz` in the Keras dataset
cache if present; otherwise stories of the same kind are generated in
the same text format and go through the same parser.

Run: `python examples/babi_memnn.py [--quick] [--epochs N] [--generated]`.
"""
from __future__ import print_function

import re
import tarfile

import numpy as np

from keras22.layers import (LSTM, Activation, Dense, Dropout, Embedding,
                            Input, Permute, add, concatenate, dot)
from keras22.models import Model, Sequential
from keras22.preprocessing.sequence import pad_sequences

import example_data

ARCHIVE = 'babi-tasks-v1-2.tar.gz'
CHALLENGE = 'tasks_1-20_v1-2/en-10k/qa1_single-supporting-fact_{}.txt'

PEOPLE = ['Mary', 'John', 'Daniel', 'Sandra']
VERBS = ['moved', 'went', 'journeyed', 'travelled']
PLACES = ['bathroom', 'hallway', 'garden', 'office', 'bedroom', 'kitchen']


def tokenize(sentence):
    """Words and punctuation marks: 'Where is Mary?' -> [Where, is, Mary,
    ?]."""
    return [token.strip() for token in re.split(r'(\W+)', sentence)
            if token.strip()]


def parse_stories(lines):
    """(story words, question words, answer) triples from bAbI lines.

    Lines are numbered within a story, restarting at 1 for a new story; a
    question line holds the question, a tab, the answer, a tab and the
    numbers of the supporting facts. The story of a question is every
    statement before it.
    """
    data, story = [], []
    for line in lines:
        if isinstance(line, bytes):
            line = line.decode('utf-8')
        line = line.strip()
        if not line:
            continue
        number, line = line.split(' ', 1)
        if int(number) == 1:
            story = []
        if '\t' in line:
            question, answer, _ = line.split('\t')
            words = [word for sentence in story for word in sentence]
            data.append((words, tokenize(question), answer))
        else:
            story.append(tokenize(line))
    return data


def generated_lines(count, seed):
    """`count` bAbI-style task 1 stories, as the lines of a task file.

    Like the real task, each story has up to five pairs of moves, each pair
    followed by a question about someone who has moved.
    """
    rng = np.random.RandomState(seed)
    lines = []
    for _ in range(count):
        where, number = {}, 1
        for _ in range(rng.randint(1, 6)):
            for _ in range(2):
                person = rng.choice(PEOPLE)
                where[person] = (rng.choice(PLACES), number)
                lines.append('%d %s %s to the %s.' % (
                    number, person, rng.choice(VERBS), where[person][0]))
                number += 1
            person = rng.choice(sorted(where))
            place, fact = where[person]
            lines.append('%d Where is %s? \t%s\t%d' % (number, person,
                                                       place, fact))
            number += 1
    return lines


def load_task(quick, generated):
    path = None if generated else example_data.cached_dataset(ARCHIVE)
    if path:
        print('Using the real bAbI task cached at', path)
        with tarfile.open(path) as archive:
            train = parse_stories(
                archive.extractfile(CHALLENGE.format('train')).readlines())
            test = parse_stories(
                archive.extractfile(CHALLENGE.format('test')).readlines())
        if quick:
            train, test = train[:256], test[:128]
        return train, test
    print('%s is not cached (or --generated was given): using generated '
          'data, stories of the same kind' % ARCHIVE)
    # About three questions per story: 1,000 stories give ~3,000 questions.
    stories = (100, 50) if quick else (3300, 330)
    return (parse_stories(generated_lines(stories[0], seed=1)),
            parse_stories(generated_lines(stories[1], seed=2)))


def vectorize(data, word_idx, story_maxlen, query_maxlen):
    stories = [[word_idx[w] for w in story] for story, _, _ in data]
    queries = [[word_idx[w] for w in query] for _, query, _ in data]
    answers = [word_idx[answer] for _, _, answer in data]
    return (pad_sequences(stories, maxlen=story_maxlen),
            pad_sequences(queries, maxlen=query_maxlen),
            np.array(answers))


def build_model(vocab_size, story_maxlen, query_maxlen):
    story = Input((story_maxlen,))
    question = Input((query_maxlen,))

    # Memory keys: one 64-dimensional embedding per story word.
    input_encoder_m = Sequential()
    input_encoder_m.add(Embedding(input_dim=vocab_size, output_dim=64))
    input_encoder_m.add(Dropout(0.3))
    # Memory values, sized so they can be added to the match matrix.
    input_encoder_c = Sequential()
    input_encoder_c.add(Embedding(input_dim=vocab_size,
                                  output_dim=query_maxlen))
    input_encoder_c.add(Dropout(0.3))
    question_encoder = Sequential()
    question_encoder.add(Embedding(input_dim=vocab_size, output_dim=64,
                                   input_length=query_maxlen))
    question_encoder.add(Dropout(0.3))

    keys = input_encoder_m(story)            # (samples, story_maxlen, 64)
    values = input_encoder_c(story)          # (samples, story_maxlen, query)
    question_encoded = question_encoder(question)  # (samples, query, 64)

    # How well each story word matches each question word.
    match = dot([keys, question_encoded], axes=(2, 2))
    match = Activation('softmax')(match)
    response = add([match, values])
    response = Permute((2, 1))(response)     # (samples, query, story)

    answer = concatenate([response, question_encoded])
    answer = LSTM(32)(answer)
    answer = Dropout(0.3)(answer)
    answer = Dense(vocab_size)(answer)
    answer = Activation('softmax')(answer)
    return Model([story, question], answer)


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=120)
    train, test = load_task(args.quick, args.generated)

    vocab = set()
    for story, question, answer in train + test:
        vocab |= set(story + question + [answer])
    vocab = sorted(vocab)
    # Index 0 is padding, so the words start at 1.
    vocab_size = len(vocab) + 1
    word_idx = dict((word, i + 1) for i, word in enumerate(vocab))
    story_maxlen = max(len(story) for story, _, _ in train + test)
    query_maxlen = max(len(query) for _, query, _ in train + test)
    print('Vocab size:', vocab_size, 'unique words')
    print('Story max length:', story_maxlen, 'words')
    print('Query max length:', query_maxlen, 'words')
    print('Training / test questions:', len(train), '/', len(test))
    print('Here is what a story tuple looks like (input, query, answer):')
    print(train[0])

    stories_train, queries_train, answers_train = vectorize(
        train, word_idx, story_maxlen, query_maxlen)
    stories_test, queries_test, answers_test = vectorize(
        test, word_idx, story_maxlen, query_maxlen)

    model = build_model(vocab_size, story_maxlen, query_maxlen)
    model.compile(optimizer='rmsprop',
                  loss='sparse_categorical_crossentropy',
                  metrics=['accuracy'])
    initial_loss = model.evaluate([stories_train, queries_train],
                                  answers_train, verbose=0)[0]
    model.fit([stories_train, queries_train], answers_train,
              batch_size=32, epochs=args.epochs, verbose=2,
              validation_data=([stories_test, queries_test], answers_test))
    final_loss = model.evaluate([stories_train, queries_train],
                                answers_train, verbose=0)[0]
    loss, accuracy = model.evaluate([stories_test, queries_test],
                                    answers_test, verbose=0)
    print('Result: test loss %.4f, test accuracy %.4f' % (loss, accuracy))

    if args.quick:
        example_data.check_finite('test loss', loss)
        example_data.check_loss_fell(initial_loss, final_loss)
    return {'loss': loss, 'accuracy': accuracy,
            'initial_loss': initial_loss}


if __name__ == '__main__':
    main()
