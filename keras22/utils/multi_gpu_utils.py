"""Data parallelism: one model replica per device, each on a slice of the
batch."""
import warnings

import tensorflow as tf

from .. import backend as K
from ..backend import graph as graph_lib
from .generic_utils import to_list


def _normalize_device_name(name):
    """`'/job:localhost/replica:0/task:0/device:GPU:1'` -> `'/gpu:1'`."""
    kind, number = name.lower().split(':')[-2:]
    return '/%s:%s' % (kind.split('/')[-1], number)


def _get_available_devices():
    return [_normalize_device_name(device.name)
            for device in tf.config.list_logical_devices()]


def _slice_batch(x, index, parts):
    """Part `index` of `parts` of the batch `x`; the last part also takes
    the remainder when the batch does not divide evenly."""
    batch = tf.shape(x)[0]
    step = batch // parts
    start = step * index
    stop = batch if index == parts - 1 else start + step
    return x[start:stop]


def _same(x):
    return x


def _target_devices(gpus, available):
    """The replica devices for `gpus` (None, a count or a list of ids)."""
    gpu_ids = sorted(int(d.split(':')[1]) for d in available
                     if d.startswith('/gpu:'))
    cpu_ids = sorted(int(d.split(':')[1]) for d in available
                     if d.startswith('/cpu:'))
    # Without GPUs, logical CPU devices (tf.config.
    # set_logical_device_configuration) are the replicas' devices.
    kind = 'gpu' if gpu_ids else 'cpu'
    if not gpus:
        found = gpu_ids if gpu_ids else cpu_ids
        if len(found) < 2:
            return None
        return ['/%s:%d' % (kind, i) for i in found]
    if isinstance(gpus, (list, tuple)):
        if len(gpus) <= 1:
            raise ValueError('For multi-gpu usage to be effective, call '
                             '`multi_gpu_model` with `len(gpus) >= 2`. '
                             'Received: `gpus=%s`' % (gpus,))
        ids = list(gpus)
    else:
        if gpus <= 1:
            raise ValueError('For multi-gpu usage to be effective, call '
                             '`multi_gpu_model` with `gpus >= 2`. '
                             'Received: `gpus=%d`' % gpus)
        ids = list(range(gpus))
    targets = ['/%s:%d' % (kind, i) for i in ids]
    for device in ['/cpu:0'] + targets:
        if device not in available:
            raise ValueError('To call `multi_gpu_model` with `gpus=%s`, we '
                             'expect the following devices to be available: '
                             '%s. However this machine only has: %s. Try '
                             'reducing `gpus`.'
                             % (gpus, ['/cpu:0'] + targets, available))
    return targets


def _relocated_copy(model):
    """A copy of `model`, weights included, whose variables live on the
    CPU."""
    from ..engine.saving import model_from_config
    with tf.device('/cpu:0'):
        copy = model_from_config({'class_name': model.__class__.__name__,
                                  'config': model.get_config()})
        copy.set_weights(model.get_weights())
    return copy


def multi_gpu_model(model, gpus=None, cpu_merge=True, cpu_relocation=False):
    """Makes a model that runs replicas of `model` on several devices.

    Each batch given to the returned model is split along its first axis
    into one slice per device (the last slice takes the remainder); every
    device runs `model` on its slice, and the outputs are concatenated
    back, in order, on the CPU. The replicas share `model`'s weights, so
    training the returned model trains `model` (save `model`, not the
    returned one). Batch sizes should be at least the number of devices.

    On a machine without GPUs, logical CPU devices made with
    `tf.config.set_logical_device_configuration` (`'/cpu:0'`,
    `'/cpu:1'`, ...) serve as the devices instead, so the splitting can be
    used and tested anywhere. With `gpus=None` and a single device in all
    (Keras 2.2 raised a `ValueError` then), a warning is issued and the
    returned model runs one replica on that device: it trains and predicts
    like `model` itself.

    # Arguments
        model: the model to replicate (built).
        gpus: `None` (every GPU, else every logical CPU), the number of
            devices (>= 2), or a list of device ids (at least 2).
        cpu_merge: concatenate the outputs on the CPU (else on the first
            device).
        cpu_relocation: first copy the model, weights included, with its
            variables on the CPU (for models built under another device
            scope). The returned model then shares the copy's weights, not
            `model`'s. (Keras 2.2 used `clone_model`, which did not copy
            the weights.)

    # Returns
        A `Model` with the inputs and output names of `model`.

    # Raises
        ValueError: if `gpus` is an integer below 2 or a list of fewer than
            2 ids, or if the devices asked for do not exist.

    # Example
    ```python
        parallel = multi_gpu_model(model, gpus=2)
        parallel.compile('rmsprop', 'categorical_crossentropy')
        parallel.fit(x, y, batch_size=256)  # 128 samples per device
    ```
    """
    from ..engine.training import Model
    from ..layers import Lambda, concatenate
    available = _get_available_devices()
    targets = _target_devices(gpus, available)
    if targets is None:
        warnings.warn('multi_gpu_model: only one device is available (%s); '
                      'the model returned runs a single replica on it.'
                      % (available,), stacklevel=2)
        targets = [next((d for d in available if d.startswith('/gpu:')),
                        '/cpu:0')]
    if cpu_relocation:
        model = _relocated_copy(model)
    parts = len(targets)
    replica_outputs = [[] for _ in model.outputs]
    with graph_lib.keras_graph_scope():
        for index, device in enumerate(targets):
            with tf.device(device), \
                    K.name_scope('replica_%s' % device.split(':')[-1]):
                if parts == 1:
                    inputs = list(model.inputs)
                else:
                    inputs = [Lambda(_slice_batch,
                                     output_shape=K.int_shape(x)[1:],
                                     arguments={'index': index,
                                                'parts': parts})(x)
                              for x in model.inputs]
                outputs = to_list(model(inputs if len(inputs) > 1
                                        else inputs[0]))
                for store, output in zip(replica_outputs, outputs):
                    store.append(output)
        # Outputs sharing a name (a Siamese network's, say) get suffixes,
        # since the merging layers are named after the outputs.
        counts = {}
        for name in model.output_names:
            counts[name] = counts.get(name, 0) + 1
        seen = {}
        names = []
        for name in model.output_names:
            if counts[name] > 1:
                seen[name] = seen.get(name, 0) + 1
                name = '%s_%d' % (name, seen[name])
            names.append(name)
        with tf.device('/cpu:0' if cpu_merge else targets[0]):
            # A single replica still gets a layer named after the output,
            # so that losses given by output name keep working.
            merged = [concatenate(outputs, axis=0, name=name)
                      if parts > 1 else Lambda(_same, name=name)(outputs[0])
                      for name, outputs in zip(names, replica_outputs)]
    return Model(model.inputs, merged)
