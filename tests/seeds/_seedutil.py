"""Helpers for the seed-document example tests.

`needs(...)` marks a test `xfail` while a module that other engineers are
still writing is missing; once the module lands the condition is false and
the test runs (and must pass) like any other. The marks are removed from the
tests as their modules land.
"""
import importlib

import pytest


def _has(module, *names):
    try:
        mod = importlib.import_module(module)
    except Exception:  # noqa: BLE001 - any import failure means "missing"
        return False
    return all(hasattr(mod, name) for name in names)


_FEATURES = {
    'conv': (lambda: _has('keras22.layers', 'Conv1D', 'Conv2D'),
             'keras22.layers.convolutional not yet available'),
    'pool': (lambda: _has('keras22.layers', 'MaxPooling1D', 'MaxPooling2D',
                          'GlobalAveragePooling1D'),
             'keras22.layers.pooling not yet available'),
    'rnn': (lambda: _has('keras22.layers', 'LSTM'),
            'keras22.layers.recurrent not yet available'),
    'wrappers': (lambda: _has('keras22.layers', 'TimeDistributed',
                              'Bidirectional'),
                 'keras22.layers.wrappers not yet available'),
    'legacy_conv': (lambda: _has('keras22.layers', 'Convolution2D'),
                    'legacy Convolution2D (keras22.legacy.conv_layers) not '
                    'yet available'),
    'applications': (lambda: _has('keras22.applications.vgg16', 'VGG16') and
                     _has('keras22.layers', 'Conv2D', 'MaxPooling2D'),
                     'keras22.applications (and conv/pooling) not yet '
                     'available'),
}


def needs(*features):
    """`xfail` (non-strict) unless every named feature is importable."""
    missing = [_FEATURES[f][1] for f in features if not _FEATURES[f][0]()]
    return pytest.mark.xfail(bool(missing), reason='; '.join(missing),
                             strict=False)


def lines_of(text):
    """Non-empty lines of printed output, trailing spaces removed."""
    return [line.rstrip() for line in text.splitlines() if line.strip()]


# Samples in each offline dataset file (conftest.offline_datasets).
DATASET_SIZES = {'train': 12, 'test': 6}
