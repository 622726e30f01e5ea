"""The Embedding layer: integer indices to dense vectors."""
import warnings

from .. import backend as K
from .. import constraints
from .. import initializers
from .. import regularizers
from ..engine.base_layer import Layer, check_positive_int
from ..legacy.interfaces import legacy_support


def _drop_keras1_dropout(args, kwargs):
    """Keras 1's `dropout` argument has no Keras 2 counterpart: it is
    dropped with a warning pointing at `SpatialDropout1D`."""
    if 'dropout' in kwargs:
        kwargs.pop('dropout')
        warnings.warn('The `dropout` argument is no longer supported in '
                      '`Embedding`. Put a `SpatialDropout1D` layer right '
                      'after the `Embedding` layer for the same effect.',
                      stacklevel=3)
    return args, kwargs, []


def _lengths(layer_name, input_length):
    """`input_length` as a list of sequence lengths (entries may be None)."""
    lengths = (list(input_length) if isinstance(input_length, (list, tuple))
               else [input_length])
    for length in lengths:
        if length is not None:
            check_positive_int(layer_name, 'input_length', length)
    return lengths


class Embedding(Layer):
    """Turns positive integer indices into dense vectors of fixed size.

    Index `i` selects row `i` of the `embeddings` weight, e.g.
    `[[4], [20]]` -> `[[[0.25, 0.1]], [[0.6, -0.2]]]`. Float inputs are
    truncated to integers. It can only be the first layer of a model, or
    follow a layer that outputs indices.

    # Arguments
        input_dim: the vocabulary size: the largest index plus one.
        output_dim: the size of the vectors.
        embeddings_initializer: initializer of the `embeddings` matrix.
        embeddings_regularizer: regularizer of the `embeddings` matrix.
        activity_regularizer: regularizer of the output.
        embeddings_constraint: constraint on the `embeddings` matrix.
        mask_zero: whether index 0 is padding to be masked out for the
            layers that follow (recurrent layers, ...). Index 0 then cannot
            stand for a word, so `input_dim` should be the vocabulary size
            plus one.
        input_length: the length of the input sequences, when it is fixed
            (a tuple of lengths for inputs of rank 3 or more). `Flatten`
            and `Dense` layers after the embedding need it to know their
            shapes. (Keras 2.2.4 turned a tuple into an unusable input
            shape; keras22 makes it the input shape.)

    # Input shape
        `(batch_size, sequence_length)`, or more axes with a tuple
        `input_length`.

    # Output shape
        `(batch_size, sequence_length, output_dim)`

    # Weights
        `embeddings`, of shape `(input_dim, output_dim)`.

    # Raises
        ValueError: if `input_dim`, `output_dim` or an `input_length` is
            not a positive integer, or the input shape does not match
            `input_length`.

    # Example
    ```python
        model = Sequential()
        model.add(Embedding(1000, 64, input_length=10))
        # indices below 1000; output shape: (None, 10, 64)
        output = model.predict(np.random.randint(1000, size=(32, 10)))
        assert output.shape == (32, 10, 64)
    ```
    """

    @legacy_support(positional=['input_dim', 'output_dim'],
                    renamed={'init': 'embeddings_initializer',
                             'W_regularizer': 'embeddings_regularizer',
                             'W_constraint': 'embeddings_constraint'},
                    preprocess=_drop_keras1_dropout)
    def __init__(self, input_dim, output_dim,
                 embeddings_initializer='uniform',
                 embeddings_regularizer=None,
                 activity_regularizer=None,
                 embeddings_constraint=None,
                 mask_zero=False,
                 input_length=None,
                 **kwargs):
        lengths = _lengths('Embedding', input_length)
        if 'input_shape' not in kwargs and \
                'batch_input_shape' not in kwargs:
            kwargs['input_shape'] = tuple(lengths)
        super(Embedding, self).__init__(**kwargs)
        self.input_dim = check_positive_int('Embedding', 'input_dim',
                                            input_dim)
        self.output_dim = check_positive_int('Embedding', 'output_dim',
                                             output_dim)
        self.embeddings_initializer = initializers.get(embeddings_initializer)
        self.embeddings_regularizer = regularizers.get(embeddings_regularizer)
        self.activity_regularizer = regularizers.get(activity_regularizer)
        self.embeddings_constraint = constraints.get(embeddings_constraint)
        self.mask_zero = mask_zero
        self.input_length = input_length

    def build(self, input_shape):
        self.embeddings = self.add_weight(
            shape=(self.input_dim, self.output_dim),
            initializer=self.embeddings_initializer,
            name='embeddings',
            regularizer=self.embeddings_regularizer,
            constraint=self.embeddings_constraint,
            dtype=self.dtype)
        self.built = True

    def compute_mask(self, inputs, mask=None):
        if not self.mask_zero:
            return None
        return K.not_equal(inputs, 0)

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        if self.input_length is None:
            return input_shape + (self.output_dim,)
        lengths = _lengths(self.name, self.input_length)
        if len(lengths) != len(input_shape) - 1:
            raise ValueError('Embedding %s: `input_length` is %s, but the '
                             'input has shape %s.'
                             % (self.name, self.input_length, input_shape))
        for i, (length, actual) in enumerate(zip(lengths, input_shape[1:])):
            if length is None:
                lengths[i] = actual
            elif actual is not None and length != actual:
                raise ValueError('Embedding %s: `input_length` is %s, but '
                                 'the input has shape %s.'
                                 % (self.name, self.input_length,
                                    input_shape))
        return (input_shape[0],) + tuple(lengths) + (self.output_dim,)

    def call(self, inputs):
        # The engine falls back on TensorFlow's shapes when
        # `compute_output_shape` raises, so a length mismatch is caught here.
        self.compute_output_shape(K.int_shape(inputs))
        if K.dtype(inputs) != 'int32':
            inputs = K.cast(inputs, 'int32')
        return K.gather(self.embeddings, inputs)

    def get_config(self):
        config = {
            'input_dim': self.input_dim,
            'output_dim': self.output_dim,
            'embeddings_initializer': initializers.serialize(
                self.embeddings_initializer),
            'embeddings_regularizer': regularizers.serialize(
                self.embeddings_regularizer),
            'activity_regularizer': regularizers.serialize(
                self.activity_regularizer),
            'embeddings_constraint': constraints.serialize(
                self.embeddings_constraint),
            'mask_zero': self.mask_zero,
            'input_length': self.input_length}
        base = super(Embedding, self).get_config()
        return dict(list(base.items()) + list(config.items()))
