from incidentdesk.store import DeskStore


def test_notes_round_trip(tmp_path):
    store = DeskStore(str(tmp_path / "desk.db"))
    store.add_note("INC-1", "alice", "rolled back")
    store.add_note("INC-1", "bob", "error rate normal")
    assert [n["author"] for n in store.notes("INC-1")] == ["alice", "bob"]


def test_runbook_search_is_case_insensitive():
    store = DeskStore(":memory:")
    store.upsert_runbook("db-failover", "Database failover", "Promote the replica ...")
    store.upsert_runbook("cdn", "CDN purge", "Use the purge API")
    assert [r["slug"] for r in store.search_runbooks("FAILOVER")] == ["db-failover"]


def test_runbook_upsert_replaces_body():
    store = DeskStore(":memory:")
    store.upsert_runbook("cdn", "CDN purge", "old")
    store.upsert_runbook("cdn", "CDN purge", "new")
    assert store.runbook("cdn")["body"] == "new"
