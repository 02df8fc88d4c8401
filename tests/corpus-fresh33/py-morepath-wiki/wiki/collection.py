"""Plain model classes that morepath paths resolve to."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from .model import Page, Revision, Session


class Root:
    pass


class Login:
    pass


class PageCollection:
    def __init__(self, offset: int = 0, limit: int = 20):
        self.offset = offset
        self.limit = limit

    def query(self, include_drafts: bool) -> list[Page]:
        stmt = select(Page).order_by(Page.name).offset(self.offset).limit(self.limit)
        if not include_drafts:
            stmt = stmt.where(Page.published.is_(True))
        return list(Session.scalars(stmt))

    def add(self, name: str, title: str, body: str, owner: str) -> Page:
        page = Page(name=name, title=title, body=body, owner=owner)
        Session.add(page)
        Session.flush()
        Session.add(Revision(page_id=page.id, number=1, body=body, author=owner))
        return page


class RevisionCollection:
    def __init__(self, page: Page, limit: int = 50):
        self.page = page
        self.limit = limit

    def query(self) -> list[Revision]:
        stmt = (
            select(Revision)
            .where(Revision.page_id == self.page.id)
            .order_by(Revision.number.desc())
            .limit(self.limit)
        )
        return list(Session.scalars(stmt))


@dataclass
class SharedPage:
    page: Page
    token: str
