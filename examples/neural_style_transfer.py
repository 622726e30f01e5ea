"""Neural style transfer: an image's content in another image's style.

After Gatys, Ecker and Bethge, "A Neural Algorithm of Artistic Style"
(2015). The picture being made is a placeholder fed to a convolutional
network together with the content image and the style image (stacked
into one batch with `K.concatenate`, used as the model's input through
`Input(tensor=...)`). The loss adds

* a content term: squared difference of deep features of the picture and
  the content image;
* a style term: squared difference of the Gram matrices (feature
  correlations) of the picture and the style image at several depths;
* a total variation term, which keeps the picture smooth.

`K.gradients` of that loss with respect to the placeholder, compiled with
`K.function`, drive SciPy's L-BFGS-B optimiser over the pixels.

The classic version uses VGG19 trained on ImageNet. No weights are
downloaded here: a small VGG-like network with random weights stands in
(random features still carry colour and texture statistics, so the
picture does take on the style image's colours and stripes). Content and
style images may be given as files; otherwise both are generated.

Run: `python examples/neural_style_transfer.py [--quick] [--iter N]
[--base FILE --style FILE] [--result-prefix PREFIX]`. Needs SciPy.
"""
from __future__ import print_function

import os
import tempfile
import time

import numpy as np

from keras22 import backend as K
from keras22.layers import Conv2D, Input, MaxPooling2D
from keras22.models import Model
from keras22.preprocessing.image import img_to_array, load_img, save_img

import example_data

CONTENT_LAYER = 'block3_conv2'
STYLE_LAYERS = ['block1_conv1', 'block2_conv1', 'block3_conv1']


def build_network(input_tensor):
    """Three VGG-style blocks with VGG's layer names, on a given tensor."""
    inputs = Input(tensor=input_tensor)
    x = inputs
    for block, filters in ((1, 16), (2, 32), (3, 64)):
        for conv in (1, 2):
            x = Conv2D(filters, (3, 3), activation='relu', padding='same',
                       name='block%d_conv%d' % (block, conv))(x)
        if block < 3:
            x = MaxPooling2D((2, 2), name='block%d_pool' % block)(x)
    return Model(inputs, x)


def generated_images(rows, cols):
    """A content image of soft coloured blobs and a style image of
    diagonal stripes, as uint8 RGB arrays."""
    ys, xs = np.mgrid[0:rows, 0:cols].astype('float32')
    content = np.zeros((rows, cols, 3), 'float32')
    rng = np.random.RandomState(3)
    for _ in range(5):
        cy, cx = rng.uniform(0, rows), rng.uniform(0, cols)
        blob = np.exp(-((ys - cy) ** 2 + (xs - cx) ** 2) / (0.02 * rows *
                                                           cols))
        content += blob[..., None] * rng.uniform(0, 1, size=3)
    stripes = 0.5 + 0.5 * np.sin((xs + ys) * 2 * np.pi / 8.)
    style = np.stack([stripes, 0.3 * stripes, 1 - stripes], axis=-1)
    return [(np.clip(image, 0, 1) * 255).astype('uint8')
            for image in (content, style)]


def preprocess_image(image):
    """RGB uint8 array -> batch of one float image in [-1, 1]."""
    x = image.astype('float32') / 127.5 - 1.
    if K.image_data_format() == 'channels_first':
        x = x.transpose((2, 0, 1))
    return x[None]


def deprocess_image(x, rows, cols):
    if K.image_data_format() == 'channels_first':
        x = x.reshape((3, rows, cols)).transpose((1, 2, 0))
    else:
        x = x.reshape((rows, cols, 3))
    return np.clip((x + 1.) * 127.5, 0, 255).astype('uint8')


def gram_matrix(x):
    """Correlations between the feature maps of one image (3-D tensor)."""
    if K.image_data_format() == 'channels_first':
        features = K.batch_flatten(x)
    else:
        features = K.batch_flatten(K.permute_dimensions(x, (2, 0, 1)))
    return K.dot(features, K.transpose(features))


def style_loss(style, combination, rows, cols):
    S = gram_matrix(style)
    C = gram_matrix(combination)
    channels = 3
    size = rows * cols
    return K.sum(K.square(S - C)) / (4. * (channels ** 2) * (size ** 2))


def content_loss(base, combination):
    return K.sum(K.square(combination - base))


def total_variation_loss(x, rows, cols):
    """Penalises differences between neighbouring pixels."""
    if K.image_data_format() == 'channels_first':
        a = K.square(x[:, :, :rows - 1, :cols - 1] - x[:, :, 1:, :cols - 1])
        b = K.square(x[:, :, :rows - 1, :cols - 1] - x[:, :, :rows - 1, 1:])
    else:
        a = K.square(x[:, :rows - 1, :cols - 1, :] - x[:, 1:, :cols - 1, :])
        b = K.square(x[:, :rows - 1, :cols - 1, :] - x[:, :rows - 1, 1:, :])
    return K.sum(K.pow(a + b, 1.25))


class Evaluator(object):
    """SciPy asks for the loss and the gradient separately; one call of the
    compiled function gives both, so the gradient is kept for the next
    request."""

    def __init__(self, function, shape):
        self.function = function
        self.shape = shape
        self.loss_value = None
        self.grad_values = None

    def loss(self, x):
        assert self.loss_value is None
        outs = self.function([x.reshape(self.shape).astype('float32')])
        self.loss_value = float(outs[0])
        self.grad_values = np.array(outs[1]).flatten().astype('float64')
        return self.loss_value

    def grads(self, x):
        assert self.loss_value is not None
        grad_values = np.copy(self.grad_values)
        self.loss_value = None
        self.grad_values = None
        return grad_values


def _options(parser):
    parser.add_argument('--base', default=None,
                        help='content image file (default: generated)')
    parser.add_argument('--style', default=None,
                        help='style image file (default: generated)')
    parser.add_argument('--result-prefix', default=None,
                        help='prefix of the result images')
    parser.add_argument('--iter', type=int, default=10,
                        help='L-BFGS-B runs (default 10)')
    parser.add_argument('--content-weight', type=float, default=0.025)
    parser.add_argument('--style-weight', type=float, default=1.0)
    parser.add_argument('--tv-weight', type=float, default=1.0)
    parser.add_argument('--rows', type=int, default=128,
                        help='height of the result (default 128)')


def main(argv=None):
    from scipy.optimize import fmin_l_bfgs_b

    args = example_data.parse_args(__doc__, argv, extra=_options)
    iterations = 2 if args.quick else args.iter
    rows = 32 if args.quick else args.rows
    if args.base and args.style:
        print('Using the images', args.base, 'and', args.style)
        width, height = load_img(args.base).size
        cols = int(width * rows / height)
        base, style = [img_to_array(load_img(path, target_size=(rows, cols)),
                                    data_format='channels_last')
                       .astype('uint8') for path in (args.base, args.style)]
    else:
        print('No images given: using generated data (coloured blobs in '
              'the style of stripes)')
        cols = rows
        base, style = generated_images(rows, cols)

    base_image = K.variable(preprocess_image(base))
    style_image = K.variable(preprocess_image(style))
    if K.image_data_format() == 'channels_first':
        shape = (1, 3, rows, cols)
    else:
        shape = (1, rows, cols, 3)
    combination_image = K.placeholder(shape)
    # One batch of three images: content, style, and the picture.
    input_tensor = K.concatenate([base_image, style_image,
                                  combination_image], axis=0)
    model = build_network(input_tensor)
    print('Model loaded.')
    outputs_dict = dict((layer.name, layer.output) for layer in model.layers)

    loss = K.variable(0.)
    layer_features = outputs_dict[CONTENT_LAYER]
    loss += args.content_weight * content_loss(layer_features[0, :, :, :],
                                               layer_features[2, :, :, :])
    for layer_name in STYLE_LAYERS:
        layer_features = outputs_dict[layer_name]
        loss += (args.style_weight / len(STYLE_LAYERS)) * style_loss(
            layer_features[1, :, :, :], layer_features[2, :, :, :],
            rows, cols)
    loss += args.tv_weight * total_variation_loss(combination_image, rows,
                                                  cols)

    grads = K.gradients(loss, combination_image)
    evaluator = Evaluator(K.function([combination_image], [loss] + grads),
                          shape)

    prefix = args.result_prefix or (
        os.path.join(tempfile.mkdtemp(), 'result') if args.quick
        else 'style_transfer_result')
    # Start from the content image; L-BFGS-B improves it in runs of at
    # most 20 evaluations.
    x = preprocess_image(base)
    initial_loss = evaluator.loss(x.flatten())
    evaluator.grads(x.flatten())
    losses = []
    for i in range(iterations):
        print('Start of iteration', i)
        start = time.time()
        x, min_val, _ = fmin_l_bfgs_b(evaluator.loss, x.flatten(),
                                      fprime=evaluator.grads, maxfun=20)
        losses.append(float(min_val))
        print('Current loss value:', min_val)
        fname = prefix + '_at_iteration_%d.png' % i
        save_img(fname, deprocess_image(x.copy(), rows, cols),
                 data_format='channels_last')
        print('Image saved as', fname)
        print('Iteration %d completed in %.1fs' % (i, time.time() - start))
    print('Result: style transfer loss %.2f -> %.2f in %d iterations'
          % (initial_loss, losses[-1], iterations))

    if args.quick:
        example_data.check_finite('loss', losses)
        assert losses[-1] < initial_loss, (initial_loss, losses)
        assert os.path.exists(fname)
    return {'initial_loss': initial_loss, 'loss': losses[-1]}


if __name__ == '__main__':
    main()
