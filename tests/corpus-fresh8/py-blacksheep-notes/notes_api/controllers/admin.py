from __future__ import annotations

from blacksheep import Response
from blacksheep.server.authorization import auth
from blacksheep.server.controllers import APIController, get, post

from ..repository import NotesRepository
from ..services.audit import AuditLog


@auth("admin")
class Admin(APIController):
    def __init__(self, repo: NotesRepository, audit: AuditLog) -> None:
        self.repo = repo
        self.audit = audit

    @classmethod
    def route(cls) -> str:
        return "/api/admin"

    @get("/stats")
    async def stats(self) -> Response:
        return self.json(await self.repo.stats())

    @post("/audit/prune")
    async def prune_audit(self, days: int = 90) -> Response:
        removed = await self.audit.prune(older_than_days=days)
        return self.json({"removed": removed})

    @post("/reindex")
    async def reindex(self) -> Response:
        queued = await self.repo.queue_full_reindex()
        return self.accepted({"queued": queued})
