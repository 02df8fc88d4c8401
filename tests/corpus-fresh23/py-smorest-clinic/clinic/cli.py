"""`flask maintenance ...` commands run by ops from the app container."""

from __future__ import annotations

import gzip
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import delete, select, update

from clinic.extensions import db
from clinic.models import Appointment, PatientNote, User

maintenance = AppGroup("maintenance", help="Database maintenance tasks.")

BACKUP_DIR = "/Users/priya/clinic-backups"


@maintenance.command("backup")
@click.option("--dest", default=BACKUP_DIR, show_default=True, type=click.Path(file_okay=False, path_type=Path))
def backup(dest: Path) -> None:
    """Dump the database with pg_dump into DEST as a gzip file."""
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / f"clinic-{datetime.now(timezone.utc):%Y%m%d-%H%M%S}.sql.gz"
    url = current_app.config["SQLALCHEMY_DATABASE_URI"].replace("+psycopg", "")
    with subprocess.Popen(["pg_dump", "--no-owner", url], stdout=subprocess.PIPE) as proc, gzip.open(target, "wb") as out:
        shutil.copyfileobj(proc.stdout, out)
    if proc.returncode != 0:
        target.unlink(missing_ok=True)
        raise click.ClickException(f"pg_dump exited with {proc.returncode}")
    click.echo(f"wrote {target}")


@maintenance.command("restore-notes")
@click.argument("archive", type=click.Path(dir_okay=False, path_type=Path))
def restore_notes(archive: Path) -> None:
    """Re-import patient notes from a JSON-lines archive."""
    import json

    try:
        lines = archive.read_text().splitlines()
    except FileNotFoundError as exc:
        raise click.ClickException(f"archive not found: {exc.filename}") from exc
    for line in lines:
        row = json.loads(line)
        db.session.merge(PatientNote(**row))
    db.session.commit()
    click.echo(f"restored {len(lines)} notes")


@maintenance.command("reset-reminders")
@click.option("--days", default=7, show_default=True, help="Only appointments in the next N days.")
def reset_reminders(days: int) -> None:
    """Clear reminded_at so the next run sends reminders again."""
    now = datetime.now(timezone.utc)
    result = db.session.execute(
        update(Appointment)
        .where(Appointment.starts_at.between(now, now + timedelta(days=days)))
        .values(reminded_at=None)
    )
    db.session.commit()
    click.echo(f"reset {result.rowcount} appointments")


@maintenance.command("purge-cancelled")
@click.option("--older-than", default=365, show_default=True, help="Age in days.")
@click.confirmation_option(prompt="Delete old appointments permanently?")
def purge_cancelled(older_than: int) -> None:
    cutoff = datetime.now(timezone.utc) - timedelta(days=older_than)
    result = db.session.execute(
        delete(Appointment).where(Appointment.starts_at < cutoff, Appointment.checked_in_at.is_(None))
    )
    db.session.commit()
    click.echo(f"deleted {result.rowcount} appointments")


@maintenance.command("create-user")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice(["vet", "nurse", "reception", "admin"]), required=True)
@click.option("--clinic-id", type=int, required=True)
@click.password_option()
def create_user(email: str, name: str, role: str, clinic_id: int, password: str) -> None:
    if db.session.scalar(select(User).where(User.email == email.lower())):
        raise click.ClickException(f"{email} already exists")
    user = User(email=email.lower(), name=name, role=role, clinic_id=clinic_id)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"created {role} {email}")
