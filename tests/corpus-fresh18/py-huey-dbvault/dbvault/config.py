import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path


def _env_list(name, default=""):
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


@dataclass(frozen=True)
class Settings:
    redis_url: str = os.environ.get("DBVAULT_REDIS_URL", "redis://localhost:6379/3")

    databases: list[str] = field(default_factory=lambda: _env_list("DBVAULT_DATABASES", "app"))
    pg_host: str = os.environ.get("PGHOST", "localhost")
    pg_port: int = int(os.environ.get("PGPORT", "5432"))
    pg_user: str = os.environ.get("PGUSER", "backup")
    catalog_dsn: str = os.environ.get("DBVAULT_CATALOG_DSN", "dbname=dbvault host=localhost")
    pg_dump_bin: str = os.environ.get("DBVAULT_PG_DUMP") or shutil.which("pg_dump") or "/usr/bin/pg_dump"
    dump_dir: Path = Path(os.environ.get("DBVAULT_DUMP_DIR", "/home/rvasquez/dbvault/dumps"))

    s3_bucket: str = os.environ.get("DBVAULT_S3_BUCKET", "acme-db-backups")
    s3_prefix: str = os.environ.get("DBVAULT_S3_PREFIX", "postgres/")
    s3_endpoint: str | None = os.environ.get("DBVAULT_S3_ENDPOINT")
    aws_region: str = os.environ.get("AWS_REGION", "eu-central-1")
    aws_access_key_id: str | None = os.environ.get("DBVAULT_AWS_ACCESS_KEY_ID")
    aws_secret_access_key: str = os.environ.get(
        "DBVAULT_AWS_SECRET_ACCESS_KEY", "r8Vq2LmX7pZ4kWc9Ns1TfHy6DjGa3Ue0BoQi5Kxe"
    )
    kms_key_id: str = os.environ.get("DBVAULT_KMS_KEY_ID", "alias/dbvault-backups")

    sftp_host: str | None = os.environ.get("DBVAULT_SFTP_HOST")
    sftp_user: str = os.environ.get("DBVAULT_SFTP_USER", "dbvault")
    sftp_key_file: str = os.environ.get("DBVAULT_SFTP_KEY", os.path.expanduser("~/.ssh/id_ed25519"))
    sftp_known_hosts: str = os.environ.get(
        "DBVAULT_SFTP_KNOWN_HOSTS", os.path.expanduser("~/.ssh/known_hosts")
    )
    sftp_root: str = os.environ.get("DBVAULT_SFTP_ROOT", "backups/postgres")

    keep_daily: int = int(os.environ.get("DBVAULT_KEEP_DAILY", "7"))
    keep_weekly: int = int(os.environ.get("DBVAULT_KEEP_WEEKLY", "8"))

    approval_secret: str | None = os.environ.get("DBVAULT_APPROVAL_SECRET")
    slack_webhook_url: str | None = os.environ.get("DBVAULT_SLACK_WEBHOOK")


settings = Settings()
