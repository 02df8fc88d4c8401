"""Warehouse stock service."""

__version__ = "1.7.2"
