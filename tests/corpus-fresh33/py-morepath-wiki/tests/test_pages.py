from conftest import login


def test_anonymous_sees_published_page(client):
    resp = client.get("/pages/handbook")
    assert resp.json["title"] == "Handbook"


def test_anonymous_cannot_read_draft(client):
    client.get("/pages/roadmap", status=403)


def test_wrong_password_is_rejected(client):
    client.post_json("/login", {"username": "ada", "password": "nope"}, status=401)


def test_editor_edits_with_current_revision(client):
    headers = login(client, "ada")
    page = client.get("/pages/handbook", headers=headers).json
    resp = client.put_json(
        "/pages/handbook",
        {"body": "Welcome aboard", "base_revision": page["revision_hash"]},
        headers=headers,
    )
    assert resp.json["revision"] == 2
    assert resp.json["body"] == "Welcome aboard"


def test_stale_edit_conflicts(client):
    headers = login(client, "ada")
    client.put_json("/pages/handbook", {"body": "x", "base_revision": "0" * 40}, headers=headers, status=409)


def test_reader_cannot_create_pages(client):
    headers = login(client, "rita")
    client.post_json("/pages", {"name": "new", "title": "New"}, headers=headers, status=403)


def test_share_link_requires_matching_token(client):
    assert "Q3 plans" in client.get("/shared/roadmap/s3cr3t-share").text
    client.get("/shared/roadmap/guess", status=404)


def test_history_lists_revisions(client):
    resp = client.get("/pages/handbook/history")
    assert resp.json["page"] == "handbook"
