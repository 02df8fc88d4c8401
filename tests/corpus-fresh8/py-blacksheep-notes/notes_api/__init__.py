"""Team notes HTTP API."""

__version__ = "2.3.0"
