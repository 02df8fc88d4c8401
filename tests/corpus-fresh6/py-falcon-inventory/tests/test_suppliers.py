from unittest import mock

import pytest
import requests

from inventory.suppliers import SupplierClient


@pytest.fixture
def supplier_client():
    c = SupplierClient(base_url="https://supplier.test", api_key="test-key")
    c.session = mock.MagicMock()
    return c


def test_place_reorder_returns_id(supplier_client):
    supplier_client.session.post.return_value.json.return_value = {"reorder_id": "RO-9"}
    assert supplier_client.place_reorder("A-1", 10) == "RO-9"


def test_reorder_status_propagates_http_errors():
    c = SupplierClient(base_url="https://supplier.test", api_key="test-key")
    failing = mock.MagicMock(status_code=503, text="unavailable")
    failing.raise_for_status.side_effect = requests.HTTPError("503")
    with mock.patch("inventory.suppliers.requests.get", return_value=failing):
        with pytest.raises(requests.HTTPError):
            c.reorder_status("RO-9")


def test_reorder_status_against_local_stub():
    # The local supplier stub uses a self-signed certificate.
    with mock.patch("inventory.suppliers.requests.get") as get:
        get.return_value.json.return_value = {"state": "shipped"}
        SupplierClient(base_url="https://localhost:8443").reorder_status("RO-1")
