"""multi_gpu_model: one device in this process, two logical CPU devices in
a subprocess (TensorFlow fixes its devices when it first uses them)."""
import json
import os
import subprocess
import sys
import textwrap
import warnings

import numpy as np
import pytest

from keras22.layers import Dense
from keras22.models import Sequential
from keras22.optimizers import SGD
from keras22.utils import multi_gpu_model


def make_model():
    return Sequential([Dense(4, activation='tanh', input_dim=3),
                       Dense(2)])


def make_data(n=16):
    rng = np.random.RandomState(0)
    return (rng.randn(n, 3).astype('float32'),
            rng.randn(n, 2).astype('float32'))


def test_one_device_trains_like_the_original():
    x, y = make_data()
    template = make_model()
    twin = make_model()
    twin.set_weights(template.get_weights())
    with pytest.warns(UserWarning, match='only one device'):
        parallel = multi_gpu_model(template)
    assert parallel.output_names == template.output_names
    np.testing.assert_allclose(parallel.predict(x), template.predict(x),
                               rtol=1e-6)
    for model in (parallel, twin):
        model.compile(SGD(lr=0.1), 'mse')
        model.fit(x, y, batch_size=8, epochs=3, shuffle=False, verbose=0)
    # The replica shares the template's weights: training one trains the
    # other, exactly as training the twin did.
    for got, want in zip(template.get_weights(), twin.get_weights()):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_cpu_relocation_copies_the_weights():
    x, _ = make_data()
    template = make_model()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', UserWarning)
        parallel = multi_gpu_model(template, cpu_relocation=True)
    np.testing.assert_allclose(parallel.predict(x), template.predict(x),
                               rtol=1e-6)


def test_device_count_errors():
    model = make_model()
    with pytest.raises(ValueError, match='with `gpus >= 2`. Received: '
                                         '`gpus=1`'):
        multi_gpu_model(model, gpus=1)
    with pytest.raises(ValueError, match=r'with `len\(gpus\) >= 2`'):
        multi_gpu_model(model, gpus=[0])
    with pytest.raises(ValueError, match='we expect the following devices '
                                         'to be available'):
        multi_gpu_model(model, gpus=64)


_TWO_CPUS = textwrap.dedent('''
    import json
    import tensorflow as tf
    cpu = tf.config.list_physical_devices('CPU')[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration()] * 2)

    import numpy as np
    from keras22 import backend as K
    from keras22.layers import Dense, Input
    from keras22.models import Model
    from keras22.optimizers import SGD
    from keras22.utils import multi_gpu_model

    def make_model():
        a = Input(shape=(3,))
        h = Dense(4, activation='tanh', name='hidden')(a)
        return Model(a, [Dense(2, name='main')(h), Dense(1, name='aux')(h)])

    rng = np.random.RandomState(0)
    x = rng.randn(7, 3).astype('float32')
    ys = [rng.randn(7, 2).astype('float32'),
          rng.randn(7, 1).astype('float32')]
    template, twin = make_model(), make_model()
    twin.set_weights(template.get_weights())
    parallel = multi_gpu_model(template, gpus=2)
    slices = [layer.output for layer in parallel.layers
              if layer.name.startswith('lambda')]
    sliced = K.function(parallel.inputs, slices)([x])
    devices = sorted(set(
        op.device for op in K.get_graph().get_operations()
        if op.type == 'MatMul' and op.name.startswith('replica_')))
    same_predictions = all(
        np.allclose(p, t, atol=1e-6)
        for p, t in zip(parallel.predict(x), template.predict(x)))
    for model in (parallel, twin):
        model.compile(SGD(lr=0.1), {'main': 'mse', 'aux': 'mse'})
        model.fit(x, ys, batch_size=7, epochs=3, shuffle=False, verbose=0)
    trained_alike = all(np.allclose(a, b, atol=1e-5) for a, b in zip(
        template.get_weights(), twin.get_weights()))
    print('RESULT ' + json.dumps({
        'slices': [list(s.shape) for s in sliced],
        'devices': devices,
        'outputs': parallel.output_names,
        'same_predictions': same_predictions,
        'trained_alike': trained_alike}))
''')


def test_two_logical_cpus_split_each_batch():
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL='3')
    done = subprocess.run([sys.executable, '-c', _TWO_CPUS],
                          capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    line = [l for l in done.stdout.splitlines() if l.startswith('RESULT ')]
    result = json.loads(line[-1][len('RESULT '):])
    # A batch of 7 on 2 devices: 3 samples, then the remaining 4.
    assert result['slices'] == [[3, 3], [4, 3]]
    assert result['devices'] == ['/device:CPU:0', '/device:CPU:1']
    assert result['outputs'] == ['main', 'aux']
    assert result['same_predictions']
    assert result['trained_alike']
