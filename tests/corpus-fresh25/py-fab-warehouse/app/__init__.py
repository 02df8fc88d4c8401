import logging
from logging.handlers import WatchedFileHandler

from flask import Flask, render_template
from flask_appbuilder import AppBuilder, SQLA

from .security import WarehouseSecurityManager

logging.basicConfig(format="%(asctime)s:%(levelname)s:%(name)s:%(message)s")
logging.getLogger().setLevel(logging.INFO)

db = SQLA()
appbuilder = AppBuilder(security_manager_class=WarehouseSecurityManager)


def _configure_file_logging(app):
    path = app.config.get("LOG_FILE")
    if not path or app.testing:
        return
    handler = WatchedFileHandler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    logging.getLogger().addHandler(handler)


def create_app(config_object="config"):
    app = Flask(__name__)
    app.config.from_object(config_object)
    _configure_file_logging(app)

    with app.app_context():
        db.init_app(app)
        appbuilder.init_app(app, db.session)

        from .cli import warehouse_cli
        from .views import register_views

        register_views(appbuilder)
        app.cli.add_command(warehouse_cli)

    @app.errorhandler(404)
    def page_not_found(e):
        return (
            render_template("404.html", base_template=appbuilder.base_template, appbuilder=appbuilder),
            404,
        )

    return app
