from __future__ import annotations

from typing import Any, Protocol

from jinja2 import Environment, PackageLoader, select_autoescape

env = Environment(loader=PackageLoader("reports"), autoescape=select_autoescape())


class Renderer(Protocol):
    def render(self, report: dict[str, Any]) -> bytes: ...


class HtmlRenderer:
    def render(self, report: dict[str, Any]) -> bytes:
        return env.get_template(f"{report['kind']}.html").render(**report).encode()


class PdfRenderer:
    def render(self, report: dict[str, Any]) -> bytes:
        pass


RENDERERS: dict[str, Renderer] = {"html": HtmlRenderer(), "pdf": PdfRenderer()}
