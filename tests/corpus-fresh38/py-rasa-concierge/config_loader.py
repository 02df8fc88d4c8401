"""Load credentials.yml / endpoints.yml with ${VAR} substitution before starting Rasa.

Used by run.py so that a missing variable fails at start instead of sending an
empty token to a channel at the first message.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Dict

import yaml

_VAR = re.compile(r"\$\{([A-Z0-9_]+)\}")

CREDENTIALS_PATH = os.environ.get("RASA_CREDENTIALS", "/Users/mkovacs/code/concierge-bot/credentials.yml")
ENDPOINTS_PATH = os.environ.get("RASA_ENDPOINTS", "endpoints.yml")


class ConfigError(Exception):
    pass


def _substitute(value: Any, source: str) -> Any:
    if isinstance(value, dict):
        return {k: _substitute(v, source) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, source) for v in value]
    if isinstance(value, str):
        def repl(match: re.Match) -> str:
            name = match.group(1)
            if name not in os.environ:
                raise ConfigError(f"{source}: environment variable {name} is not set")
            return os.environ[name]

        return _VAR.sub(repl, value)
    return value


def _load(path: str) -> Dict[str, Any]:
    file = Path(path)
    if not file.is_file():
        raise ConfigError(f"{path} does not exist")
    with file.open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    return _substitute(raw, path)


def load_credentials(path: str | None = None) -> Dict[str, Any]:
    creds = _load(path or CREDENTIALS_PATH)
    chatline = creds.get("channels.chatline.ChatlineInput")
    if chatline is not None:
        for key in ("app_secret", "verify_token", "access_token"):
            if not chatline.get(key):
                raise ConfigError(f"chatline credentials are missing {key}")
    return creds


def load_endpoints(path: str | None = None) -> Dict[str, Any]:
    endpoints = _load(path or ENDPOINTS_PATH)
    if "action_endpoint" not in endpoints:
        raise ConfigError("endpoints.yml needs an action_endpoint")
    return endpoints
