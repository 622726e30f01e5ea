"""Step-by-step NumPy versions of the recurrent cells, for the recurrent,
CuDNN, convolutional-recurrent and wrapper tests."""
import numpy as np


def sigmoid(x):
    return 1. / (1. + np.exp(-x))


def hard_sigmoid(x):
    return np.clip(0.2 * x + 0.5, 0., 1.)


def run(step, x, states, mask=None, backwards=False):
    """Runs `step(x_t, states) -> (output, states)` over axis 1 of `x`.

    A masked step keeps the states and repeats the previous output (zeros
    before the first one). Outputs come in processing order.

    # Returns
        `(outputs (batch, time, ...), final states)`.
    """
    steps = list(range(x.shape[1]))
    if backwards:
        steps = steps[::-1]
    outputs, previous = [], None
    for t in steps:
        output, new_states = step(x[:, t], states)
        if previous is None:
            previous = np.zeros_like(output)
        if mask is not None:
            keep = mask[:, t].astype(bool)

            def pick(new, old):
                where = keep.reshape((-1,) + (1,) * (new.ndim - 1))
                return np.where(where, new, old)
            output = pick(output, previous)
            new_states = [pick(n, o) for n, o in zip(new_states, states)]
        outputs.append(output)
        previous, states = output, new_states
    return np.stack(outputs, 1), states


def simple_step(kernel, recurrent_kernel, bias=None, activation=np.tanh):
    def step(x, states):
        h = x @ kernel + states[0] @ recurrent_kernel
        if bias is not None:
            h = h + bias
        h = activation(h)
        return h, [h]
    return step


def gru_step(kernel, recurrent_kernel, bias=None, reset_after=False,
             activation=np.tanh, recurrent_activation=hard_sigmoid):
    units = recurrent_kernel.shape[0]
    if bias is None:
        input_bias = recurrent_bias = np.zeros(3 * units)
    elif reset_after:
        input_bias, recurrent_bias = bias[0], bias[1]
    else:
        input_bias, recurrent_bias = bias, np.zeros(3 * units)
    gates = [slice(0, units), slice(units, 2 * units),
             slice(2 * units, 3 * units)]

    def step(x, states):
        h = states[0]
        xs = [x @ kernel[:, g] + input_bias[g] for g in gates]
        rz = h @ recurrent_kernel[:, gates[0]] + recurrent_bias[gates[0]]
        rr = h @ recurrent_kernel[:, gates[1]] + recurrent_bias[gates[1]]
        z = recurrent_activation(xs[0] + rz)
        r = recurrent_activation(xs[1] + rr)
        if reset_after:
            rh = r * (h @ recurrent_kernel[:, gates[2]] +
                      recurrent_bias[gates[2]])
        else:
            rh = (r * h) @ recurrent_kernel[:, gates[2]]
        new_h = z * h + (1 - z) * activation(xs[2] + rh)
        return new_h, [new_h]
    return step


def lstm_step(kernel, recurrent_kernel, bias=None, activation=np.tanh,
              recurrent_activation=hard_sigmoid):
    units = recurrent_kernel.shape[0]

    def step(x, states):
        h, c = states
        z = x @ kernel + h @ recurrent_kernel
        if bias is not None:
            z = z + bias
        i, f, cc, o = [z[:, k * units:(k + 1) * units] for k in range(4)]
        c = recurrent_activation(f) * c + \
            recurrent_activation(i) * activation(cc)
        h = recurrent_activation(o) * activation(c)
        return h, [h, c]
    return step


def conv2d(x, w, padding):
    """Stride-1 2-D convolution, channels last, 'valid' or 'same'."""
    kr, kc = w.shape[:2]
    if padding == 'same':
        x = np.pad(x, [(0, 0), ((kr - 1) // 2, kr // 2),
                       ((kc - 1) // 2, kc // 2), (0, 0)])
    rows, cols = x.shape[1] - kr + 1, x.shape[2] - kc + 1
    out = np.zeros((x.shape[0], rows, cols, w.shape[-1]))
    for i in range(rows):
        for j in range(cols):
            patch = x[:, i:i + kr, j:j + kc, :]
            out[:, i, j, :] = np.tensordot(patch, w, axes=([1, 2, 3],
                                                           [0, 1, 2]))
    return out


def conv_lstm_step(kernel, recurrent_kernel, bias, padding,
                   activation=np.tanh, recurrent_activation=hard_sigmoid):
    """Channels-last ConvLSTM step."""
    filters = recurrent_kernel.shape[-1] // 4

    def step(x, states):
        h, c = states
        z = conv2d(x, kernel, padding) + conv2d(h, recurrent_kernel, 'same')
        z = z + bias
        i, f, cc, o = [z[..., k * filters:(k + 1) * filters]
                       for k in range(4)]
        c = recurrent_activation(f) * c + \
            recurrent_activation(i) * activation(cc)
        h = recurrent_activation(o) * activation(c)
        return h, [h, c]
    return step


def random_weights(layer, scale=0.5, seed=0):
    """Sets random weights on a built layer; returns them."""
    rng = np.random.RandomState(seed)
    values = [rng.uniform(-scale, scale, w.shape).astype('float32')
              for w in layer.get_weights()]
    layer.set_weights(values)
    return values
