import csv
import os
import secrets

import click
from flask.cli import with_appcontext

from labsamples.extensions import db
from labsamples.models import Batch, Instrument

DEFAULT_COLUMNS = ("barcode", "patient_ref", "specimen_type", "status")


def export_batch_csv(batch, path, delimiter=","):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(DEFAULT_COLUMNS)
        for sample in batch.samples:
            writer.writerow([getattr(sample, column) for column in DEFAULT_COLUMNS])
    return path


@click.command("export-batch")
@click.argument("label")
@click.option("--out-dir", default="/home/rkumar/labsamples/exports", show_default=True)
@click.option("--delimiter", default=",", show_default=True, help="Use ';' for spreadsheets in EU locales.")
@with_appcontext
def export_batch_command(label, out_dir, delimiter):
    """Write the samples of batch LABEL to a CSV file."""
    batch = Batch.query.filter_by(label=label).first()
    if batch is None:
        raise click.ClickException(f"No batch labelled {label}")
    os.makedirs(out_dir, exist_ok=True)
    path = export_batch_csv(batch, os.path.join(out_dir, f"{label}.csv"), delimiter=delimiter)
    click.echo(f"wrote {len(batch.samples)} samples to {path}")


@click.command("rotate-instrument-key")
@click.argument("serial")
@with_appcontext
def rotate_instrument_key_command(serial):
    """Issue a new API key for the analyzer with SERIAL and print it once."""
    instrument = Instrument.query.filter_by(serial=serial).first()
    if instrument is None:
        raise click.ClickException(f"No instrument {serial}")
    instrument.api_key = secrets.token_urlsafe(32)
    db.session.commit()
    click.echo(instrument.api_key)
