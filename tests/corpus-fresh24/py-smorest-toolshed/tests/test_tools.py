from conftest import assert_valid, auth_headers, expect_status

from toolshed.schemas import ToolSchema


def test_catalogue_is_public(client):
    resp = client.get("/api/tools/")
    assert resp.status_code == 200
    assert {t["name"] for t in resp.get_json()} == {"Cordless drill", "Tile saw"}


def test_catalogue_schema(client):
    resp = client.get("/api/tools/?available_only=true")
    assert_valid(ToolSchema(many=True, partial=True), resp.get_json())


def test_members_cannot_add_tools(client):
    resp = client.post("/api/tools/", json={"name": "Jigsaw", "category": "power", "serial": "JS-2"},
                       headers=auth_headers(1, "member"))
    expect_status(resp, 403)


def test_staff_add_tool(client):
    resp = client.post("/api/tools/", json={"name": "Jigsaw", "category": "power", "serial": "JS-2"},
                       headers=auth_headers(3, "staff"))
    assert resp.status_code == 201
    assert resp.get_json()["available"] is True


def test_duplicate_serial_is_conflict(client):
    resp = client.post("/api/tools/", json={"name": "Drill 2", "category": "power", "serial": "DR-001"},
                       headers=auth_headers(3, "staff"))
    expect_status(resp, 409)
