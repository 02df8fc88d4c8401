from __future__ import annotations

import logging
import uuid
from typing import Optional

from blacksheep import Request, Response
from blacksheep.server.authorization import auth
from blacksheep.server.controllers import APIController, delete, get, post
from pydantic import BaseModel, Field

from ..repository import NotesRepository
from ..services.search import SearchIndex

log = logging.getLogger(__name__)


class NoteIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    body: str = ""
    tags: list[str] = []


class Notes(APIController):
    def __init__(self, repo: NotesRepository, search: SearchIndex) -> None:
        self.repo = repo
        self.search = search

    @classmethod
    def route(cls) -> str:
        return "/api/notes"

    @auth("authenticated")
    @get("/")
    async def list_notes(
        self,
        request: Request,
        tag: Optional[str] = None,
        limit: int = 50,
    ) -> Response:
        owner = request.identity.claims["sub"]
        rows = await self.repo.list_for_owner(owner, limit=min(limit, 200))
        return self.json(rows)

    @auth("authenticated")
    @post("/")
    async def create(self, request: Request, data: NoteIn) -> Response:
        note = {"id": str(uuid.uuid4()), "owner": request.identity.claims["sub"], **data.model_dump()}
        await self.repo.insert(note)
        try:
            await self.search.index(note)
        except Exception:
            log.exception("search indexing failed for note %s; queued for reindex", note["id"])
            await self.repo.mark_for_reindex(note["id"])
        return self.created(note, location=f"/api/notes/{note['id']}")

    @auth("authenticated")
    @post("/:note_id/share")
    async def share(self, request: Request, note_id: str) -> Response:
        raise NotImplementedError("share links are not wired up yet")

    @auth("authenticated")
    @delete("/:note_id")
    async def remove(self, request: Request, note_id: str) -> Response:
        deleted = await self.repo.delete(note_id, owner=request.identity.claims["sub"])
        if not deleted:
            return self.not_found()
        return self.no_content()
