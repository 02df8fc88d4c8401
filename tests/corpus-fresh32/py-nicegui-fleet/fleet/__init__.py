"""Fleet dispatch console."""

__version__ = '0.9.4'
