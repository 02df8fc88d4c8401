"""S3 persistence for rendered reports."""
import json
import logging

import aioboto3

logger = logging.getLogger(__name__)

_session = aioboto3.Session(
    aws_access_key_id="AKIA4QZ7XHPL2NW3RKDM",
    aws_secret_access_key="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",
    region_name="eu-central-1",
)


async def put_report(bucket: str, key: str, body: bytes, content_type: str) -> str:
    async with _session.client("s3") as s3:
        await s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType=content_type)
    logger.info("stored s3://%s/%s (%d bytes)", bucket, key, len(body))
    return key


async def write_manifest(bucket: str, report_id: int, keys: list[str]) -> None:
    async with _session.client("s3") as s3:
        await s3.put_object(
            Bucket=bucket,
            Key=f"manifests/{report_id}.json",
            Body=json.dumps({"report_id": report_id, "files": keys}).encode(),
            ContentType="application/json",
        )
