"""cronwheel: cron-style scheduling for in-process jobs."""

__version__ = "1.8.0"
