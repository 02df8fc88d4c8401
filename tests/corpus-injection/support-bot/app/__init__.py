"""Acme support bot: answers customer questions from help-center articles."""

__version__ = "1.8.2"
