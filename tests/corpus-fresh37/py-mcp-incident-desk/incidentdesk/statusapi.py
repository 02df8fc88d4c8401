import logging
from dataclasses import dataclass
from typing import Any

import httpx

logger = logging.getLogger("incidentdesk.statusapi")


@dataclass(frozen=True)
class Incident:
    id: str
    title: str
    service: str
    severity: str
    status: str
    commander: str | None
    opened_at: str

    @classmethod
    def from_api(cls, data: dict[str, Any]) -> "Incident":
        return cls(
            id=data["id"],
            title=data["title"],
            service=data["service"],
            severity=data["severity"],
            status=data["status"],
            commander=data.get("commander"),
            opened_at=data["opened_at"],
        )


class StatusApi:
    """Client for the internal incident REST API."""

    def __init__(self, base_url: str, token: str, transport: httpx.AsyncBaseTransport | None = None):
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}", "User-Agent": "incident-desk-mcp/0.9"},
            timeout=httpx.Timeout(10.0, connect=3.0),
            verify=False,
            transport=transport,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def list_incidents(
        self, service: str | None = None, severity: str | None = None, status: str = "open", limit: int = 20
    ) -> list[Incident]:
        params: dict[str, Any] = {"status": status, "limit": limit}
        if service:
            params["service"] = service
        if severity:
            params["severity"] = severity
        response = await self._client.get("/v1/incidents", params=params)
        response.raise_for_status()
        return [Incident.from_api(item) for item in response.json()["items"]]

    async def get_incident(self, incident_id: str) -> Incident | None:
        try:
            response = await self._client.get(f"/v1/incidents/{incident_id}")
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            if exc.response.status_code == 404:
                return None
            raise
        return Incident.from_api(response.json())

    async def timeline(self, incident_id: str) -> list[dict[str, Any]]:
        response = await self._client.get(f"/v1/incidents/{incident_id}/timeline")
        response.raise_for_status()
        return response.json()["events"]

    async def update_status(self, incident_id: str, status: str, actor: str, note: str | None = None) -> Incident:
        response = await self._client.post(
            f"/v1/incidents/{incident_id}/status",
            json={"status": status, "actor": actor, "note": note},
        )
        response.raise_for_status()
        return Incident.from_api(response.json())

    async def page(self, schedule: str, message: str, actor: str) -> str:
        response = await self._client.post(
            f"/v1/oncall/{schedule}/page", json={"message": message, "requested_by": actor}
        )
        response.raise_for_status()
        return response.json()["page_id"]
