import os
from dataclasses import dataclass, field


def _csv(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _automation_tokens(raw: str) -> dict[str, str]:
    tokens = {}
    for entry in _csv(raw):
        name, _, token = entry.partition("=")
        if not token:
            raise ValueError("DESK_AUTOMATION_TOKENS entries must look like name=token")
        tokens[name] = token
    return tokens


@dataclass(frozen=True)
class Settings:
    host: str = "0.0.0.0"
    port: int = 8765
    public_url: str = "http://localhost:8765"
    issuer_url: str = "https://auth.internal.example"
    introspection_url: str = "https://auth.internal.example/oauth2/introspect"
    introspection_client_id: str = "incident-desk-mcp"
    introspection_client_secret: str = ""
    internal_ca_bundle: str | None = None
    automation_tokens: dict[str, str] = field(default_factory=dict)
    statusapi_url: str = "https://status-api.internal.example"
    statusapi_token: str = ""
    statuspage_webhook_token: str = ""
    database_path: str = "incidentdesk.db"
    drafts_dir: str = "drafts"
    log_level: str = "INFO"

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            host=os.environ.get("DESK_HOST", "0.0.0.0"),
            port=int(os.environ.get("DESK_PORT", "8765")),
            public_url=os.environ.get("DESK_PUBLIC_URL", "http://localhost:8765"),
            issuer_url=os.environ.get("DESK_ISSUER_URL", "https://auth.internal.example"),
            introspection_url=os.environ.get(
                "DESK_INTROSPECTION_URL", "https://auth.internal.example/oauth2/introspect"
            ),
            introspection_client_id=os.environ.get("DESK_INTROSPECTION_CLIENT_ID", "incident-desk-mcp"),
            introspection_client_secret=os.environ["DESK_INTROSPECTION_CLIENT_SECRET"],
            internal_ca_bundle=os.environ.get("DESK_INTERNAL_CA_BUNDLE"),
            automation_tokens=_automation_tokens(os.environ.get("DESK_AUTOMATION_TOKENS", "")),
            statusapi_url=os.environ.get("DESK_STATUSAPI_URL", "https://status-api.internal.example"),
            statusapi_token=os.environ.get("DESK_STATUSAPI_TOKEN", "sapi_3kX9mQ7vR2tW8zL4nB6cY1pH5jD0fG"),
            statuspage_webhook_token=os.environ.get("DESK_STATUSPAGE_WEBHOOK_TOKEN", ""),
            database_path=os.environ.get("DESK_DATABASE_PATH", "/home/oleg/incidentdesk/incidentdesk.db"),
            drafts_dir=os.environ.get("DESK_DRAFTS_DIR", "/tmp/incidentdesk/postmortems"),
            log_level=os.environ.get("DESK_LOG_LEVEL", "INFO"),
        )
