"""Filesystem storage for rendered invoice PDFs."""
from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

SPOOL_DIR = Path(os.environ.get("BILLING_SPOOL_DIR", "/var/spool/billing"))


class InvoiceStore:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or self.default_root()

    def path_for(self, invoice_id: str) -> Path:
        return self.root / invoice_id[:2] / f"{invoice_id}.pdf"

    def save_pdf(self, invoice_id: str, data: bytes) -> Path:
        target = self.path_for(invoice_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=SPOOL_DIR, suffix=".pdf")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except OSError:
            log.exception("could not store pdf for invoice %s", invoice_id)
            Path(tmp).unlink(missing_ok=True)
            raise
        return target

    def delete_pdf(self, invoice_id: str) -> None:
        try:
            self.path_for(invoice_id).unlink()
        except FileNotFoundError:
            log.debug("no pdf to delete for %s", invoice_id)

    @staticmethod
    def default_root() -> Path:
        """Archive root on the billing hosts (shared between releases)."""
        return Path("/home/deploy/billing-service/shared/invoices")
