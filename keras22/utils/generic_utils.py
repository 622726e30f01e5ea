"""Python utilities shared by every module: serialization of Keras objects,
custom objects, function (un)marshalling, argument helpers, and the
progress bar."""
import binascii
import codecs
import inspect
import marshal
import sys
import time
import types as python_types

import numpy as np

_GLOBAL_CUSTOM_OBJECTS = {}


class CustomObjectScope(object):
    """A `with` block inside which extra names are known to deserialization.

    The dictionaries given are added to the global custom objects on entry;
    on exit the global custom objects are put back exactly as they were, so
    nothing registered inside the block leaks out.

    # Arguments
        *args: dictionaries mapping names to classes or functions.

    # Example
    ```python
        with CustomObjectScope({'Swish': Swish}):
            model = load_model('model_with_swish.h5')
    ```
    """

    def __init__(self, *args):
        for arg in args:
            if arg is not None and not isinstance(arg, dict):
                raise TypeError('CustomObjectScope: expected dicts of '
                                '{name: object}, got %s.'
                                % type(arg).__name__)
        self.custom_objects = args
        self.backup = None

    def __enter__(self):
        self.backup = _GLOBAL_CUSTOM_OBJECTS.copy()
        for objects in self.custom_objects:
            if objects:
                _GLOBAL_CUSTOM_OBJECTS.update(objects)
        return self

    def __exit__(self, *args, **kwargs):
        _GLOBAL_CUSTOM_OBJECTS.clear()
        _GLOBAL_CUSTOM_OBJECTS.update(self.backup)


def custom_object_scope(*args):
    """Shorthand for `CustomObjectScope(*args)`.

    # Arguments
        *args: dictionaries mapping names to classes or functions.

    # Returns
        A `CustomObjectScope`, to use in a `with` statement.

    # Example
    ```python
        with custom_object_scope({'Swish': Swish}):
            layer = Dense(8, activation='Swish')
    ```
    """
    return CustomObjectScope(*args)


def get_custom_objects():
    """Returns the global dictionary of custom objects itself (not a copy).

    Names added to it are found by every deserialization until removed;
    `custom_object_scope` is the way to add names for a limited time.

    # Returns
        The dictionary mapping names to custom classes and functions.

    # Example
    ```python
        get_custom_objects()['Swish'] = Swish
    ```
    """
    return _GLOBAL_CUSTOM_OBJECTS


def serialize_keras_object(instance):
    """Turns a Keras object into something JSON can hold.

    # Arguments
        instance: an object with `get_config` (layer, optimizer, ...), a
            named function (activation, loss, ...) or `None`.

    # Returns
        `{'class_name': ..., 'config': ...}` for configurable objects, the
        function's name for functions, `None` for `None`.

    # Raises
        ValueError: if the object is neither.
    """
    if instance is None:
        return None
    if hasattr(instance, 'get_config'):
        return {'class_name': instance.__class__.__name__,
                'config': instance.get_config()}
    if hasattr(instance, '__name__'):
        return instance.__name__
    raise ValueError('Cannot serialize %r: it has neither get_config nor a '
                     '__name__.' % (instance,))


def _lookup(name, module_objects, custom_objects):
    if custom_objects and name in custom_objects:
        return custom_objects[name]
    if name in _GLOBAL_CUSTOM_OBJECTS:
        return _GLOBAL_CUSTOM_OBJECTS[name]
    return (module_objects or {}).get(name)


def deserialize_keras_object(identifier, module_objects=None,
                             custom_objects=None,
                             printable_module_name='object'):
    """Turns a serialized Keras object back into the object.

    # Arguments
        identifier: a `{'class_name', 'config'}` dict, or a name.
        module_objects: dict of the names the module knows.
        custom_objects: dict of user-supplied names, searched first.
        printable_module_name: what to call the object in error messages.

    # Returns
        The object (an instance for configs, the function or class for
        names).

    # Raises
        ValueError: for an unknown name or a malformed config.
    """
    if isinstance(identifier, dict):
        config = identifier
        if 'class_name' not in config or 'config' not in config:
            raise ValueError('Improper config format: %s' % (config,))
        class_name = config['class_name']
        cls = _lookup(class_name, module_objects, custom_objects)
        if cls is None:
            raise ValueError('Unknown %s: %s' % (printable_module_name,
                                                 class_name))
        if hasattr(cls, 'from_config'):
            custom_objects = custom_objects or {}
            if has_arg(cls.from_config, 'custom_objects'):
                merged = dict(_GLOBAL_CUSTOM_OBJECTS)
                merged.update(custom_objects)
                return cls.from_config(config['config'],
                                       custom_objects=merged)
            with CustomObjectScope(custom_objects):
                return cls.from_config(config['config'])
        with CustomObjectScope(custom_objects):
            return cls(**config['config'])
    if isinstance(identifier, str):
        found = _lookup(identifier, module_objects, custom_objects)
        if found is None:
            raise ValueError('Unknown %s: %s' % (printable_module_name,
                                                 identifier))
        return found
    raise ValueError('Could not interpret serialized %s: %r'
                     % (printable_module_name, identifier))


def func_dump(func):
    """Serializes a user defined function.

    # Arguments
        func: the function to serialize.

    # Returns
        A tuple `(code, defaults, closure)`: the marshalled bytecode as
        base64 text, the default values and the closure cell contents.
    """
    raw_code = marshal.dumps(func.__code__)
    code = codecs.encode(raw_code, 'base64').decode('ascii')
    defaults = func.__defaults__
    closure = (tuple(cell.cell_contents for cell in func.__closure__)
               if func.__closure__ else None)
    return code, defaults, closure


def func_load(code, defaults=None, closure=None, globs=None):
    """Deserializes a user defined function.

    Unmarshalling runs arbitrary code from its input; callers that read
    files must only do it when the user allowed it (see
    `keras22.layers.Lambda` and `load_model(safe_mode=...)`).

    # Arguments
        code: bytecode of the function (or the tuple `func_dump` returned).
        defaults: defaults of the function.
        closure: closure of the function.
        globs: dictionary of global objects.

    # Returns
        A function object.

    # Raises
        ValueError: if the code cannot be read by this Python version
            (bytecode is specific to the Python that wrote it).
    """
    if isinstance(code, (tuple, list)):
        code, defaults, closure = code
    try:
        raw_code = codecs.decode(code.encode('ascii'), 'base64')
    except (UnicodeEncodeError, binascii.Error):
        raw_code = code.encode('raw_unicode_escape')
    try:
        code = marshal.loads(raw_code)
    except (ValueError, EOFError, TypeError) as e:
        raise ValueError('Cannot load a marshalled Python function: it was '
                         'probably written by another Python version (%s). '
                         'Pass the function through `custom_objects` '
                         'instead.' % e)
    if globs is None:
        globs = globals()
    return _function_from_code(code, defaults, closure, globs)


def _function_from_code(code, defaults, closure, globs):
    """A function made of a code object, with `defaults` (list or tuple),
    the values of its `closure` (put into cells) and globals `globs`."""
    if isinstance(defaults, list):
        defaults = tuple(defaults)
    if closure is not None:
        closure = tuple(_cell(value) for value in closure)
    return python_types.FunctionType(code, globs, name=code.co_name,
                                     argdefs=defaults, closure=closure)


def _cell(value):
    def holder():
        return value
    return holder.__closure__[0]


def has_arg(fn, name, accept_all=False):
    """Tells whether `fn` can be called with the keyword argument `name`.

    # Arguments
        fn: a callable.
        name: the keyword argument's name.
        accept_all: the answer to give when `fn` has no parameter `name`
            but takes `**kwargs`.

    # Returns
        A boolean.
    """
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return False
    parameter = signature.parameters.get(name)
    if parameter is None:
        if accept_all:
            return any(p.kind == inspect.Parameter.VAR_KEYWORD
                       for p in signature.parameters.values())
        return False
    return parameter.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD,
                              inspect.Parameter.KEYWORD_ONLY)


class Progbar(object):
    """A text progress bar with running averages of named values.

    # Arguments
        target: the number of steps in all, or `None` when unknown.
        width: the width of the bar, in characters.
        verbose: 0 prints nothing, 1 redraws the bar as steps go by (with
            an ETA), 2 prints one line when the target is reached.
        interval: the least time, in seconds, between two redraws.
        stateful_metrics: names of values to show as given rather than
            averaged over the steps seen so far.
    """

    def __init__(self, target, width=30, verbose=1, interval=0.05,
                 stateful_metrics=None):
        self.target = target
        self.width = width
        self.verbose = verbose
        self.interval = interval
        self.stateful_metrics = set(stateful_metrics or ())
        self._dynamic_display = ((hasattr(sys.stdout, 'isatty') and
                                  sys.stdout.isatty()) or
                                 'ipykernel' in sys.modules)
        self._total_width = 0
        self._seen_so_far = 0
        # name -> [weighted sum, count] for averaged values, or the value
        self._values = {}
        self._start = time.time()
        self._last_update = 0

    def update(self, current, values=None):
        """Moves the bar to step `current`.

        # Arguments
            current: the number of steps done so far.
            values: a list of `(name, value)` pairs for the last step;
                values are averaged over steps (weighted by step size)
                unless their name is in `stateful_metrics`.
        """
        step = current - self._seen_so_far
        for name, value in values or []:
            if name in self.stateful_metrics:
                self._values[name] = value
            elif name in self._values and isinstance(self._values[name],
                                                     list):
                self._values[name][0] += value * step
                self._values[name][1] += step
            else:
                self._values[name] = [value * step, step]
        self._seen_so_far = current
        now = time.time()
        finished = self.target is not None and current >= self.target
        if self.verbose == 1:
            if now - self._last_update < self.interval and not finished \
                    and self.target is not None:
                return
            self._draw_bar(current, now, finished)
        elif self.verbose == 2 and (self.target is None or finished):
            line = ' - %.0fs' % (now - self._start)
            line += self._format_values() + '\n'
            sys.stdout.write(line)
            sys.stdout.flush()
        self._last_update = now

    def _format_values(self):
        text = ''
        for name, value in self._values.items():
            text += ' - %s:' % name
            if isinstance(value, list):
                average = np.mean(value[0] / max(1, value[1]))
                text += (' %.4f' % average if abs(average) > 1e-3
                         else ' %.4e' % average)
            else:
                text += ' %s' % (value,)
        return text

    def _draw_bar(self, current, now, finished):
        previous_width = self._total_width
        if self._dynamic_display:
            sys.stdout.write('\b' * previous_width + '\r')
        else:
            sys.stdout.write('\n')
        if self.target is not None:
            digits = len(str(self.target))
            bar = '%*d/%d [' % (digits, current, self.target)
            filled = int(self.width * float(current) / self.target)
            if filled > 0:
                bar += '=' * (filled - 1) + ('=' if finished else '>')
            bar += '.' * (self.width - filled) + ']'
        else:
            bar = '%7d/Unknown' % current
        per_step = (now - self._start) / current if current else 0
        if self.target is not None and not finished:
            eta = per_step * (self.target - current)
            if eta > 3600:
                eta_text = '%d:%02d:%02d' % (eta // 3600, (eta % 3600) // 60,
                                             eta % 60)
            elif eta > 60:
                eta_text = '%d:%02d' % (eta // 60, eta % 60)
            else:
                eta_text = '%ds' % eta
            info = ' - ETA: %s' % eta_text
        else:
            info = ' - %.0fs' % (now - self._start)
            if per_step >= 1:
                info += ' %.0fs/step' % per_step
            elif per_step >= 1e-3:
                info += ' %.0fms/step' % (per_step * 1e3)
            else:
                info += ' %.0fus/step' % (per_step * 1e6)
        info += self._format_values()
        self._total_width = len(bar) + len(info)
        if previous_width > self._total_width:
            info += ' ' * (previous_width - self._total_width)
        if finished:
            info += '\n'
        sys.stdout.write(bar + info)
        sys.stdout.flush()

    def add(self, n, values=None):
        """Advances the bar by `n` steps (see `update`)."""
        self.update(self._seen_so_far + n, values)


def to_list(x, allow_tuple=False):
    """Wraps `x` in a list unless it already is one.

    # Arguments
        x: any object.
        allow_tuple: whether a tuple counts as a list (converted) or as a
            single object (wrapped).

    # Returns
        A list.
    """
    if isinstance(x, list):
        return x
    if allow_tuple and isinstance(x, tuple):
        return list(x)
    return [x]


def unpack_singleton(x):
    """Returns the only item of a one-item list or tuple, else `x` itself.

    # Arguments
        x: a list or tuple.

    # Returns
        `x[0]` when `len(x) == 1`, otherwise `x`.
    """
    if len(x) == 1:
        return x[0]
    return x


def object_list_uid(object_list):
    """A string identifying a list of objects by their ids."""
    object_list = to_list(object_list)
    return ', '.join(str(abs(id(x))) for x in object_list)


def is_all_none(iterable_or_element):
    """True if the argument (or every item of it) is None."""
    iterable = to_list(iterable_or_element, allow_tuple=True)
    return all(element is None for element in iterable)


def slice_arrays(arrays, start=None, stop=None):
    """Takes the same rows out of one array or out of each of a list of them.

    # Arguments
        arrays: an array, a list of arrays (entries may be `None`), or
            `None`.
        start: the first row, or an array/list of row indices.
        stop: the row after the last one (unused when `start` lists
            indices).

    # Returns
        The selected rows, shaped like `arrays`; `[None]` for `None`.
    """
    if arrays is None:
        return [None]

    def take(x):
        if x is None:
            return None
        if hasattr(start, '__len__'):
            index = start.tolist() if hasattr(start, 'shape') else start
            if isinstance(x, np.ndarray):
                return x[np.asarray(index)]
            return x[index]
        return x[start:stop]

    if isinstance(arrays, list):
        return [take(x) for x in arrays]
    return take(arrays)


def transpose_shape(shape, target_format, spatial_axes):
    """Reorders a channels-last shape for the given data format.

    # Arguments
        shape: a tuple or list laid out as channels last.
        target_format: `'channels_first'` (the last entry moves in front
            of the spatial ones) or `'channels_last'` (unchanged).
        spatial_axes: the positions of the spatial axes in `shape`, e.g.
            `(1, 2)` for `(batch, rows, cols, channels)`.

    # Returns
        A tuple or list (as given) in the target layout.

    # Raises
        ValueError: for an unknown `target_format`.

    # Example
    ```python
        >>> transpose_shape((16, 64, 48, 3), 'channels_first', (1, 2))
        (16, 3, 64, 48)
    ```
    """
    if target_format == 'channels_first':
        first = spatial_axes[0]
        permuted = (list(shape[:first]) + list(shape[-1:]) +
                    list(shape[first:-1]))
        return type(shape)(permuted)
    if target_format == 'channels_last':
        return shape
    raise ValueError('The `data_format` argument must be one of '
                     '"channels_first", "channels_last". Received: %r'
                     % (target_format,))
