import os

import pytest

os.environ.setdefault('PAYMENTS_OPS_TOKEN', 'test-ops-token-0123456789abcdef')
os.environ.setdefault('PAYMENTS_ACQUIRER_API_KEY', 'test-acquirer-key')
os.environ.setdefault('PAYMENTS_ACQUIRER_MERCHANT_ACCOUNT', 'TESTMERCHANT')
os.environ.setdefault('PAYMENTS_ACQUIRER_WEBHOOK_SECRET', 'test-webhook-secret-0123456789ab')

from payments.app import app  # noqa: E402


@pytest.fixture()
def test_app():
    app.finalize()
    app.conf.store = 'memory://'
    app.flow_control.resume()
    return app


@pytest.fixture()
async def pg():
    """Connection to the throwaway Postgres started by docker compose for integration tests."""
    import asyncpg

    dsn = os.environ.get('TEST_DATABASE_URL')
    if not dsn:
        pytest.skip('TEST_DATABASE_URL not set')
    # The compose Postgres container listens on localhost without TLS.
    conn = await asyncpg.connect(dsn, ssl=False)
    try:
        yield conn
    finally:
        await conn.close()
