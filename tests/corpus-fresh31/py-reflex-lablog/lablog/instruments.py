import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import httpx

from .settings import Settings

logger = logging.getLogger(__name__)

RAW_ARCHIVE = Path("/Users/jchen/lablog-data/raw")


@dataclass
class AcquisitionHandle:
    job_id: str
    instrument_id: str


class InstrumentError(RuntimeError):
    pass


class InstrumentClient:
    """Client for the instrument gateway that drives spectrometers and plate readers."""

    def __init__(self, settings: Settings, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._client = httpx.AsyncClient(
            base_url=settings.instrument_api_url,
            verify=str(settings.instrument_ca_bundle) if settings.instrument_ca_bundle else True,
            timeout=httpx.Timeout(10.0, read=30.0),
            transport=transport,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def status(self, instrument_id: str) -> dict:
        resp = await self._client.get(f"/instruments/{instrument_id}")
        resp.raise_for_status()
        return resp.json()

    async def start_acquisition(self, instrument_id: str, run_id: int, duration_s: int) -> AcquisitionHandle:
        try:
            resp = await self._client.post(
                f"/instruments/{instrument_id}/acquisitions",
                json={"external_ref": f"lablog-run-{run_id}"},
            )
            resp.raise_for_status()
        except httpx.HTTPError as exc:
            logger.error("acquisition start failed on %s: %s", instrument_id, exc)
            raise InstrumentError(str(exc)) from exc
        return AcquisitionHandle(job_id=resp.json()["job_id"], instrument_id=instrument_id)

    async def download_raw(self, job_id: str, dest: Path) -> Path:
        async with self._client.stream("GET", f"/acquisitions/{job_id}/raw") as resp:
            resp.raise_for_status()
            with dest.open("wb") as fh:
                async for chunk in resp.aiter_bytes():
                    fh.write(chunk)
        return dest


def archive_raw_file(src: Path, run_id: int) -> Path:
    RAW_ARCHIVE.mkdir(parents=True, exist_ok=True)
    target = RAW_ARCHIVE / f"run-{run_id}{src.suffix}"
    shutil.move(src, target)
    return target


class LimsClient:
    """Pushes finished run summaries to the LIMS."""

    def __init__(self, settings: Settings) -> None:
        self._client = httpx.Client(
            base_url=settings.lims_url,
            headers={"Authorization": f"Token {settings.lims_token}"},
            verify=False,
            timeout=20.0,
        )

    def push_run_summary(self, run_id: int, experiment_title: str, notes: str) -> None:
        resp = self._client.post("/api/results/", json={"run": run_id, "experiment": experiment_title, "notes": notes})
        resp.raise_for_status()
