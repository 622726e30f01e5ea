"""A siamese network learning whether two MNIST digits are the same digit.

After Hadsell, Chopra and LeCun, "Dimensionality Reduction by Learning an
Invariant Mapping" (2006). One base network (three dense layers) embeds
both images of a pair; because it is a single model called twice, the
two branches share their weights. A `Lambda` layer computes the Euclidean
distance of the two embeddings, and the contrastive loss pulls pairs of
the same digit together and pushes other pairs at least a margin apart.
On the real data about 99.5% of test pairs are judged right after 20
epochs.

Run: `python examples/mnist_siamese.py [--quick] [--epochs N]
[--generated]`.
"""
from __future__ import print_function

import numpy as np

from keras22 import backend as K
from keras22.layers import Dense, Dropout, Flatten, Input, Lambda
from keras22.models import Model
from keras22.optimizers import RMSprop

import example_data

NUM_CLASSES = 10
MARGIN = 1


def euclidean_distance(vects):
    x, y = vects
    sum_square = K.sum(K.square(x - y), axis=1, keepdims=True)
    # The gradient of sqrt is infinite at 0: identical embeddings would
    # make it NaN without the floor.
    return K.sqrt(K.maximum(sum_square, K.epsilon()))


def eucl_dist_output_shape(shapes):
    shape1, _ = shapes
    return (shape1[0], 1)


def contrastive_loss(y_true, y_pred):
    """Squared distance for similar pairs (label 1), squared shortfall
    from the margin for dissimilar ones (label 0)."""
    square_pred = K.square(y_pred)
    margin_square = K.square(K.maximum(MARGIN - y_pred, 0))
    return K.mean(y_true * square_pred + (1 - y_true) * margin_square)


def create_pairs(x, digit_indices, rng):
    """Alternating positive and negative pairs, as many of each for every
    digit as the rarest digit allows, with labels 1 and 0."""
    pairs, labels = [], []
    n = min(len(indices) for indices in digit_indices) - 1
    for d in range(NUM_CLASSES):
        for i in range(n):
            z1, z2 = digit_indices[d][i], digit_indices[d][i + 1]
            pairs.append([x[z1], x[z2]])
            other = (d + rng.randint(1, NUM_CLASSES)) % NUM_CLASSES
            z1, z2 = digit_indices[d][i], digit_indices[other][i]
            pairs.append([x[z1], x[z2]])
            labels += [1, 0]
    return np.array(pairs), np.array(labels, dtype='float32')


def create_base_network(input_shape):
    """The embedding both branches share."""
    inputs = Input(shape=input_shape)
    x = Flatten()(inputs)
    x = Dense(128, activation='relu')(x)
    x = Dropout(0.1)(x)
    x = Dense(128, activation='relu')(x)
    x = Dropout(0.1)(x)
    x = Dense(128, activation='relu')(x)
    return Model(inputs, x)


def compute_accuracy(y_true, y_pred):
    """Fraction of pairs judged right with a distance threshold of 0.5."""
    pred = y_pred.ravel() < 0.5
    return np.mean(pred == y_true)


def accuracy(y_true, y_pred):
    """The same threshold as a training metric."""
    return K.mean(K.equal(y_true, K.cast(y_pred < 0.5, y_true.dtype)))


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=20)
    counts = (400, 200) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_mnist(
        *counts, generated=args.generated)
    x_train = x_train.astype('float32') / 255
    x_test = x_test.astype('float32') / 255
    input_shape = x_train.shape[1:]

    rng = np.random.RandomState(0)
    digit_indices = [np.where(y_train == i)[0] for i in range(NUM_CLASSES)]
    tr_pairs, tr_y = create_pairs(x_train, digit_indices, rng)
    digit_indices = [np.where(y_test == i)[0] for i in range(NUM_CLASSES)]
    te_pairs, te_y = create_pairs(x_test, digit_indices, rng)
    print('%d training pairs, %d test pairs' % (len(tr_pairs), len(te_pairs)))

    base_network = create_base_network(input_shape)
    input_a = Input(shape=input_shape)
    input_b = Input(shape=input_shape)
    # The same model applied to both inputs: one set of weights.
    processed_a = base_network(input_a)
    processed_b = base_network(input_b)
    distance = Lambda(euclidean_distance,
                      output_shape=eucl_dist_output_shape)(
                          [processed_a, processed_b])
    model = Model([input_a, input_b], distance)

    model.compile(loss=contrastive_loss, optimizer=RMSprop(),
                  metrics=[accuracy])
    train_inputs = [tr_pairs[:, 0], tr_pairs[:, 1]]
    test_inputs = [te_pairs[:, 0], te_pairs[:, 1]]
    initial_loss = model.evaluate(train_inputs, tr_y, verbose=0)[0]
    model.fit(train_inputs, tr_y, batch_size=128, epochs=args.epochs,
              verbose=2, validation_data=(test_inputs, te_y))
    final_loss = model.evaluate(train_inputs, tr_y, verbose=0)[0]

    tr_acc = compute_accuracy(tr_y, model.predict(train_inputs))
    te_acc = compute_accuracy(te_y, model.predict(test_inputs))
    print('* Accuracy on training set: %0.2f%%' % (100 * tr_acc))
    print('* Accuracy on test set: %0.2f%%' % (100 * te_acc))
    print('Result: contrastive loss %.4f -> %.4f, test pair accuracy %.4f'
          % (initial_loss, final_loss, te_acc))

    if args.quick:
        example_data.check_finite('loss', final_loss)
        example_data.check_loss_fell(initial_loss, final_loss)
        # Two branches, one set of weights.
        assert len(model.trainable_weights) == len(
            base_network.trainable_weights) == 6
        same = model.predict([te_pairs[:4, 0], te_pairs[:4, 0]])
        assert np.allclose(same, np.sqrt(K.epsilon()), atol=1e-4), same
    return {'initial_loss': initial_loss, 'loss': final_loss,
            'test_accuracy': te_acc}


if __name__ == '__main__':
    main()
