import logging
import os
import sys

import morepath
import waitress
from sqlalchemy import create_engine

from .app import App
from .model import Session

_PLACEHOLDER_SECRETS = {"", "changeme", "secret", "dev"}


def main():
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    morepath.autoscan()
    App.commit()

    app = App()
    secret = app.settings.jwtauth.master_secret
    if secret.strip().lower() in _PLACEHOLDER_SECRETS or len(secret) < 32:
        sys.exit("WIKI_JWT_SECRET must be a real secret of at least 32 characters")

    engine = create_engine(app.settings.database.url, pool_pre_ping=True)
    Session.configure(bind=engine)
    waitress.serve(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "5000")))


if __name__ == "__main__":
    main()
