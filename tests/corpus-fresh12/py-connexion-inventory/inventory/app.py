"""Application factory for the inventory service."""
from __future__ import annotations

import logging
from pathlib import Path

import connexion
from connexion.options import SwaggerUIOptions

from inventory import db

log = logging.getLogger(__name__)

SPEC_DIR = Path(__file__).parent / "openapi"


def create_app(*, swagger_ui: bool = False) -> connexion.AsyncApp:
    app = connexion.AsyncApp(
        __name__,
        specification_dir=SPEC_DIR,
        swagger_ui_options=SwaggerUIOptions(swagger_ui=swagger_ui),
    )
    app.add_api(
        "inventory.yaml",
        strict_validation=True,
        validate_responses=False,
        pythonic_params=True,
    )
    app.add_error_handler(db.NotFound, _not_found)
    return app


async def _not_found(request, exc):
    from connexion.lifecycle import ConnexionResponse
    import json

    log.info("not found: %s", exc)
    return ConnexionResponse(
        status_code=404,
        content_type="application/problem+json",
        body=json.dumps({"title": "Not Found", "detail": str(exc), "status": 404}),
    )


app = create_app(swagger_ui=True)
