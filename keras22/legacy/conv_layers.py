"""Placeholder: legacy layers of this family are being written."""
