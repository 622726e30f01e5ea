"""Support for Keras 1 call forms that Keras 2.2 still accepted."""
