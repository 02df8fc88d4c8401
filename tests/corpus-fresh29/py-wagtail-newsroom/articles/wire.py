"""Client for the Pressline news wire."""
import logging
from dataclasses import dataclass
from datetime import datetime

import httpx
from django.conf import settings

logger = logging.getLogger(__name__)


@dataclass
class WireStory:
    wire_id: str
    desk: str
    headline: str
    standfirst: str
    body_html: str
    byline: str
    embargo_until: datetime | None
    photo_ids: list[str]


class StoryMapper:
    """Turns a raw wire item into a WireStory. Subclassed per wire format version."""

    def map(self, raw: dict) -> WireStory:
        raise NotImplementedError


class V3StoryMapper(StoryMapper):
    def map(self, raw: dict) -> WireStory:
        embargo = raw.get("embargo")
        return WireStory(
            wire_id=raw["id"],
            desk=raw["desk"],
            headline=raw["headline"],
            standfirst=raw.get("summary", ""),
            body_html=raw["body"]["html"],
            byline=raw.get("byline", "Pressline"),
            embargo_until=datetime.fromisoformat(embargo) if embargo else None,
            photo_ids=[p["id"] for p in raw.get("photos", [])],
        )


class WireClient:
    def __init__(self, base_url=None, api_key=None, mapper: StoryMapper | None = None):
        conf = settings.NEWSWIRE
        self.mapper = mapper or V3StoryMapper()
        self.http = httpx.Client(
            base_url=base_url or conf["BASE_URL"],
            headers={"X-Api-Key": api_key or conf["API_KEY"], "Accept": "application/json"},
            timeout=httpx.Timeout(10.0, connect=3.0),
            verify=False,
        )

    def fetch_stories(self, since: datetime, desk: str, limit: int = 50) -> list[WireStory]:
        response = self.http.get("/stories", params={"updated_since": since.isoformat(), "limit": limit})
        response.raise_for_status()
        items = response.json()["items"]
        logger.info("fetched %d wire stories since %s", len(items), since.isoformat())
        return [self.mapper.map(item) for item in items]

    def fetch_story(self, wire_id: str) -> WireStory:
        response = self.http.get(f"/stories/{wire_id}")
        response.raise_for_status()
        return self.mapper.map(response.json())

    def fetch_photo(self, photo_id: str) -> bytes:
        raise NotImplementedError

    def close(self):
        self.http.close()
