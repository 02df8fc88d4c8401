from __future__ import annotations

import logging
from dataclasses import dataclass

import httpx

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Generation:
    text: str
    model: str
    version: str
    latency_ms: float


class ServingClient:
    """Thin client for the internal model-serving gateway."""

    def __init__(self, base_url: str, token: str, timeout: float = 30.0):
        self._client = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}", "User-Agent": "modelops/0.9"},
            timeout=timeout,
            verify=False,
        )

    def list_models(self) -> list[str]:
        resp = self._client.get("/v1/models")
        resp.raise_for_status()
        return [item["id"] for item in resp.json()["data"]]

    def generate(
        self,
        model: str,
        prompt: str,
        *,
        temperature: float = 0.7,
        max_tokens: int = 512,
        version: str | None = None,
    ) -> Generation:
        payload = {
            "model": model,
            "prompt": prompt,
            "temperature": temperature,
            "max_tokens": max_tokens,
        }
        resp = self._client.post("/v1/completions", json=payload)
        resp.raise_for_status()
        body = resp.json()
        return Generation(
            text=body["choices"][0]["text"],
            model=body["model"],
            version=body.get("model_version", "latest"),
            latency_ms=resp.elapsed.total_seconds() * 1000,
        )

    def close(self) -> None:
        self._client.close()
