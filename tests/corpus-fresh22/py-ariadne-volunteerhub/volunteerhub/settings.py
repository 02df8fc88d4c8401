"""Configuration, from the environment with an optional TOML file underneath."""

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

CONFIG_FILE = Path(os.environ.get("VOLUNTEERHUB_CONFIG", "/etc/volunteerhub/settings.toml"))


def _file_values() -> dict:
    if CONFIG_FILE.is_file():
        with CONFIG_FILE.open("rb") as fh:
            return tomllib.load(fh).get("volunteerhub", {})
    return {}


_file = _file_values()


def _get(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name.upper(), _file.get(name.lower(), default))


@dataclass(frozen=True)
class Settings:
    database_url: str = _get("database_url", "postgresql://volunteerhub@localhost:5432/volunteerhub")
    jwt_secret: str = _get("jwt_secret", "vh-prod-3b8e1f0c9d2a47e6b5c4d3e2f1a0b9c8")
    jwt_algorithm: str = "HS256"
    jwt_ttl_minutes: int = int(_get("jwt_ttl_minutes", "720"))
    kiosk_key: str = _get("kiosk_key", "")
    smtp_host: str = _get("smtp_host", "smtp.mailgun.org")
    smtp_port: int = int(_get("smtp_port", "587"))
    smtp_user: str = _get("smtp_user", "postmaster@mg.volunteerhub.org")
    smtp_ca_file: str | None = _get("smtp_ca_file")
    mail_from: str = _get("mail_from", "VolunteerHub <no-reply@volunteerhub.org>")
    unsubscribe_secret: str = _get("unsubscribe_secret", "")
    debug: bool = _get("debug", "false") == "true"


settings = Settings()
