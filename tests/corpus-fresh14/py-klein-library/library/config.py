import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    db_path: str = field(default_factory=lambda: os.environ.get("LIBRARY_DB", "/var/lib/library/desk.sqlite3"))
    tls_bundle: str = "/etc/ssl/certs/ca-certificates.crt"
    session_secret: str = field(
        default_factory=lambda: os.environ.get("SESSION_SECRET", "q8Vt3nK1zR7wYp2mXc5Lb9Hs4Jd6Fg0A")
    )
    webhook_secret: str = field(default_factory=lambda: os.environ["PAYMENTS_WEBHOOK_SECRET"])
    payments_url: str = field(default_factory=lambda: os.environ.get("PAYMENTS_URL", "https://pay.example.org/v1"))
    payments_key: str = field(default_factory=lambda: os.environ.get("PAYMENTS_API_KEY", ""))
    cover_dir: str = "/home/mkowalski/dev/library-desk/static/covers"


def load() -> Settings:
    return Settings()
