"""Placeholder: filled in by the backend ops work."""
