"""Merge layers: Add, Subtract, Multiply, Average, Maximum, Minimum,
Concatenate, Dot and their functional forms."""
import numpy as np
import pytest
from numpy.testing import assert_allclose

from keras22 import backend as K
from keras22 import layers
from keras22 import optimizers
from keras22.layers import (Add, Average, Concatenate, Dense, Dot, Embedding,
                            Input, Maximum, Minimum, Multiply, Subtract)
from keras22.layers import merge
from keras22.models import Model

from reference import np_batch_dot

ELEMENTWISE = [
    (Add, merge.add, lambda xs: sum(xs)),
    (Multiply, merge.multiply, lambda xs: np.prod(xs, axis=0)),
    (Average, merge.average, lambda xs: np.mean(xs, axis=0)),
    (Maximum, merge.maximum, lambda xs: np.max(xs, axis=0)),
    (Minimum, merge.minimum, lambda xs: np.min(xs, axis=0)),
]


def _arrays(*shapes):
    return [np.random.randn(*shape).astype('float32') for shape in shapes]


def _model(layer, *shapes):
    inputs = [Input(shape=shape) for shape in shapes]
    return Model(inputs, layer(inputs))


def _round_trip(model, arrays):
    """A model rebuilt from its config computes the same outputs."""
    clone = Model.from_config(model.get_config())
    assert_allclose(clone.predict(arrays), model.predict(arrays), rtol=1e-6)


@pytest.mark.parametrize('cls, fn, reference', ELEMENTWISE)
@pytest.mark.parametrize('count', [2, 3])
def test_elementwise_values(cls, fn, reference, count):
    arrays = _arrays(*[(2, 4, 5)] * count)
    model = _model(cls(), *[(4, 5)] * count)
    assert model.output_shape == (None, 4, 5)
    assert_allclose(model.predict(arrays), reference(arrays), rtol=1e-5)
    _round_trip(model, arrays)
    inputs = [Input(shape=(4, 5)) for _ in range(count)]
    functional = Model(inputs, fn(inputs, name='merged'))
    assert functional.layers[-1].name == 'merged'
    assert isinstance(functional.layers[-1], cls)
    assert_allclose(functional.predict(arrays), reference(arrays), rtol=1e-5)


def test_subtract_values():
    a, b = _arrays((3, 4), (3, 4))
    model = _model(Subtract(), (4,), (4,))
    assert_allclose(model.predict([a, b]), a - b, rtol=1e-6)
    inputs = [Input(shape=(4,)), Input(shape=(4,))]
    model = Model(inputs, merge.subtract(inputs))
    assert_allclose(model.predict([a, b]), a - b, rtol=1e-6)
    _round_trip(model, [a, b])


@pytest.mark.parametrize('cls, fn, reference', ELEMENTWISE)
def test_broadcasting_of_different_ranks(cls, fn, reference):
    # (batch, 5) against (batch, 4, 5): the trailing axes line up
    a, b = _arrays((2, 5), (2, 4, 5))
    model = _model(cls(), (5,), (4, 5))
    assert model.output_shape == (None, 4, 5)
    expected = reference(np.broadcast_arrays(a[:, None, :], b))
    assert_allclose(model.predict([a, b]), expected, rtol=1e-5)


def test_broadcasting_of_size_one_axes():
    a, b = _arrays((2, 1, 5), (2, 3, 1))
    model = _model(Add(), (1, 5), (3, 1))
    assert model.output_shape == (None, 3, 5)
    assert_allclose(model.predict([a, b]), a + b, rtol=1e-6)


def test_broadcasting_with_an_unknown_rank():
    x = K.placeholder()  # rank unknown
    y = K.placeholder(shape=(None, 4, 3))
    out = Subtract()([x, y])
    f = K.function([x, y], [out])
    a, b = _arrays((2, 3), (2, 4, 3))
    assert_allclose(f([a, b])[0], a[:, None, :] - b, rtol=1e-6)
    c = np.random.randn(2, 4, 3).astype('float32')
    f = K.function([x, y], [Multiply()([x, y])])
    assert_allclose(f([c, b])[0], c * b, rtol=1e-6)


def test_compute_output_shape():
    assert Add().compute_output_shape([(None, 3), (None, 4, 3)]) == \
        (None, 4, 3)
    assert Add().compute_output_shape([(None, 3), (8, 3)]) == (8, 3)
    assert Maximum().compute_output_shape([(None, None, 3), (None, 2, 1)]) \
        == (None, None, 3)
    assert Concatenate(axis=1).compute_output_shape(
        [(None, 2, 3), (None, 4, 3)]) == (None, 6, 3)
    assert Concatenate().compute_output_shape(
        [(None, 2, None), (None, 2, 4)]) == (None, 2, None)
    assert Dot(axes=1).compute_output_shape([(None, 3), (None, 3)]) == \
        (None, 1)
    assert Dot(axes=(2, 1)).compute_output_shape(
        [(None, 4, 3), (None, 3, 5)]) == (None, 4, 5)


def test_incompatible_shapes():
    with pytest.raises(ValueError, match=r'Add layer "sum".*\(3,\) \(4,\)'):
        Add(name='sum')([Input(shape=(3,)), Input(shape=(4,))])
    with pytest.raises(ValueError, match='Multiply.*broadcast'):
        Multiply()([Input(shape=(2, 3)), Input(shape=(4, 3))])


def test_different_batch_sizes():
    with pytest.raises(ValueError, match='Average.*batch sizes'):
        Average()([Input(batch_shape=(2, 3)), Input(batch_shape=(4, 3))])


@pytest.mark.parametrize('cls', [Add, Multiply, Average, Maximum, Minimum,
                                 Subtract, Concatenate])
def test_single_input(cls):
    with pytest.raises(ValueError, match='%s.*at least 2 inputs|%s.*exactly'
                       % (cls.__name__, cls.__name__)):
        cls()([Input(shape=(3,))])
    with pytest.raises(ValueError, match=cls.__name__):
        cls()(Input(shape=(3,)))


def test_subtract_needs_exactly_two_inputs():
    inputs = [Input(shape=(3,)) for _ in range(3)]
    with pytest.raises(ValueError, match='Subtract.*exactly 2 inputs'):
        Subtract()(inputs)
    with pytest.raises(ValueError, match='Subtract.*exactly 2 inputs'):
        merge.subtract(inputs)


def test_layer_checks_inputs_again_when_reused():
    layer = Add()
    layer([Input(shape=(3,)), Input(shape=(3,))])
    with pytest.raises(ValueError, match='Add.*broadcast'):
        layer([Input(shape=(3,)), Input(shape=(5,))])


# ----------------------------------------------------------------------
# Concatenate

@pytest.mark.parametrize('axis, shapes', [
    (-1, [(3, 2), (3, 4)]),
    (1, [(2, 3), (4, 3)]),
    (2, [(3, 2), (3, 1), (3, 5)]),
    (-2, [(2, 3), (1, 3)]),
])
def test_concatenate_values(axis, shapes):
    arrays = _arrays(*[(2,) + s for s in shapes])
    model = _model(Concatenate(axis=axis), *shapes)
    expected = np.concatenate(arrays, axis=axis)
    assert model.output_shape == (None,) + expected.shape[1:]
    assert_allclose(model.predict(arrays), expected)
    inputs = [Input(shape=s) for s in shapes]
    model = Model(inputs, merge.concatenate(inputs, axis=axis))
    assert_allclose(model.predict(arrays), expected)
    _round_trip(model, arrays)


def test_concatenate_mismatched_shapes():
    with pytest.raises(ValueError, match='Concatenate.*matching shapes'):
        Concatenate()([Input(shape=(2, 3)), Input(shape=(4, 3))])
    with pytest.raises(ValueError, match='Concatenate.*axis'):
        Concatenate(axis=3)([Input(shape=(2, 3)), Input(shape=(2, 3))])
    with pytest.raises(ValueError, match='Concatenate.*axis'):
        Concatenate()([Input(shape=(2, 3)), Input(shape=(3,))])
    with pytest.raises(ValueError, match='Concatenate.*axis'):
        Concatenate(axis=(1, 2))


def test_concatenate_config():
    layer = Concatenate(axis=1, name='joined')
    config = layer.get_config()
    assert config['axis'] == 1 and config['name'] == 'joined'
    assert Concatenate.from_config(config).get_config() == config


# ----------------------------------------------------------------------
# Dot

@pytest.mark.parametrize('axes, shapes, pair', [
    (1, [(3,), (3,)], (1, 1)),
    (-1, [(3,), (3,)], (1, 1)),
    ((2, 1), [(4, 3), (3, 5)], (2, 1)),
    ((-1, -2), [(4, 3), (3, 5)], (2, 1)),
    (1, [(4, 3), (4, 2)], (1, 1)),
    ((2, 1), [(4, 3), (3,)], (2, 1)),
    ((1, 2), [(3,), (4, 3)], (1, 2)),
])
def test_dot_values(axes, shapes, pair):
    arrays = _arrays(*[(2,) + s for s in shapes])
    model = _model(Dot(axes=axes), *shapes)
    expected = np_batch_dot(arrays[0], arrays[1], pair)
    assert model.output_shape == (None,) + expected.shape[1:]
    assert_allclose(model.predict(arrays), expected, rtol=1e-5, atol=1e-6)
    _round_trip(model, arrays)


def test_dot_normalize_gives_cosine_proximity():
    a, b = _arrays((4, 3), (4, 3))
    inputs = [Input(shape=(3,)), Input(shape=(3,))]
    model = Model(inputs, merge.dot(inputs, axes=1, normalize=True))
    cosine = (np.sum(a * b, axis=1) /
              np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1))
    assert_allclose(model.predict([a, b]), cosine[:, None], rtol=1e-5)


def test_dot_errors():
    with pytest.raises(ValueError, match='Dot.*incompatibility 3 != 4'):
        Dot(axes=1)([Input(shape=(3,)), Input(shape=(4,))])
    with pytest.raises(ValueError, match='Dot.*exactly 2 inputs'):
        Dot(axes=1)([Input(shape=(3,))] * 3)
    with pytest.raises(ValueError, match='Dot.*axes'):
        Dot(axes=0)([Input(shape=(3,)), Input(shape=(3,))])
    with pytest.raises(ValueError, match='Dot.*axes'):
        Dot(axes=(1, 3))([Input(shape=(3,)), Input(shape=(3,))])
    with pytest.raises(TypeError, match='axes'):
        Dot(axes='last')
    with pytest.raises(ValueError, match='two elements'):
        Dot(axes=(1, 2, 3))
    with pytest.raises(ValueError, match='integers'):
        Dot(axes=(1, 'a'))


def test_dot_config():
    layer = Dot(axes=(1, 2), normalize=True)
    config = layer.get_config()
    assert config['axes'] == (1, 2) and config['normalize'] is True
    assert Dot.from_config(config).get_config() == config


def test_dot_model_learns():
    # the product of two learned projections fits a bilinear target
    a, b = _arrays((128, 3), (128, 3))
    target = np.sum(a * b, axis=1, keepdims=True)
    inputs = [Input(shape=(3,)), Input(shape=(3,))]
    projected = [Dense(3, use_bias=False)(x) for x in inputs]
    model = Model(inputs, Dot(axes=1)(projected))
    model.compile(optimizers.Adam(lr=0.05), 'mse')
    before = model.evaluate([a, b], target, verbose=0)
    model.fit([a, b], target, epochs=20, batch_size=32, verbose=0)
    after = model.evaluate([a, b], target, verbose=0)
    assert after < 0.2 * before


# ----------------------------------------------------------------------
# Masks

def _masked_inputs():
    """Two index inputs, embedded with `mask_zero`, and their arrays."""
    inputs = [Input(shape=(4,)), Input(shape=(4,))]
    embedded = [Embedding(5, 3, mask_zero=True)(x) for x in inputs]
    arrays = [np.array([[1, 2, 0, 3], [0, 1, 1, 0]]),
              np.array([[1, 0, 4, 3], [2, 2, 2, 0]])]
    return inputs, embedded, arrays


def _mask_value(inputs, layer, arrays):
    return K.function(inputs, [layer.output_mask])(arrays)[0]


@pytest.mark.parametrize('cls', [Add, Subtract, Multiply, Average, Maximum,
                                 Minimum])
def test_elementwise_masks_are_combined_with_and(cls):
    inputs, embedded, arrays = _masked_inputs()
    layer = cls()
    layer(embedded)
    expected = (arrays[0] != 0) & (arrays[1] != 0)
    assert _mask_value(inputs, layer, arrays).tolist() == expected.tolist()


def test_elementwise_mask_with_one_unmasked_input():
    inputs, embedded, arrays = _masked_inputs()
    plain = Input(shape=(4, 3))
    layer = Add()
    layer([embedded[0], plain])
    mask = K.function([inputs[0]], [layer.output_mask])([arrays[0]])[0]
    assert mask.tolist() == (arrays[0] != 0).tolist()
    assert Add().compute_mask([plain, plain], [None, None]) is None
    assert Add().compute_mask([plain, plain], None) is None


def test_concatenate_masks_along_features():
    inputs, embedded, arrays = _masked_inputs()
    plain = Input(shape=(4, 2))
    layer = Concatenate()
    layer([embedded[0], plain, embedded[1]])
    mask = K.function(inputs + [plain], [layer.output_mask])(
        arrays + [np.zeros((2, 4, 2))])[0]
    expected = (arrays[0] != 0) & (arrays[1] != 0)
    assert mask.tolist() == expected.tolist()


def test_concatenate_masks_along_time():
    inputs, embedded, arrays = _masked_inputs()
    plain = Input(shape=(2, 3))
    layer = Concatenate(axis=1)
    out = layer([embedded[0], plain])
    assert K.int_shape(out) == (None, 6, 3)
    mask = K.function([inputs[0], plain], [layer.output_mask])(
        [arrays[0], np.zeros((2, 2, 3))])[0]
    expected = np.concatenate([arrays[0] != 0, np.ones((2, 2), bool)],
                              axis=1)
    assert mask.tolist() == expected.tolist()


def test_dot_has_no_mask():
    inputs, embedded, arrays = _masked_inputs()
    layer = Dot(axes=2)
    layer(embedded)
    assert layer.output_mask is None


def test_mask_list_errors():
    x = Input(shape=(3,))
    with pytest.raises(ValueError, match='same length'):
        Add().compute_mask([x, x], [None])
    with pytest.raises(ValueError, match='lists'):
        Concatenate().compute_mask([x, x], K.placeholder(shape=(None,)))


def test_exported_from_layers():
    for name in ('Add', 'Subtract', 'Multiply', 'Average', 'Maximum',
                 'Minimum', 'Concatenate', 'Dot', 'add', 'subtract',
                 'multiply', 'average', 'maximum', 'minimum', 'concatenate',
                 'dot'):
        assert getattr(layers, name) is getattr(merge, name)
