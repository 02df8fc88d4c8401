import getpass
import logging
import subprocess
from pathlib import Path

import typer

from . import __version__
from .approval import ApprovalError, check_token, issue_token
from .config import settings
from .dump import list_snapshots
from .tasks import backup_database, prune_snapshots, s3_storage

app = typer.Typer(help="dbvault: PostgreSQL backups to S3 and SFTP.", no_args_is_help=True)


@app.callback()
def main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logging.")):
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


@app.command()
def backup(
    database: str = typer.Argument(..., help="Database to back up."),
    wait: bool = typer.Option(False, help="Block until the backup task finishes."),
):
    """Queue a backup of DATABASE now."""
    result = backup_database(database)
    if wait:
        key = result.get(blocking=True, timeout=6 * 3600)
        typer.echo(f"stored {key}")
    else:
        typer.echo(f"queued task {result.id}")


@app.command("list")
def list_cmd(database: str = typer.Option(None, help="Only this database.")):
    """List catalogued snapshots, newest first."""
    for db, key, finished_at in list_snapshots(database):
        typer.echo(f"{finished_at:%Y-%m-%d %H:%M}  {db:<20} {key}")


@app.command()
def prune():
    """Apply the retention policy now."""
    prune_snapshots.call_local()


@app.command()
def approve(snapshot: str):
    """Issue a restore approval token for SNAPSHOT (second operator)."""
    if not settings.approval_secret:
        raise typer.BadParameter("DBVAULT_APPROVAL_SECRET is not set")
    typer.echo(issue_token(settings.approval_secret, snapshot, getpass.getuser()))


@app.command()
def restore(
    snapshot: str,
    target: str = typer.Option(..., help="Database to restore into."),
    approval: str = typer.Option(..., help="Token from `dbvault approve`."),
):
    """Restore SNAPSHOT into TARGET (requires a second operator's approval)."""
    try:
        approver = check_token(settings.approval_secret, approval, snapshot)
    except ApprovalError as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(code=2)
    if approver == getpass.getuser():
        typer.secho("approval must come from a different operator", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=2)

    local = settings.dump_dir / Path(snapshot).name
    s3_storage().client.download_file(settings.s3_bucket, snapshot, str(local))
    subprocess.run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={target}", str(local)],
        check=True,
    )
    typer.echo(f"restored {snapshot} into {target} (approved by {approver})")


@app.command()
def verify(snapshot: str):
    """Download SNAPSHOT and check it with pg_restore --list."""
    raise NotImplementedError("snapshot verification")


@app.command()
def version():
    """Print the dbvault version."""
    typer.echo(__version__)


if __name__ == "__main__":
    app()
