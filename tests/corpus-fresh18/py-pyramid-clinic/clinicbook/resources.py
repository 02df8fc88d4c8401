from pyramid.authorization import ALL_PERMISSIONS, Allow, Authenticated, DENY_ALL


class RootFactory:
    """Default context: any signed-in user may view and book."""

    __acl__ = [
        (Allow, "role:admin", ALL_PERMISSIONS),
        (Allow, Authenticated, ("view", "book")),
        DENY_ALL,
    ]

    def __init__(self, request):
        self.request = request


class AdminFactory:
    __acl__ = [
        (Allow, "role:admin", ALL_PERMISSIONS),
        (Allow, "role:manager", ("admin", "export")),
        DENY_ALL,
    ]

    def __init__(self, request):
        self.request = request


class AppointmentResource:
    """Wraps a loaded appointment so ACL checks can be made per object."""

    def __init__(self, appointment):
        self.appointment = appointment

    @property
    def __acl__(self):
        appt = self.appointment
        return [
            (Allow, "role:admin", ALL_PERMISSIONS),
            (Allow, f"user:{appt.patient_user_id}", ("view", "edit")),
            (Allow, f"doctor:{appt.doctor_id}", ("view", "edit")),
            (Allow, f"clinic-staff:{appt.clinic_id}", ("view", "edit")),
            DENY_ALL,
        ]
