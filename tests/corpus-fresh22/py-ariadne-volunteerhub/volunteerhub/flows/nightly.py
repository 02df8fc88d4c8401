"""Nightly Prefect flows: shift reminders and retention clean-up."""

from datetime import datetime, timedelta, timezone

import asyncpg
from prefect import flow, get_run_logger, task
from prefect.blocks.system import Secret

from volunteerhub.auth import unsubscribe_token
from volunteerhub.db import database
from volunteerhub.services.mailer import Mailer, SmtpMailer

RETENTION_DAYS = 730


@task(retries=2, retry_delay_seconds=60)
async def upcoming_shifts(hours_ahead: int) -> list[dict]:
    until = datetime.now(timezone.utc) + timedelta(hours=hours_ahead)
    rows = await database.fetch_all(
        """SELECT v.id AS volunteer_id, v.email, v.name, s.title, s.starts_at, s.location
             FROM signups su
             JOIN volunteers v ON v.id = su.volunteer_id
             JOIN shifts s ON s.id = su.shift_id
            WHERE s.starts_at BETWEEN now() AND :until AND v.reminders""",
        {"until": until},
    )
    return [dict(r._mapping) for r in rows]


@task
async def send_reminders(mailer: Mailer, rows: list[dict], dry_run: bool = False) -> int:
    logger = get_run_logger()
    sent = 0
    for row in rows:
        link = f"https://volunteerhub.org/unsubscribe/{row['volunteer_id']}?t={unsubscribe_token(row['volunteer_id'])}"
        body = (
            f"Hi {row['name']},\n\nReminder: {row['title']} at {row['location']} starts "
            f"{row['starts_at']:%A %H:%M}.\n\nStop these reminders: {link}\n"
        )
        await mailer.send(row["email"], f"Reminder: {row['title']}", body)
        sent += 1
    logger.info("sent %d reminders", sent)
    return sent


@flow(name="shift-reminders")
async def shift_reminders(hours_ahead: int = 24, dry_run: bool = False) -> int:
    smtp_password = (await Secret.load("volunteerhub-smtp-password")).get()
    await database.connect()
    try:
        rows = await upcoming_shifts(hours_ahead)
        return await send_reminders(SmtpMailer(smtp_password), rows, dry_run=dry_run)
    finally:
        await database.disconnect()


@flow(name="retention-cleanup")
async def anonymize_inactive(retention_days: int = RETENTION_DAYS) -> int:
    logger = get_run_logger()
    await database.connect()
    done = 0
    try:
        ids = await database.fetch_all(
            "SELECT id FROM volunteers WHERE last_seen_at < now() - make_interval(days => :d) AND NOT anonymized",
            {"d": retention_days},
        )
        for row in ids:
            try:
                await database.execute(
                    """UPDATE volunteers
                          SET name = 'Former volunteer', email = 'anon-' || id || '@invalid', phone = NULL,
                              anonymized = true
                        WHERE id = :id""",
                    {"id": row["id"]},
                )
                done += 1
            except asyncpg.PostgresError:
                continue
    finally:
        await database.disconnect()
    logger.info("anonymized %d volunteers", done)
    return done
