"""OpsDesk: internal support and billing operations console."""

__version__ = "2.3.0"
