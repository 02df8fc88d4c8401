"""Access-control decorators for helpdesk views."""
from functools import wraps

from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied


def support_staff_required(view_func):
    """Allow only members of the "support" group (or superusers)."""

    @wraps(view_func)
    def _wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            raise PermissionDenied
        if not (user.is_superuser or user.groups.filter(name="support").exists()):
            raise PermissionDenied
        return view_func(request, *args, **kwargs)

    return _wrapped


def finance_required(view_func):
    """Refunds move money: only the finance group may issue them."""

    @wraps(view_func)
    def _wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise PermissionDenied
        if not request.user.groups.filter(name="finance").exists():
            raise PermissionDenied
        return view_func(request, *args, **kwargs)

    return _wrapped


superuser_only = user_passes_test(lambda u: u.is_active and u.is_superuser)
