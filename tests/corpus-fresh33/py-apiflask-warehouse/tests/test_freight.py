from types import SimpleNamespace

import pytest
import requests

from warehouse.freight import FreightLinkClient, FreightUnavailable

BASE = "https://freight.test/v3"


@pytest.fixture()
def freight():
    return FreightLinkClient(BASE, "test-freight-key", None, timeout=2)


@pytest.fixture()
def shipment():
    return SimpleNamespace(order_ref="SO-77", warehouse_id=1, destination_country="DE", weight_kg=3.2)


def test_quote_passes_service_level(freight, shipment, requests_mock):
    requests_mock.post(
        f"{BASE}/quotes",
        json={"carrier": "FreightLink", "service_level": "express", "price": {"amount": "41.90", "currency": "EUR"}, "transit_days": 1},
    )
    quote = freight.quote(shipment, "express")
    assert requests_mock.last_request.json()["service_level"] == "express"
    assert quote.price == pytest.approx(41.90)


def test_book_sends_reference(freight, shipment, requests_mock):
    requests_mock.post(f"{BASE}/bookings", json={"booking_ref": "FL-1"})
    freight.book(shipment)


def test_server_error_becomes_unavailable(freight, shipment, requests_mock):
    requests_mock.post(f"{BASE}/bookings", status_code=502)
    with pytest.raises(FreightUnavailable):
        freight.book(shipment)


def test_connection_error_becomes_unavailable(freight, shipment, requests_mock):
    requests_mock.post(f"{BASE}/bookings", exc=requests.ConnectTimeout)
    with pytest.raises(FreightUnavailable, match="ConnectTimeout|timed out|"):
        freight.book(shipment)
    assert requests_mock.call_count == 1
