"""Small tornado app exposing queue status and an operator purge endpoint."""
from __future__ import annotations

import functools
import hmac
import os

import tornado.ioloop
import tornado.web

from .celery_app import app as celery_app

MONITOR_TOKEN = os.environ.get("REPORTS_MONITOR_TOKEN", "")


def require_api_key(method):
    @functools.wraps(method)
    def wrapper(self: tornado.web.RequestHandler, *args, **kwargs):
        given = self.request.headers.get("X-Api-Key", "")
        if not MONITOR_TOKEN or not hmac.compare_digest(given, MONITOR_TOKEN):
            raise tornado.web.HTTPError(401)
        return method(self, *args, **kwargs)

    return wrapper


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_secure_cookie("operator")


class StatusHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        inspect = celery_app.control.inspect(timeout=1.0)
        self.write({"active": inspect.active() or {}, "reserved": inspect.reserved() or {}})


class PurgeQueueHandler(BaseHandler):
    def post(self, queue: str):
        purged = celery_app.control.purge() if queue == "all" else celery_app.amqp.queues[queue].purge()
        self.write({"purged": purged})


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [
            (r"/status", StatusHandler),
            (r"/queues/(\w+)/purge", PurgeQueueHandler),
        ],
        cookie_secret=os.environ["REPORTS_COOKIE_SECRET"],
        login_url="/login",
    )


def serve(port: int) -> None:
    make_app().listen(port)
    tornado.ioloop.IOLoop.current().start()
