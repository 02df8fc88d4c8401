"""Support-ticket triage served with Ray Serve."""

__version__ = "2.3.1"
