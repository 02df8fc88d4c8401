"""Application factory. Production runs ``gunicorn 'stockroom.app:create_app()'``."""

from __future__ import annotations

import logging
import logging.config
import os

from bottle import Bottle

from .auth import make_guards
from .config import Settings, load_settings
from .db import Repository, RepositoryPlugin
from .labels import ZplLabelPrinter
from .routes import admin, items
from .supplier import SupplierClient

log = logging.getLogger(__name__)


def configure_logging() -> None:
    level = os.getenv("STOCKROOM_LOG_LEVEL", "INFO").upper()
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {
                "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            },
            "handlers": {
                "stderr": {"class": "logging.StreamHandler", "formatter": "plain"},
            },
            "root": {"level": level, "handlers": ["stderr"]},
        }
    )
    logging.getLogger("urllib3").setLevel(logging.WARNING)


def create_app(settings: Settings | None = None) -> Bottle:
    settings = settings or load_settings()
    repo = Repository(settings.database_path)
    guards = make_guards(settings, repo)
    supplier = SupplierClient(settings.supplier_base_url, settings.supplier_account)
    printer = ZplLabelPrinter(settings.label_template_dir, f"{settings.export_dir}/labels")

    app = Bottle()
    app.install(RepositoryPlugin(repo))
    items.register(app, settings, guards, supplier)
    admin.register(app, settings, guards, printer)
    log.info("stockroom configured with database %s", settings.database_path)
    return app


def main() -> None:
    configure_logging()
    create_app().run(host="0.0.0.0", port=8080, server="gunicorn", workers=4)


if __name__ == "__main__":
    main()
