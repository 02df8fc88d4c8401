import hug
import pytest
from falcon import HTTPForbidden

from fleetdesk import app, workorders
from fleetdesk.auth import require_role
from fleetdesk.db import WorkOrder
from tests.conftest import assert_status


def test_urgent_order_puts_vehicle_in_maintenance(users, token_for, van, session):
    resp = hug.test.post(
        app,
        "/workorders/",
        {"vehicle_id": van.id, "title": "Brake warning light", "priority": "urgent"},
        headers=token_for(users["driver"]),
    )
    assert_status(resp, 201)
    session.refresh(van)
    assert van.status == "maintenance"


def test_close_returns_vehicle_to_service(users, token_for, van, session, monkeypatch):
    cleared = []
    monkeypatch.setattr(workorders.telematics, "set_maintenance_mode", lambda dev, on: cleared.append((dev, on)))
    wo = WorkOrder(vehicle_id=van.id, title="Pads", opened_by=users["driver"].id, assigned_to=users["mechanic"].id)
    van.status = "maintenance"
    session.add(wo)
    session.commit()

    resp = hug.test.put(
        app, f"/workorders/{wo.id}/close", {"odometer_km": 130_250}, headers=token_for(users["mechanic"])
    )

    assert_status(resp, 200)
    session.refresh(van)
    assert van.status == "active"
    assert van.odometer_km == 130_250
    assert cleared == [("dev-204", False)]


def test_drivers_are_below_dispatchers(users):
    with pytest.raises(HTTPForbidden):
        require_role(users["driver"], "dispatcher")
