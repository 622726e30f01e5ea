"""The documentation builds, and every public API object is documented."""
import importlib
import inspect
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))

DOCUMENTED_MODULES = [
    'keras22.layers', 'keras22.models', 'keras22.losses', 'keras22.metrics',
    'keras22.optimizers', 'keras22.activations', 'keras22.initializers',
    'keras22.regularizers', 'keras22.constraints', 'keras22.callbacks',
    'keras22.backend', 'keras22.utils', 'keras22.preprocessing.image',
    'keras22.preprocessing.sequence', 'keras22.preprocessing.text']


def test_autogen_and_strict_mkdocs_build(tmp_path):
    pytest.importorskip('mkdocs')
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL='2')
    subprocess.run([sys.executable, os.path.join(ROOT, 'docs', 'autogen.py')],
                   check=True, cwd=ROOT, env=env, capture_output=True)
    result = subprocess.run(
        [sys.executable, '-m', 'mkdocs', 'build', '--strict', '-f',
         os.path.join(ROOT, 'docs', 'mkdocs.yml'), '-d',
         str(tmp_path / 'site')],
        cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    core = (tmp_path / 'site' / 'layers' / 'core' / 'index.html').read_text()
    assert 'Dense' in core and 'Arguments' in core


@pytest.mark.parametrize('module_name', DOCUMENTED_MODULES)
def test_public_objects_have_docstrings(module_name):
    module = importlib.import_module(module_name)
    missing = []
    for name in dir(module):
        obj = getattr(module, name)
        if name.startswith('_') or not (inspect.isclass(obj) or
                                        inspect.isfunction(obj)):
            continue
        if not getattr(obj, '__module__', '').startswith('keras22'):
            continue
        if not (obj.__doc__ or '').strip():
            missing.append(name)
    assert not missing, 'undocumented in %s: %s' % (module_name, missing)
