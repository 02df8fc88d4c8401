"""Circulation desk API for branch libraries."""
