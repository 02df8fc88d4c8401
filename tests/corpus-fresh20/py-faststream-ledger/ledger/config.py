import os
import ssl
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Settings:
    kafka_bootstrap: str = os.getenv("KAFKA_BOOTSTRAP", "localhost:9092")
    kafka_user: str = os.getenv("KAFKA_USER", "ledger")
    kafka_password: str = os.getenv("KAFKA_PASSWORD", "")
    kafka_ca_file: str | None = os.getenv("KAFKA_CA_FILE")
    database_dsn: str = os.getenv(
        "LEDGER_DSN", "postgresql://ledger_app:Vb7#qLx29mTz4Rk@ledger-db.prod.internal:5432/ledger"
    )
    envelope_key: str = os.getenv("LEDGER_ENVELOPE_KEY", "")
    fx_base_url: str = os.getenv("FX_BASE_URL", "https://fx.treasury-data.net/v3")
    fx_api_key: str = os.getenv("FX_API_KEY", "")
    sftp_host: str = os.getenv("STATEMENT_SFTP_HOST", "sftp.clearingbank.example")
    sftp_user: str = os.getenv("STATEMENT_SFTP_USER", "acme-ledger")
    # pinned host key of the bank's SFTP endpoint (public half, from their onboarding pack)
    sftp_host_key: str = os.getenv(
        "STATEMENT_SFTP_HOST_KEY",
        "AAAAC3NzaC1lZDI1NTE5AAAAIOq3e8wXrT5nY2mB0cVd7sLpK9hJfG4aQ1uZ6xN8yR3W",
    )
    sftp_key_file: str = os.getenv("STATEMENT_SFTP_KEY", "/Users/rpatel/.ssh/ledger_export_ed25519")
    topics: dict[str, str] = field(
        default_factory=lambda: {
            "transfers": "ledger.transfers.requested",
            "postings": "ledger.postings.created",
            "rejections": "ledger.transfers.rejected",
            "audit": "ledger.audit",
        }
    )

    def kafka_ssl_context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(cafile=self.kafka_ca_file)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        return ctx


@lru_cache
def get_settings() -> Settings:
    return Settings()
