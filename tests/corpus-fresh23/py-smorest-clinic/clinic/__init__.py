from __future__ import annotations

import logging
from typing import Any

from flask import Flask, jsonify
from sqlalchemy import text

from clinic.config import Config
from clinic.extensions import api, db, jwt


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_object(Config)
    if overrides:
        app.config.update(overrides)

    logging.basicConfig(level=app.config.get("LOG_LEVEL", "INFO"))

    db.init_app(app)
    jwt.init_app(app)
    api.init_app(app)

    from clinic.auth import blp as auth_blp
    from clinic.cli import maintenance
    from clinic.resources.appointments import blp as appointments_blp
    from clinic.resources.billing import blp as billing_blp
    from clinic.resources.patients import blp as patients_blp

    for blueprint in (auth_blp, patients_blp, appointments_blp, billing_blp):
        api.register_blueprint(blueprint)
    app.cli.add_command(maintenance)

    # Liveness/readiness probe for the orchestrator; lives outside the API blueprints
    # so it needs no token.
    @app.get("/healthz")
    def healthz():
        try:
            db.session.execute(text("SELECT 1"))
        except Exception:
            app.logger.exception("database check failed")
            return jsonify(status="unavailable"), 503
        return jsonify(status="ok")

    return app
