from __future__ import annotations

from litestar import Controller, get, post

from ..repository import AuditLog, PatientRepository


class AdminController(Controller):
    path = "/admin"
    tags = ["admin"]

    @post("/patients/{patient_id:int}/purge", status_code=202)
    async def purge_patient(self, patient_id: int, repo: PatientRepository, audit: AuditLog) -> dict:
        await repo.purge(patient_id)
        await audit.record("patient.purged", patient_id=patient_id)
        return {"purged": patient_id}

    @get("/audit")
    async def audit_trail(self, audit: AuditLog, limit: int = 100) -> list[dict]:
        return await audit.recent(limit=min(limit, 1000))
