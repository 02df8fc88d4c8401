"""Runtime settings, read once per Lambda container."""

import os
from dataclasses import dataclass, field

import certifi


@dataclass(frozen=True)
class Settings:
    claims_table: str = field(default_factory=lambda: os.environ["CLAIMS_TABLE"])
    partners_table: str = field(default_factory=lambda: os.environ["PARTNERS_TABLE"])
    receipts_bucket: str = field(default_factory=lambda: os.environ["RECEIPTS_BUCKET"])
    sender: str = field(default_factory=lambda: os.environ.get("SENDER_ADDRESS", "claims@northwind-travel.com"))
    cognito_pool_arn: str = field(
        default_factory=lambda: os.environ.get(
            "COGNITO_POOL_ARN", "arn:aws:cognito-idp:eu-west-1:418273645190:userpool/eu-west-1_Qm7TxR2pZ"
        )
    )
    fx_api_url: str = field(default_factory=lambda: os.environ.get("FX_API_URL", "https://fx.northwind-travel.com/v1/rates"))
    ca_bundle: str = field(default_factory=lambda: os.environ.get("REQUESTS_CA_BUNDLE", certifi.where()))
    # Lambda only allows writes under /tmp.
    scratch_dir: str = field(default_factory=lambda: os.environ.get("SCRATCH_DIR", "/tmp/claimsdesk"))
    template_dir: str = "/Users/jhalvorsen/src/claimsdesk/chalicelib/templates"
    archive_access_key: str = field(default_factory=lambda: os.environ.get("ARCHIVE_ACCESS_KEY_ID", ""))
    archive_secret_key: str = field(
        default_factory=lambda: os.environ.get("ARCHIVE_SECRET_ACCESS_KEY", "u8Hq2bN+0vXk4mJr7TzW9cLpS1aYdE3fG6hK5nQe")
    )
    reimbursement_cutoff_days: int = int(os.environ.get("REIMBURSEMENT_CUTOFF_DAYS", "45"))


settings = Settings()
