"""View modules are picked up by ``config.scan(".views")``."""
