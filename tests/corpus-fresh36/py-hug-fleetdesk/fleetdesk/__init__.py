"""Fleet maintenance desk: vehicles, telematics positions and work orders."""

__version__ = "1.8.2"
