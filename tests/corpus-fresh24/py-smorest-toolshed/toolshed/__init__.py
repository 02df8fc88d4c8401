import logging
from logging.config import dictConfig

from flask import Flask

from .config import Config
from .extensions import api, db, jwt, migrate


def _configure_logging(app: Flask) -> None:
    dictConfig(
        {
            "version": 1,
            "formatters": {"default": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
            "handlers": {"wsgi": {"class": "logging.StreamHandler", "formatter": "default"}},
            "root": {"level": "DEBUG" if app.debug else "INFO", "handlers": ["wsgi"]},
        }
    )
    logging.getLogger("urllib3").setLevel(logging.WARNING)


def create_app(config_object: type[Config] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_object(config_object or Config)
    _configure_logging(app)

    db.init_app(app)
    migrate.init_app(app, db)
    jwt.init_app(app)
    api.init_app(app)

    from . import auth  # noqa: F401  registers jwt callbacks
    from .resources.loans import blp as loans_blp
    from .resources.members import blp as members_blp
    from .resources.tools import blp as tools_blp

    api.register_blueprint(auth.blp, url_prefix="/api/auth")
    api.register_blueprint(tools_blp, url_prefix="/api/tools")
    api.register_blueprint(loans_blp, url_prefix="/api/loans")
    api.register_blueprint(members_blp, url_prefix="/api/members")

    from .cli import maintenance

    app.cli.add_command(maintenance)
    return app
