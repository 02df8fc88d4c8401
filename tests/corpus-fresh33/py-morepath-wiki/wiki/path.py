from sqlalchemy import select

from .app import App
from .collection import Login, PageCollection, RevisionCollection, Root, SharedPage
from .model import Page, Session


def _page(name):
    return Session.scalars(select(Page).where(Page.name == name)).one_or_none()


@App.path(model=Root, path="/")
def get_root():
    return Root()


@App.path(model=Login, path="login")
def get_login():
    return Login()


@App.path(model=PageCollection, path="pages", converters={"offset": int, "limit": int})
def get_pages(offset=0, limit=20):
    return PageCollection(offset, min(limit, 100))


@App.path(model=Page, path="pages/{name}")
def get_page(name):
    return _page(name)


@App.path(
    model=RevisionCollection,
    path="pages/{name}/history",
    variables=lambda c: {"name": c.page.name, "limit": c.limit},
    converters={"limit": int},
)
def get_history(name, limit=50):
    page = _page(name)
    return RevisionCollection(page) if page is not None else None


@App.path(model=SharedPage, path="shared/{name}/{token}", variables=lambda s: {"name": s.page.name, "token": s.token})
def get_shared(name, token):
    page = _page(name)
    if page is None or page.share_token is None or page.share_token != token:
        return None
    return SharedPage(page, token)
