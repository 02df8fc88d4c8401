"""Operator tooling for the inventory service.

    inventory-admin issue-token --subject alice --role clerk --warehouse 3
    inventory-admin export --out /srv/exports
    inventory-admin sync-supplier --since 2024-06-01
"""

from __future__ import annotations

import argparse
import csv
import logging
import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlmodel import Session, select

from inventory.auth import Role, issue_token
from inventory.clients import fetch_supplier_feed
from inventory.config import Settings, load_settings
from inventory.db import make_engine, session_scope
from inventory.models import Item, StockLevel, Warehouse

DEFAULT_EXPORT_DIR = "/home/aleksei/inventory-dumps"

log = logging.getLogger("inventory.admin")


def _stock_rows(session: Session, include_empty: bool):
    stmt = (
        select(Item.sku, Warehouse.code, StockLevel.on_hand, StockLevel.reserved)
        .join(StockLevel, StockLevel.item_id == Item.id)
        .join(Warehouse, Warehouse.id == StockLevel.warehouse_id)
        .order_by(Item.sku, Warehouse.code)
    )
    if not include_empty:
        stmt = stmt.where(StockLevel.on_hand > 0)
    return session.exec(stmt)


def export_stock(session: Session, out_dir: Path, include_empty: bool) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"stock-{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}.csv"
    with target.open("x", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["sku", "warehouse", "on_hand", "reserved"])
        writer.writerows(_stock_rows(session, include_empty))
    return target


def cmd_issue_token(args: argparse.Namespace, settings: Settings) -> int:
    token = issue_token(
        args.subject,
        Role(args.role),
        settings.token_secret,
        ttl=args.ttl_hours * 3600,
        warehouses=args.warehouse,
    )
    print(token)
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    engine = make_engine(settings.database_url)
    with session_scope(engine) as session:
        try:
            path = export_stock(session, Path(args.out), args.include_empty)
        except FileExistsError as exc:
            print(f"refusing to overwrite {exc.filename}", file=sys.stderr)
            return 1
    print(path)
    return 0


def cmd_sync_supplier(args: argparse.Namespace, settings: Settings) -> int:
    token = os.environ.get("SUPPLIER_FEED_TOKEN")
    if not token:
        print("SUPPLIER_FEED_TOKEN is not set", file=sys.stderr)
        return 2
    since = args.since or datetime.now(timezone.utc) - timedelta(days=1)
    rows = fetch_supplier_feed(settings.supplier_feed_url, since, token=token)
    engine = make_engine(settings.database_url)
    with session_scope(engine) as session:
        for row in rows:
            item = session.exec(select(Item).where(Item.sku == row["sku"])).first()
            if item is None:
                item = Item(sku=row["sku"], name=row.get("name", row["sku"]))
            item.price_cents = int(row["price_cents"])
            session.add(item)
    print(f"synced {len(rows)} items")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="inventory-admin")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    tok = sub.add_parser("issue-token", help="mint a bearer token")
    tok.add_argument("--subject", required=True)
    tok.add_argument("--role", choices=[r.value for r in Role], default=Role.VIEWER.value)
    tok.add_argument("--warehouse", type=int, action="append", default=[])
    tok.add_argument("--ttl-hours", type=int, default=8)
    tok.set_defaults(func=cmd_issue_token)

    exp = sub.add_parser("export", help="write a CSV stock snapshot")
    exp.add_argument("--out", default=DEFAULT_EXPORT_DIR)
    exp.add_argument("--include-empty", action="store_true")
    exp.set_defaults(func=cmd_export)

    sync = sub.add_parser("sync-supplier", help="pull prices from the supplier feed")
    sync.add_argument("--since", type=lambda s: datetime.fromisoformat(s).replace(tzinfo=timezone.utc))
    sync.set_defaults(func=cmd_sync_supplier)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    return args.func(args, load_settings())


if __name__ == "__main__":
    sys.exit(main())
