"""Small standard datasets, downloaded once into `~/.keras/datasets` (or
`$KERAS_HOME/datasets`) and loaded as NumPy arrays."""
from . import mnist  # noqa: F401
from . import imdb  # noqa: F401
from . import reuters  # noqa: F401
from . import cifar10  # noqa: F401
from . import cifar100  # noqa: F401
from . import boston_housing  # noqa: F401
from . import fashion_mnist  # noqa: F401
