"""Stockroom: warehouse inventory API."""

__version__ = "0.9.4"
