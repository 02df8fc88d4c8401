"""`inventory` command line: admin chores that don't deserve an endpoint."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import create_app
from .health import test_broker_connection, test_database_connection
from .models import Item, db
from .tasks import nightly_snapshot


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Chatty output.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    ctx.obj["app"] = create_app()


@cli.command()
@click.pass_obj
def doctor(obj: dict) -> None:
    """Check database and broker connectivity."""
    app = obj["app"]
    with app.app_context():
        ok_db = test_database_connection(db.engine)
    ok_broker = test_broker_connection(app.config["SETTINGS"].broker_url)
    click.echo(f"database: {'ok' if ok_db else 'FAIL'}")
    click.echo(f"broker:   {'ok' if ok_broker else 'FAIL'}")
    sys.exit(0 if ok_db and ok_broker else 1)


@cli.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def snapshot(obj: dict, out: Path) -> None:
    """Write a stock snapshot synchronously (same as the nightly task)."""
    with obj["app"].app_context():
        nightly_snapshot(str(out))
    if obj["verbose"]:
        click.echo(f"wrote {out}")


@cli.command("low-stock")
@click.option("--threshold", default=5, show_default=True)
@click.pass_obj
def low_stock(obj: dict, threshold: int) -> None:
    """List SKUs whose available quantity is at or below THRESHOLD."""
    with obj["app"].app_context():
        for item in db.session.scalars(db.select(Item).where(Item.archived.is_(False))):
            if item.available <= threshold:
                click.echo(f"{item.sku}\t{item.available}")
