from types import SimpleNamespace

import pytest
import responses

from wiki.indexer import IndexerClient, IndexerError

URL = "https://indexer.test/api"


@pytest.fixture()
def page():
    return SimpleNamespace(id=7, name="handbook", title="Handbook", body="Welcome", published=True, revision=3)


@responses.activate
def test_push_sends_document(page):
    responses.put(f"{URL}/documents/wiki-page-7", json={"ok": True})
    IndexerClient(URL, "test-key").push(page)


@responses.activate
def test_search_filters_private_pages():
    responses.get(f"{URL}/search", json={"hits": [{"url": "/pages/handbook"}]})
    hits = IndexerClient(URL, "test-key").search("welcome", include_private=False)
    assert hits == [{"url": "/pages/handbook"}]
    assert responses.calls[0].request.params == {"q": "welcome", "filter": "public:true"}


@responses.activate
def test_server_error_raises(page):
    responses.put(f"{URL}/documents/wiki-page-7", status=503)
    with pytest.raises(IndexerError):
        IndexerClient(URL, "test-key").push(page)
