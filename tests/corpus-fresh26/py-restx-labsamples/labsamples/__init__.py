import logging

from flask import Flask

from labsamples.config import Config
from labsamples.extensions import db, jwt


def create_app(overrides=None):
    app = Flask(__name__)
    app.config.from_object(Config)
    if overrides:
        app.config.update(overrides)

    logging.basicConfig(level=app.config.get("LOG_LEVEL", "INFO"))

    db.init_app(app)
    jwt.init_app(app)

    from labsamples.api import blueprint

    app.register_blueprint(blueprint)

    from labsamples.cli import export_batch_command, rotate_instrument_key_command

    app.cli.add_command(export_batch_command)
    app.cli.add_command(rotate_instrument_key_command)

    return app
