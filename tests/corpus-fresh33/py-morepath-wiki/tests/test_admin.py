from conftest import login


def test_admin_requires_admin_role(client):
    client.get("/admin/backups", headers=login(client, "ada"), status=403)


def test_admin_can_change_roles(client):
    headers = login(client, "root")
    resp = client.put_json("/admin/users/rita/role", {"role": "editor"}, headers=headers)
    assert resp.json == {"username": "rita", "role": "editor"}


def test_unknown_role_is_rejected(client):
    headers = login(client, "root")
    client.put_json("/admin/users/rita/role", {"role": "owner"}, headers=headers, status=400)
