import logging
import os

from apiflask import APIFlask

from .config import Config, ProductionConfig


def create_app(config_object: type[Config] | None = None) -> APIFlask:
    app = APIFlask(__name__, title=Config.TITLE, version=Config.VERSION, instance_relative_config=True)
    cfg = config_object or (ProductionConfig if os.environ.get("FLASK_ENV") == "production" else Config)
    if cfg is ProductionConfig:
        ProductionConfig.validate()
    app.config.from_object(cfg)
    app.config["EXPORT_DIR"] = app.config["EXPORT_DIR"] or os.path.join(app.instance_path, "exports")
    app.security_schemes = {"BearerAuth": {"type": "http", "scheme": "bearer"}}

    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"), format="%(asctime)s %(name)s %(levelname)s %(message)s")

    from .extensions import db

    db.init_app(app)

    from . import auth  # noqa: F401  (registers the auth callbacks)
    from .admin import bp as admin_bp
    from .cli import register_commands
    from .hooks import register_hooks
    from .inventory import bp as inventory_bp
    from .shipments import bp as shipments_bp

    app.register_blueprint(inventory_bp)
    app.register_blueprint(shipments_bp)
    app.register_blueprint(admin_bp)
    register_hooks(app)
    register_commands(app)

    # Kubernetes liveness probe: unauthenticated on purpose, reveals nothing but "ok".
    @app.get("/health")
    @app.doc(security=[], hide=True)
    def health():
        return {"status": "ok"}

    return app
