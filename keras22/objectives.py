"""The Keras 1 name of `keras22.losses`, kept for legacy imports.

Everything here is the object of the same name in `keras22.losses`.
"""
from .losses import *  # noqa: F401,F403
