from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

CONFIG_PATH = Path(os.environ.get("FLEET_CONFIG", "/etc/fleet/fleet.toml"))


@dataclass
class Config:
    redis_url: str = "redis://localhost:6379/0"
    database_url: str = os.environ.get(
        "FLEET_DATABASE_URL", "postgresql+psycopg://fleet:Wint3r-Harbor-22@db01.fleet.internal:5432/fleet"
    )
    inventory_url: str = "https://inventory.fleet.internal/api/v2"
    inventory_token: str = os.environ.get("FLEET_INVENTORY_TOKEN", "")
    ssh_user: str = "fleetops"
    ssh_key_path: str = "/home/jenkins/.ssh/fleet_deploy_ed25519"
    known_hosts: str = os.path.expanduser("~/.ssh/known_hosts")
    operator_token_sha256: str = ""
    disk_threshold_pct: int = 85
    log_globs: list[str] = field(default_factory=lambda: ["/var/log/nginx/*.log", "/var/log/app/*.log"])
    notify_webhook: str | None = None


def load(path: Path = CONFIG_PATH) -> Config:
    cfg = Config()
    if not path.exists():
        return cfg
    with path.open("rb") as fh:
        data = tomllib.load(fh).get("fleet", {})
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"unknown keys in {path}: {', '.join(unknown)}")
    for key, value in data.items():
        setattr(cfg, key, value)
    return cfg
