"""Sequential: a linear stack of layers."""
import copy
import warnings

import numpy as np

from .. import backend as K
from ..utils.layer_utils import get_source_inputs
from .base_layer import Layer
from .input_layer import Input, InputLayer
from .training import Model


class Sequential(Model):
    """A model made of layers applied one after the other.

    The first layer needs to know its input shape (`input_shape`,
    `input_dim`, `batch_input_shape`, or an `InputLayer`); otherwise the
    model is built when `build(input_shape)` is called or when it first
    meets data in `fit`.

    # Arguments
        layers: a list of layers to add.
        name: the model's name.

    # Example
    ```python
        model = Sequential()
        model.add(Dense(32, input_shape=(500,)))
        model.add(Dense(10, activation='softmax'))
        model.compile(optimizer='rmsprop', loss='categorical_crossentropy',
                      metrics=['accuracy'])
    ```
    """

    def __init__(self, layers=None, name=None):
        super(Sequential, self).__init__(name=name)
        self._build_input_shape = None
        if layers:
            for layer in layers:
                self.add(layer)

    @property
    def layers(self):
        # The InputLayer is an implementation detail of Sequential.
        if self._layers and isinstance(self._layers[0], InputLayer):
            return self._layers[1:]
        return self._layers

    @property
    def model(self):
        # Keras 1 code used `model.model` to reach the inner functional
        # model; in Keras 2 the Sequential model is that model.
        return self

    def add(self, layer):
        """Adds a layer on top of the stack.

        # Arguments
            layer: a layer instance (or a model).

        # Raises
            TypeError: if `layer` is not a layer.
            ValueError: if the layer has several outputs, or if its shape
                does not fit the previous layer's output.
        """
        if not isinstance(layer, Layer):
            raise TypeError('The added layer must be an instance of class '
                            'Layer. Found: %s' % (layer,))
        self.built = False
        if not self._layers:
            if isinstance(layer, InputLayer):
                self._start_from(layer._inbound_nodes[-1].output_tensors)
            else:
                first = layer
                if isinstance(layer, Model):
                    if not layer.layers:
                        raise ValueError('Cannot add an empty model to a '
                                         '`Sequential` model.')
                    first = layer.layers[0]
                    while isinstance(first, Model):
                        first = first.layers[0]
                batch_shape = getattr(first, 'batch_input_shape', None)
                if batch_shape is not None:
                    x = Input(batch_shape=batch_shape, dtype=first.dtype,
                              name=layer.name + '_input')
                    layer(x)
                    self._start_from(layer._inbound_nodes[-1].output_tensors)
        elif self.outputs:
            output = layer(self.outputs[0])
            if isinstance(output, list):
                raise TypeError('All layers in a Sequential model should have '
                                'a single output tensor. For multi-output '
                                'layers, use the functional API.')
            self.outputs = [output]
        if self.inputs:
            self.build()
        else:
            self._layers.append(layer)

    def _start_from(self, output_tensors):
        if len(output_tensors) != 1:
            raise ValueError('All layers in a Sequential model should have a '
                             'single output tensor. For multi-output layers, '
                             'use the functional API.')
        self.outputs = [output_tensors[0]]
        self.inputs = get_source_inputs(self.outputs[0])

    def pop(self):
        """Removes the last layer.

        # Raises
            TypeError: if there are no layers.
        """
        if not self.layers:
            raise TypeError('There are no layers in the model.')
        self._layers.pop()
        self.built = False
        if not self.layers:
            self.outputs = []
            self.inputs = []
            self._layers = []
        elif self.inputs:
            self.layers[-1]._outbound_nodes = []
            self.outputs = [self.layers[-1].output]
            self.build()

    def build(self, input_shape=None):
        """Builds the model for an input shape (with the batch axis).

        # Arguments
            input_shape: the batch input shape; needed when the first layer
                did not declare one.

        # Raises
            TypeError: if the model has no input shape to build with.
        """
        if input_shape and not self.inputs:
            x = Input(batch_shape=tuple(input_shape),
                      name=self._layers[0].name + '_input')
            self.inputs = [x]
            for layer in self._layers:
                x = layer(x)
            self.outputs = [x]
            self._build_input_shape = tuple(input_shape)
        if not self.inputs:
            raise TypeError('Sequential model cannot be built: model is empty.'
                            ' Add some layers first.')
        # The graph network orders the layers as added, after the input.
        self._init_graph_network(self.inputs, self.outputs, name=self.name)
        self.built = True

    def _set_inputs(self, inputs, outputs=None, training=None):
        """Builds a deferred Sequential model from the first data seen."""
        first = inputs[0] if isinstance(inputs, (list, tuple)) else inputs
        shape = (None,) + tuple(np.shape(first)[1:]) if not K.is_tensor(
            first) else K.int_shape(first)
        if len(shape) == 1:
            shape = shape + (1,)
        self.build(shape)

    def get_config(self):
        """The model's name and its layers' configs.

        # Returns
            A dict `{'name': ..., 'layers': [...]}` (Keras 2.2.4's format),
            with `build_input_shape` when the model was built from an input
            shape given later (deferred build), so that `from_config`
            rebuilds it with its weights.
        """
        layer_configs = []
        for layer in self.layers:
            layer_configs.append({'class_name': layer.__class__.__name__,
                                  'config': layer.get_config()})
        config = {'name': self.name, 'layers': copy.deepcopy(layer_configs)}
        if self._build_input_shape:
            config['build_input_shape'] = self._build_input_shape
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Rebuilds a Sequential model from `get_config()` output.

        Accepts Keras 2.2.4's dict `{'name': ..., 'layers': [...]}` and
        the plain list of layer configs of Keras 2.0-2.2.2.

        # Arguments
            config: the dict (or list) from `get_config()`.
            custom_objects: a dict of custom classes by name.

        # Returns
            A `Sequential` model, built when the config says how.
        """
        from ..layers import deserialize as deserialize_layer
        name = None
        if isinstance(config, dict):
            name = config.get('name')
            layer_configs = config['layers']
        else:
            layer_configs = config
        model = cls(name=name)
        for conf in layer_configs:
            model.add(deserialize_layer(conf, custom_objects=custom_objects))
        if not model.inputs and isinstance(config, dict) and \
                config.get('build_input_shape'):
            model.build(config['build_input_shape'])
        return model

    def predict_proba(self, x, batch_size=32, verbose=0):
        """Predicted class probabilities.

        # Returns
            An array of probabilities.
        """
        preds = self.predict(x, batch_size, verbose)
        if preds.min() < 0. or preds.max() > 1.:
            warnings.warn('Network returning invalid probability values. The '
                          'last layer might not normalize predictions into '
                          'probabilities (like softmax or sigmoid would).')
        return preds

    def predict_classes(self, x, batch_size=32, verbose=0):
        """Predicted class indices.

        # Returns
            An array of class indices: the argmax of the predictions, or
            thresholds at 0.5 for a single sigmoid output.
        """
        proba = self.predict(x, batch_size=batch_size, verbose=verbose)
        if proba.shape[-1] > 1:
            return proba.argmax(axis=-1)
        return (proba > 0.5).astype('int32')
