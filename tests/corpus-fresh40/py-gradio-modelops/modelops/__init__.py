"""ModelOps: playground, datasets and evaluations for internal models."""

__version__ = "0.9.0"
