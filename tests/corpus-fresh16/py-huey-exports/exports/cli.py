import time
from datetime import datetime, timezone
from pathlib import Path

from cleo.application import Application
from cleo.commands.command import Command
from cleo.helpers import argument, option
from sqlalchemy import insert, select

from . import __version__
from .config import get_settings
from .db import exports, get_engine, tenant_id_for_slug
from .storage import ObjectStore, download_token_is_valid, verify_download
from .tasks import generate_export, purge_tenant_exports, rotate_export_key
from .writers import EXPORTERS


class ExportCommand(Command):
    name = "export"
    description = "Queue an order export for a tenant"
    arguments = [argument("tenant", description="Tenant slug")]
    options = [
        option("format", "f", description="Export format (csv, jsonl)", flag=False, default="csv"),
        option("gzip", "z", description="Compress the export with gzip", flag=True),
        option("wait", "w", description="Block until the export has finished", flag=True),
        option(
            "out",
            "o",
            description="Directory to download the finished export into (with --wait)",
            flag=False,
            default="/Users/jbrandt/Downloads/exports",
        ),
    ]

    def handle(self) -> int:
        fmt = self.option("format")
        if fmt not in EXPORTERS:
            self.line_error(f"<error>unknown format {fmt!r}</error>")
            return 2

        with get_engine().begin() as conn:
            tenant_id = tenant_id_for_slug(conn, self.argument("tenant"))
            export_id = conn.execute(
                insert(exports)
                .values(tenant_id=tenant_id, format=fmt, status="queued", created_at=datetime.now(timezone.utc))
                .returning(exports.c.id)
            ).scalar_one()

        result = generate_export(export_id, fmt, compress=self.option("gzip"))
        self.line(f"<info>queued</info> export {export_id} ({fmt})")

        if not self.option("wait"):
            return 0

        key = result.get(blocking=True, timeout=900)
        with get_engine().connect() as conn:
            checksum = conn.execute(select(exports.c.sha256).where(exports.c.id == export_id)).scalar_one()
        out_dir = Path(self.option("out")).expanduser()
        out_dir.mkdir(parents=True, exist_ok=True)
        s = get_settings()
        dest = ObjectStore(s.bucket_endpoint, s.bucket_name, s.bucket_token).get(key, out_dir / Path(key).name)
        verify_download(dest, checksum)
        self.line(f"<info>downloaded</info> {dest}")
        return 0


class RotateKeyCommand(Command):
    name = "rotate-key"
    description = "Rotate the export signing key for a tenant"
    arguments = [argument("tenant", description="Tenant slug")]
    options = [option("as-user", None, description="Acting user id", flag=False)]

    def handle(self) -> int:
        with get_engine().connect() as conn:
            tenant_id = tenant_id_for_slug(conn, self.argument("tenant"))
        version = rotate_export_key(tenant_id, int(self.option("as-user"))).get(blocking=True, timeout=60)
        self.line(f"<info>rotated</info> key for tenant {tenant_id}, now at v{version}")
        return 0


class PurgeCommand(Command):
    name = "purge"
    description = "Delete all stored exports for a tenant"
    arguments = [argument("tenant", description="Tenant slug")]
    options = [option("as-user", None, description="Acting user id", flag=False)]

    def handle(self) -> int:
        with get_engine().connect() as conn:
            tenant_id = tenant_id_for_slug(conn, self.argument("tenant"))
        if not self.confirm(f"Delete every export of tenant {tenant_id}?", False):
            return 1
        removed = purge_tenant_exports(tenant_id, int(self.option("as-user"))).get(blocking=True, timeout=300)
        self.line(f"<info>purged</info> {removed} objects")
        return 0


class VerifyLinkCommand(Command):
    name = "verify-link"
    description = "Check whether a download link token is valid (support tool)"
    arguments = [
        argument("export_id", description="Export id"),
        argument("expires", description="Unix expiry from the link"),
        argument("token", description="Token from the link"),
    ]

    def handle(self) -> int:
        ok = download_token_is_valid(
            int(self.argument("export_id")),
            int(self.argument("expires")),
            self.argument("token"),
            get_settings().signing_key,
            now=time.time(),
        )
        self.line("<info>valid</info>" if ok else "<comment>invalid or expired</comment>")
        return 0 if ok else 1


def build_application() -> Application:
    app = Application("exports", __version__)
    for command in (ExportCommand(), RotateKeyCommand(), PurgeCommand(), VerifyLinkCommand()):
        app.add(command)
    return app


def main() -> int:
    return build_application().run()
