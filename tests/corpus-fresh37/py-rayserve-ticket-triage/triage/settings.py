import os
from dataclasses import dataclass, field
from urllib.parse import urlparse

_LOCAL_HOSTS = {"localhost", "127.0.0.1", "minio"}


def _parse_api_keys(raw: str) -> dict[str, str]:
    keys: dict[str, str] = {}
    for entry in filter(None, (part.strip() for part in raw.split(","))):
        key_id, _, secret = entry.partition(":")
        if not key_id or not secret:
            raise ValueError("TRIAGE_API_KEYS entries must look like <id>:<secret>")
        keys[key_id] = secret
    return keys


@dataclass(frozen=True)
class Settings:
    api_keys: dict[str, str] = field(default_factory=dict)
    jwks_url: str = ""
    jwt_audience: str = "ticket-triage"
    jwt_issuer: str = ""
    database_url: str = "postgresql://triage@localhost:5432/triage"
    s3_endpoint: str | None = None
    s3_access_key: str = ""
    s3_secret_key: str = ""
    s3_insecure_local: bool = False
    model_cache_dir: str = ""
    log_level: str = "INFO"

    @classmethod
    def from_env(cls) -> "Settings":
        endpoint = os.environ.get("TRIAGE_S3_ENDPOINT") or None
        insecure = os.environ.get("TRIAGE_S3_INSECURE_LOCAL", "").lower() in {"1", "true", "yes"}
        if insecure and (endpoint is None or urlparse(endpoint).hostname not in _LOCAL_HOSTS):
            raise ValueError("TRIAGE_S3_INSECURE_LOCAL is only allowed for a local MinIO endpoint")
        return cls(
            api_keys=_parse_api_keys(os.environ.get("TRIAGE_API_KEYS", "")),
            jwks_url=os.environ["TRIAGE_JWKS_URL"],
            jwt_audience=os.environ.get("TRIAGE_JWT_AUDIENCE", "ticket-triage"),
            jwt_issuer=os.environ.get("TRIAGE_JWT_ISSUER", "https://sso.internal.example/realms/ops"),
            database_url=os.environ.get(
                "TRIAGE_DATABASE_URL", "postgresql://triage@localhost:5432/triage"
            ),
            s3_endpoint=endpoint,
            s3_access_key=os.environ.get("TRIAGE_S3_ACCESS_KEY", ""),
            s3_secret_key=os.environ.get(
                "TRIAGE_S3_SECRET_KEY", "q8Zt4Nw1Vb7Kx2Lm9Pr3Hs6Jd0Fg5Ya8Ec1Ui4Ow"
            ),
            s3_insecure_local=insecure,
            model_cache_dir=os.environ.get(
                "TRIAGE_MODEL_CACHE", "/Users/nkumar/work/triage/model-cache"
            ),
            log_level=os.environ.get("TRIAGE_LOG_LEVEL", "INFO"),
        )
