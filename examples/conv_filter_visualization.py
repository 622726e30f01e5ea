"""What do a convolutional network's filters respond to? Gradient ascent.

For each filter of one convolution layer, a function compiled with
`K.function` returns the filter's mean activation and the gradient of it
with respect to the input image (`K.gradients`); starting from a grey
noisy image, repeated steps up that gradient make the image the filter
responds to most. The best filters' images are tiled into one picture.

The classic version of this example inspects VGG16 trained on ImageNet.
No weights are downloaded here: by default a small VGG-like network with
random weights is used (random filters still prefer particular colours,
stripes and blobs), and `--vgg16` builds `keras22.applications.VGG16`
with `weights=None` instead.

Run: `python examples/conv_filter_visualization.py [--quick] [--vgg16]
[--output FILE]`.
"""
from __future__ import print_function

import os
import tempfile
import time

import numpy as np

from keras22 import backend as K
from keras22.layers import Conv2D, Input, MaxPooling2D
from keras22.models import Model
from keras22.preprocessing.image import save_img

import example_data

IMG_SIZE = 128
STEPS = 20
STEP_SIZE = 1.


def build_small_cnn():
    """Two VGG-style blocks, with VGG's layer names."""
    shape = (None, None, 3) if K.image_data_format() == 'channels_last' \
        else (3, None, None)
    inputs = Input(shape=shape)
    x = Conv2D(16, (3, 3), activation='relu', padding='same',
               name='block1_conv1')(inputs)
    x = Conv2D(16, (3, 3), activation='relu', padding='same',
               name='block1_conv2')(x)
    x = MaxPooling2D((2, 2), name='block1_pool')(x)
    x = Conv2D(32, (3, 3), activation='relu', padding='same',
               name='block2_conv1')(x)
    x = Conv2D(32, (3, 3), activation='relu', padding='same',
               name='block2_conv2')(x)
    x = MaxPooling2D((2, 2), name='block2_pool')(x)
    return Model(inputs, x, name='small_vgg')


def normalize(x):
    """Scales a gradient to unit root-mean-square, so every ascent step
    has about the same size whatever the filter's scale."""
    return x / (K.sqrt(K.mean(K.square(x))) + K.epsilon())


def deprocess_image(x):
    """A float image as displayable uint8: centred, spread to a standard
    deviation of 0.1, shifted to 0.5 and clipped."""
    x = x - x.mean()
    x /= (x.std() + K.epsilon())
    x *= 0.1
    x += 0.5
    x = np.clip(x, 0, 1)
    x *= 255
    if K.image_data_format() == 'channels_first':
        x = x.transpose((1, 2, 0))
    return np.clip(x, 0, 255).astype('uint8')


def visualize_filter(input_img, layer_output, filter_index, size, rng):
    """Gradient ascent for one filter: (image, first loss, last loss), or
    None when the filter stays silent."""
    if K.image_data_format() == 'channels_first':
        loss = K.mean(layer_output[:, filter_index, :, :])
        shape = (1, 3, size, size)
    else:
        loss = K.mean(layer_output[:, :, :, filter_index])
        shape = (1, size, size, 3)
    grads = normalize(K.gradients(loss, input_img)[0])
    iterate = K.function([input_img], [loss, grads])

    # Grey with a little noise: the ascent has to start somewhere.
    image = rng.random_sample(shape) * 20 + 128.
    first = None
    for _ in range(STEPS):
        loss_value, grads_value = iterate([image])
        if first is None:
            first = loss_value
        image += grads_value * STEP_SIZE
        if loss_value <= 0.:
            # A dead filter (ReLU never active here) gives no gradient.
            return None
    last = iterate([image])[0]
    return deprocess_image(image[0]), float(first), float(last)


def _options(parser):
    parser.add_argument('--vgg16', action='store_true',
                        help='visualise VGG16 (random weights) instead of '
                             'the small network')
    parser.add_argument('--layer', default=None,
                        help='layer to visualise (default block2_conv1, '
                             'block5_conv1 with --vgg16)')
    parser.add_argument('--output', default=None,
                        help='where to write the tiled PNG')


def main(argv=None):
    args = example_data.parse_args(__doc__, argv, extra=_options)
    print('No dataset is needed: the ascent starts from generated data '
          '(grey noise images)')
    if args.vgg16:
        from keras22.applications import vgg16
        model = vgg16.VGG16(weights=None, include_top=False)
        layer_name = args.layer or 'block5_conv1'
    else:
        model = build_small_cnn()
        layer_name = args.layer or 'block2_conv1'
    model.summary()

    size = 32 if args.quick else IMG_SIZE
    # The best n*n filters are tiled into an n x n picture.
    n = 2 if args.quick else 4
    candidates = 2 * n * n if args.quick else 200
    input_img = model.input
    layer_output = model.get_layer(layer_name).output
    num_filters = K.int_shape(layer_output)[
        1 if K.image_data_format() == 'channels_first' else -1]

    rng = np.random.RandomState(0)
    kept = []
    for filter_index in range(min(candidates, num_filters)):
        start = time.time()
        result = visualize_filter(input_img, layer_output, filter_index,
                                  size, rng)
        if result is None:
            print('Filter %d is silent, skipped' % filter_index)
            continue
        kept.append(result)
        print('Filter %d: activation %.3f -> %.3f (%.1fs)'
              % (filter_index, result[1], result[2], time.time() - start))
    print('%d filters processed' % len(kept))
    if not kept:
        raise RuntimeError('every filter of %s is silent' % layer_name)

    # The filters with the highest final activation look the most
    # interesting; tile them with a 5-pixel margin.
    kept.sort(key=lambda result: result[2], reverse=True)
    n = min(n, int(np.sqrt(len(kept))))
    margin = 5
    side = n * size + (n - 1) * margin
    stitched = np.zeros((side, side, 3), dtype='uint8')
    for i in range(n):
        for j in range(n):
            image = kept[i * n + j][0]
            stitched[(size + margin) * i:(size + margin) * i + size,
                     (size + margin) * j:(size + margin) * j + size] = image
    output = args.output or (
        os.path.join(tempfile.mkdtemp(), 'stitched_filters.png')
        if args.quick else 'stitched_filters_%dx%d.png' % (n, n))
    save_img(output, stitched, data_format='channels_last')
    gains = [last - first for _, first, last in kept]
    print('Result: %d filters of %s visualised in %s; mean activation gain '
          '%.3f' % (len(kept), layer_name, output, float(np.mean(gains))))

    if args.quick:
        example_data.check_finite('activations', gains)
        # Gradient ascent must have raised every kept filter's activation.
        assert all(gain > 0 for gain in gains), gains
        assert os.path.getsize(output) > 0
    return {'filters': len(kept), 'mean_gain': float(np.mean(gains))}


if __name__ == '__main__':
    main()
