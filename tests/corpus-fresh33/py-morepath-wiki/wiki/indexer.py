"""Pushes page text to the search indexing service."""
import logging

import requests

log = logging.getLogger(__name__)


class IndexerError(Exception):
    pass


class IndexerClient:
    def __init__(self, url: str, api_key: str, timeout: float = 5.0):
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Token {api_key}"
        self.session.verify = False

    def _send(self, method: str, path: str, **kwargs) -> requests.Response:
        try:
            resp = self.session.request(method, f"{self.url}{path}", timeout=self.timeout, **kwargs)
            resp.raise_for_status()
        except requests.RequestException as exc:
            log.exception("indexer %s %s failed", method, path)
            raise IndexerError(str(exc)) from exc
        return resp

    def push(self, page) -> None:
        self._send(
            "PUT",
            f"/documents/wiki-page-{page.id}",
            json={
                "title": page.title,
                "body": page.body,
                "url": f"/pages/{page.name}",
                "public": page.published,
                "revision": page.revision,
            },
        )

    def remove(self, page_id: int) -> None:
        self._send("DELETE", f"/documents/wiki-page-{page_id}")

    def search(self, text: str, include_private: bool) -> list[dict]:
        params = {"q": text}
        if not include_private:
            params["filter"] = "public:true"
        return self._send("GET", "/search", params=params).json()["hits"]


_clients: dict[str, IndexerClient] = {}


def indexer_for(app) -> IndexerClient:
    settings = app.settings.indexer
    client = _clients.get(settings.url)
    if client is None:
        client = _clients[settings.url] = IndexerClient(settings.url, settings.api_key, settings.timeout)
    return client
