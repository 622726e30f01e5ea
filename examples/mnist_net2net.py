"""Net2Net: growing a trained network without changing what it computes.

After Chen, Goodfellow and Shlens, "Net2Net: Accelerating Learning via
Knowledge Transfer" (2016). A small convolutional "teacher" is trained on
MNIST; then its knowledge is copied, with NumPy and `get_weights` /
`set_weights`, into bigger "students":

* Net2WiderNet adds units to a layer by copying randomly chosen existing
  units and dividing their outgoing weights by the number of copies, so
  the next layer receives the same sums;
* Net2DeeperNet inserts a layer initialised to the identity (an identity
  convolution kernel, an identity matrix), which changes nothing after a
  ReLU.

Before any further training the students compute the same function as
the teacher (the example checks this), and they continue training from
the teacher's accuracy instead of from scratch. `--baselines` also trains
students whose new units or layers start random, for comparison.

Run: `python examples/mnist_net2net.py [--quick] [--epochs N]
[--baselines] [--generated]`.
"""
from __future__ import print_function

import numpy as np

import keras22
from keras22 import backend as K
from keras22.layers import Conv2D, Dense, Flatten, MaxPooling2D
from keras22.models import Sequential
from keras22.optimizers import SGD

import example_data

NUM_CLASSES = 10
BATCH_SIZE = 128


def input_shape():
    if K.image_data_format() == 'channels_first':
        return (1, 28, 28)
    return (28, 28, 1)


def wider_weights(teacher_w1, teacher_b1, teacher_w2, new_width, init,
                  noise=True, rng=np.random):
    """Widens a layer (`w1`, `b1`) to `new_width` units and adapts the
    incoming weights `w2` of the next layer.

    Works for dense kernels (in, out) and channels-last convolution
    kernels (rows, cols, in, out): the units are the last axis of `w1`
    and the next-to-last of `w2`.

    # Arguments
        init: 'net2wider' (copy units, function preserving) or
            'random-pad' (new units random).
        noise: with 'net2wider', add a little noise to the copies'
            outgoing weights so the copies can drift apart in training.
    """
    old_width = teacher_w1.shape[-1]
    extra = new_width - old_width
    if extra <= 0:
        raise ValueError('new_width (%d) must exceed the current width (%d)'
                         % (new_width, old_width))
    if init == 'random-pad':
        new_w1 = rng.normal(0, 0.1, size=teacher_w1.shape[:-1] + (extra,))
        new_b1 = np.ones(extra) * 0.1
        new_w2 = rng.normal(0, 0.1, size=teacher_w2.shape[:-2] +
                            (extra, teacher_w2.shape[-1]))
        student_w2 = np.concatenate([teacher_w2, new_w2], axis=-2)
    elif init == 'net2wider':
        index = rng.randint(old_width, size=extra)
        copies = np.bincount(index, minlength=old_width)[index] + 1.
        new_w1 = teacher_w1[..., index]
        new_b1 = teacher_b1[index]
        # Each copied unit's output now reaches the next layer
        # `copies` times: share its weight between the copies.
        new_w2 = teacher_w2[..., index, :] / copies[:, None]
        if noise:
            new_w2 = new_w2 + rng.normal(0, 5e-2 * new_w2.std(),
                                         size=new_w2.shape)
        student_w2 = np.concatenate([teacher_w2, new_w2], axis=-2)
        student_w2[..., index, :] = new_w2
    else:
        raise ValueError('Unknown init %r' % init)
    student_w1 = np.concatenate([teacher_w1, new_w1], axis=-1)
    student_b1 = np.concatenate([teacher_b1, new_b1])
    return student_w1, student_b1, student_w2


def identity_conv_weights(kernel_shape):
    """A kernel that passes each channel through unchanged."""
    rows, cols, channels, filters = kernel_shape
    assert channels == filters and rows % 2 == 1 and cols % 2 == 1
    kernel = np.zeros(kernel_shape)
    for i in range(filters):
        kernel[(rows - 1) // 2, (cols - 1) // 2, i, i] = 1.
    return kernel, np.zeros(filters)


def build_net(conv1=64, fc1=64, deeper=False):
    """The teacher's architecture (conv1=64, fc1=64), widened by `conv1`
    and `fc1`, or deepened by an extra convolution after conv2 and an extra
    dense layer after fc1."""
    model = Sequential()
    model.add(Conv2D(conv1, 3, padding='same', activation='relu',
                     input_shape=input_shape(), name='conv1'))
    model.add(MaxPooling2D(2, name='pool1'))
    model.add(Conv2D(64, 3, padding='same', activation='relu',
                     name='conv2'))
    if deeper:
        model.add(Conv2D(64, 3, padding='same', activation='relu',
                         name='conv2-deeper'))
    model.add(MaxPooling2D(2, name='pool2'))
    model.add(Flatten(name='flatten'))
    model.add(Dense(fc1, activation='relu', name='fc1'))
    if deeper:
        model.add(Dense(fc1, activation='relu', name='fc1-deeper'))
    model.add(Dense(NUM_CLASSES, activation='softmax', name='fc2'))
    return model


def make_teacher():
    return build_net()


def compile_model(model):
    model.compile(loss='categorical_crossentropy',
                  optimizer=SGD(lr=0.01, momentum=0.9),
                  metrics=['accuracy'])
    return model


def make_wider_student(teacher, init, noise=True, rng=np.random):
    """conv1 goes from 64 to 128 filters and fc1 from 64 to 128 units."""
    model = build_net(conv1=128, fc1=128)

    w1, b1 = teacher.get_layer('conv1').get_weights()
    w2, b2 = teacher.get_layer('conv2').get_weights()
    # Keras convolution kernels are (rows, cols, in, out) whatever the
    # image layout, so the dense recipe applies along their last two axes.
    w1, b1, w2 = wider_weights(w1, b1, w2, 128, init, noise, rng)
    model.get_layer('conv1').set_weights([w1, b1])
    model.get_layer('conv2').set_weights([w2, b2])

    w1, b1 = teacher.get_layer('fc1').get_weights()
    w2, b2 = teacher.get_layer('fc2').get_weights()
    w1, b1, w2 = wider_weights(w1, b1, w2, 128, init, noise, rng)
    model.get_layer('fc1').set_weights([w1, b1])
    model.get_layer('fc2').set_weights([w2, b2])
    return model


def make_deeper_student(teacher, init, rng=np.random):
    """An extra convolution after conv2 and an extra dense layer after
    fc1, initialised to the identity ('net2deeper') or randomly
    ('random-init')."""
    model = build_net(deeper=True)

    for name in ('conv1', 'conv2', 'fc1', 'fc2'):
        model.get_layer(name).set_weights(
            teacher.get_layer(name).get_weights())
    if init == 'net2deeper':
        kernel_shape = K.int_shape(model.get_layer('conv2-deeper').kernel)
        model.get_layer('conv2-deeper').set_weights(
            list(identity_conv_weights(kernel_shape)))
        model.get_layer('fc1-deeper').set_weights(
            [np.eye(64), np.zeros(64)])
    elif init != 'random-init':
        raise ValueError('Unknown init %r' % init)
    return model


def train(model, name, data, epochs):
    (x_train, y_train), (x_test, y_test) = data
    print('Training', name)
    history = model.fit(x_train, y_train, batch_size=BATCH_SIZE,
                        epochs=epochs, verbose=2,
                        validation_data=(x_test, y_test))
    return history.history['val_acc'][-1]


def _options(parser):
    parser.add_argument('--baselines', action='store_true',
                        help='also train students with random new units '
                             'or layers')


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, epochs=3, extra=_options)
    counts = (256, 128) if args.quick else (None, None)
    (x_train, y_train), (x_test, y_test) = example_data.load_mnist(
        *counts, generated=args.generated)
    x_train = x_train.reshape((-1,) + input_shape()).astype('float32') / 255
    x_test = x_test.reshape((-1,) + input_shape()).astype('float32') / 255
    y_train = keras22.utils.to_categorical(y_train, NUM_CLASSES)
    y_test = keras22.utils.to_categorical(y_test, NUM_CLASSES)
    data = ((x_train, y_train), (x_test, y_test))
    rng = np.random.RandomState(0)

    teacher = compile_model(make_teacher())
    accuracies = {'teacher': train(teacher, 'the teacher', data,
                                   args.epochs)}
    reference = teacher.predict(x_test)

    # Without the symmetry-breaking noise the students must reproduce the
    # teacher's predictions exactly (up to float rounding).
    preserved = {}
    for name, student in (
            ('net2wider', make_wider_student(teacher, 'net2wider',
                                             noise=False, rng=rng)),
            ('net2deeper', make_deeper_student(teacher, 'net2deeper'))):
        gap = float(np.abs(student.predict(x_test) - reference).max())
        preserved[name] = gap
        print('%s student before training: largest difference from the '
              'teacher %.2g' % (name, gap))

    experiments = [('net2wider', make_wider_student, 'net2wider'),
                   ('net2deeper', make_deeper_student, 'net2deeper')]
    if args.baselines:
        experiments += [('random-pad', make_wider_student, 'random-pad'),
                        ('random-init', make_deeper_student, 'random-init')]
    for name, make, init in experiments:
        student = compile_model(make(teacher, init, rng=rng))
        accuracies[name] = train(student, 'a %s student' % name, data,
                                 args.epochs)

    print('Result: validation accuracy ' + ', '.join(
        '%s %.4f' % (name, accuracies[name]) for name in sorted(accuracies)))

    if args.quick:
        example_data.check_finite('accuracies', list(accuracies.values()))
        for name, gap in preserved.items():
            assert gap < 1e-4, '%s changed the function: %g' % (name, gap)
    result = dict(('%s_accuracy' % name, value)
                  for name, value in accuracies.items())
    result.update(('%s_gap' % name, gap) for name, gap in preserved.items())
    return result


if __name__ == '__main__':
    main()
