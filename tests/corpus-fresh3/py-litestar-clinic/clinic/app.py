from __future__ import annotations

import asyncpg
from litestar import Litestar, get
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.di import Provide

from .config import get_settings
from .controllers.admin import AdminController
from .controllers.patients import PatientController
from .controllers.visits import VisitController
from .repository import AuditLog, PatientRepository
from .services.claims import InsuranceClaimService
from .services.notifications import NotificationService


async def open_pool(app: Litestar) -> None:
    app.state.pool = await asyncpg.create_pool(get_settings().database_url, min_size=1, max_size=10)


async def close_pool(app: Litestar) -> None:
    await app.state.pool.close()


def provide_patients(state: State) -> PatientRepository:
    return PatientRepository(state.pool)


def provide_audit(state: State) -> AuditLog:
    return AuditLog(state.pool)


def provide_notifications(audit: AuditLog) -> NotificationService:
    return NotificationService(audit)


@get("/healthz", exclude_from_auth=True)
async def health() -> dict:
    return {"ok": True}


app = Litestar(
    route_handlers=[health, PatientController, VisitController, AdminController],
    dependencies={
        "repo": Provide(provide_patients, sync_to_thread=False),
        "audit": Provide(provide_audit, sync_to_thread=False),
        "notifications": Provide(provide_notifications, sync_to_thread=False),
        "claims": Provide(lambda: InsuranceClaimService(), sync_to_thread=False),
    },
    cors_config=CORSConfig(allow_origins=get_settings().cors_origins or ["https://clinic.example.org"]),
    on_startup=[open_pool],
    on_shutdown=[close_pool],
)
