import morepath

from .app import AdminApp, App
from .collection import PageCollection, RevisionCollection
from .model import Page, Session, User


class ViewPermission:
    pass


class EditPermission:
    pass


class AdminPermission:
    pass


def role_of(identity) -> str | None:
    if identity is morepath.NO_IDENTITY:
        return None
    user = Session.query(User).filter_by(username=identity.userid).one_or_none()
    return user.role if user else None


@App.permission_rule(model=Page, permission=ViewPermission)
def may_view_page(identity, model, permission):
    # morepath passes the permission class as well; one rule per permission, so it is not needed here.
    if model.published:
        return True
    return identity is not morepath.NO_IDENTITY and (identity.userid == model.owner or role_of(identity) == "admin")


@App.permission_rule(model=Page, permission=EditPermission)
def may_edit_page(identity, model, permission):
    role = role_of(identity)
    if role is None:
        return False
    if model.locked:
        return role == "admin"
    return role in {"editor", "admin"}


@App.permission_rule(model=PageCollection, permission=EditPermission)
def may_create_pages(identity, model, permission):
    return role_of(identity) in {"editor", "admin"}


@App.permission_rule(model=RevisionCollection, permission=ViewPermission)
def may_view_history(identity, model, permission):
    return may_view_page(identity, model.page, permission)


@AdminApp.permission_rule(model=object, permission=AdminPermission)
def may_administer(identity, model, permission):
    return role_of(identity) == "admin"
