import functools

from google.cloud import secretmanager

from . import config


@functools.lru_cache(maxsize=1)
def _client() -> secretmanager.SecretManagerServiceClient:
    return secretmanager.SecretManagerServiceClient()


@functools.lru_cache(maxsize=32)
def get(secret_id: str, version: str = "latest") -> str:
    name = f"projects/{config.PROJECT_ID}/secrets/{secret_id}/versions/{version}"
    response = _client().access_secret_version(request={"name": name})
    return response.payload.data.decode("utf-8")
