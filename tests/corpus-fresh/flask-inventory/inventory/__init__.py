from __future__ import annotations

import logging

from flask import Flask, jsonify

from .auth import require_internal_token
from .config import Settings
from .models import db

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=settings.secret_key,
        SQLALCHEMY_DATABASE_URI=settings.database_url,
        SETTINGS=settings,
    )
    db.init_app(app)

    from .views.admin import bp as admin_bp
    from .views.internal import bp as internal_bp
    from .views.items import bp as items_bp

    internal_bp.before_request(require_internal_token)

    app.register_blueprint(items_bp, url_prefix="/api/items")
    app.register_blueprint(admin_bp, url_prefix="/api/admin")
    app.register_blueprint(internal_bp, url_prefix="/internal")

    @app.errorhandler(404)
    def not_found(_error):
        return jsonify(error="not found"), 404

    @app.errorhandler(409)
    def conflict(error):
        return jsonify(error=error.description), 409

    return app
