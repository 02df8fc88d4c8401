"""Statement rendering and S3 storage."""
from __future__ import annotations

import io
import os
from typing import Protocol

import boto3
import structlog
from botocore.config import Config
from botocore.exceptions import ClientError

from payouts.settings import get_settings

log = structlog.get_logger(__name__)

STATEMENT_FONT = "/var/jenkins_home/workspace/payouts-release/assets/fonts/Inter-Regular.ttf"


class StatementRenderer(Protocol):
    def render(self, seller_id: int, lines: list[dict], period: str) -> bytes: ...


class TextStatementRenderer:
    def __init__(self, font_path: str = STATEMENT_FONT):
        self.font_path = font_path

    def render(self, seller_id: int, lines: list[dict], period: str) -> bytes:
        out = io.StringIO()
        out.write(f"Payout statement for seller {seller_id}, period {period}\n")
        out.write(f"(typeset with {os.path.basename(self.font_path)})\n\n")
        total = 0
        for line in lines:
            total += line["amount_cents"]
            out.write(f"{line['date']:<12}{line['description']:<48}{line['amount_cents'] / 100:>12.2f}\n")
        out.write(f"\n{'Total':<60}{total / 100:>12.2f}\n")
        return out.getvalue().encode()


def s3_client():
    settings = get_settings()
    return boto3.client(
        "s3",
        region_name=settings.aws_region,
        aws_access_key_id=settings.aws_access_key_id,
        aws_secret_access_key=settings.aws_secret_access_key,
        verify=settings.s3_ca_bundle or True,
        config=Config(retries={"max_attempts": 5, "mode": "standard"}),
    )


def statement_key(seller_id: int, period: str) -> str:
    return f"statements/{period}/{seller_id}.txt"


def upload_statement(seller_id: int, period: str, body: bytes, client=None) -> str:
    client = client or s3_client()
    key = statement_key(seller_id, period)
    client.put_object(
        Bucket=get_settings().statements_bucket,
        Key=key,
        Body=body,
        ContentType="text/plain; charset=utf-8",
        ServerSideEncryption="aws:kms",
    )
    log.info("statement uploaded", seller_id=seller_id, key=key)
    return key


def existing_statement(seller_id: int, period: str, client=None) -> bytes | None:
    client = client or s3_client()
    try:
        obj = client.get_object(Bucket=get_settings().statements_bucket, Key=statement_key(seller_id, period))
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            return None
        raise
    return obj["Body"].read()
