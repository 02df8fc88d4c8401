import html
import secrets

import bcrypt
import morepath
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from webob.exc import HTTPBadRequest, HTTPConflict, HTTPForbidden, HTTPNotImplemented, HTTPUnauthorized

from . import audit
from .app import App
from .collection import Login, PageCollection, RevisionCollection, Root, SharedPage
from .indexer import IndexerError, indexer_for
from .model import Page, Revision, Session, User
from .permission import EditPermission, ViewPermission


def _actor(request):
    identity = request.identity
    return None if identity is morepath.NO_IDENTITY else identity.userid


def page_json(page, request):
    return {
        "name": page.name,
        "title": page.title,
        "body": page.body,
        "owner": page.owner,
        "published": page.published,
        "revision": page.revision,
        "revision_hash": page.revision_hash,
        "links": {"self": request.link(page), "history": request.link(RevisionCollection(page))},
    }


# Landing document for clients and the load balancer; no data beyond links.
@App.json(model=Root)
def root_view(self, request):
    return {"service": "teamwiki", "pages": request.link(PageCollection())}


@App.json(model=Login, request_method="POST")
def login(self, request):
    body = request.json_body
    username = str(body.get("username", ""))
    password = str(body.get("password", "")).encode()
    user = Session.scalars(select(User).where(User.username == username)).one_or_none()
    if user is None or not bcrypt.checkpw(password, user.password_hash):
        raise HTTPUnauthorized()

    @request.after
    def remember(response):
        request.app.remember_identity(response, request, morepath.Identity(user.username, role=user.role))

    return {"username": user.username, "role": user.role}


@App.json(model=PageCollection, permission=ViewPermission)
def list_pages(self, request):
    include_drafts = _actor(request) is not None
    return {"pages": [page_json(p, request) for p in self.query(include_drafts)]}


@App.json(model=PageCollection, request_method="POST", permission=EditPermission)
def create_page(self, request):
    data = request.json_body
    if not data.get("name") or not data.get("title"):
        raise HTTPBadRequest("name and title are required")
    try:
        page = self.add(data["name"], data["title"], data.get("body", ""), _actor(request))
    except IntegrityError:
        raise HTTPConflict(f"page {data['name']} already exists")
    audit.record(_actor(request), "page.create", page.name)

    @request.after
    def created(response):
        response.status = 201

    return page_json(page, request)


@App.json(model=Page, permission=ViewPermission)
def page_view(self, request):
    return page_json(self, request)


@App.json(model=Page, request_method="PUT", permission=EditPermission)
def page_edit(self, request):
    data = request.json_body
    # The base revision hash is a public content fingerprint used for conflict detection.
    if data.get("base_revision") != self.revision_hash:
        raise HTTPConflict("page changed since you loaded it")
    self.body = data["body"]
    self.title = data.get("title", self.title)
    self.revision += 1
    Session.add(Revision(page_id=self.id, number=self.revision, body=self.body, author=_actor(request)))
    audit.record(_actor(request), "page.edit", self.name)
    try:
        indexer_for(request.app).push(self)
    except IndexerError:
        pass
    return page_json(self, request)


@App.json(model=Page, name="publish", request_method="POST", permission=EditPermission)
def page_publish(self, request):
    self.published = bool(request.json_body.get("published", True))
    audit.record(_actor(request), "page.publish" if self.published else "page.unpublish", self.name)
    indexer_for(request.app).push(self)
    return page_json(self, request)


@App.json(model=Page, name="share", request_method="POST", permission=EditPermission)
def page_share(self, request):
    self.share_token = secrets.token_urlsafe(24)
    audit.record(_actor(request), "page.share", self.name)
    return {"url": request.link(SharedPage(self, self.share_token))}


@App.json(model=Page, name="revert", request_method="POST")
def page_revert(self, request):
    number = int(request.json_body["revision"])
    target = Session.scalars(
        select(Revision).where(Revision.page_id == self.id, Revision.number == number)
    ).one_or_none()
    if target is None:
        raise HTTPBadRequest(f"no revision {number}")
    self.body = target.body
    self.revision += 1
    Session.add(Revision(page_id=self.id, number=self.revision, body=self.body, author=_actor(request) or "anonymous"))
    audit.record(_actor(request), "page.revert", f"{self.name}@{number}")
    return page_json(self, request)


@App.html(model=Page, name="diff", permission=ViewPermission)
def page_diff(self, request):
    raise HTTPNotImplemented()


@App.json(model=RevisionCollection, permission=ViewPermission)
def history(self, request):
    return {
        "page": self.page.name,
        "revisions": [{"number": r.number, "author": r.author, "at": r.created_at.isoformat()} for r in self.query()],
    }


# Read-only link for people outside the wiki: the token in the path is the credential,
# and get_shared() only resolves when it matches.
@App.html(model=SharedPage)
def shared_page(self, request):
    page = self.page
    return f"<article><h1>{html.escape(page.title)}</h1><pre>{html.escape(page.body)}</pre></article>"


@App.view(model=Page, name="lock", request_method="POST", permission=EditPermission)
def page_lock(self, request):
    if _actor(request) != self.owner:
        raise HTTPForbidden()
    self.locked = True
    audit.record(_actor(request), "page.lock", self.name)
    return morepath.redirect(request.link(self))
