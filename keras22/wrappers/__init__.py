"""Wrappers that let Keras models be used by other libraries
(`keras22.wrappers.scikit_learn`)."""
