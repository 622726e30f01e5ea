"""NumPy references for the layer tests: plain, slow, obviously correct
versions of what the layers compute, on small arrays.

Several engineers add to this module; each appends their own functions
under a heading and leaves the others' alone.
"""
import numpy as np


# ----------------------------------------------------------------------
# Activations, merges, noise and normalization.

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def np_relu(x, negative_slope=0., max_value=None, threshold=0.):
    """Keras 2.2.4's ReLU: `x` above `threshold`, clipped to
    `[0, max_value]`, plus `negative_slope * (x - threshold)` below."""
    x = np.asarray(x, dtype='float64')
    y = np.where(x > threshold, x, 0.)
    if max_value is not None:
        y = np.clip(y, 0., max_value)
    return y - negative_slope * np.maximum(threshold - x, 0.)


def np_prelu(x, alpha):
    """`x` above zero, `alpha * x` below (`alpha` broadcast over the
    batch)."""
    return np.maximum(x, 0.) + alpha * np.minimum(x, 0.)


def np_elu(x, alpha=1.):
    return np.where(x > 0, x, alpha * (np.exp(x) - 1.))


def np_softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def np_batch_normalization(x, mean, var, beta, gamma, axis=-1,
                           epsilon=1e-3):
    """Normalizes `x` with per-feature statistics along `axis`."""
    shape = [1] * x.ndim
    shape[axis] = x.shape[axis]

    def fit(v, default):
        return np.reshape(default if v is None else v, shape)
    return ((x - fit(mean, 0.)) / np.sqrt(fit(var, 1.) + epsilon) *
            fit(gamma, 1.) + fit(beta, 0.))


def np_batch_moments(x, axis=-1):
    """The mean and the biased variance of each feature along `axis`."""
    axes = tuple(i for i in range(x.ndim) if i != axis % x.ndim)
    return x.mean(axis=axes), x.var(axis=axes)


def np_alpha_dropout(x, kept, rate):
    """AlphaDropout with a given keep pattern (1 = kept)."""
    saturation = -SELU_ALPHA * SELU_SCALE
    a = ((1. - rate) * (1. + rate * saturation ** 2)) ** -0.5
    b = -a * saturation * rate
    return a * (x * kept + saturation * (1. - kept)) + b


def np_batch_dot(x, y, axes):
    """Per-sample tensordot of `x[i]` and `y[i]` along `axes` (counted with
    the batch axis); a result with no axis left gets shape `(batch, 1)`."""
    out = np.stack([np.tensordot(a, b, axes=(axes[0] - 1, axes[1] - 1))
                    for a, b in zip(x, y)])
    return out.reshape(len(x), 1) if out.ndim == 1 else out


def np_highway(x, W, W_carry, b=None, b_carry=None,
               activation=lambda v: v):
    gate = x.dot(W_carry) + (0. if b_carry is None else b_carry)
    gate = 1. / (1. + np.exp(-gate))
    transform = activation(x.dot(W) + (0. if b is None else b))
    return gate * transform + (1. - gate) * x


def np_maxout_dense(x, W, b=None):
    """`W`: (nb_feature, input_dim, output_dim), `b`: (nb_feature,
    output_dim)."""
    out = np.einsum('bi,kio->bko', x, W)
    if b is not None:
        out = out + b
    return out.max(axis=1)
