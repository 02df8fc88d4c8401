import os

from pyramid.config import Configurator
from pyramid.settings import asbool

from .billing import BillingClient, LogBackend, SmsClient
from .security import AppointmentFactory, ClinicSecurityPolicy, Root


def main(global_config, **settings):
    """Return the Pyramid WSGI application."""
    settings.setdefault("reports.template_dir", "/home/marta/projects/clinic/templates/reports")
    secret = settings.get("auth.secret") or os.environ.get(
        "CLINIC_AUTH_SECRET", "c8f3a91e6b2d4f7a0e5c19d8b3a6f2e47d1c9b08a5e3f6d2"
    )

    with Configurator(settings=settings, root_factory=Root) as config:
        config.include("pyramid_jinja2")
        config.include("pyramid_tm")
        config.include(".models")

        config.set_security_policy(ClinicSecurityPolicy(secret))
        config.set_default_csrf_options(require_csrf=True, header="X-CSRF-Token")
        config.add_tween("clinic.security.timing_tween_factory")

        config.registry["billing"] = BillingClient(
            settings["billing.url"], os.environ["CLINIC_BILLING_TOKEN"]
        )
        if asbool(settings.get("sms.enabled", True)):
            config.registry["notifier"] = SmsClient(
                settings["sms.url"],
                os.environ["CLINIC_SMS_TOKEN"],
                verify_tls=asbool(settings.get("sms.verify_tls", True)),
            )
        else:
            config.registry["notifier"] = LogBackend()

        config.add_route("appointments", "/appointments")
        config.add_route("appointment", "/appointments/{id}/", factory=AppointmentFactory, traverse="/{id}")
        config.add_route(
            "appointment_cancel", "/appointments/{id}/cancel", factory=AppointmentFactory, traverse="/{id}"
        )
        config.add_route("admin_stats", "/admin/stats")
        config.add_route("admin_export", "/admin/export")
        config.add_route("admin_reindex", "/admin/reindex")
        config.add_route("partner_slots", "/partner/slots")
        config.add_route("billing_webhook", "/webhooks/billing")

        config.scan(".views")
    return config.make_wsgi_app()
