import json
import os
from datetime import datetime, timezone

import morepath
from sqlalchemy import select
from webob.exc import HTTPBadRequest

from . import audit
from .app import AdminApp, App
from .indexer import indexer_for
from .model import Page, Session, User
from .permission import AdminPermission

BACKUP_ROOT = "/tmp/wiki-backups"


class AdminRoot:
    pass


class BackupCollection:
    def names(self) -> list[str]:
        if not os.path.isdir(BACKUP_ROOT):
            return []
        return sorted(os.listdir(BACKUP_ROOT), reverse=True)


class UserRole:
    def __init__(self, user: User):
        self.user = user


class PageRemoval:
    def __init__(self, page: Page):
        self.page = page


@App.mount(path="admin", app=AdminApp)
def mount_admin():
    return AdminApp()


@AdminApp.path(model=AdminRoot, path="/")
def get_admin_root():
    return AdminRoot()


@AdminApp.path(model=BackupCollection, path="backups")
def get_backups():
    return BackupCollection()


@AdminApp.path(model=UserRole, path="users/{username}/role")
def get_user_role(username):
    user = Session.scalars(select(User).where(User.username == username)).one_or_none()
    return UserRole(user) if user else None


@AdminApp.path(model=PageRemoval, path="pages/{name}")
def get_page_removal(name):
    page = Session.scalars(select(Page).where(Page.name == name)).one_or_none()
    return PageRemoval(page) if page else None


@AdminApp.json(model=AdminRoot, permission=AdminPermission)
def admin_root(self, request):
    return {"backups": request.link(BackupCollection())}


@AdminApp.json(model=BackupCollection, permission=AdminPermission)
def list_backups(self, request):
    return {"backups": self.names()}


@AdminApp.json(model=BackupCollection, request_method="POST", permission=AdminPermission)
def create_backup(self, request):
    os.makedirs(BACKUP_ROOT, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    pages = Session.scalars(select(Page).order_by(Page.name)).all()
    path = os.path.join(BACKUP_ROOT, f"pages-{stamp}.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump([{"name": p.name, "title": p.title, "body": p.body, "owner": p.owner} for p in pages], fh)
    audit.record(request.identity.userid, "backup.create", os.path.basename(path))
    return {"backup": os.path.basename(path), "pages": len(pages)}


@AdminApp.json(model=UserRole, request_method="PUT", permission=AdminPermission)
def set_role(self, request):
    role = request.json_body.get("role")
    if role not in {"reader", "editor", "admin"}:
        raise HTTPBadRequest("role must be reader, editor or admin")
    self.user.role = role
    audit.record(request.identity.userid, "user.role", f"{self.user.username}={role}")
    return {"username": self.user.username, "role": role}


@AdminApp.view(model=PageRemoval, request_method="DELETE", permission=AdminPermission)
def remove_page(self, request):
    page_id, name = self.page.id, self.page.name
    for attachment in self.page.attachments:
        Session.delete(attachment)
    for revision in self.page.revisions:
        Session.delete(revision)
    Session.delete(self.page)
    indexer_for(request.app).remove(page_id)
    audit.record(request.identity.userid, "page.delete", name)
    return morepath.Response(status=204)
