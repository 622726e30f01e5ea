"""Keras 1 argument names and values, converted for Keras 2 constructors.

Keras 2.2 accepted calls written for Keras 1 (`Dense(output_dim=10,
init='uniform')`, `Dropout(p=0.5)`, `dim_ordering='th'`) and rewrote them,
warning the user. `legacy_support` does the same for any constructor from a
declarative description, so each layer states only its own renamings.
"""
import functools
import warnings

# Keras 1's `dim_ordering` values and what they mean in Keras 2.
DIM_ORDERING_VALUES = {'default': None, 'tf': 'channels_last',
                       'th': 'channels_first'}


def legacy_support(positional=None, renamed=None, value_renamed=None,
                   preprocess=None):
    """Decorates an `__init__` so that it also takes Keras 1 call forms.

    # Arguments
        positional: names of the arguments that may be given by position
            (more positional arguments raise a `TypeError`, as in Keras 2.2),
            or `None` for no limit.
        renamed: dict `{keras1_name: keras2_name}`.
        value_renamed: dict `{argument: {keras1_value: keras2_value}}`; the
            argument may be named by its Keras 1 or Keras 2 name.
        preprocess: optional function `(args, kwargs) -> (args, kwargs,
            converted)` for rewrites that renaming cannot express (e.g.
            `Conv2D(32, 3, 3)`); `converted` lists `(name, value)` pairs
            to mention in the warning.

    # Returns
        The decorator.
    """
    renamed = dict(renamed or {})
    value_renamed = dict(value_renamed or {})

    def decorator(init):
        @functools.wraps(init)
        def wrapper(self, *args, **kwargs):
            cls_name = type(self).__name__
            converted = []
            # first, as in Keras 2.2: Keras 1 forms such as Conv2D(32, 3, 3)
            # have more positional arguments until they are rewritten
            if preprocess is not None:
                args, kwargs, extra = preprocess(args, kwargs)
                converted.extend(extra)
            if positional is not None and len(args) > len(positional):
                raise TypeError(
                    'The `%s` layer can accept only %d positional '
                    'arguments %s, but you passed the following positional '
                    'arguments: %s' % (cls_name, len(positional),
                                       tuple(positional), list(args)))
            for old, new in renamed.items():
                if old not in kwargs:
                    continue
                value = kwargs.pop(old)
                if new in kwargs:
                    raise TypeError('%s got both the Keras 1 argument `%s` '
                                    'and its Keras 2 name `%s`.'
                                    % (cls_name, old, new))
                mapping = value_renamed.get(old) or value_renamed.get(new)
                if mapping and _hashable(value) and value in mapping:
                    value = mapping[value]
                kwargs[new] = value
                converted.append((new, value))
            for name, mapping in value_renamed.items():
                value = kwargs.get(name)
                if name in kwargs and _hashable(value) and value in mapping:
                    kwargs[name] = mapping[value]
                    converted.append((name, kwargs[name]))
            if converted:
                shown = ', '.join('%s=%r' % (k, v) for k, v in converted)
                warnings.warn('Update your `%s` call to the Keras 2 API: '
                              '`%s(%s)`' % (cls_name, cls_name, shown),
                              stacklevel=2)
            return init(self, *args, **kwargs)
        wrapper._legacy_support = True
        return wrapper
    return decorator


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True
