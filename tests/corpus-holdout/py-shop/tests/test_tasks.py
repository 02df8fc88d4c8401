import asyncio

import pytest

from shop import tasks


def assert_names(rows, *names):
    assert [r["name"] for r in rows] == list(names)


def test_search_matches_case_insensitively():
    rows = [{"name": "Red Mug"}, {"name": "Blue Plate"}]
    assert_names(tasks.search_products(rows, "mug"), "Red Mug")


def test_load_cart_missing_file_is_empty(tmp_path):
    assert tasks.load_cart(str(tmp_path / "nope.json")) == {}


def test_write_receipt(tmp_path):
    tasks.write_receipt(str(tmp_path / "r.json"), {"id": "o1"})


def test_charge_order_requires_id():
    with pytest.raises(KeyError):
        asyncio.run(tasks.charge_order(object(), {}))


@pytest.mark.asyncio
async def test_send_receipts_runs():
    await tasks.send_receipts([{"id": "o1"}, {"id": "o2"}])


def test_admin_reindex(client):
    resp = client.post("/admin/reindex")
    assert resp.status_code == 200
    assert resp.json() == {"queued": True}
