"""Model: a Network with training (compile, fit, evaluate, predict)."""
import copy
import functools
import warnings

import numpy as np
import tensorflow as tf

from .. import backend as K
from .. import losses as losses_module
from .. import metrics as metrics_module
from .. import optimizers
from ..backend import graph as graph_lib
from ..utils.generic_utils import slice_arrays, to_list, unpack_singleton
from . import training_arrays
from .base_layer import Layer
from .network import Network
from .training_utils import (check_array_lengths as _check_lengths,
                             check_loss_and_target_compatibility,
                             collect_metrics, standardize_class_weights,
                             standardize_input_data,
                             standardize_sample_weights, standardize_weights,
                             weighted_masked_objective)

# Keyword arguments of compile that are handed to K.function.
_FUNCTION_KWARGS = ('fetches', 'feed_dict', 'options', 'run_metadata')


# Keras 1 argument names of the generator methods, which Keras 2.2 still
# accepted (renamed, with a warning).
_GENERATOR_RENAMED = (('samples_per_epoch', 'steps_per_epoch'),
                      ('val_samples', 'steps'),
                      ('nb_epoch', 'epochs'),
                      ('nb_val_samples', 'validation_steps'),
                      ('nb_worker', 'workers'),
                      ('pickle_safe', 'use_multiprocessing'),
                      ('max_q_size', 'max_queue_size'))


def _legacy_generator_support(method):
    """Lets `fit/evaluate/predict_generator` take Keras 1 arguments."""
    name = method.__name__

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if len(args) > 3:
            raise TypeError('`%s` can accept only 3 positional arguments '
                            "('generator', 'steps_per_epoch', 'epochs'), but "
                            'you passed %d.' % (name, len(args)))
        converted = []
        if 'samples_per_epoch' in kwargs and len(args) < 2:
            # Keras 1 counted samples, Keras 2 counts batches: Keras 2.2
            # divided by the generator's batch size when it had one.
            samples = kwargs.pop('samples_per_epoch')
            generator = args[0] if args else kwargs.get('generator')
            batch_size = getattr(generator, 'batch_size', None)
            kwargs['steps_per_epoch'] = (samples // batch_size if batch_size
                                         else samples)
            converted.append(('steps_per_epoch', kwargs['steps_per_epoch']))
        for old, new in _GENERATOR_RENAMED:
            if old in kwargs:
                if new in kwargs:
                    raise TypeError('`%s` got both the Keras 1 argument `%s` '
                                    'and its Keras 2 name `%s`.'
                                    % (name, old, new))
                kwargs[new] = kwargs.pop(old)
                converted.append((new, kwargs[new]))
        if converted:
            warnings.warn('Update your `%s` call to the Keras 2 API: `%s(%s)`. '
                          'Keras 2 counts steps (batches) where Keras 1 '
                          'counted samples.' % (name, name, ', '.join(
                              '%s=%r' % item for item in converted)),
                          stacklevel=2)
        return method(self, *args, **kwargs)
    return wrapper


class NotCompiledError(RuntimeError, ValueError):
    """Raised when training or evaluating a model that was not compiled.

    Keras 2.2 raised a RuntimeError here; this error is also a ValueError,
    so code catching either works.
    """


class Model(Network):
    """A network with training and inference methods.

    Built from tensors (`Model(inputs, outputs)`) or by subclassing and
    overriding `call`.

    # Arguments
        inputs: the input tensor(s), made by `Input`.
        outputs: the output tensor(s).
        name: the model's name.

    # Example
    ```python
        a = Input(shape=(32,))
        b = Dense(32)(a)
        model = Model(inputs=a, outputs=b)
    ```
    """

    # ------------------------------------------------------------------
    # compile

    def compile(self, optimizer, loss=None, metrics=None, loss_weights=None,
                sample_weight_mode=None, weighted_metrics=None,
                target_tensors=None, **kwargs):
        """Configures the model for training.

        # Arguments
            optimizer: an optimizer instance or name (e.g. `'rmsprop'`).
            loss: a loss name or function, or a list or dict of them (one
                per output, dicts keyed by output name).
            metrics: metrics to report, a list (for every output) or a
                dict by output name; `'acc'`/`'accuracy'` pick binary,
                categorical or sparse accuracy from the loss and output.
            loss_weights: weights of the outputs' losses in the total loss,
                as a list or a dict by output name.
            sample_weight_mode: `None` (one weight per sample) or
                `'temporal'` (one per timestep), or a list/dict of them.
            weighted_metrics: metrics computed with sample weights.
            target_tensors: tensors to use as targets instead of feeding
                them, as a tensor, list or dict.
            **kwargs: `fetches`, `feed_dict`, `options`, `run_metadata`
                for the compiled functions.

        # Raises
            ValueError: for unknown optimizer, loss or metric names, or
                lists/dicts that do not match the outputs.
        """
        for key in kwargs:
            if key not in _FUNCTION_KWARGS:
                raise ValueError('Invalid argument "%s" passed to K.function '
                                 'with TensorFlow backend (in Model.compile).'
                                 % key)
        self.optimizer = optimizers.get(optimizer)
        self.loss = loss or []
        self.metrics = metrics or []
        self.loss_weights = loss_weights
        self.sample_weight_mode = sample_weight_mode
        self.weighted_metrics = weighted_metrics
        self._function_kwargs = kwargs
        self.train_function = None
        self.test_function = None
        self.predict_function = None
        if not self.built:
            # A subclassed model compiles for real once fit has seen data.
            self._is_compiled = False
            self._pending_target_tensors = target_tensors
            return
        self._is_compiled = True
        with graph_lib.keras_graph_scope():
            self._compile_graph(loss, metrics, loss_weights,
                                sample_weight_mode, weighted_metrics,
                                target_tensors)

    def _compile_graph(self, loss, metrics, loss_weights, sample_weight_mode,
                       weighted_metrics, target_tensors):
        self.loss_functions = self._loss_functions(loss)
        weighted_losses = [weighted_masked_objective(fn)
                           for fn in self.loss_functions]
        skip = set(i for i, fn in enumerate(weighted_losses) if fn is None)
        masks = self.compute_mask(self.inputs, mask=None)
        masks = [None] * len(self.outputs) if masks is None else \
            to_list(masks)
        loss_weights_list = self._loss_weights(loss_weights)
        skip_weighing = set(skip)
        self._prepare_targets(target_tensors, skip, skip_weighing)
        self._prepare_sample_weights(sample_weight_mode, skip_weighing)
        self.metrics_names = ['loss']
        self.metrics_tensors = []
        total_loss = None
        with K.name_scope('loss'):
            for i, output in enumerate(self.outputs):
                if i in skip:
                    continue
                with K.name_scope(self.output_names[i] + '_loss'):
                    output_loss = weighted_losses[i](
                        self.targets[i], output, self.sample_weights[i],
                        masks[i])
                if len(self.outputs) > 1:
                    self.metrics_tensors.append(output_loss)
                    self.metrics_names.append(self.output_names[i] + '_loss')
                weighted = loss_weights_list[i] * output_loss
                total_loss = weighted if total_loss is None else \
                    total_loss + weighted
            if total_loss is None:
                if not self.losses:
                    raise ValueError('The model cannot be compiled because it '
                                     'has no loss to optimize.')
                total_loss = 0.
            for penalty in self.losses:
                total_loss += penalty
        self.metrics_updates = []
        self.stateful_metric_names = []
        self.stateful_metric_functions = []
        nested = collect_metrics(metrics, self.output_names)
        nested_weighted = collect_metrics(weighted_metrics, self.output_names)
        with K.name_scope('metrics'):
            for i in range(len(self.outputs)):
                if i in skip:
                    continue
                self._add_metrics(i, nested[i], None, masks[i])
                self._add_metrics(i, nested_weighted[i],
                                  self.sample_weights[i], masks[i])
        self.total_loss = total_loss
        self._feed_sample_weights = [
            w for i, w in enumerate(self.sample_weights)
            if i not in skip_weighing]
        self._collected_trainable_weights = self.trainable_weights

    def _loss_functions(self, loss):
        if isinstance(loss, dict):
            for name in loss:
                if name not in self.output_names:
                    raise ValueError('Unknown entry in loss dictionary: "%s". '
                                     'Only expected the following keys: %s'
                                     % (name, self.output_names))
            functions = []
            for name in self.output_names:
                if name not in loss:
                    warnings.warn('Output "%s" missing from loss dictionary. '
                                  'We assume this was done on purpose, and we '
                                  'will not be expecting any data to be '
                                  'passed to "%s" during training.'
                                  % (name, name), stacklevel=3)
                functions.append(losses_module.get(loss.get(name)))
            return functions
        if isinstance(loss, list):
            if len(loss) != len(self.outputs):
                raise ValueError('When passing a list as loss, it should have '
                                 'one entry per model outputs. The model has '
                                 '%d outputs, but you passed loss=%s'
                                 % (len(self.outputs), loss))
            return [losses_module.get(item) for item in loss]
        function = losses_module.get(loss)
        return [function for _ in self.outputs]

    def _loss_weights(self, loss_weights):
        if loss_weights is None:
            return [1. for _ in self.outputs]
        if isinstance(loss_weights, dict):
            for name in loss_weights:
                if name not in self.output_names:
                    raise ValueError('Unknown entry in loss_weights '
                                     'dictionary: "%s". Only expected the '
                                     'following keys: %s'
                                     % (name, self.output_names))
            return [loss_weights.get(name, 1.) for name in self.output_names]
        if isinstance(loss_weights, list):
            if len(loss_weights) != len(self.outputs):
                raise ValueError('When passing a list as loss_weights, it '
                                 'should have one entry per model output. The '
                                 'model has %d outputs, but you passed '
                                 'loss_weights=%s'
                                 % (len(self.outputs), loss_weights))
            return list(loss_weights)
        raise TypeError('Could not interpret loss_weights argument: %s - '
                        'expected a list of dicts.' % (loss_weights,))

    def _target_tensor_list(self, target_tensors):
        if target_tensors is None:
            return [None] * len(self.outputs)
        if isinstance(target_tensors, list):
            if len(target_tensors) != len(self.outputs):
                raise ValueError('When passing a list as `target_tensors`, '
                                 'it should have one entry per model output. '
                                 'The model has %d outputs, but you passed '
                                 'target_tensors=%s'
                                 % (len(self.outputs), target_tensors))
            return target_tensors
        if isinstance(target_tensors, dict):
            for name in target_tensors:
                if name not in self.output_names:
                    raise ValueError('Unknown entry in `target_tensors` '
                                     'dictionary: "%s". Only expected the '
                                     'following keys: %s'
                                     % (name, self.output_names))
            return [target_tensors.get(name) for name in self.output_names]
        if K.is_tensor(target_tensors):
            if len(self.outputs) != 1:
                raise ValueError('The model has %d outputs, but you passed a '
                                 'single tensor as `target_tensors`. Expected '
                                 'a list or a dict of tensors.'
                                 % len(self.outputs))
            return [target_tensors]
        raise TypeError('Expected `target_tensors` to be a tensor, a list of '
                        'tensors, or dict of tensors, but got: %s'
                        % (target_tensors,))

    def _prepare_targets(self, target_tensors, skip, skip_weighing):
        given = self._target_tensor_list(target_tensors)
        self.targets = []
        self._feed_targets = []
        self._feed_outputs = []
        self._feed_output_names = []
        self._feed_output_shapes = []
        self._feed_loss_fns = []
        for i, output in enumerate(self.outputs):
            if i in skip:
                self.targets.append(None)
                continue
            shape = K.int_shape(output)
            name = self.output_names[i]
            target = given[i]
            if target is None or K.is_placeholder(target):
                if target is None:
                    target = K.placeholder(ndim=len(shape),
                                           name=name + '_target',
                                           sparse=K.is_sparse(output),
                                           dtype=K.dtype(output))
                self._feed_targets.append(target)
                self._feed_outputs.append(output)
                self._feed_output_names.append(name)
                self._feed_output_shapes.append(shape)
                self._feed_loss_fns.append(self.loss_functions[i])
            else:
                if not graph_lib.is_symbolic(target):
                    # An eager tensor: the graph captures its value.
                    target = tf.identity(target)
                skip_weighing.add(i)
            self.targets.append(target)

    def _prepare_sample_weights(self, sample_weight_mode, skip):
        modes = self._sample_weight_modes(sample_weight_mode, skip)
        self.sample_weight_modes = modes
        self.sample_weights = []
        for i, mode in enumerate(modes):
            if i in skip:
                # No loss, or targets given as tensors: nothing to weigh.
                self.sample_weights.append(None)
                continue
            name = self.output_names[i] + '_sample_weights'
            ndim = 2 if mode == 'temporal' else 1
            self.sample_weights.append(K.placeholder(ndim=ndim, name=name))
        self._feed_sample_weight_modes = [
            modes[i] for i in range(len(self.outputs)) if i not in skip]

    def _sample_weight_modes(self, mode, skip=()):
        names = self.output_names
        if isinstance(mode, dict):
            for name in mode:
                if name not in names:
                    raise ValueError('Unknown entry in sample_weight_mode '
                                     'dictionary: "%s". Only expected the '
                                     'following keys: %s' % (name, names))
            for i, name in enumerate(names):
                # Unlike a loss dict, a mode dict names every weighted
                # output (Keras 2.2 refused a partial one).
                if i not in skip and name not in mode:
                    raise ValueError('Output "%s" missing from '
                                     'sample_weight_modes dictionary' % name)
            return [mode.get(name) for name in names]
        if isinstance(mode, list):
            if len(mode) != len(self.outputs):
                raise ValueError('When passing a list as sample_weight_mode, '
                                 'it should have one entry per model output. '
                                 'The model has %d outputs, but you passed '
                                 'sample_weight_mode=%s'
                                 % (len(self.outputs), mode))
            return list(mode)
        return [mode for _ in self.outputs]

    def _resolve_metric(self, i, metric):
        """A metric function and its display name for output `i`."""
        if metric in ('accuracy', 'acc', 'crossentropy', 'ce'):
            output_shape = K.int_shape(self.outputs[i])
            loss_fn = self.loss_functions[i]
            accuracy = metric in ('accuracy', 'acc')
            if output_shape[-1] == 1 or \
                    loss_fn is losses_module.binary_crossentropy:
                fn = (metrics_module.binary_accuracy if accuracy
                      else metrics_module.binary_crossentropy)
            elif loss_fn is losses_module.sparse_categorical_crossentropy:
                fn = (metrics_module.sparse_categorical_accuracy if accuracy
                      else metrics_module.sparse_categorical_crossentropy)
            else:
                fn = (metrics_module.categorical_accuracy if accuracy
                      else metrics_module.categorical_crossentropy)
            return fn, 'acc' if accuracy else 'ce'
        fn = metrics_module.get(metric)
        return fn, getattr(fn, 'name', None) or fn.__name__

    def _add_metrics(self, i, metrics, weights, mask):
        prefix = 'weighted_' if weights is not None else ''
        for metric in metrics:
            fn, name = self._resolve_metric(i, metric)
            name = prefix + name
            with K.name_scope(name):
                result = weighted_masked_objective(fn)(
                    self.targets[i], self.outputs[i], weights=weights,
                    mask=mask)
            if len(self.output_names) > 1:
                name = self.output_names[i] + '_' + name
            unique, j = name, 1
            while unique in self.metrics_names:
                unique = '%s_%d' % (name, j)
                j += 1
            self.metrics_names.append(unique)
            self.metrics_tensors.append(result)
            if isinstance(fn, Layer) and getattr(fn, 'stateful', False):
                self.stateful_metric_names.append(unique)
                self.stateful_metric_functions.append(fn)
                self.metrics_updates += fn.updates

    # ------------------------------------------------------------------
    # Compiled functions.

    def _uses_dynamic_learning_phase(self):
        """Whether the learning phase is fed (rather than fixed).

        keras22 feeds it to every model, also those that Keras 2.2 thought
        did not use it (a layer that reads `K.learning_phase()` without
        saying so then still trains in training mode); callbacks see the
        validation arrays as Keras 2.2 listed them (see
        `_callback_validation_data`).
        """
        return not isinstance(K.learning_phase(), int)

    def _callback_validation_data(self, val_ins):
        """The validation arrays that callbacks see as `validation_data`:
        inputs, targets and sample weights, then the learning-phase value
        only for a model that uses the learning phase, as in Keras 2.2."""
        if (val_ins and self._uses_dynamic_learning_phase() and
                not self.uses_learning_phase):
            return val_ins[:-1]
        return val_ins

    def _check_compiled(self):
        if not getattr(self, '_is_compiled', False) or \
                not hasattr(self, 'total_loss'):
            raise NotCompiledError('You must compile your model before using '
                                   'it (call `model.compile(optimizer, '
                                   'loss)`).')

    def _check_trainable_weights_consistency(self):
        if not hasattr(self, '_collected_trainable_weights'):
            return
        if len(self.trainable_weights) != \
                len(self._collected_trainable_weights):
            warnings.warn('Discrepancy between trainable weights and '
                          'collected trainable weights, did you set '
                          '`model.trainable` without calling `model.compile` '
                          'after ?', UserWarning)

    def _feeds(self, with_targets):
        inputs = list(self._feed_inputs)
        if with_targets:
            inputs += self._feed_targets + self._feed_sample_weights
        if self._uses_dynamic_learning_phase():
            inputs.append(K.learning_phase())
        return inputs

    def _make_train_function(self):
        self._check_compiled()
        self._check_trainable_weights_consistency()
        if self.train_function is not None:
            return
        with graph_lib.keras_graph_scope(), K.name_scope('training'):
            with K.name_scope(self.optimizer.__class__.__name__):
                training_updates = self.optimizer.get_updates(
                    params=self._collected_trainable_weights,
                    loss=self.total_loss)
            updates = self.updates + training_updates + self.metrics_updates
            self.train_function = K.function(
                self._feeds(True), [self.total_loss] + self.metrics_tensors,
                updates=updates, name='train_function',
                **self._function_kwargs)

    def _make_test_function(self):
        self._check_compiled()
        if self.test_function is not None:
            return
        with graph_lib.keras_graph_scope():
            self.test_function = K.function(
                self._feeds(True), [self.total_loss] + self.metrics_tensors,
                updates=self.state_updates + self.metrics_updates,
                name='test_function', **self._function_kwargs)

    def _make_predict_function(self):
        if getattr(self, 'predict_function', None) is not None:
            return
        kwargs = getattr(self, '_function_kwargs', {})
        with graph_lib.keras_graph_scope():
            self.predict_function = K.function(
                self._feeds(False), self.outputs,
                updates=self.state_updates, name='predict_function',
                **kwargs)

    # ------------------------------------------------------------------
    # Data.

    def _set_inputs(self, inputs, outputs=None, training=None):
        """Gives a model symbolic inputs shaped like `inputs` (arrays or
        tensors) and computes its outputs by calling it on them.

        # Raises
            ValueError: if the model already has inputs.
        """
        if self.inputs:
            raise ValueError('Model inputs are already set.')
        # Any forward pass computed for earlier inputs is stale now.
        self.predict_function = None
        self.train_function = None
        self.test_function = None
        self.inputs = []
        self.input_names = []
        self._feed_inputs = []
        self._feed_input_names = []
        self._feed_input_shapes = []
        for i, value in enumerate(to_list(inputs, allow_tuple=True)):
            name = 'input_%d' % (i + 1)
            self.input_names.append(name)
            if isinstance(value, list):
                value = np.asarray(value)
            if isinstance(value, np.ndarray) or not K.is_tensor(value):
                value = np.asarray(value)
                if value.ndim == 1:
                    value = np.expand_dims(value, 1)
                shape = (None,) + value.shape[1:]
                dtype = (K.floatx() if value.dtype.kind == 'f'
                         else str(value.dtype))
                placeholder = K.placeholder(shape=shape, name=name,
                                            dtype=dtype)
                self.inputs.append(placeholder)
                self._feed_inputs.append(placeholder)
                self._feed_input_names.append(name)
                self._feed_input_shapes.append(shape)
            else:
                self.inputs.append(value)
                if K.is_placeholder(value):
                    self._feed_inputs.append(value)
                    self._feed_input_names.append(name)
                    self._feed_input_shapes.append(K.int_shape(value))
        if outputs is None:
            with graph_lib.keras_graph_scope():
                argument = unpack_singleton(self.inputs)
                if self._expects_training_arg:
                    outputs = self.call(argument, training=training)
                else:
                    outputs = self.call(argument)
        self.outputs = to_list(outputs, allow_tuple=True)
        self.output_names = ['output_%d' % (i + 1)
                             for i in range(len(self.outputs))]
        self.built = True

    def _standardize_user_data(self, x, y=None, sample_weight=None,
                               class_weight=None, check_array_lengths=True,
                               batch_size=None):
        all_inputs = []
        if not self.built:
            self._check_data_kinds(x, 'inputs')
            all_inputs += list(x) if isinstance(x, (list, tuple)) else [x]
            if not self.inputs:
                self._set_inputs(x)
        if y is not None:
            if not getattr(self, 'optimizer', None):
                raise NotCompiledError('You must compile a model before '
                                       'training/testing. Use '
                                       '`model.compile(optimizer, loss)`.')
            if not getattr(self, '_is_compiled', False):
                self._check_data_kinds(y, 'targets')
                ys = list(y) if isinstance(y, (list, tuple)) else [y]
                all_inputs += ys
                tensors = [v for v in all_inputs if K.is_tensor(v)]
                if tensors and len(tensors) != len(all_inputs):
                    raise ValueError('Do not pass inputs that mix Numpy '
                                     'arrays and TensorFlow tensors. You '
                                     'passed: x=%s; y=%s' % (x, y))
                target_tensors = [v for v in ys if K.is_tensor(v)] or \
                    getattr(self, '_pending_target_tensors', None)
                self.compile(optimizer=self.optimizer, loss=self.loss,
                             metrics=self.metrics,
                             loss_weights=self.loss_weights,
                             sample_weight_mode=self.sample_weight_mode,
                             weighted_metrics=self.weighted_metrics,
                             target_tensors=target_tensors,
                             **getattr(self, '_function_kwargs', {}))
        if any(K.is_tensor(v) for v in all_inputs):
            return [], [], []
        graph = getattr(self, '_is_graph_network', False)
        x = standardize_input_data(
            x, self._feed_input_names,
            self._feed_input_shapes if graph else None,
            check_batch_axis=False, exception_prefix='input')
        if y is not None:
            output_shapes, modes = self._target_shapes_and_modes(graph)
            y = standardize_input_data(y, self._feed_output_names,
                                       output_shapes, check_batch_axis=False,
                                       exception_prefix='target')
            sample_weights = standardize_sample_weights(
                sample_weight, self._feed_output_names)
            class_weights = standardize_class_weights(
                class_weight, self._feed_output_names)
            sample_weights = [standardize_weights(ref, sw, cw, mode)
                              for ref, sw, cw, mode in zip(
                                  y, sample_weights, class_weights, modes)]
            if check_array_lengths:
                _check_lengths(x, y, sample_weights)
            if graph:
                check_loss_and_target_compatibility(
                    y, self._feed_loss_fns, output_shapes)
        else:
            y, sample_weights = [], []
        if self.stateful and batch_size and x and hasattr(x[0], 'shape'):
            if x[0].shape[0] % batch_size != 0:
                raise ValueError('In a stateful network, you should only pass '
                                 'inputs with a number of samples that can be '
                                 'divided by the batch size. Found: %d '
                                 'samples' % x[0].shape[0])
        return x, y, sample_weights

    @staticmethod
    def _check_data_kinds(data, what):
        if isinstance(data, dict):
            raise ValueError('Please do not pass a dictionary as model %s.'
                             % what)
        items = list(data) if isinstance(data, (list, tuple)) else [data]
        for item in items:
            if not (isinstance(item, np.ndarray) or K.is_tensor(item) or
                    hasattr(item, 'shape') or isinstance(item, list)):
                raise ValueError('Please provide as model %s either a single '
                                 'array or a list of arrays. You passed: %s'
                                 % (what, data))

    def _target_shapes_and_modes(self, graph):
        if not graph:
            return None, [None] * len(self._feed_output_names)
        shapes = []
        for shape, loss_fn in zip(self._feed_output_shapes,
                                  self._feed_loss_fns):
            if loss_fn is losses_module.sparse_categorical_crossentropy:
                if K.image_data_format() == 'channels_first' and \
                        len(shape) in (4, 5):
                    shapes.append((shape[0], 1) + tuple(shape[2:]))
                else:
                    shapes.append(tuple(shape[:-1]) + (1,))
            elif getattr(losses_module, getattr(loss_fn, '__name__', ''),
                         None) is not loss_fn:
                # A user-defined loss: make no assumption on its targets.
                shapes.append(None)
            else:
                shapes.append(shape)
        return shapes, self._feed_sample_weight_modes

    # ------------------------------------------------------------------
    # fit / evaluate / predict

    def fit(self, x=None, y=None, batch_size=None, epochs=1, verbose=1,
            callbacks=None, validation_split=0., validation_data=None,
            shuffle=True, class_weight=None, sample_weight=None,
            initial_epoch=0, steps_per_epoch=None, validation_steps=None,
            **kwargs):
        """Trains the model for a number of epochs.

        # Arguments
            x: input data: an array, a list of arrays (several inputs) or a
                dict by input name. A `Sequence` or generator is also
                accepted and handed to `fit_generator` (Keras 2.2 required
                calling `fit_generator` yourself).
            y: target data, same forms as `x`.
            batch_size: samples per gradient update (default 32).
            epochs: the epoch to stop before (training runs from
                `initial_epoch` to `epochs`).
            verbose: 0 silent, 1 progress bar, 2 one line per epoch.
            callbacks: list of `Callback`s.
            validation_split: fraction of the data, taken from the end
                before shuffling, held out for validation.
            validation_data: `(x_val, y_val)` or `(x_val, y_val,
                val_sample_weights)`; overrides `validation_split`.
            shuffle: shuffle the samples each epoch (`'batch'`: shuffle
                whole batches, for HDF5 data).
            class_weight: dict mapping classes to loss weights.
            sample_weight: array of weights per sample (or per timestep
                with `sample_weight_mode='temporal'`).
            initial_epoch: the epoch to start from (to resume training).
            steps_per_epoch: steps per epoch when training on data tensors.
            validation_steps: validation steps with `steps_per_epoch`.

        # Returns
            A `History` whose `history` maps `'loss'`, metric names and
            their `'val_'` versions to per-epoch values.

        # Raises
            RuntimeError/ValueError: if the model was not compiled.
            ValueError: if the data does not match the model.
        """
        if batch_size is None and steps_per_epoch is None:
            batch_size = 32
        if 'nb_epoch' in kwargs:
            warnings.warn('The `nb_epoch` argument in `fit` has been renamed '
                          '`epochs`.', stacklevel=2)
            epochs = kwargs.pop('nb_epoch')
        if kwargs:
            raise TypeError('Unrecognized keyword arguments: %s' % (kwargs,))
        if _is_generator_like(x):
            return self.fit_generator(
                x, steps_per_epoch=steps_per_epoch, epochs=epochs,
                verbose=verbose, callbacks=callbacks,
                validation_data=validation_data,
                validation_steps=validation_steps,
                class_weight=class_weight, shuffle=shuffle,
                initial_epoch=initial_epoch)
        if x is None and y is None and steps_per_epoch is None:
            raise ValueError('If fitting from data tensors, you should specify '
                             'the `steps_per_epoch` argument.')
        if not getattr(self, 'optimizer', None):
            raise NotCompiledError('You must compile your model before using '
                                   'it.')
        x, y, sample_weights = self._standardize_user_data(
            x, y, sample_weight=sample_weight, class_weight=class_weight,
            batch_size=batch_size)
        lp = [1.] if self._uses_dynamic_learning_phase() else []
        val_lp = [0.] if lp else []
        do_validation = False
        val_ins = []
        if validation_data:
            do_validation = True
            val_x, val_y, val_sw = self._unpack_validation_data(
                validation_data)
            val_x, val_y, val_sws = self._standardize_user_data(
                val_x, val_y, sample_weight=val_sw, batch_size=batch_size)
            val_ins = val_x + val_y + val_sws + val_lp
        elif validation_split and 0. < validation_split < 1.:
            if any(K.is_tensor(t) for t in x):
                raise ValueError('If your data is in the form of symbolic '
                                 'tensors, you cannot use `validation_split`.')
            do_validation = True
            split_at = int(int(x[0].shape[0]) * (1. - validation_split))
            x, val_x = slice_arrays(x, 0, split_at), slice_arrays(x, split_at)
            y, val_y = slice_arrays(y, 0, split_at), slice_arrays(y, split_at)
            sample_weights, val_sws = (slice_arrays(sample_weights, 0,
                                                    split_at),
                                       slice_arrays(sample_weights, split_at))
            val_ins = val_x + val_y + val_sws + val_lp
        elif validation_steps:
            do_validation = True
            val_ins = val_lp
        ins = x + y + sample_weights + lp
        self._make_train_function()
        out_labels = self.metrics_names
        val_f = None
        callback_metrics = copy.copy(out_labels)
        if do_validation:
            self._make_test_function()
            val_f = self.test_function
            callback_metrics += ['val_' + n for n in out_labels]
        return training_arrays.fit_loop(
            self, self.train_function, ins, out_labels=out_labels,
            batch_size=batch_size, epochs=epochs, verbose=verbose,
            callbacks=callbacks, val_f=val_f, val_ins=val_ins,
            shuffle=shuffle, callback_metrics=callback_metrics,
            initial_epoch=initial_epoch, steps_per_epoch=steps_per_epoch,
            validation_steps=validation_steps)

    @staticmethod
    def _unpack_validation_data(validation_data):
        if len(validation_data) == 2:
            val_x, val_y = validation_data
            return val_x, val_y, None
        if len(validation_data) == 3:
            return tuple(validation_data)
        raise ValueError('When passing validation_data, it must contain 2 '
                         '(x_val, y_val) or 3 (x_val, y_val, '
                         'val_sample_weights) items, however it contains %d '
                         'items' % len(validation_data))

    def evaluate(self, x=None, y=None, batch_size=None, verbose=1,
                 sample_weight=None, steps=None):
        """Computes the loss and metrics on data, batch by batch.

        # Arguments
            x: input data (arrays, list or dict; a `Sequence` or generator
                is handed to `evaluate_generator`).
            y: target data.
            batch_size: samples per batch (default 32).
            verbose: 0 or 1.
            sample_weight: weights per sample.
            steps: number of steps when evaluating on data tensors.

        # Returns
            The loss (a scalar) when the model has no metrics, else the
            list of values named by `model.metrics_names`.
        """
        if batch_size is None and steps is None:
            batch_size = 32
        if _is_generator_like(x):
            return self.evaluate_generator(x, steps=steps, verbose=verbose)
        if x is None and y is None and steps is None:
            raise ValueError('If evaluating from data tensors, you should '
                             'specify the `steps` argument.')
        x, y, sample_weights = self._standardize_user_data(
            x, y, sample_weight=sample_weight, batch_size=batch_size)
        ins = x + y + sample_weights
        if self._uses_dynamic_learning_phase():
            ins += [0.]
        self._make_test_function()
        return training_arrays.test_loop(self, self.test_function, ins,
                                         batch_size=batch_size,
                                         verbose=verbose, steps=steps)

    def predict(self, x, batch_size=None, verbose=0, steps=None):
        """Computes the outputs for input samples, batch by batch.

        # Arguments
            x: input data (arrays, list or dict; a `Sequence` or generator
                is handed to `predict_generator`).
            batch_size: samples per batch (default 32).
            verbose: 0 or 1.
            steps: number of steps when predicting on data tensors.

        # Returns
            An array of predictions (a list of arrays for several
            outputs).

        # Raises
            ValueError: if the inputs do not match the model.
        """
        if batch_size is None and steps is None:
            batch_size = 32
        if _is_generator_like(x):
            return self.predict_generator(x, steps=steps, verbose=verbose)
        if x is None and steps is None:
            raise ValueError('If predicting from data tensors, you should '
                             'specify the `steps` argument.')
        x, _, _ = self._standardize_user_data(x)
        if self.stateful and x and hasattr(x[0], 'shape'):
            if x[0].shape[0] > batch_size and \
                    x[0].shape[0] % batch_size != 0:
                raise ValueError('In a stateful network, you should only pass '
                                 'inputs with a number of samples that can be '
                                 'divided by the batch size. Found: %d '
                                 'samples. Batch size: %d.'
                                 % (x[0].shape[0], batch_size))
        ins = x + ([0.] if self._uses_dynamic_learning_phase() else [])
        self._make_predict_function()
        return training_arrays.predict_loop(self, self.predict_function, ins,
                                            batch_size=batch_size,
                                            verbose=verbose, steps=steps)

    def train_on_batch(self, x, y, sample_weight=None, class_weight=None):
        """Runs one gradient update on one batch.

        # Returns
            The loss (scalar) or the list of loss and metrics values.
        """
        x, y, sample_weights = self._standardize_user_data(
            x, y, sample_weight=sample_weight, class_weight=class_weight)
        ins = x + y + sample_weights
        if self._uses_dynamic_learning_phase():
            ins += [1.]
        self._make_train_function()
        return unpack_singleton(self.train_function(ins))

    def test_on_batch(self, x, y, sample_weight=None):
        """Computes the loss and metrics on one batch.

        # Returns
            The loss (scalar) or the list of loss and metrics values.
        """
        x, y, sample_weights = self._standardize_user_data(
            x, y, sample_weight=sample_weight)
        ins = x + y + sample_weights
        if self._uses_dynamic_learning_phase():
            ins += [0.]
        self._make_test_function()
        return unpack_singleton(self.test_function(ins))

    def predict_on_batch(self, x):
        """Computes the outputs for one batch.

        # Returns
            An array (a list of arrays for several outputs).
        """
        x, _, _ = self._standardize_user_data(x)
        ins = x + ([0.] if self._uses_dynamic_learning_phase() else [])
        self._make_predict_function()
        return unpack_singleton(self.predict_function(ins))

    # ------------------------------------------------------------------
    # Generators (the loops live in training_generator).

    @_legacy_generator_support
    def fit_generator(self, generator, steps_per_epoch=None, epochs=1,
                      verbose=1, callbacks=None, validation_data=None,
                      validation_steps=None, class_weight=None,
                      max_queue_size=10, workers=1, use_multiprocessing=False,
                      shuffle=True, initial_epoch=0):
        """Trains the model on batches produced by a generator or a
        `Sequence`; see `keras22.engine.training_generator.fit_generator`.

        # Returns
            A `History` object.
        """
        from . import training_generator
        return training_generator.fit_generator(
            self, generator, steps_per_epoch=steps_per_epoch, epochs=epochs,
            verbose=verbose, callbacks=callbacks,
            validation_data=validation_data,
            validation_steps=validation_steps, class_weight=class_weight,
            max_queue_size=max_queue_size, workers=workers,
            use_multiprocessing=use_multiprocessing, shuffle=shuffle,
            initial_epoch=initial_epoch)

    @_legacy_generator_support
    def evaluate_generator(self, generator, steps=None, max_queue_size=10,
                           workers=1, use_multiprocessing=False, verbose=0):
        """Evaluates the model on batches from a generator or `Sequence`.

        # Returns
            The loss or the list of loss and metric values.
        """
        from . import training_generator
        return training_generator.evaluate_generator(
            self, generator, steps=steps, max_queue_size=max_queue_size,
            workers=workers, use_multiprocessing=use_multiprocessing,
            verbose=verbose)

    @_legacy_generator_support
    def predict_generator(self, generator, steps=None, max_queue_size=10,
                          workers=1, use_multiprocessing=False, verbose=0):
        """Predicts on batches from a generator or `Sequence`.

        # Returns
            An array (a list of arrays for several outputs).
        """
        from . import training_generator
        return training_generator.predict_generator(
            self, generator, steps=steps, max_queue_size=max_queue_size,
            workers=workers, use_multiprocessing=use_multiprocessing,
            verbose=verbose)


def _is_generator_like(x):
    """A `Sequence`, a generator or another iterator (not an array)."""
    from ..utils.data_utils import Sequence
    if isinstance(x, Sequence):
        return True
    import inspect
    return inspect.isgenerator(x) or (
        hasattr(x, '__next__') and not hasattr(x, 'shape'))
