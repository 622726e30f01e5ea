"""Placeholder: Keras 1 layers kept by Keras 2.2 are being written."""
