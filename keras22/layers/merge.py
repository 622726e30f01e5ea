"""Layers that merge a list of tensors: Add, Subtract, Multiply, Average,
Maximum, Minimum, Concatenate, Dot, and their functional forms."""
from .. import backend as K
from ..engine.base_layer import Layer


def _broadcast_rank(x, rank):
    """Inserts axes after the batch axis until `x` has rank `rank`, which
    aligns its trailing axes with those of the other inputs."""
    for _ in range(rank - K.ndim(x)):
        x = K.expand_dims(x, 1)
    return x


def _batch_axis_last(x):
    """`(batch, d1, ..., dn)` -> `(d1, ..., dn, batch)`, for any rank."""
    rank = K.ndim(x)
    if rank is None:
        shape = K.shape(x)
        flat = K.reshape(x, K.stack([shape[0], -1]))
        return K.reshape(K.transpose(flat),
                         K.concatenate([shape[1:], shape[:1]]))
    if rank > 1:
        return K.permute_dimensions(x, list(range(1, rank)) + [0])
    return x


def _batch_axis_first(y):
    """The inverse of `_batch_axis_last`."""
    rank = K.ndim(y)
    if rank is None:
        shape = K.shape(y)
        flat = K.reshape(y, K.stack([-1, shape[-1]]))
        return K.reshape(K.transpose(flat),
                         K.concatenate([shape[-1:], shape[:-1]]))
    if rank > 1:
        return K.permute_dimensions(y, [rank - 1] + list(range(rank - 1)))
    return y


def _mask_and(masks):
    """Elementwise AND of masks, broadcasting them like the inputs."""
    floats = [K.cast(m, K.floatx()) for m in masks]
    ranks = [K.ndim(m) for m in masks]
    if None not in ranks:
        floats = [_broadcast_rank(m, max(ranks)) for m in floats]
    product = floats[0]
    for m in floats[1:]:
        product = product * m
    return K.cast(product, 'bool')


class _Merge(Layer):
    """The base of the merge layers.

    Subclasses implement `_merge_function(inputs)` on a list of tensors of
    the same rank; `call` first brings inputs of different ranks to a
    common rank (inserting axes after the batch axis), so that their
    trailing axes broadcast against each other as in NumPy. The output
    mask keeps the positions that every input's mask keeps.

    # Arguments
        **kwargs: standard layer keyword arguments.
    """

    # Whether `call` brings the inputs to one rank before merging.
    _broadcasts = True

    def __init__(self, **kwargs):
        super(_Merge, self).__init__(**kwargs)
        self.supports_masking = True

    def _merge_function(self, inputs):
        raise NotImplementedError

    def _describe(self):
        return '%s layer "%s"' % (type(self).__name__, self.name)

    def _check_input_list(self, input_shape, count=None):
        """Raises unless `input_shape` is a list of enough shapes."""
        if count is not None:
            expected = 'exactly %d inputs' % count
            ok = isinstance(input_shape, list) and len(input_shape) == count
        else:
            expected = 'a list of at least 2 inputs'
            ok = isinstance(input_shape, list) and len(input_shape) >= 2
        if not ok:
            got = (('%d inputs' % len(input_shape))
                   if isinstance(input_shape, list) else 'a single input')
            raise ValueError('A %s should be called on %s, got %s.'
                             % (self._describe(), expected, got))

    def _compute_elemwise_op_output_shape(self, shape1, shape2):
        """The shape two operands broadcast to (batch axis excluded).

        # Arguments
            shape1: a shape tuple, or `None` if unknown.
            shape2: a shape tuple, or `None` if unknown.

        # Returns
            A shape tuple, or `None` if either shape is unknown.

        # Raises
            ValueError: if the shapes cannot be broadcast together.
        """
        if shape1 is None or shape2 is None:
            return None
        if len(shape1) < len(shape2):
            return self._compute_elemwise_op_output_shape(shape2, shape1)
        if not shape2:
            return tuple(shape1)
        output = list(shape1[:-len(shape2)])
        for i, j in zip(shape1[-len(shape2):], shape2):
            if i is None or j is None:
                output.append(None)
            elif i == 1 or j == 1 or i == j:
                output.append(j if i == 1 else i)
            else:
                raise ValueError('%s: operands could not be broadcast '
                                 'together with shapes %s %s.'
                                 % (self._describe(), tuple(shape1),
                                    tuple(shape2)))
        return tuple(output)

    def _batch_size(self, input_shapes):
        sizes = set(s[0] for s in input_shapes if s) - set([None])
        if len(sizes) > 1:
            raise ValueError('%s: can not merge tensors with different batch '
                             'sizes. Got tensors with shapes: %s'
                             % (self._describe(), input_shapes))
        return sizes.pop() if sizes else None

    def _check_shapes(self, input_shapes):
        """Validates the input shapes and returns the output shape."""
        batch_size = self._batch_size(input_shapes)
        output = None
        for index, shape in enumerate(input_shapes):
            shape = None if shape is None else tuple(shape[1:])
            output = shape if index == 0 else \
                self._compute_elemwise_op_output_shape(output, shape)
        if output is None:
            return None
        return (batch_size,) + output

    def build(self, input_shape):
        self._check_input_list(input_shape)
        self._check_shapes(input_shape)
        self.built = True

    def call(self, inputs):
        self._check_input_list(inputs)
        # A layer used again on other inputs is checked again.
        self._check_shapes([K.int_shape(x) for x in inputs])
        ranks = [K.ndim(x) for x in inputs]
        if not self._broadcasts or (None not in ranks and
                                    len(set(ranks)) == 1):
            return self._merge_function(inputs)
        if None not in ranks:
            rank = max(ranks)
            return self._merge_function([_broadcast_rank(x, rank)
                                         for x in inputs])
        # With an unknown rank, axes cannot be inserted after the batch
        # axis; moving the batch axis last lines the others up instead.
        transposed = [_batch_axis_last(x) for x in inputs]
        return _batch_axis_first(self._merge_function(transposed))

    def compute_output_shape(self, input_shape):
        self._check_input_list(input_shape)
        return self._check_shapes(input_shape)

    def _check_masks(self, inputs, mask):
        """Whether any of the inputs is masked; raises for mismatched
        lists."""
        if mask is None:
            return False
        if not isinstance(mask, list) or not isinstance(inputs, list):
            raise ValueError('%s: `inputs` and `mask` should be lists.'
                             % self._describe())
        if len(mask) != len(inputs):
            raise ValueError('%s: `inputs` and `mask` should have the same '
                             'length, got %d and %d.'
                             % (self._describe(), len(inputs), len(mask)))
        return any(m is not None for m in mask)

    def compute_mask(self, inputs, mask=None):
        if not self._check_masks(inputs, mask):
            return None
        return _mask_and([m for m in mask if m is not None])


class Add(_Merge):
    """Adds a list of inputs elementwise.

    It takes a list of tensors of the same shape (or shapes that broadcast
    together) and returns one tensor of that shape.

    # Examples
    ```python
        input1 = Input(shape=(16,))
        x1 = Dense(8, activation='relu')(input1)
        input2 = Input(shape=(32,))
        x2 = Dense(8, activation='relu')(input2)
        added = Add()([x1, x2])  # same as added = add([x1, x2])
        out = Dense(4)(added)
        model = Model(inputs=[input1, input2], outputs=out)
    ```
    """

    def _merge_function(self, inputs):
        output = inputs[0]
        for x in inputs[1:]:
            output = output + x
        return output


class Subtract(_Merge):
    """Subtracts the second of two inputs from the first, elementwise.

    # Raises
        ValueError: unless called on exactly two inputs.

    # Examples
    ```python
        input1 = Input(shape=(16,))
        x1 = Dense(8, activation='relu')(input1)
        input2 = Input(shape=(32,))
        x2 = Dense(8, activation='relu')(input2)
        subtracted = Subtract()([x1, x2])  # x1 - x2
        out = Dense(4)(subtracted)
        model = Model(inputs=[input1, input2], outputs=out)
    ```
    """

    def build(self, input_shape):
        self._check_input_list(input_shape, count=2)
        super(Subtract, self).build(input_shape)

    def _merge_function(self, inputs):
        self._check_input_list(inputs, count=2)
        return inputs[0] - inputs[1]


class Multiply(_Merge):
    """Multiplies a list of inputs elementwise.

    It takes a list of tensors of the same shape (or shapes that broadcast
    together) and returns one tensor of that shape.
    """

    def _merge_function(self, inputs):
        output = inputs[0]
        for x in inputs[1:]:
            output = output * x
        return output


class Average(_Merge):
    """Averages a list of inputs elementwise.

    It takes a list of tensors of the same shape (or shapes that broadcast
    together) and returns one tensor of that shape.
    """

    def _merge_function(self, inputs):
        output = inputs[0]
        for x in inputs[1:]:
            output = output + x
        return output / len(inputs)


class Maximum(_Merge):
    """The elementwise maximum of a list of inputs.

    It takes a list of tensors of the same shape (or shapes that broadcast
    together) and returns one tensor of that shape.
    """

    def _merge_function(self, inputs):
        output = inputs[0]
        for x in inputs[1:]:
            output = K.maximum(output, x)
        return output


class Minimum(_Merge):
    """The elementwise minimum of a list of inputs.

    It takes a list of tensors of the same shape (or shapes that broadcast
    together) and returns one tensor of that shape.
    """

    def _merge_function(self, inputs):
        output = inputs[0]
        for x in inputs[1:]:
            output = K.minimum(output, x)
        return output


class Concatenate(_Merge):
    """Concatenates a list of inputs along an axis.

    The inputs must have the same shape except along the concatenation
    axis; the output has the sum of their sizes along it. Unknown sizes
    are taken as compatible (Keras 2.2.4 required them to be unknown in
    every input).

    The output mask, when some inputs are masked, keeps a position where
    every input's mask does (unmasked inputs count as all kept). Keras
    2.2.4 computed it only for the last axis; keras22 also for
    concatenation along other axes, e.g. along time.

    # Arguments
        axis: the concatenation axis.
        **kwargs: standard layer keyword arguments.

    # Raises
        ValueError: for fewer than two inputs, an `axis` that is not an
            axis of the inputs, or shapes that differ elsewhere than along
            `axis`.
    """

    _broadcasts = False

    def __init__(self, axis=-1, **kwargs):
        super(Concatenate, self).__init__(**kwargs)
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise ValueError('Concatenate: `axis` must be an integer, got %r.'
                             % (axis,))
        self.axis = axis

    def _check_shapes(self, input_shapes):
        if any(shape is None for shape in input_shapes):
            return None
        shapes = [list(shape) for shape in input_shapes]
        ranks = set(len(shape) for shape in shapes)
        rank = len(shapes[0])
        if len(ranks) > 1 or not -rank <= self.axis < rank:
            raise ValueError('%s: `axis`=%d does not fit inputs of shapes %s '
                             '(all inputs need the same rank, with that axis).'
                             % (self._describe(), self.axis, input_shapes))
        axis = self.axis % rank
        output = list(shapes[0])
        for shape in shapes[1:]:
            for i, (a, b) in enumerate(zip(output, shape)):
                if i == axis:
                    output[i] = None if a is None or b is None else a + b
                elif a is not None and b is not None and a != b:
                    raise ValueError(
                        '%s requires inputs with matching shapes except for '
                        'the concatenation axis (axis=%d). Got inputs '
                        'shapes: %s' % (self._describe(), self.axis,
                                        input_shapes))
                elif a is None:
                    output[i] = b
        return tuple(output)

    def _merge_function(self, inputs):
        return K.concatenate(inputs, axis=self.axis)

    def compute_mask(self, inputs, mask=None):
        if not self._check_masks(inputs, mask):
            return None
        # Every mask becomes `input shape[:-1] + (1,)`, so masks of inputs
        # with and without masks line up along any concatenation axis; the
        # final reduction over the last axis gives the usual mask rank.
        masks = []
        for x, m in zip(inputs, mask):
            if m is None:
                m = K.all(K.ones_like(x, dtype='bool'), axis=-1,
                          keepdims=True)
            elif K.ndim(m) < K.ndim(x):
                m = K.expand_dims(K.cast(m, 'bool'), -1)
            else:
                m = K.all(K.cast(m, 'bool'), axis=-1, keepdims=True)
            masks.append(m)
        return K.all(K.concatenate(masks, axis=self.axis), axis=-1,
                     keepdims=False)

    def get_config(self):
        config = {'axis': self.axis}
        base = super(Concatenate, self).get_config()
        return dict(list(base.items()) + list(config.items()))


class Dot(_Merge):
    """The dot product of two inputs, sample by sample.

    For inputs `a` of shape `(batch_size, n)` and `b` of shape
    `(batch_size, n)`, the output has shape `(batch_size, 1)` and holds
    `sum(a[i] * b[i])` for each sample `i`. In general the product runs
    along `axes` (see `K.batch_dot`); the output keeps the batch axis, then
    the other axes of the first input, then those of the second.

    # Arguments
        axes: an integer (the same axis of both inputs) or a pair of
            integers (one axis per input); negative values count from the
            end. The batch axis 0 cannot be one of them (Keras 2.2.4
            accepted it and computed something meaningless).
        normalize: whether to L2-normalize both inputs along `axes` first,
            which makes the output the cosine proximity of the inputs.
        **kwargs: standard layer keyword arguments.

    # Raises
        TypeError: if `axes` is neither an integer nor a list or tuple.
        ValueError: if `axes` does not hold two integers, for other than
            two inputs, or when the sizes along the axes differ.
    """

    _broadcasts = False

    def __init__(self, axes, normalize=False, **kwargs):
        super(Dot, self).__init__(**kwargs)
        if not isinstance(axes, int):
            if not isinstance(axes, (list, tuple)):
                raise TypeError('Dot: invalid type for `axes`: it should be '
                                'an integer or a list of two integers, got '
                                '%r.' % (axes,))
            if len(axes) != 2:
                raise ValueError('Dot: invalid format for `axes`: it should '
                                 'contain two elements, got %r.' % (axes,))
            if not all(isinstance(a, int) and not isinstance(a, bool)
                       for a in axes):
                raise ValueError('Dot: invalid format for `axes`: its '
                                 'elements should be integers, got %r.'
                                 % (axes,))
        self.axes = axes
        self.normalize = normalize

    def _axes_for(self, ranks):
        """The two contracted axes, counted from 0."""
        pair = ([self.axes] * 2 if isinstance(self.axes, int)
                else list(self.axes))
        axes = []
        for axis, rank in zip(pair, ranks):
            if rank is None:
                axes.append(axis)
                continue
            if not -rank <= axis < rank or axis % rank == 0:
                raise ValueError('%s: `axes`=%s are not non-batch axes of '
                                 'inputs of ranks %s.'
                                 % (self._describe(), self.axes,
                                    list(ranks)))
            axes.append(axis % rank)
        return axes

    def _check_shapes(self, input_shapes):
        self._check_input_list(input_shapes, count=2)
        shape1, shape2 = input_shapes
        if shape1 is None or shape2 is None:
            return None
        self._batch_size(input_shapes)
        axes = self._axes_for([len(shape1), len(shape2)])
        size1, size2 = shape1[axes[0]], shape2[axes[1]]
        if size1 is not None and size2 is not None and size1 != size2:
            raise ValueError('%s: dimension incompatibility %s != %s along '
                             '`axes`=%s. Layer shapes: %s, %s'
                             % (self._describe(), size1, size2, self.axes,
                                tuple(shape1), tuple(shape2)))
        shape1, shape2 = list(shape1), list(shape2)
        batch = shape1[0] if shape1[0] is not None else shape2[0]
        shape1.pop(axes[0])
        shape2.pop(axes[1])
        output = [batch] + shape1[1:] + shape2[1:]
        if len(output) == 1:
            output.append(1)
        return tuple(output)

    def build(self, input_shape):
        self._check_input_list(input_shape, count=2)
        super(Dot, self).build(input_shape)

    def _merge_function(self, inputs):
        self._check_input_list(inputs, count=2)
        x1, x2 = inputs
        axes = self._axes_for([K.ndim(x1), K.ndim(x2)])
        if self.normalize:
            x1 = K.l2_normalize(x1, axis=axes[0])
            x2 = K.l2_normalize(x2, axis=axes[1])
        return K.batch_dot(x1, x2, axes)

    def compute_mask(self, inputs, mask=None):
        return None

    def get_config(self):
        config = {'axes': self.axes, 'normalize': self.normalize}
        base = super(Dot, self).get_config()
        return dict(list(base.items()) + list(config.items()))


def add(inputs, **kwargs):
    """Functional interface to the `Add` layer.

    # Arguments
        inputs: a list of at least two tensors.
        **kwargs: standard layer keyword arguments.

    # Returns
        The elementwise sum of the inputs.

    # Examples
    ```python
        input1 = Input(shape=(16,))
        input2 = Input(shape=(16,))
        added = add([input1, input2])
    ```
    """
    return Add(**kwargs)(inputs)


def subtract(inputs, **kwargs):
    """Functional interface to the `Subtract` layer.

    # Arguments
        inputs: a list of exactly two tensors.
        **kwargs: standard layer keyword arguments.

    # Returns
        The elementwise difference `inputs[0] - inputs[1]`.
    """
    return Subtract(**kwargs)(inputs)


def multiply(inputs, **kwargs):
    """Functional interface to the `Multiply` layer.

    # Arguments
        inputs: a list of at least two tensors.
        **kwargs: standard layer keyword arguments.

    # Returns
        The elementwise product of the inputs.
    """
    return Multiply(**kwargs)(inputs)


def average(inputs, **kwargs):
    """Functional interface to the `Average` layer.

    # Arguments
        inputs: a list of at least two tensors.
        **kwargs: standard layer keyword arguments.

    # Returns
        The elementwise average of the inputs.
    """
    return Average(**kwargs)(inputs)


def maximum(inputs, **kwargs):
    """Functional interface to the `Maximum` layer.

    # Arguments
        inputs: a list of at least two tensors.
        **kwargs: standard layer keyword arguments.

    # Returns
        The elementwise maximum of the inputs.
    """
    return Maximum(**kwargs)(inputs)


def minimum(inputs, **kwargs):
    """Functional interface to the `Minimum` layer.

    # Arguments
        inputs: a list of at least two tensors.
        **kwargs: standard layer keyword arguments.

    # Returns
        The elementwise minimum of the inputs.
    """
    return Minimum(**kwargs)(inputs)


def concatenate(inputs, axis=-1, **kwargs):
    """Functional interface to the `Concatenate` layer.

    # Arguments
        inputs: a list of at least two tensors.
        axis: the concatenation axis.
        **kwargs: standard layer keyword arguments.

    # Returns
        The concatenation of the inputs along `axis`.
    """
    return Concatenate(axis=axis, **kwargs)(inputs)


def dot(inputs, axes, normalize=False, **kwargs):
    """Functional interface to the `Dot` layer.

    # Arguments
        inputs: a list of two tensors.
        axes: an integer or a pair of integers: the axes the product runs
            along.
        normalize: whether to L2-normalize the inputs along `axes` first
            (the output is then their cosine proximity).
        **kwargs: standard layer keyword arguments.

    # Returns
        The sample-by-sample dot product of the inputs.
    """
    return Dot(axes=axes, normalize=normalize, **kwargs)(inputs)
