"""Placeholder: this layer family is being written."""
