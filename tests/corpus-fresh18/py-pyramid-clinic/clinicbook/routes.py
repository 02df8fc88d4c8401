from .resources import AdminFactory


def includeme(config):
    config.add_route("health", "/health")

    config.add_route("login", "/api/session", request_method="POST")
    config.add_route("logout", "/api/session", request_method="DELETE")

    config.add_route("appointments", "/api/appointments")
    config.add_route("appointment", "/api/appointments/{id:\\d+}")
    config.add_route("appointment_cancel", "/api/appointments/{id:\\d+}/cancel")
    config.add_route("appointment_reschedule_series", "/api/appointments/{id:\\d+}/reschedule-series")
    config.add_route("appointment_eligibility", "/api/appointments/{id:\\d+}/eligibility")

    config.add_route("admin_schedule", "/admin/clinics/{clinic_id:\\d+}/schedule", factory=AdminFactory)
    config.add_route("admin_doctors", "/admin/doctors", factory=AdminFactory)
    config.add_route("admin_patient_export", "/admin/patients/export", factory=AdminFactory)
    config.add_route("admin_billing_export", "/admin/billing/export", factory=AdminFactory)

    config.add_route("webhook_payments", "/webhooks/payments")
