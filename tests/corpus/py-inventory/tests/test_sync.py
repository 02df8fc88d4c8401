from unittest import mock

from inventory import sync


def _assert_saved(storage, supplier, count):
    storage.save.assert_called_once()
    key, value = storage.save.call_args.args
    assert key == f"stock/{supplier}.json"
    assert len(value) == count


@mock.patch("inventory.sync.fetch_supplier_stock", return_value=[{"sku": "A"}, {"sku": "B"}])
def test_sync_saves_snapshot(fetch):
    storage = mock.Mock()
    with mock.patch("inventory.app.storage", storage):
        sync.sync_supplier("acme")
    _assert_saved(storage, "acme", 2)


def test_remove_stale_ignores_missing(tmp_path):
    present = tmp_path / "a.json"
    present.write_text("{}")
    sync.remove_stale([str(present), str(tmp_path / "missing.json")])
