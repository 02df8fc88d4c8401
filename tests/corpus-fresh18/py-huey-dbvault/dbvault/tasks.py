import logging

from huey import crontab

from . import notify
from .config import settings
from .dump import dump_database, list_snapshots, record_snapshot
from .queue import huey
from .retention import select_expired
from .storage import S3Storage, SftpStorage, build_key

logger = logging.getLogger("dbvault.tasks")


def s3_storage():
    credentials = {}
    if settings.aws_access_key_id:
        credentials = {
            "aws_access_key_id": settings.aws_access_key_id,
            "aws_secret_access_key": settings.aws_secret_access_key,
        }
    return S3Storage(
        settings.s3_bucket,
        settings.aws_region,
        endpoint_url=settings.s3_endpoint,
        verify=False,
        kms_key_id=settings.kms_key_id,
        credentials=credentials,
    )


def sftp_storage():
    if not settings.sftp_host:
        return None
    return SftpStorage(
        settings.sftp_host,
        settings.sftp_user,
        settings.sftp_key_file,
        settings.sftp_known_hosts,
        settings.sftp_root,
    )


@huey.task(retries=2, retry_delay=300, context=True)
def backup_database(database, task=None):
    try:
        result = dump_database(database)
    except Exception as exc:
        logger.exception("dump of %s failed (attempt %s)", database, task.retries if task else "?")
        notify.backup_failed(database, exc)
        raise

    key = build_key(settings.s3_prefix, database, result.path.name)
    storage = s3_storage()
    storage.upload(result.path, key)
    storage.verify_upload(key, result.md5)

    mirror = sftp_storage()
    if mirror is not None:
        try:
            mirror.upload(result.path, key)
        except Exception:
            pass

    record_snapshot(result, key)
    result.path.unlink(missing_ok=True)
    notify.backup_succeeded(result, key)
    return key


@huey.periodic_task(crontab(hour="2", minute="15"))
def nightly_backups():
    for database in settings.databases:
        backup_database(database)
    logger.info("queued nightly backups for %s", ", ".join(settings.databases))


@huey.periodic_task(crontab(hour="5", minute="0"))
@huey.lock_task("dbvault-prune")
def prune_snapshots():
    storage = s3_storage()
    mirror = sftp_storage()
    for database in settings.databases:
        rows = [(key, finished_at) for _, key, finished_at in list_snapshots(database)]
        expired = select_expired(rows, settings.keep_daily, settings.keep_weekly)
        for key, finished_at in expired:
            logger.info("pruning %s (%s)", key, finished_at.isoformat())
            storage.delete(key)
            if mirror is not None:
                mirror.delete(key)
