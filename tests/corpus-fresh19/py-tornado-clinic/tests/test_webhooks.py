from __future__ import annotations

import json

import pytest

from clinic.security import sign_payload


@pytest.mark.gen_test
async def test_lab_result_signed(http_client, base_url, settings, pool):
    body = json.dumps({"order_id": "ORD-1", "status": "final", "values": {"hba1c": 5.4}}).encode()
    resp = await http_client.fetch(
        f"{base_url}/hooks/lab-results",
        method="POST",
        body=body,
        headers={"X-EHR-Signature": sign_payload(settings.webhook_secret, body)},
    )
    assert resp.code == 200
    status = await pool.fetchval("SELECT status FROM lab_orders WHERE external_id = 'ORD-1'")
    assert status == "resulted"


@pytest.mark.gen_test
async def test_lab_result_bad_signature(http_client, base_url, assert_problem):
    resp = await http_client.fetch(
        f"{base_url}/hooks/lab-results",
        method="POST",
        body=b'{"order_id": "ORD-1"}',
        headers={"X-EHR-Signature": "0" * 64},
        raise_error=False,
    )
    assert_problem(resp, 401, "bad signature")


@pytest.mark.gen_test
async def test_lab_result_unknown_order(http_client, base_url, settings):
    body = json.dumps({"order_id": "ORD-404"}).encode()
    resp = await http_client.fetch(
        f"{base_url}/hooks/lab-results",
        method="POST",
        body=body,
        headers={"X-EHR-Signature": sign_payload(settings.webhook_secret, body)},
        raise_error=False,
    )
    assert resp.code == 404
