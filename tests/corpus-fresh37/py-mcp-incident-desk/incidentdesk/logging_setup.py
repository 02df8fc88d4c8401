import logging
import logging.config


def setup_logging(level: str) -> None:
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {
                "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            },
            "handlers": {
                "stderr": {
                    "class": "logging.StreamHandler",
                    "formatter": "plain",
                    "stream": "ext://sys.stderr",
                }
            },
            "loggers": {
                "incidentdesk": {"handlers": ["stderr"], "level": level, "propagate": False},
                "httpx": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
            },
        }
    )
