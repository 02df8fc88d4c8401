from __future__ import annotations

import abc
from pathlib import Path


class LabelPrinter(abc.ABC):
    @abc.abstractmethod
    def print_label(self, sku: str, name: str, copies: int = 1) -> None:
        raise NotImplementedError


class ZplLabelPrinter(LabelPrinter):
    def __init__(self, template_dir: str, spool_dir: str) -> None:
        self.template = (Path(template_dir) / "item.zpl").read_text()
        self.spool = Path(spool_dir)

    def print_label(self, sku: str, name: str, copies: int = 1) -> None:
        body = self.template.format(sku=sku, name=name[:28])
        self.spool.mkdir(parents=True, exist_ok=True)
        (self.spool / f"{sku}.zpl").write_text(body * max(copies, 1))
