"""Generates the mkdocs sources of the keras22 documentation.

The API reference is rendered from the docstrings: one page per public
module, listing the classes and functions the module defines (in source
order) with their signatures, and for models the public methods.
Keras-style docstring sections (`# Arguments`, `# Returns`, ...) become
bold headings, and argument lines (`name: description`) become bullet
lists. Hand-written pages (`docs/*.md`) are copied as they are.

Usage:
    python docs/autogen.py            # writes docs/sources/
    mkdocs build --strict -f docs/mkdocs.yml
"""
import importlib
import inspect
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCES = os.path.join(HERE, 'sources')
sys.path.insert(0, ROOT)
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')

# (page path, title, module, extra modules whose names the page also owns)
PAGES = [
    ('models/sequential.md', 'Sequential', 'keras22.engine.sequential'),
    ('models/model.md', 'Model (functional API)', 'keras22.engine.training'),
    ('models/network.md', 'Network', 'keras22.engine.network'),
    ('models/saving.md', 'Saving and loading', 'keras22.engine.saving'),
    ('models/models.md', 'keras22.models', 'keras22.models'),
    ('layers/about-keras-layers.md', 'Layer, InputSpec, Node',
     'keras22.engine.base_layer'),
    ('layers/input.md', 'Input', 'keras22.engine.input_layer'),
    ('layers/core.md', 'Core layers', 'keras22.layers.core'),
    ('layers/convolutional.md', 'Convolutional layers',
     'keras22.layers.convolutional'),
    ('layers/pooling.md', 'Pooling layers', 'keras22.layers.pooling'),
    ('layers/local.md', 'Locally-connected layers', 'keras22.layers.local'),
    ('layers/recurrent.md', 'Recurrent layers', 'keras22.layers.recurrent'),
    ('layers/cudnn_recurrent.md', 'CuDNN recurrent layers',
     'keras22.layers.cudnn_recurrent'),
    ('layers/convolutional_recurrent.md', 'Convolutional recurrent layers',
     'keras22.layers.convolutional_recurrent'),
    ('layers/embeddings.md', 'Embedding layers', 'keras22.layers.embeddings'),
    ('layers/merge.md', 'Merge layers', 'keras22.layers.merge'),
    ('layers/advanced-activations.md', 'Advanced activation layers',
     'keras22.layers.advanced_activations'),
    ('layers/normalization.md', 'Normalization layers',
     'keras22.layers.normalization'),
    ('layers/noise.md', 'Noise layers', 'keras22.layers.noise'),
    ('layers/wrappers.md', 'Layer wrappers', 'keras22.layers.wrappers'),
    ('layers/legacy.md', 'Legacy (Keras 1) layers', 'keras22.legacy.layers'),
    ('losses.md', 'Losses', 'keras22.losses'),
    ('metrics.md', 'Metrics', 'keras22.metrics'),
    ('optimizers.md', 'Optimizers', 'keras22.optimizers'),
    ('activations.md', 'Activations', 'keras22.activations'),
    ('callbacks.md', 'Callbacks', 'keras22.callbacks'),
    ('initializers.md', 'Initializers', 'keras22.initializers'),
    ('regularizers.md', 'Regularizers', 'keras22.regularizers'),
    ('constraints.md', 'Constraints', 'keras22.constraints'),
    ('preprocessing/sequence.md', 'Sequence preprocessing',
     'keras22.preprocessing.sequence'),
    ('preprocessing/text.md', 'Text preprocessing',
     'keras22.preprocessing.text'),
    ('preprocessing/image.md', 'Image preprocessing',
     'keras22.preprocessing.image'),
    ('datasets.md', 'Datasets', 'keras22.datasets'),
    ('applications.md', 'Applications', 'keras22.applications'),
    ('backend.md', 'Backend (K)', 'keras22.backend'),
    ('utils/utils.md', 'Utilities', 'keras22.utils'),
    ('utils/generic_utils.md', 'generic_utils', 'keras22.utils.generic_utils'),
    ('utils/data_utils.md', 'data_utils', 'keras22.utils.data_utils'),
    ('utils/io_utils.md', 'io_utils', 'keras22.utils.io_utils'),
    ('utils/layer_utils.md', 'layer_utils', 'keras22.utils.layer_utils'),
    ('utils/np_utils.md', 'np_utils', 'keras22.utils.np_utils'),
    ('utils/conv_utils.md', 'conv_utils', 'keras22.utils.conv_utils'),
    ('utils/vis_utils.md', 'vis_utils', 'keras22.utils.vis_utils'),
    ('utils/multi_gpu_utils.md', 'multi_gpu_utils',
     'keras22.utils.multi_gpu_utils'),
    ('utils/test_utils.md', 'test_utils', 'keras22.utils.test_utils'),
    ('scikit-learn-api.md', 'Scikit-learn API',
     'keras22.wrappers.scikit_learn'),
]

HAND_WRITTEN = [('index.md', 'Home'), ('design.md', 'How keras22 works'),
                ('contributing.md', 'Contributing')]

# Methods worth documenting on model pages.
MODEL_METHODS = ['compile', 'fit', 'evaluate', 'predict', 'train_on_batch',
                 'test_on_batch', 'predict_on_batch', 'fit_generator',
                 'evaluate_generator', 'predict_generator', 'get_layer',
                 'add', 'pop', 'predict_classes', 'predict_proba', 'summary',
                 'save', 'save_weights', 'load_weights', 'to_json', 'to_yaml']

SECTION = re.compile(r'^#\s+(.+)$')
ARGUMENT = re.compile(r'^([*\w]+(?:\s*\([^)]*\))?):\s*(.*)$')
LIST_SECTIONS = ('Arguments', 'Argument', 'Raises', 'Properties',
                 'Attributes')


def render_docstring(doc):
    """Keras-style docstring text -> markdown."""
    lines = inspect.cleandoc(doc).split('\n')
    out = []
    section = None
    in_code = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith('```'):
            in_code = not in_code
            out.append(stripped)
            continue
        if in_code:
            out.append(line[4:] if line.startswith('    ') else line)
            continue
        match = SECTION.match(stripped)
        if match and not line.startswith(' '):
            section = match.group(1).strip()
            out.extend(['', '__%s__' % section, ''])
            continue
        if section in LIST_SECTIONS and line.startswith('    '):
            text = line[4:]
            arg = ARGUMENT.match(text)
            if arg and not text.startswith(' '):
                out.append('- __%s__: %s' % (arg.group(1), arg.group(2)))
            elif out and out[-1].startswith('- '):
                out[-1] += ' ' + stripped
            else:
                out.append(stripped)
            continue
        out.append(line[4:] if section and line.startswith('    ')
                   else line)
    return '\n'.join(out).strip() + '\n'


def signature(name, obj):
    try:
        target = obj.__init__ if inspect.isclass(obj) else obj
        sig = inspect.signature(target)
    except (TypeError, ValueError):
        return name + '(...)'
    params = list(sig.parameters.values())
    if inspect.isclass(obj) and params and params[0].name == 'self':
        params = params[1:]
    text = ', '.join(str(p) for p in params)
    return '%s(%s)' % (name, text)


def public_members(module):
    """Classes and functions defined in `module`, in source order."""
    members = []
    for name, obj in vars(module).items():
        if name.startswith('_'):
            continue
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        if getattr(obj, '__module__', None) != module.__name__:
            continue
        try:
            line = inspect.getsourcelines(obj)[1]
        except (OSError, TypeError):
            line = 0
        members.append((line, name, obj))
    return [(name, obj) for _, name, obj in sorted(members)]


def exported_members(module):
    """Names a package re-exports (for package-level pages)."""
    members = []
    for name in sorted(vars(module)):
        obj = getattr(module, name)
        if name.startswith('_') or not (inspect.isclass(obj) or
                                        inspect.isfunction(obj)):
            continue
        if not getattr(obj, '__module__', '').startswith('keras22'):
            continue
        members.append((name, obj))
    return members


def render_object(qualified, obj, level='###'):
    parts = ['%s %s' % (level, qualified.split('.')[-1]), '',
             '```python', signature(qualified, obj), '```', '']
    doc = inspect.getdoc(obj)
    if doc:
        parts.append(render_docstring(doc))
    return parts


def render_page(title, module_name):
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        return '# %s\n\n`%s` could not be imported: %s\n' % (
            title, module_name, e)
    parts = ['# %s' % title, '']
    if module.__doc__:
        parts += [inspect.cleandoc(module.__doc__), '']
    members = public_members(module)
    if not members and hasattr(module, '__path__'):
        members = exported_members(module)
    for name, obj in members:
        parts += render_object('%s.%s' % (module_name, name), obj)
        if inspect.isclass(obj) and module_name.startswith('keras22.engine'):
            for method in MODEL_METHODS:
                if method in vars(obj) and inspect.getdoc(
                        getattr(obj, method)):
                    parts += render_object('%s.%s' % (name, method),
                                           getattr(obj, method), '####')
        parts.append('----')
        parts.append('')
    return '\n'.join(parts)


def write(path, text):
    full = os.path.join(SOURCES, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w', encoding='utf-8') as f:
        f.write(text)


def main():
    if os.path.isdir(SOURCES):
        shutil.rmtree(SOURCES)
    os.makedirs(SOURCES)
    for page, _ in HAND_WRITTEN:
        shutil.copy(os.path.join(HERE, page), os.path.join(SOURCES, page))
    for page, title, module_name in PAGES:
        write(page, render_page(title, module_name))
    print('wrote %d API pages to %s' % (len(PAGES), SOURCES))


if __name__ == '__main__':
    main()
