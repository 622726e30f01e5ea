"""Turning identifiers (names, configs, callables) into Keras objects.

`activations`, `initializers`, `regularizers`, `constraints`, `losses`,
`metrics` and `optimizers` all offer `get`, `serialize` and `deserialize`.
Keras 2.2 wrote those three functions again in each module, with small
differences in what `get` accepts; here the common part lives once and each
module states only its differences.
"""
import inspect

from .utils.generic_utils import (deserialize_keras_object,
                                  serialize_keras_object)


def public_objects(namespace, names):
    """The objects a module lets `deserialize` find, by name.

    Keras 2.2 searched the whole module namespace, so `get('K')` returned
    the backend; listing the names keeps helpers and imports out.

    # Arguments
        namespace: the module's `globals()`.
        names: the names to expose.

    # Returns
        A dict `{name: object}`.
    """
    return {name: namespace[name] for name in names}


def deserialize(identifier, module_objects, kind, custom_objects=None):
    """Finds a name or rebuilds a `{'class_name', 'config'}` dict.

    # Arguments
        identifier: a name or a config dict.
        module_objects: the dict of `public_objects`.
        kind: what the objects are called in error messages
            (e.g. `'loss function'`).
        custom_objects: optional dict of user names, searched first.

    # Returns
        The object found (for a name) or built (for a config).

    # Raises
        ValueError: `'Unknown <kind>: <name>'` for an unknown name.
    """
    return deserialize_keras_object(identifier,
                                    module_objects=module_objects,
                                    custom_objects=custom_objects,
                                    printable_module_name=kind)


def get(identifier, module_objects, kind, name_is_class=False,
        accept=callable):
    """The common body of the modules' `get` functions.

    # Arguments
        identifier: a name, a config dict or an object.
        module_objects: the dict of `public_objects`.
        kind: what the objects are called in error messages.
        name_is_class: whether a name stands for a class or factory to be
            called without arguments (initializers, regularizers,
            constraints, optimizers), rather than for the object itself
            (activations, losses, metrics). Even then, a function needing
            arguments is returned as it is.
        accept: predicate for objects returned as they are.

    # Returns
        The object.

    # Raises
        ValueError: `'Could not interpret <kind> identifier: ...'` for
            anything else, or `'Unknown <kind>: <name>'` for an unknown
            name.
    """
    if isinstance(identifier, dict):
        return deserialize(identifier, module_objects, kind)
    if isinstance(identifier, str):
        found = deserialize(identifier, module_objects, kind)
        if not name_is_class:
            return found
        if isinstance(found, type):
            return deserialize({'class_name': identifier, 'config': {}},
                               module_objects, kind)
        # A factory such as `glorot_uniform(seed=None)` is called; a
        # function that is itself the object, such as a user's
        # `my_init(shape, dtype=None)` saved by name, is returned as it is
        # (Keras 2.2 called it without arguments and failed).
        return found if _requires_arguments(found) else found()
    if accept(identifier):
        return identifier
    raise ValueError('Could not interpret %s identifier: %s'
                     % (kind, identifier))


def serialize(instance):
    """What `serialize` of every module returns: a config dict for objects
    with `get_config`, the name for functions, `None` for `None`."""
    return serialize_keras_object(instance)


def _requires_arguments(fn):
    """True if `fn` cannot be called without arguments."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.default is p.empty and
               p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD,
                          p.KEYWORD_ONLY)
               for p in params)
