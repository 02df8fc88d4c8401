from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATE_DIRS = [
    Path(os.environ.get("NOTIFY_TEMPLATE_DIR", "/etc/notify/templates")),
    Path("/Users/kwame/code/notify-service/templates"),
]

_env = Environment(
    loader=FileSystemLoader([str(p) for p in TEMPLATE_DIRS]),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
)


def render(template: str, channel: str, context: dict) -> tuple[str, str]:
    """Return (subject, body) for the given template and channel."""
    tpl = _env.get_template(f"{template}.{channel}.j2")
    module = tpl.make_module(context)
    subject = getattr(module, "subject", "").strip()
    return subject, str(module).strip()
