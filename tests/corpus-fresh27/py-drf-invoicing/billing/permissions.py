from rest_framework import authentication, exceptions
from rest_framework.permissions import SAFE_METHODS, BasePermission

from .models import PartnerKey


class IsFinanceAdmin(BasePermission):
    message = "Finance admin role required."

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.groups.filter(name="finance-admin").exists())


class IsCustomerOwner(BasePermission):
    """Read/write access to invoices of customers the user owns; staff may read everything."""

    def has_object_permission(self, request, view, obj):
        customer = getattr(obj, "customer", obj)
        if request.method in SAFE_METHODS and request.user.is_staff:
            return True
        return customer.owner_id == request.user.id



class PartnerKeyAuthentication(authentication.BaseAuthentication):
    """Authenticates `Authorization: Partner <prefix>.<secret>` headers."""

    keyword = "Partner"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode()
        if not header.startswith(f"{self.keyword} "):
            return None
        raw = header[len(self.keyword) + 1:].strip()
        prefix, _, _secret = raw.partition(".")
        try:
            key = PartnerKey.objects.select_related("user").get(prefix=prefix, revoked=False)
        except PartnerKey.DoesNotExist:
            raise exceptions.AuthenticationFailed("unknown partner key")
        if PartnerKey.hash(raw) == key.key_hash:
            return (key.user, key)
        raise exceptions.AuthenticationFailed("invalid partner key")

    def authenticate_header(self, request):
        return self.keyword
