from __future__ import annotations

from litestar import Controller, delete, get, post
from litestar.exceptions import NotFoundException

from ..guards import requires_staff
from ..repository import PatientRepository
from ..services.notifications import NotificationService


class PatientController(Controller):
    path = "/patients"
    guards = [requires_staff]
    tags = ["patients"]

    @get("/")
    async def search_patients(self, repo: PatientRepository, name: str = "", include_archived: bool = False, limit: int = 50) -> list[dict]:
        rows = await repo.search(name=name, limit=min(limit, 200))
        return [p.as_dict() for p in rows]

    @get("/{patient_id:int}")
    async def get_patient(self, patient_id: int, repo: PatientRepository) -> dict:
        patient = await repo.get(patient_id)
        if patient is None:
            raise NotFoundException(f"patient {patient_id} not found")
        return patient.as_dict()

    @post("/{patient_id:int}/reminders")
    async def send_reminder(
        self, patient_id: int, data: dict, repo: PatientRepository, notifications: NotificationService
    ) -> dict:
        patient = await repo.get(patient_id)
        if patient is None:
            raise NotFoundException(f"patient {patient_id} not found")
        text = data.get("text") or "Reminder: you have an appointment tomorrow."
        message_id = await notifications.send_sms(patient.phone, text, patient_id=patient_id)
        return {"message_id": message_id}

    @delete("/{patient_id:int}", status_code=204)
    async def archive_patient(self, patient_id: int, repo: PatientRepository) -> None:
        if not await repo.archive(patient_id):
            raise NotFoundException(f"patient {patient_id} not found")
