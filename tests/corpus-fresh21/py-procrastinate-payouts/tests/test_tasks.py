from datetime import datetime, timezone
from unittest import mock

import boto3
import pytest
from moto import mock_aws

from payouts import storage, tasks
from payouts.settings import get_settings


def assert_statement_totals(body: bytes, expected_total: str) -> None:
    text = body.decode()
    assert text.startswith("Payout statement for seller")
    assert text.rstrip().endswith(expected_total)


def test_reconcile_window_is_two_days_back():
    ts = int(datetime(2030, 1, 10, tzinfo=timezone.utc).timestamp())
    assert tasks._reconcile_window(ts) == datetime(2030, 1, 8, tzinfo=timezone.utc)


def test_text_statement_total(statement_lines):
    body = storage.TextStatementRenderer(font_path="Inter.ttf").render(42, statement_lines, "2030-01")
    assert_statement_totals(body, "149.90")


@mock_aws
def test_upload_statement_writes_to_bucket(statement_lines):
    client = boto3.client("s3", region_name="eu-west-1")
    client.create_bucket(
        Bucket=get_settings().statements_bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    key = storage.upload_statement(42, "2030-01", b"hello", client=client)
    assert key == "statements/2030-01/42.txt"
    assert storage.existing_statement(42, "2030-01", client=client) == b"hello"


async def test_release_batch_defers_transfers(in_memory_app):
    _, connector = in_memory_app
    batch = mock.Mock(status="approved")
    payouts = [mock.Mock(id=1), mock.Mock(id=2)]
    conn = mock.AsyncMock()
    with mock.patch.object(tasks.db, "connection") as connection, \
            mock.patch.object(tasks.db, "get_batch", mock.AsyncMock(return_value=batch)), \
            mock.patch.object(tasks.db, "fetch_pending_payouts", mock.AsyncMock(return_value=payouts)), \
            mock.patch.object(tasks.db, "set_batch_status", mock.AsyncMock()):
        connection.return_value.__aenter__.return_value = conn
        await tasks.release_batch(batch_id=7)


async def test_rejected_transfer_is_marked_failed(in_memory_app):
    payout = mock.Mock(id=5, status="pending", seller_id=3, amount_cents=100, currency="EUR")
    conn = mock.AsyncMock()
    with mock.patch.object(tasks.db, "connection") as connection, \
            mock.patch.object(tasks.db, "get_payout", mock.AsyncMock(return_value=payout)), \
            mock.patch.object(tasks, "_call_bank", mock.AsyncMock(side_effect=tasks.TransferRejected("iban"))), \
            mock.patch.object(tasks.db, "mark_failed", mock.AsyncMock()) as mark_failed:
        connection.return_value.__aenter__.return_value = conn
        await tasks.transfer_payout(payout_id=5)
    mark_failed.assert_awaited_once_with(conn, 5, "iban")


def test_transfer_rejected_is_an_exception():
    with pytest.raises(tasks.TransferRejected):
        raise tasks.TransferRejected("blocked account")
