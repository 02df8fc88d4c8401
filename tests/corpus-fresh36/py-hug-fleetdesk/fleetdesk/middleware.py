"""Per-request context (database session), directives and request logging."""

import logging
import time

import hug

from fleetdesk.db import SessionLocal

log = logging.getLogger("fleetdesk.http")


@hug.context_factory(apply_globally=True)
def create_context(*args, **kwargs):
    return {"db": SessionLocal()}


@hug.delete_context(apply_globally=True)
def delete_context(context, exception=None, errors=None, lacks_requirement=None):
    session = context.get("db")
    if session is None:
        return
    if exception is not None or errors:
        session.rollback()
    session.close()


@hug.directive(apply_globally=True)
def dbsession(default=None, context=None, **kwargs):
    """The request's SQLAlchemy session, closed by delete_context."""
    return context["db"]


class RequestLogMiddleware:
    """Falcon-style middleware: one log line per request with its latency."""

    def process_request(self, request, response):
        request.context["started"] = time.monotonic()

    def process_response(self, request, response, resource, req_succeeded):
        started = request.context.get("started")
        elapsed_ms = (time.monotonic() - started) * 1000 if started else -1
        level = logging.INFO if req_succeeded else logging.WARNING
        log.log(level, "%s %s -> %s (%.1f ms)", request.method, request.relative_uri, response.status, elapsed_ms)
