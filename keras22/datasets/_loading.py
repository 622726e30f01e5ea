"""Helpers shared by the dataset loaders: reading the pickles and `.npz`
files the datasets come in without running code from them, and the word
index processing of imdb and reuters."""
import importlib
import pickle
import warnings
import zipfile

import numpy as np

# The only things the dataset pickles may refer to: what NumPy needs to
# rebuild arrays (under its old and new module names) and the helper
# Python 3's protocol 2 uses for bytes. Anything else could run arbitrary
# code, so it is refused.
_ALLOWED_GLOBALS = frozenset([
    ('numpy.core.multiarray', '_reconstruct'),
    ('numpy._core.multiarray', '_reconstruct'),
    ('numpy.core.multiarray', 'scalar'),
    ('numpy._core.multiarray', 'scalar'),
    ('numpy.core.numeric', '_frombuffer'),
    ('numpy._core.numeric', '_frombuffer'),
    ('numpy', 'ndarray'),
    ('numpy', 'dtype'),
    ('_codecs', 'encode'),
])


class _DataUnpickler(pickle.Unpickler):

    def find_class(self, module, name):
        if (module, name) not in _ALLOWED_GLOBALS:
            raise pickle.UnpicklingError(
                'Refusing to load %s.%s from a dataset file: only NumPy '
                'arrays, lists, dicts, numbers and strings are expected. The '
                'file is corrupt or not the dataset.' % (module, name))
        if module.startswith('numpy.core.'):
            # NumPy 2 renamed numpy.core to numpy._core.
            try:
                return getattr(importlib.import_module(
                    'numpy._core.' + module[len('numpy.core.'):]), name)
            except (ImportError, AttributeError):
                pass
        return super(_DataUnpickler, self).find_class(module, name)


def safe_pickle_load(fileobj, encoding='ASCII'):
    """Unpickles data made of NumPy arrays and Python containers only.

    # Arguments
        fileobj: a binary file object.
        encoding: how to decode Python 2 strings (`'bytes'` keeps them as
            bytes).

    # Returns
        The unpickled object.

    # Raises
        pickle.UnpicklingError: if the pickle refers to anything else.
    """
    return _DataUnpickler(fileobj, encoding=encoding).load()


def _read_npy(fileobj):
    fmt = np.lib.format
    version = fmt.read_magic(fileobj)
    if version == (1, 0):
        _, _, dtype = fmt.read_array_header_1_0(fileobj)
    else:
        _, _, dtype = fmt.read_array_header_2_0(fileobj)
    if dtype.hasobject:
        # Object arrays (lists of word indices) are stored as a pickle;
        # np.load would need allow_pickle=True, which trusts the file.
        return safe_pickle_load(fileobj, encoding='latin1')
    fileobj.seek(0)
    return fmt.read_array(fileobj, allow_pickle=False)


def load_npz(path):
    """Reads every array of an `.npz` file.

    # Arguments
        path: the file.

    # Returns
        A dict mapping array names to arrays.
    """
    arrays = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith('.npy'):
                with archive.open(name) as member:
                    arrays[name[:-len('.npy')]] = _read_npy(member)
    return arrays


def legacy_num_words(function, num_words, kwargs):
    """Handles the Keras 1 `nb_words` argument of imdb/reuters `load_data`.

    # Returns
        The number of words to keep.

    # Raises
        TypeError: for any other unexpected keyword argument.
    """
    if 'nb_words' in kwargs:
        warnings.warn('%s: the `nb_words` argument has been renamed '
                      '`num_words`.' % function, stacklevel=3)
        num_words = kwargs.pop('nb_words')
    if kwargs:
        raise TypeError('%s: unexpected keyword arguments: %s'
                        % (function, sorted(kwargs)))
    return num_words


def as_sequence_array(sequences):
    """A 1-D object array holding the given lists (NumPy would otherwise
    refuse ragged lists, or make a 2-D array when all lengths agree)."""
    out = np.empty(len(sequences), dtype=object)
    for i, sequence in enumerate(sequences):
        out[i] = sequence
    return out


def index_words(sequences, start_char, index_from):
    """Shifts word indices by `index_from` and prepends `start_char`."""
    if start_char is not None:
        return [[start_char] + [w + index_from for w in x]
                for x in sequences]
    if index_from:
        return [[w + index_from for w in x] for x in sequences]
    return [list(x) for x in sequences]


def limit_words(sequences, num_words, skip_top, oov_char):
    """Replaces (or, with `oov_char=None`, removes) the words whose index
    is below `skip_top` or not below `num_words`."""
    if oov_char is not None:
        return [[w if skip_top <= w < num_words else oov_char for w in x]
                for x in sequences]
    return [[w for w in x if skip_top <= w < num_words] for x in sequences]


def check_not_empty(function, maxlen, sequences):
    if not sequences:
        raise ValueError('%s: after filtering for sequences shorter than '
                         'maxlen=%s, no sequence was kept. Increase maxlen.'
                         % (function, maxlen))


def highest_index(sequence_lists):
    return max(max(x) for sequences in sequence_lists for x in sequences
               if len(x))
