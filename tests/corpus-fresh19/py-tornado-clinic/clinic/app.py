from __future__ import annotations

import asyncio
import logging

import structlog
import tornado.web

from clinic import config, db
from clinic.handlers import admin, appointments, session, webhooks
from clinic.notify import SmsNotifier

log = structlog.get_logger(__name__)


def make_app(settings: config.Settings, pool, notifier=None) -> tornado.web.Application:
    deps = {"pool": pool, "settings": settings, "notifier": notifier}
    routes = [
        tornado.web.url(r"/healthz", session.HealthHandler, deps, name="health"),
        tornado.web.url(r"/login", session.LoginHandler, deps, name="login"),
        tornado.web.url(r"/logout", session.LogoutHandler, deps, name="logout"),
        tornado.web.url(r"/api/appointments", appointments.AppointmentListHandler, deps),
        tornado.web.url(r"/api/appointments/slots", appointments.SlotsHandler, deps),
        tornado.web.url(r"/api/appointments/(\d+)", appointments.AppointmentHandler, deps),
        tornado.web.url(r"/api/appointments/(\d+)/reschedule", appointments.RescheduleHandler, deps),
        tornado.web.url(r"/api/admin/staff", admin.StaffListHandler, deps),
        tornado.web.url(r"/api/admin/patients.csv", admin.PatientExportHandler, deps),
        tornado.web.url(r"/api/admin/audit", admin.AuditLogHandler, deps),
        tornado.web.url(r"/hooks/lab-results", webhooks.LabResultWebhookHandler, deps),
    ]
    return tornado.web.Application(
        routes,
        cookie_secret=settings.cookie_secret,
        login_url="/login",
        template_path=settings.template_path,
        debug=settings.debug,
        serve_traceback=settings.debug,
    )


async def main() -> None:
    settings = config.load()
    level = logging.DEBUG if settings.debug else logging.INFO
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(level))
    pool = await db.create_pool(settings.database_dsn)
    app = make_app(settings, pool, SmsNotifier(settings, pool))
    app.listen(settings.port, xheaders=True)
    log.info("clinic.started", port=settings.port)
    try:
        await asyncio.Event().wait()
    finally:
        await pool.close()


def run() -> None:
    asyncio.run(main())


if __name__ == "__main__":
    run()
