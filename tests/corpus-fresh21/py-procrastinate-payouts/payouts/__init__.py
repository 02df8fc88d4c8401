"""Seller payouts: batching, bank transfers and monthly statements."""

__version__ = "0.14.1"
