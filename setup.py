"""keras22: the classic Keras 2.2 API on TensorFlow 2."""
from setuptools import find_packages, setup

EXTRAS = {
    # Everything the test suite exercises, including the optional features
    # (images, data frames, plots, scikit-learn wrappers) and the tf_keras
    # interoperability and speed comparisons.
    'tests': ['pytest>=7', 'pillow', 'scipy', 'pandas', 'scikit-learn',
              'pydot>=1.2', 'tf_keras', 'mkdocs>=1.5'],
    'docs': ['mkdocs>=1.5'],
    'viz': ['pydot>=1.2'],
    'image': ['pillow', 'scipy'],
    'dataframe': ['pandas'],
    'sklearn': ['scikit-learn'],
}

setup(
    name='keras22',
    version='0.1.0',
    description='The Keras 2.2 API rebuilt on TensorFlow 2 with compiled graphs',
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    license='MIT',
    python_requires='>=3.10',
    packages=find_packages(include=['keras22', 'keras22.*']),
    install_requires=[
        # keras22 drives TensorFlow's graph-function internals, so the
        # range is the releases it is tested on; the cap also keeps pip from
        # pairing a newer tensorflow-cpu with the tensorflow that tf_keras
        # (a test extra) pins, which would mix two builds in one package.
        'tensorflow-cpu>=2.16,<2.22; platform_machine=="x86_64"',
        'tensorflow>=2.16,<2.22; platform_machine!="x86_64"',
        'numpy>=1.23',
        'h5py>=3.0',
        'pyyaml>=5.1',
    ],
    extras_require=EXTRAS,
    classifiers=[
        'Programming Language :: Python :: 3',
        'Topic :: Scientific/Engineering :: Artificial Intelligence',
    ],
)
