import time
import uuid

import falcon
import structlog

log = structlog.get_logger(__name__)


class RequestIdMiddleware:
    def process_request(self, req: falcon.Request, resp: falcon.Response) -> None:
        req.context.request_id = req.get_header("X-Request-ID") or uuid.uuid4().hex
        req.context.started = time.perf_counter()

    def process_response(self, req, resp, resource, req_succeeded):
        resp.set_header("X-Request-ID", req.context.request_id)
        log.info(
            "request",
            request_id=req.context.request_id,
            method=req.method,
            path=req.path,
            status=resp.status,
            ms=round((time.perf_counter() - req.context.started) * 1000, 1),
        )


class SessionMiddleware:
    """Opens a SQLAlchemy session per request and commits or rolls back."""

    def __init__(self, session_factory):
        self._factory = session_factory

    def process_request(self, req, resp):
        req.context.db = self._factory()

    def process_response(self, req, resp, resource, req_succeeded):
        db = getattr(req.context, "db", None)
        if db is None:
            return
        try:
            if req_succeeded:
                db.commit()
            else:
                db.rollback()
        except Exception:
            log.exception("session finalisation failed", request_id=req.context.request_id)
            db.rollback()
            raise
        finally:
            db.close()


class TokenAuthMiddleware:
    """Resolves the bearer token into req.context.user; rejects anonymous calls."""

    PUBLIC = ("/healthz", "/webhooks/")

    def __init__(self, token_lookup):
        self._lookup = token_lookup

    def process_request(self, req, resp):
        if req.path.startswith(self.PUBLIC):
            req.context.user = None
            return
        auth = req.get_header("Authorization") or ""
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise falcon.HTTPUnauthorized(title="missing bearer token")
        user = self._lookup(req.context.db, token)
        if user is None:
            raise falcon.HTTPUnauthorized(title="invalid token")
        req.context.user = user
