import logging
import time
import uuid

from apiflask import APIFlask, abort
from flask import g, request

log = logging.getLogger("warehouse.http")

_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def register_hooks(app: APIFlask) -> None:
    @app.before_request
    def start_timer():
        g.request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.before_request
    def enforce_read_only():
        # Maintenance switch; the carrier callback keeps working so events are not lost.
        if app.config["READ_ONLY"] and request.method not in _SAFE_METHODS:
            if request.endpoint != "shipments.carrier_event":
                abort(503, "warehouse API is in read-only maintenance mode")

    @app.after_request
    def log_request(response):
        elapsed_ms = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        response.headers["X-Request-Id"] = g.get("request_id", "")
        log.info(
            "%s %s %s %.1fms", request.method, request.path, response.status_code, elapsed_ms,
            extra={"request_id": g.get("request_id"), "actor": g.get("actor_id")},
        )
        return response

    @app.teardown_appcontext
    def close_freight_session(exc):
        # Flask passes the unhandled exception (or None); closing the session is the same either way.
        client = g.pop("freight", None)
        if client is not None:
            client.session.close()
