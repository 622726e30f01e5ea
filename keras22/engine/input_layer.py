"""Input layers: where the tensors of a model start."""
import tensorflow as tf

from .. import backend as K
from ..backend import graph as graph_lib
from .base_layer import Layer, Node


class InputLayer(Layer):
    """The layer that stands for a model input.

    It is created by `Input()` (or by `Sequential` for its first layer)
    and holds the placeholder that data is fed into.

    # Arguments
        input_shape: shape without the batch axis.
        batch_size: optional batch size.
        batch_input_shape: shape with the batch axis (instead of the two
            above).
        dtype: dtype of the input (default: `floatx()`).
        input_tensor: an existing tensor to use instead of a placeholder.
        sparse: whether the placeholder is sparse.
        name: the layer's name (default `'input_<n>'`).

    # Raises
        ValueError: if both `input_shape` and `batch_input_shape` are
            given, or neither (and no `input_tensor`).
    """

    def __init__(self, input_shape=None, batch_size=None,
                 batch_input_shape=None, dtype=None, input_tensor=None,
                 sparse=False, name=None, **kwargs):
        if 'batch_input_shape' in kwargs:
            batch_input_shape = kwargs.pop('batch_input_shape')
        if not name:
            name = 'input_%d' % K.get_uid('input')
        super(InputLayer, self).__init__(dtype=dtype, name=name)
        self.trainable = False
        self.built = True
        self.sparse = sparse
        if input_shape is not None and batch_input_shape is not None:
            raise ValueError('InputLayer %s: only provide the input_shape OR '
                             'batch_input_shape argument, not both.' % name)
        if input_tensor is not None and batch_input_shape is None:
            batch_input_shape = K.int_shape(input_tensor)
        if not batch_input_shape:
            if input_shape is None:
                raise ValueError('InputLayer %s: an Input layer should be '
                                 'passed either a `batch_input_shape` or an '
                                 '`input_shape`.' % name)
            batch_input_shape = (batch_size,) + tuple(input_shape)
        else:
            batch_input_shape = tuple(batch_input_shape)
        self.batch_input_shape = batch_input_shape
        self.dtype = dtype or K.floatx()
        self.is_placeholder = input_tensor is None
        if input_tensor is None:
            input_tensor = K.placeholder(shape=batch_input_shape,
                                        dtype=self.dtype, sparse=sparse,
                                        name=self.name)
        elif not graph_lib.is_symbolic(input_tensor):
            # An eager tensor or variable: bring it into the Keras graph so
            # the model can be built and compiled on it.
            with graph_lib.keras_graph_scope():
                input_tensor = tf.identity(input_tensor, name=self.name)
        input_tensor._uses_learning_phase = False
        input_tensor._keras_history = (self, 0, 0)
        try:
            input_tensor._keras_shape = batch_input_shape
        except AttributeError:
            pass
        Node(self, inbound_layers=[], node_indices=[], tensor_indices=[],
             input_tensors=[input_tensor], output_tensors=[input_tensor],
             input_masks=[None], output_masks=[None],
             input_shapes=[batch_input_shape],
             output_shapes=[batch_input_shape])

    def get_config(self):
        return {'batch_input_shape': self.batch_input_shape,
                'dtype': self.dtype,
                'sparse': self.sparse,
                'name': self.name}


def Input(shape=None, batch_shape=None, name=None, dtype=None, sparse=False,
          tensor=None):
    """Creates a Keras tensor: the starting point of a functional model.

    # Arguments
        shape: the input shape without the batch axis, e.g. `(32,)` for
            vectors of 32 numbers; entries may be `None`.
        batch_shape: the shape with the batch axis, e.g. `(10, 32)`.
        name: an optional name, unique in the model.
        dtype: the data type (default: `floatx()`).
        sparse: whether the placeholder is sparse.
        tensor: an existing tensor to wrap instead of a new placeholder.

    # Returns
        A symbolic tensor.

    # Raises
        ValueError: if neither `shape`, `batch_shape` nor `tensor` is
            given.

    # Example
    ```python
        x = Input(shape=(32,))
        y = Dense(16, activation='softmax')(x)
        model = Model(x, y)
    ```
    """
    if not batch_shape and tensor is None:
        if shape is None:
            raise ValueError('Please provide to Input either a `shape` or a '
                             '`batch_shape` argument. Note that `shape` does '
                             'not include the batch dimension.')
    if shape is not None and not batch_shape:
        if isinstance(shape, int):
            shape = (shape,)
        batch_shape = (None,) + tuple(shape)
    layer = InputLayer(batch_input_shape=batch_shape, name=name, dtype=dtype,
                       sparse=sparse, input_tensor=tensor)
    outputs = layer._inbound_nodes[0].output_tensors
    return outputs[0] if len(outputs) == 1 else outputs
