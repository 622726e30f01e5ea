"""Input/output utilities: `HDF5Matrix`, `H5Dict` and the overwrite
prompt."""
import builtins
import pickle
import sys
from collections import defaultdict

import numpy as np

try:
    import h5py
except ImportError:  # pragma: no cover - h5py is a dependency
    h5py = None

# The largest attribute HDF5 stores in an object header, in bytes; longer
# lists of names are split over several attributes.
HDF5_OBJECT_HEADER_LIMIT = 64512


def _require_h5py(what):
    if h5py is None:
        raise ImportError('%s requires h5py (pip install h5py).' % what)


class HDF5Matrix(object):
    """A read-only view of rows of an HDF5 dataset, usable like a NumPy
    array (for instance as the input of `model.fit`).

    Rows are read from the file only when indexed, so datasets larger than
    memory can be used. Files are opened read-only and kept open, shared by
    all the matrices made from the same path (see `HDF5Matrix.refs`).

    Indexing works as for a NumPy array along the first axis: an integer
    (negative ones count from `end`), a slice (with any step), or a list,
    array or boolean mask of indices, in any order and with repeats; more
    axes may follow in a tuple. Keras 2.2 ignored slice steps, read
    negative indices from outside the view and passed unsorted index lists
    to h5py, which refused them. As in Keras 2.2, and unlike NumPy, a
    slice whose stop lies past the end of the view raises an IndexError
    instead of being cut short, and `None` raises a TypeError.

    # Arguments
        datapath: path of the HDF5 file.
        dataset: name of the dataset in the file.
        start: the first row of the view.
        end: the row after the last one of the view (`None`: up to the end
            of the dataset).
        normalizer: a function applied to every block of rows read. When
            given, `shape` and `dtype` describe what it returns (Keras 2.2
            reported the stored ones).

    # Raises
        ValueError: if `start` and `end` are not within the dataset.

    # Example

    ```python
        x_train = HDF5Matrix('data.h5', 'x', end=1000,
                             normalizer=lambda x: x / 255.)
        y_train = HDF5Matrix('data.h5', 'y', end=1000)
        model.fit(x_train, y_train, shuffle='batch')
    ```
    """

    refs = defaultdict(int)

    def __init__(self, datapath, dataset, start=0, end=None,
                 normalizer=None):
        _require_h5py('HDF5Matrix')
        if datapath not in self.refs or not self.refs[datapath]:
            self.refs[datapath] = h5py.File(datapath, 'r')
        self.data = self.refs[datapath][dataset]
        rows = self.data.shape[0] if self.data.shape else 0
        if end is None:
            end = rows
        if not (0 <= start <= end <= rows):
            raise ValueError('HDF5Matrix: need 0 <= start <= end <= %d (the '
                             'rows of %r), got start=%r, end=%r.'
                             % (rows, dataset, start, end))
        self.start = int(start)
        self.end = int(end)
        self.normalizer = normalizer
        self._shape = (self.end - self.start,) + tuple(self.data.shape[1:])
        self._dtype = self.data.dtype
        if normalizer is not None and self.end > self.start:
            sample = np.asarray(normalizer(self.data[self.start:
                                                     self.start + 1]))
            self._shape = (self.end - self.start,) + sample.shape[1:]
            self._dtype = sample.dtype

    def __len__(self):
        return self.end - self.start

    def _rows(self, key):
        """Reads the rows `key` selects (relative to the view)."""
        length = len(self)
        if isinstance(key, (int, np.integer)) and \
                not isinstance(key, (bool, np.bool_)):
            index = int(key)
            if index < 0:
                index += length
            if not 0 <= index < length:
                raise IndexError('HDF5Matrix: index %d is out of range for '
                                 '%d rows.' % (key, length))
            return self.data[self.start + index]
        if isinstance(key, slice):
            if isinstance(key.stop, (int, np.integer)) and key.stop > length:
                # Keras 2.2 refused slices reaching past the view (legacy
                # loops stop on this IndexError) rather than clipping.
                raise IndexError('HDF5Matrix: slice stop %d is out of range '
                                 'for %d rows.' % (key.stop, length))
            first, stop, step = key.indices(length)
            if step > 0:
                if stop <= first:
                    return self.data[self.start:self.start]
                return self.data[self.start + first:self.start + stop:step]
            # h5py only reads increasing positions.
            positions = np.arange(first, stop, step)
            return self._take(positions)
        if key is None or isinstance(key, (float, str, bytes)):
            raise TypeError('HDF5Matrix: cannot index with %r; use an '
                            'integer, a slice, or a list of integers.'
                            % (key,))
        indices = np.asarray(key)
        if indices.dtype == bool:
            if indices.shape != (length,):
                raise IndexError('HDF5Matrix: a boolean mask must have '
                                 'shape (%d,), got %s.'
                                 % (length, indices.shape))
            indices = np.nonzero(indices)[0]
        if indices.ndim != 1 or (indices.size and
                                 not np.issubdtype(indices.dtype,
                                                   np.integer)):
            raise IndexError('HDF5Matrix: cannot index with %r; use an '
                             'integer, a slice, or a list of integers.'
                             % (key,))
        indices = indices.astype(np.int64)
        indices = np.where(indices < 0, indices + length, indices)
        if indices.size and (indices.min() < 0 or indices.max() >= length):
            raise IndexError('HDF5Matrix: indices out of range for %d rows.'
                             % length)
        return self._take(indices)

    def _take(self, indices):
        if indices.size == 0:
            return self.data[self.start:self.start]
        # h5py wants strictly increasing positions: read each row once, in
        # order, then put them in the order asked for.
        unique, inverse = np.unique(indices, return_inverse=True)
        block = self.data[(unique + self.start).tolist()]
        return block[inverse.reshape(-1)]

    def __getitem__(self, key):
        rest = ()
        if isinstance(key, tuple):
            if not key:
                key = slice(None)
            else:
                key, rest = key[0], key[1:]
        rows = self._rows(key)
        if self.normalizer is not None:
            rows = self.normalizer(rows)
        if rest:
            if isinstance(key, (int, np.integer)):
                rows = rows[rest]
            else:
                rows = rows[(slice(None),) + rest]
        return rows

    @property
    def shape(self):
        """The shape of the view, as a tuple."""
        return self._shape

    @property
    def dtype(self):
        """The dtype of the rows returned."""
        return self._dtype

    @property
    def ndim(self):
        """The number of dimensions."""
        return len(self._shape)

    @property
    def size(self):
        """The number of elements."""
        return int(np.prod(self._shape))


def ask_to_proceed_with_overwrite(filepath):
    """Asks on the terminal whether an existing file may be overwritten.

    # Arguments
        filepath: the file in question.

    # Returns
        `True` if the user answered "y", `False` for "n".

    # Raises
        EOFError: when there is nobody to answer (standard input is
            closed); pass `overwrite=True` to the saving function instead.
    """
    ask = _input_function()
    try:
        answer = ask('[WARNING] %s already exists - overwrite? [y/n]'
                     % filepath).strip().lower()
        while answer not in ('y', 'n'):
            answer = ask('Please type "y" to overwrite or "n" to '
                         'cancel.').strip().lower()
    except EOFError:
        raise EOFError('ask_to_proceed_with_overwrite: %s exists and no '
                       'answer could be read from standard input; pass '
                       'overwrite=True to replace it.' % filepath)
    if answer == 'n':
        return False
    print('[TIP] Next time specify overwrite=True!')
    return True


_BUILTIN_INPUT = builtins.input


def _input_function():
    """`input`, or the replacement a script or test installed: Keras 2.2
    read the answer through `six.moves.input`, which legacy tests patch;
    newer code patches `builtins.input`."""
    six_moves = sys.modules.get('six.moves')
    # vars(), not getattr: six resolves its moves lazily and would cache
    # whatever `builtins.input` is at that moment.
    replaced = vars(six_moves).get('input') if six_moves else None
    if replaced is not None and replaced is not _BUILTIN_INPUT:
        return replaced
    return builtins.input


def _is_numpy_value(value):
    return type(value).__module__ == np.__name__


class H5Dict(object):
    """Dict-like access to an HDF5 file or group, or to a Python dict.

    Model saving writes through this one interface whether the target is
    an HDF5 file or a plain dict (for pickling), so the two stay in step.
    The conventions, which saving relies on:

    * NumPy arrays and scalars become datasets (in a dict: pickled bytes);
      other values (strings, bytes, lists of names) become attributes.
      Lists whose total size exceeds `HDF5_OBJECT_HEADER_LIMIT` are split
      over attributes `name0`, `name1`, ... and joined again on reading.
    * Reading a missing key creates and returns a sub-group (unless the
      H5Dict is read-only), so `f['a']['b'] = x` works.
    * Bytes come back as bytes and str as str; lists of names come back
      as lists of bytes (str items are stored UTF-8 encoded), split or not
      (Keras 2.2 decoded split lists to str but not whole ones). Datasets
      come back as NumPy arrays, groups as H5Dicts.

    # Arguments
        path: a file path (opened with h5py in `mode`), an `h5py.Group`
            (or `h5py.File`), or a dict.
        mode: h5py file mode: `'r'` read-only, `'w'` create or truncate,
            `'a'` read and write, creating the file if needed. A dict is
            cleared by `'w'`.

    # Raises
        TypeError: if `path` is none of these.

    # Example

    ```python
        f = H5Dict('model.h5', mode='w')
        f['model_config'] = json.dumps(config).encode('utf8')
        f['model_weights']['dense_1']['kernel:0'] = kernel
        f.close()
    ```
    """

    def __init__(self, path, mode='a'):
        if h5py is not None and isinstance(path, h5py.Group):
            self.data = path
            self._is_file = False
        elif isinstance(path, str):
            _require_h5py('H5Dict')
            self.data = h5py.File(path, mode=mode)
            self._is_file = True
        elif isinstance(path, dict):
            self.data = path
            self._is_file = False
            if mode == 'w':
                self.data.clear()
            # Tells a sub-group apart from a dict value stored in a group.
            self.data['_is_group'] = True
        else:
            raise TypeError('H5Dict: `path` must be a file path, an '
                            'h5py.Group or a dict, got %s.'
                            % type(path).__name__)
        self.read_only = mode == 'r'

    def _check_writable(self, what):
        if self.read_only:
            raise ValueError('H5Dict: cannot %s: opened read-only '
                             '(mode="r").' % what)

    def __setitem__(self, attr, val):
        self._check_writable('set %r' % (attr,))
        if isinstance(self.data, dict):
            if isinstance(attr, bytes):
                attr = attr.decode('utf-8')
            if _is_numpy_value(val):
                self.data[attr] = pickle.dumps(val)
                self.data['_%s_pickled' % attr] = True
            else:
                self.data[attr] = val
            return
        if attr in self.data:
            raise KeyError('H5Dict: cannot set %r: a group or dataset of '
                           'that name exists.' % (attr,))
        if _is_numpy_value(val):
            dataset = self.data.create_dataset(attr, np.shape(val),
                                               dtype=np.asarray(val).dtype)
            if np.ndim(val) == 0:
                dataset[()] = val
            else:
                dataset[:] = val
        elif isinstance(val, (list, tuple)):
            self._set_list(attr, val)
        elif isinstance(val, bytes):
            # Kept as bytes (h5py 3 would hand a plain bytes value back as
            # str).
            self.data.attrs[attr] = np.bytes_(val)
        else:
            self.data.attrs[attr] = val

    def _set_list(self, attr, val):
        too_long = [x for x in val if len(x) > HDF5_OBJECT_HEADER_LIMIT]
        if too_long:
            raise RuntimeError(
                'H5Dict: cannot save %r: these items are longer than %d '
                'bytes, the HDF5 attribute limit: %s'
                % (attr, HDF5_OBJECT_HEADER_LIMIT,
                   ', '.join(str(x)[:80] for x in too_long)))
        # As fixed-length byte strings, which every h5py version reads back
        # as bytes (a plain list would be stored as variable-length text).
        array = np.asarray([x.encode('utf8') if isinstance(x, str) else x
                            for x in val])
        chunks = 1
        pieces = [array]
        while any(p.nbytes > HDF5_OBJECT_HEADER_LIMIT for p in pieces):
            chunks += 1
            pieces = np.array_split(array, chunks)
        if chunks == 1:
            self.data.attrs[attr] = array
        else:
            for number, piece in enumerate(pieces):
                self.data.attrs['%s%d' % (attr, number)] = piece

    def __getitem__(self, attr):
        if isinstance(self.data, dict):
            if isinstance(attr, bytes):
                attr = attr.decode('utf-8')
            if attr in self.data:
                val = self.data[attr]
                if isinstance(val, dict) and val.get('_is_group'):
                    return H5Dict(val)
                if '_%s_pickled' % attr in self.data:
                    return pickle.loads(val)
                return val
            self._check_writable('create group %r' % (attr,))
            group = {'_is_group': True}
            self.data[attr] = group
            return H5Dict(group)
        if attr in self.data.attrs:
            val = self.data.attrs[attr]
            if _is_numpy_value(val) and val.dtype.kind in ('S', 'O'):
                val = val.tolist()
            return val
        if attr in self.data:
            val = self.data[attr]
            if isinstance(val, h5py.Dataset):
                return np.array(val)
            return H5Dict(val, mode='r' if self.read_only else 'a')
        if '%s0' % attr in self.data.attrs:
            val = []
            number = 0
            while '%s%d' % (attr, number) in self.data.attrs:
                val.extend(self.data.attrs['%s%d' % (attr, number)].tolist())
                number += 1
            return val
        self._check_writable('create group %r' % (attr,))
        return H5Dict(self.data.create_group(attr))

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def iter(self):
        """Returns an iterator over the keys (groups and datasets)."""
        return iter(self.data)

    def __getattr__(self, attr):
        # Only called for names H5Dict lacks: forward to the dict or group
        # (`attrs`, `keys`, `filename`...), wrapping groups returned.
        if attr.startswith('__') or attr in ('data', '_is_file',
                                             'read_only'):
            raise AttributeError(attr)
        target = getattr(self.data, attr)
        if not callable(target):
            return target

        def forward(*args, **kwargs):
            out = target(*args, **kwargs)
            if isinstance(out, type(self.data)) and out is not self.data:
                return H5Dict(out)
            return out
        return forward

    def __contains__(self, key):
        if isinstance(self.data, dict):
            return key in self.data
        return key in self.data or key in self.data.attrs

    def get(self, key, default=None):
        """Returns `self[key]` if the key exists, else `default` (without
        creating a group)."""
        if key in self:
            return self[key]
        return default

    def update(self, *args):
        """Sets every key of the given dicts (as `dict.update`)."""
        for mapping in args:
            for key, value in dict(mapping).items():
                self[key] = value

    def close(self):
        """Flushes the file and, if this H5Dict opened it, closes it."""
        if h5py is not None and isinstance(self.data, h5py.Group):
            if self.data.id.valid:
                self.data.file.flush()
                if self._is_file:
                    self.data.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


h5dict = H5Dict
