from __future__ import annotations

import csv
import os
import smtplib
from datetime import timedelta

import click
import requests
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.security import generate_password_hash

from .extensions import db
from .models import Loan, Member, compute_late_fee, utcnow
from .notify import send_overdue_notice

maintenance = AppGroup("maintenance", help="Nightly housekeeping for the lending library.")


def _overdue_loans():
    return db.session.scalars(
        select(Loan).where(Loan.returned_at.is_(None), Loan.due_at < utcnow())
    ).all()


@maintenance.command("charge-late-fees")
@click.option("--dry-run", is_flag=True, help="Print what would be charged.")
def charge_late_fees(dry_run: bool) -> None:
    per_day = current_app.config["LATE_FEE_CENTS_PER_DAY"]
    charged = 0
    for loan in _overdue_loans():
        fee = compute_late_fee(loan, per_day)
        delta = fee - loan.late_fee_cents
        if delta <= 0:
            continue
        loan.late_fee_cents = fee
        loan.member.balance_cents -= delta
        charged += 1
        click.echo(f"loan {loan.id}: +{delta}c (member {loan.member_id})")
    if dry_run:
        db.session.rollback()
        return
    try:
        db.session.commit()
    except SQLAlchemyError:
        db.session.rollback()
    click.echo(f"charged {charged} loan(s)")


@maintenance.command("send-reminders")
def send_reminders() -> None:
    failed = 0
    loans = _overdue_loans()
    for loan in loans:
        try:
            send_overdue_notice(loan.member, loan, loan.member.preferred_channel)
        except (smtplib.SMTPException, requests.RequestException):
            current_app.logger.exception("reminder failed for loan %s", loan.id)
            failed += 1
    click.echo(f"sent {len(loans) - failed}/{len(loans)} reminder(s)")
    if failed:
        raise click.exceptions.Exit(1)


@maintenance.command("archive-returned")
@click.option("--older-than-days", default=365, show_default=True)
def archive_returned(older_than_days: int) -> None:
    cutoff = utcnow() - timedelta(days=older_than_days)
    loans = db.session.scalars(
        select(Loan).where(Loan.returned_at.is_not(None), Loan.returned_at < cutoff)
    ).all()
    if not loans:
        click.echo("nothing to archive")
        return
    archive_dir = current_app.config["ARCHIVE_DIR"]
    os.makedirs(archive_dir, exist_ok=True)
    path = os.path.join(archive_dir, f"loans-{cutoff:%Y%m%d}.csv")
    with open(path, "a", newline="") as fh:
        writer = csv.writer(fh)
        for loan in loans:
            writer.writerow([loan.id, loan.tool_id, loan.member_id, loan.checked_out_at.isoformat(),
                             loan.returned_at.isoformat(), loan.late_fee_cents])
            db.session.delete(loan)
    db.session.commit()
    click.echo(f"archived {len(loans)} loan(s) to {path}")


@maintenance.command("create-admin")
@click.argument("email")
@click.option("--name", default="Administrator")
@click.password_option()
def create_admin(email: str, name: str, password: str) -> None:
    member = Member(email=email.lower(), name=name, role="admin",
                    password_hash=generate_password_hash(password))
    db.session.add(member)
    db.session.commit()
    click.echo(f"created admin {member.id}")
