"""Legacy session handling: `get_session`, `set_session`, `clear_session`.

Nothing in keras22 runs through a `tf.compat.v1.Session`. Legacy code that
asks for "the session" gets a small object whose `run` evaluates tensors
of the Keras graph through `K.function`, and whose `graph` is the Keras
graph; `set_session` applies what a TensorFlow 2 process can still honour
of a session's configuration (GPU memory growth, thread counts).
"""
import warnings

import tensorflow as tf

from . import graph as graph_lib

_SESSION = None


class KerasSession(object):
    """What `K.get_session()` returns: runs Keras-graph tensors.

    # Arguments
        config: the `tf.compat.v1.ConfigProto` this session stands for, if
            any.
    """

    def __init__(self, config=None):
        self.config = config

    @property
    def graph(self):
        return graph_lib.get_graph()

    def run(self, fetches, feed_dict=None, options=None, run_metadata=None):
        """Evaluates `fetches` (a tensor, variable, operation, or a
        list/tuple/dict of them) with `feed_dict` feeding placeholders."""
        from .function import Function
        feed_dict = feed_dict or {}
        flat = tf.nest.flatten(fetches)
        evaluable = [f for f in flat if f is not None]
        outs = Function(list(feed_dict.keys()), evaluable,
                        name='session.run')(list(feed_dict.values()))
        it = iter(outs)
        values = [None if f is None else next(it) for f in flat]
        return tf.nest.pack_sequence_as(fetches, values)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _apply_config(config):
    """Honours the parts of a ConfigProto that TensorFlow 2 still controls."""
    if config is None:
        return
    if config.gpu_options.allow_growth:
        for gpu in tf.config.list_physical_devices('GPU'):
            try:
                tf.config.experimental.set_memory_growth(gpu, True)
            except RuntimeError as e:  # GPUs already initialised
                warnings.warn('set_session: could not enable GPU memory '
                              'growth: %s' % e)
    for setter, value in (
            (tf.config.threading.set_intra_op_parallelism_threads,
             config.intra_op_parallelism_threads),
            (tf.config.threading.set_inter_op_parallelism_threads,
             config.inter_op_parallelism_threads)):
        if value:
            try:
                setter(value)
            except RuntimeError:
                # The runtime is already up; TensorFlow keeps its pools.
                pass


def get_session():
    """Returns the session object of the backend.

    keras22 has no TensorFlow session: the object returned evaluates Keras
    graph tensors (`get_session().run(x, feed_dict={...})`) through a
    compiled function, and holds the configuration given to `set_session`.

    # Returns
        A `KerasSession`.
    """
    global _SESSION
    if _SESSION is None:
        _SESSION = KerasSession()
    return _SESSION


def set_session(session):
    """Sets the global session.

    # Arguments
        session: A `tf.compat.v1.Session`, a `tf.compat.v1.ConfigProto`, or
            a `KerasSession`. From a session or config, GPU memory growth
            (`gpu_options.allow_growth`) and thread counts are applied.

    # Raises
        TypeError: for any other kind of object.
    """
    global _SESSION
    if isinstance(session, KerasSession):
        _SESSION = session
        return
    if isinstance(session, tf.compat.v1.ConfigProto):
        config = session
    elif isinstance(session, (tf.compat.v1.Session,
                              tf.compat.v1.InteractiveSession)):
        config = getattr(session, '_config', None)
    else:
        raise TypeError('set_session: expected a tf.compat.v1.Session or '
                        'ConfigProto, got %s.' % type(session).__name__)
    _apply_config(config)
    _SESSION = KerasSession(config)


def clear_session():
    """Destroys the current Keras graph and creates a new one.

    Symbolic tensors made before are dropped, layer names count from 1
    again and the learning phase returns to its unset state. Variables
    stay alive as long as Python objects refer to them.
    """
    global _SESSION
    graph_lib.reset_graph()
    graph_lib.reset_uids()
    graph_lib._clear_learning_phase()
    _SESSION = None
