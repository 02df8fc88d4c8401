import csv
import logging
from decimal import Decimal

import click
from flask.cli import AppGroup
from sqlalchemy.exc import IntegrityError

from . import appbuilder, db
from .models import StockMovement, Warehouse
from .services.erp import ErpError, push_movement
from .services.inventory import upsert_item

log = logging.getLogger(__name__)

warehouse_cli = AppGroup("warehouse", help="Warehouse maintenance commands.")


@warehouse_cli.command("import-stock")
@click.argument("csv_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--warehouse", "warehouse_code", required=True, help="Warehouse code, e.g. AMS1")
@click.option("--dry-run", is_flag=True, help="Parse and validate without writing.")
def import_stock(csv_path, warehouse_code, dry_run):
    """Load a stock count CSV (sku,name,quantity,unit_cost) into a warehouse."""
    warehouse = db.session.query(Warehouse).filter_by(code=warehouse_code).one_or_none()
    if warehouse is None:
        raise click.BadParameter(f"unknown warehouse {warehouse_code}", param_hint="--warehouse")

    imported = 0
    with open(csv_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            upsert_item(
                db.session,
                warehouse,
                row["sku"].strip(),
                row["name"].strip(),
                int(row["quantity"]),
                Decimal(row["unit_cost"]),
            )
            if dry_run:
                db.session.rollback()
            else:
                try:
                    db.session.commit()
                except IntegrityError:
                    db.session.rollback()
            imported += 1
    click.echo(f"{'Validated' if dry_run else 'Imported'} {imported} rows into {warehouse.code}")


@warehouse_cli.command("sync-erp")
@click.option("--limit", default=500, show_default=True, help="Maximum movements to push.")
def sync_erp(limit):
    """Push unsynced stock movements to the ERP."""
    pending = (
        db.session.query(StockMovement)
        .filter_by(synced_to_erp=False)
        .order_by(StockMovement.id)
        .limit(limit)
        .all()
    )
    pushed = failed = 0
    for movement in pending:
        try:
            push_movement(movement)
        except ErpError as exc:
            failed += 1
            log.warning("movement %s left for the next run: %s", movement.id, exc)
            continue
        movement.synced_to_erp = True
        db.session.commit()
        pushed += 1
    click.echo(f"pushed={pushed} failed={failed}")
    if failed:
        raise SystemExit(1)


@warehouse_cli.command("issue-token")
@click.argument("username")
@click.option("--label", default="scanner", show_default=True)
def issue_token(username, label):
    """Create a personal API token for USERNAME and print it once."""
    user = appbuilder.sm.find_user(username=username)
    if user is None:
        raise click.ClickException(f"no such user: {username}")
    token = appbuilder.sm.issue_api_token(user, label)
    click.echo(token)
