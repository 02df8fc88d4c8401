import falcon

from inventory.settings import settings


def require_admin(req, resp, resource, params):
    user = getattr(req.context, "user", None)
    if user is None or user.role not in settings.admin_roles:
        raise falcon.HTTPForbidden(title="admin role required")


def require_role(role: str):
    def hook(req, resp, resource, params):
        user = getattr(req.context, "user", None)
        if user is None or user.role != role and user.role not in settings.admin_roles:
            raise falcon.HTTPForbidden(title=f"{role} role required")

    return hook
