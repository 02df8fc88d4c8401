from abc import ABC, abstractmethod
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from reports import config


class Renderer(ABC):
    extension: str

    @abstractmethod
    def render(self, context: dict) -> bytes:
        raise NotImplementedError

    def write(self, context: dict, name: str) -> Path:
        config.OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
        path = config.OUTPUT_DIR / f"{name}.{self.extension}"
        path.write_bytes(self.render(context))
        return path


class HtmlRenderer(Renderer):
    extension = "html"

    def __init__(self, template: str = "monthly.html.j2"):
        env = Environment(loader=FileSystemLoader(config.TEMPLATE_DIR), autoescape=select_autoescape())
        self._template = env.get_template(template)

    def render(self, context: dict) -> bytes:
        return self._template.render(**context).encode("utf-8")
