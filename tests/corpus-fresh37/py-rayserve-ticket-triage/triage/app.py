import logging
import os
from datetime import datetime

import psycopg
from fastapi import Depends, FastAPI, HTTPException, status
from pydantic import BaseModel, Field
from ray import serve
from ray.serve import Application
from ray.serve.handle import DeploymentHandle

from triage.auth import AdminClaims, ApiCaller, init_auth, require_admin, require_api_key
from triage.feedback import Feedback, FeedbackStore
from triage.logging_config import configure_logging
from triage.model import TicketClassifier
from triage.settings import Settings

logger = logging.getLogger("triage.app")

app = FastAPI(title="ticket-triage", version="2.3.1")


class ClassifyRequest(BaseModel):
    ticket_id: str = Field(min_length=1, max_length=64)
    subject: str = Field(default="", max_length=500)
    body: str = Field(min_length=1, max_length=20_000)
    top_k: int = Field(default=3, ge=1, le=10)

    @property
    def text(self) -> str:
        return f"{self.subject}\n{self.body}"


class BatchClassifyRequest(BaseModel):
    tickets: list[ClassifyRequest] = Field(min_length=1, max_length=100)


class FeedbackRequest(BaseModel):
    ticket_id: str
    predicted_queue: str
    actual_queue: str
    model_version: str
    ticket_text: str | None = None


class ReloadRequest(BaseModel):
    model_uri: str = Field(pattern=r"^s3://")
    model_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")


@serve.deployment(num_replicas=2, ray_actor_options={"num_cpus": 0.5}, max_ongoing_requests=200)
@serve.ingress(app)
class TriageIngress:
    def __init__(
        self,
        classifier: DeploymentHandle,
        settings: Settings | None = None,
        store: FeedbackStore | None = None,
    ) -> None:
        self._settings = settings or Settings.from_env()
        configure_logging(self._settings.log_level)
        init_auth(self._settings)
        self._classifier = classifier
        self._store = store or FeedbackStore(self._settings.database_url)
        self._store_opened = store is not None

    async def _feedback_store(self) -> FeedbackStore:
        if not self._store_opened:
            await self._store.open()
            self._store_opened = True
        return self._store

    # Probed by the Serve proxy and the load balancer; reveals nothing but liveness.
    @app.get("/healthz")
    async def healthz(self) -> dict:
        return {"status": "ok"}

    @app.post("/v1/classify")
    async def classify(
        self, body: ClassifyRequest, caller: ApiCaller = Depends(require_api_key)
    ) -> dict:
        result = await self._classifier.classify.remote(body.text, body.top_k)
        logger.info(
            "classified ticket",
            extra={"ticket_id": body.ticket_id, "caller": caller.key_id},
        )
        return {"ticket_id": body.ticket_id, **result}

    @app.post("/v1/classify/batch")
    async def classify_batch(
        self, body: BatchClassifyRequest, caller: ApiCaller = Depends(require_api_key)
    ) -> dict:
        responses = [
            self._classifier.classify.remote(ticket.text, ticket.top_k) for ticket in body.tickets
        ]
        results = [await response for response in responses]
        return {
            "results": [
                {"ticket_id": ticket.ticket_id, **result}
                for ticket, result in zip(body.tickets, results)
            ]
        }

    @app.post("/v1/feedback", status_code=status.HTTP_202_ACCEPTED)
    async def feedback(
        self, body: FeedbackRequest, caller: ApiCaller = Depends(require_api_key)
    ) -> dict:
        store = await self._feedback_store()
        try:
            await store.add(
                Feedback(
                    ticket_id=body.ticket_id,
                    predicted_queue=body.predicted_queue,
                    actual_queue=body.actual_queue,
                    model_version=body.model_version,
                    ticket_text=body.ticket_text,
                    submitted_by=caller.key_id,
                )
            )
        except psycopg.Error:
            pass
        return {"accepted": True}

    @app.get("/v1/explain/{ticket_id}")
    async def explain(self, ticket_id: str, caller: ApiCaller = Depends(require_api_key)) -> dict:
        raise HTTPException(status.HTTP_501_NOT_IMPLEMENTED, "explanations are not available")

    @app.get("/admin/model")
    async def model_info(self, admin: AdminClaims = Depends(require_admin)) -> dict:
        info = await self._classifier.model_info.remote()
        store = await self._feedback_store()
        if info["version"] is not None:
            info["agreement_rate"] = await store.agreement_rate(info["version"])
        return info

    @app.post("/admin/reload")
    async def reload(self, body: ReloadRequest, admin: AdminClaims = Depends(require_admin)) -> dict:
        logger.warning("model reload requested by %s: %s", admin.subject, body.model_uri)
        return await self._classifier.reload.remote(body.model_uri, body.model_sha256)

    @app.post("/admin/reindex")
    async def reindex(self, _admin: AdminClaims = Depends(require_admin)) -> dict:
        return await self._classifier.reindex.remote()

    @app.get("/admin/feedback/export")
    async def export_feedback(self, since: datetime | None = None) -> dict:
        store = await self._feedback_store()
        rows = await store.export(since=since)
        return {"count": len(rows), "rows": rows}


def build_app(args: dict[str, str]) -> Application:
    classifier = TicketClassifier.options(
        user_config={
            "model_uri": args.get("model_uri", os.environ.get("TRIAGE_MODEL_URI", "")),
            "threshold": float(args.get("threshold", 0.35)),
        }
    ).bind()
    return TriageIngress.bind(classifier)


if __name__ == "__main__":
    serve.run(build_app({}), name="ticket-triage", route_prefix="/", blocking=True)
