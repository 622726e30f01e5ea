"""Utilities: serialization, progress bars, data loading, model helpers.

Each submodule adds its names here as it lands, as Keras 2.2 exported them.
"""
from . import generic_utils  # noqa: F401
from . import np_utils  # noqa: F401
from . import data_utils  # noqa: F401
from . import io_utils  # noqa: F401
from . import conv_utils  # noqa: F401

from .generic_utils import CustomObjectScope  # noqa: F401
from .generic_utils import custom_object_scope  # noqa: F401
from .generic_utils import get_custom_objects  # noqa: F401
from .generic_utils import serialize_keras_object  # noqa: F401
from .generic_utils import deserialize_keras_object  # noqa: F401
from .generic_utils import Progbar  # noqa: F401
from .np_utils import to_categorical  # noqa: F401
from .np_utils import normalize  # noqa: F401
from .data_utils import Sequence  # noqa: F401
from .data_utils import get_file  # noqa: F401
from .data_utils import OrderedEnqueuer  # noqa: F401
from .data_utils import GeneratorEnqueuer  # noqa: F401
from .io_utils import HDF5Matrix  # noqa: F401
from .io_utils import H5Dict as h5dict  # noqa: F401
from . import layer_utils  # noqa: F401
from .layer_utils import convert_all_kernels_in_model  # noqa: F401
from .layer_utils import get_source_inputs  # noqa: F401
from .layer_utils import print_summary  # noqa: F401
from .vis_utils import plot_model  # noqa: F401
from .multi_gpu_utils import multi_gpu_model  # noqa: F401
