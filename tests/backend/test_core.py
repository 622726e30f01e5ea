"""The symbolic core: placeholders, K.function, updates, learning phase."""
import numpy as np
import pytest
import tensorflow as tf

from keras22 import backend as K


def test_placeholder_static_shape_and_operators():
    x = K.placeholder(shape=(None, 3))
    assert K.int_shape(x) == (None, 3) if hasattr(K, 'int_shape') else True
    assert K.is_placeholder(x)
    results = [x + 1, 1 - x, x * x, x / 2, x ** 2, x[:, 1], x @ tf.ones((3, 2)),
               x < 0, x >= 0, -x, abs(x)]
    shapes = [tuple(r.shape.as_list()) for r in results]
    assert shapes == [(None, 3)] * 4 + [(None, 3), (None,), (None, 2),
                                         (None, 3), (None, 3), (None, 3),
                                         (None, 3)]
    f = K.function([x], results[:4])
    value = np.arange(6, dtype='float32').reshape(2, 3)
    out = f([value])
    np.testing.assert_allclose(out[0], value + 1)
    np.testing.assert_allclose(out[1], 1 - value)
    np.testing.assert_allclose(out[2], value * value)
    np.testing.assert_allclose(out[3], value / 2)


def test_tf1_identity_semantics_for_keras_tensors():
    x = K.placeholder(shape=(2,))
    y = K.placeholder(shape=(2,))
    assert x == x and x != y
    assert {x: 1, y: 2}[y] == 2
    w = K.variable(np.zeros(2))
    assert {w: 3}[w] == 3 and w in [K.variable(1.), w]


def test_augmented_assignment_on_a_variable_makes_a_tensor():
    # TensorFlow 1 semantics: `v += x` rebinds the name to `v + x` and
    # leaves the variable alone (TensorFlow 2 variables raise instead).
    x = K.placeholder(shape=(2,))
    loss = w = K.variable(1.)
    loss += K.sum(x)
    loss *= 2.
    loss -= 1.
    loss /= 4.
    loss **= 2.
    assert loss is not w
    out = K.function([x], [loss])([np.array([1., 2.], 'float32')])[0]
    np.testing.assert_allclose(out, (((1 + 3) * 2 - 1) / 4.) ** 2)
    assert K.get_value(w) == 1.
    eager = K.variable(3.)
    eager += 1.
    np.testing.assert_allclose(K.eval(eager), 4.)


def test_function_updates_run_only_when_included():
    w = K.variable(np.ones((3, 2)), name='w')
    x = K.placeholder(shape=(None, 3))
    step = K.update_sub(w, 0.5 * K.variable(np.ones((3, 2))))
    np.testing.assert_allclose(K.get_value(w), np.ones((3, 2)))
    f = K.function([x], [x @ w], updates=[step])
    first = f([np.ones((1, 3), 'float32')])[0]
    np.testing.assert_allclose(first, [[3., 3.]])  # outputs before updates
    np.testing.assert_allclose(K.get_value(w), np.full((3, 2), 0.5))


def test_hand_written_training_loop_lowers_loss():
    x = K.placeholder(shape=(None, 2))
    y = K.placeholder(shape=(None, 1))
    w = K.variable(np.zeros((2, 1)))
    b = K.variable(np.zeros((1,)))
    loss = tf.reduce_mean(tf.square(x @ w + b - y))
    lr = 0.1
    updates = [K.update_sub(p, lr * g)
               for p, g in zip([w, b], K.gradients(loss, [w, b]))]
    train = K.function([x, y], [loss], updates=updates)
    rng = np.random.RandomState(0)
    xs = rng.rand(64, 2).astype('float32')
    ys = xs @ np.array([[2.], [-1.]], 'float32') + 0.5
    losses = [float(train([xs, ys])[0]) for _ in range(50)]
    assert losses[-1] < losses[0] * 0.2
    assert train.trace_count == 1


def test_function_does_not_retrace():
    x = K.placeholder(shape=(None, 4))
    f = K.function([x], [x * 2])
    for batch in (1, 1, 5, 5, 7):
        f([np.ones((batch, 4))])
    assert f.trace_count == 1


def test_learning_phase_fed_and_set():
    x = K.placeholder(shape=(None, 3))
    out = K.in_train_phase(lambda: x * 0., x)
    f = K.function([x, K.learning_phase()], [out])
    value = np.ones((2, 3), 'float32')
    np.testing.assert_allclose(f([value, 0])[0], value)
    np.testing.assert_allclose(f([value, 1])[0], 0 * value)
    K.set_learning_phase(1)
    assert K.learning_phase() == 1
    assert K.in_train_phase(1, 2) == 1
    with pytest.raises(ValueError):
        K.set_learning_phase(2)


def test_function_bad_input_errors():
    x = K.placeholder(shape=(None, 3))
    f = K.function([x], [x + 1], name='adder')
    with pytest.raises(ValueError, match=r"adder.*expects shape \(None, 3\)"):
        f([np.ones((2, 4))])
    with pytest.raises(ValueError, match='expects 1 input'):
        f([np.ones((2, 3)), np.ones((2, 3))])
    with pytest.raises(TypeError):
        K.function(x, [x])
    with pytest.raises(ValueError, match='Invalid argument'):
        K.function([x], [x], bogus=1)


def test_function_feed_dict_is_read_at_each_call_and_fetches_run():
    # Keras 2.2 kept the caller's feed_dict and read it at every call
    x, y = K.variable(0.), K.variable(0.)
    x_in, y_in = K.placeholder(shape=()), K.placeholder(shape=())
    z_in = K.placeholder(shape=())
    feed_dict = {y_in: 3.}
    f = K.function([x_in], [x_in + 1.], updates=[(x, x_in + 10.)],
                   feed_dict=feed_dict, fetches=[K.update(y, y_in * 10.)])
    assert f([10.]) == [11.]
    assert [K.get_value(x), K.get_value(y)] == [20., 30.]
    feed_dict[y_in] = 4.
    assert f([20.]) == [21.]
    assert [K.get_value(x), K.get_value(y)] == [30., 40.]
    assert f.trace_count == 1
    # feeding another placeholder from now on compiles again
    feed_dict[z_in] = 2.
    del feed_dict[y_in]
    g = K.function([x_in], [x_in * z_in], feed_dict=feed_dict)
    assert g([3.]) == [6.]
    feed_dict[y_in] = 5.
    assert g([3.]) == [6.] and g.trace_count == 2


def test_function_run_options_and_run_metadata():
    from tensorflow.core.protobuf import config_pb2
    x, y = K.placeholder(shape=()), K.placeholder(shape=())
    metadata = config_pb2.RunMetadata()
    options = config_pb2.RunOptions(output_partition_graphs=True)
    f = K.function([x, y], [x + y], options=options, run_metadata=metadata)
    assert f([10., 20.]) == [30.]
    assert len(metadata.partition_graphs) == 1
    assert any(node.op == 'AddV2' for node in metadata.partition_graphs[0].node)
    f([1., 2.])
    assert len(metadata.partition_graphs) == 1  # cleared at each call
    # without options, the metadata is only cleared, as a TF1 run did
    f = K.function([x, y], [x + y], run_metadata=metadata)
    assert f([10., 20.]) == [30.]
    assert len(metadata.partition_graphs) == 0


def test_eval_get_set_value():
    v = K.variable(np.array([[1, 2], [3, 4]]), dtype='float64', name='v')
    assert v.dtype == tf.float64
    np.testing.assert_allclose(K.eval(v), [[1, 2], [3, 4]])
    K.set_value(v, np.zeros((2, 2)))
    np.testing.assert_allclose(K.get_value(v), 0)
    K.batch_set_value([(v, np.ones((2, 2)))])
    np.testing.assert_allclose(K.batch_get_value([v])[0], 1)
    with pytest.raises(ValueError, match=r'shape \(2, 2\)'):
        K.set_value(v, np.zeros(3))
    np.testing.assert_allclose(K.eval(v * 2), 2 * np.ones((2, 2)))


def test_session_shim_runs_with_feed_dict():
    x = K.placeholder(shape=(None, 2))
    w = K.variable(np.eye(2))
    sess = K.get_session()
    out = sess.run([x @ w, w], feed_dict={x: np.ones((1, 2))})
    np.testing.assert_allclose(out[0], [[1., 1.]])
    np.testing.assert_allclose(out[1], np.eye(2))
    config = tf.compat.v1.ConfigProto()
    config.gpu_options.allow_growth = True
    K.set_session(tf.compat.v1.Session(config=config))
    assert K.get_session().config.gpu_options.allow_growth


def test_clear_session_resets_uids_and_phase():
    assert K.get_uid('dense') == 1
    assert K.get_uid('dense') == 2
    K.set_learning_phase(0)
    K.clear_session()
    assert K.get_uid('dense') == 1
    assert K.is_tensor(K.learning_phase())


def test_config_defaults():
    assert K.backend() == 'tensorflow'
    assert K.floatx() == 'float32'
    assert K.epsilon() == 1e-7
    assert K.image_data_format() == 'channels_last'
    with pytest.raises(ValueError):
        K.set_floatx('int8')
    with pytest.raises(ValueError):
        K.normalize_data_format('channels_middle')


def test_get_available_gpus_lists_none_on_the_cpu_build():
    from keras22.backend import tensorflow_backend
    import tensorflow as tf
    gpus = tensorflow_backend._get_available_gpus()
    assert len(gpus) == len(tf.config.list_physical_devices('GPU'))


@pytest.mark.parametrize('expression,expected', [
    (lambda w, x: w * x, lambda w, x: w * x),
    (lambda w, x: w + x, lambda w, x: w + x),
    (lambda w, x: w - x, lambda w, x: w - x),
    (lambda w, x: w / x, lambda w, x: w / x),
    (lambda w, x: w ** x, lambda w, x: w ** x),
])
def test_variable_on_the_left_of_a_symbolic_operand_stays_live(expression,
                                                                expected):
    # As in TensorFlow 1: the variable is read when the function runs, so
    # set_value is seen and gradients reach it.
    w = K.variable(2.)
    x = K.placeholder(shape=(3,))
    y = expression(w, x)
    grads = K.gradients(K.sum(y), [w])
    assert grads[0] is not None
    f = K.function([x], [y, grads[0]])
    data = np.array([1., 2., 3.], 'float32')
    K.set_value(w, 3.)
    out, grad = f([data])
    np.testing.assert_allclose(out, expected(3., data), rtol=1e-6)
    step = 1e-3
    numeric = (np.sum(expected(3. + step, data)) -
               np.sum(expected(3. - step, data))) / (2 * step)
    np.testing.assert_allclose(grad, numeric, rtol=1e-3)
