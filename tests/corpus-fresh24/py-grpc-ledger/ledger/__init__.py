"""Loyalty points ledger service."""

__version__ = "2.3.1"
