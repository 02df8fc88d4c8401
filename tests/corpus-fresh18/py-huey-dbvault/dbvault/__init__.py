"""dbvault: scheduled PostgreSQL backups."""

__version__ = "0.9.4"
