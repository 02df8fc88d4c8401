from __future__ import annotations

import pandas as pd
import pytest
from dagster import build_asset_context, materialize

from metrics_pipeline import assets as assets_mod
from metrics_pipeline.assets import cleaned_events, daily_active_users, raw_events
from metrics_pipeline.resources import EventsApiResource


class StubEventsApi(EventsApiResource):
    rows: list = []

    def export(self, day: str) -> list[dict]:
        return list(self.rows)


@pytest.fixture(autouse=True)
def snapshot_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(assets_mod, "SNAPSHOT_DIR", tmp_path / "snapshots")
    return tmp_path / "snapshots"


@pytest.fixture
def raw() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"event_id": "e1", "user_id": "u1", "event_type": "view", "product": "web", "ts": "2024-03-01T10:00:00Z"},
            {"event_id": "e1", "user_id": "u1", "event_type": "view", "product": "web", "ts": "2024-03-01T10:00:00Z"},
            {"event_id": "e2", "user_id": None, "event_type": "view", "product": "web", "ts": "2024-03-01T11:00:00Z"},
            {"event_id": "e3", "user_id": "u2", "event_type": "click", "product": "ios", "ts": "2024-03-01T12:00:00Z"},
        ]
    )


def test_cleaned_events_drops_duplicates_and_nulls(raw, snapshot_dir):
    ctx = build_asset_context(partition_key="2024-03-01")
    out = cleaned_events(ctx, raw)
    assert sorted(out["event_id"]) == ["e1", "e3"]
    assert (snapshot_dir / "cleaned_2024-03-01.parquet").exists()


def test_raw_events_uses_partition_key():
    api = StubEventsApi(rows=[{"event_id": "e9"}])
    ctx = build_asset_context(partition_key="2024-03-02")
    df = raw_events(ctx, api)
    assert list(df["event_id"]) == ["e9"]


def test_ingest_materializes(raw):
    api = StubEventsApi(rows=raw.to_dict("records"))
    materialize(
        [raw_events, cleaned_events],
        partition_key="2024-03-01",
        resources={"events_api": api},
    )


def test_dau_requires_warehouse():
    with pytest.raises(Exception):
        daily_active_users(build_asset_context(partition_key="2024-03-01"), pd.DataFrame(), None)
