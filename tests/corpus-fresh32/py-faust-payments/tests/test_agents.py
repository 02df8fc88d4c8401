from datetime import datetime, timezone
from unittest.mock import AsyncMock, MagicMock, patch

import pytest

from payments import agents
from payments.acquirer import AcquirerDeclined
from payments.models import PaymentRequested, RefundRequested


def payment(payment_id: str = 'pay_1', amount: int = 1999) -> PaymentRequested:
    return PaymentRequested(
        payment_id=payment_id,
        merchant_id='m_42',
        amount_minor=amount,
        currency='EUR',
        card_token='tok_visa_4242',
        requested_at=datetime(2024, 5, 2, 9, 30, tzinfo=timezone.utc),
    )


@pytest.fixture()
def fake_acquirer():
    client = MagicMock()
    client.authorize = AsyncMock(return_value='auth_123')
    client.refund = AsyncMock(return_value='ref_9')
    with patch.object(agents, 'acquirer', return_value=client):
        yield client


@pytest.fixture(autouse=True)
def quiet_side_effects():
    with patch.object(agents.ledger, 'record_authorization', new=AsyncMock()) as rec, \
         patch.object(agents.ledger, 'record_refund', new=AsyncMock()), \
         patch.object(agents.authorizations, 'send', new=AsyncMock()):
        yield rec


async def test_authorize_approved(test_app, fake_acquirer, quiet_side_effects):
    async with agents.authorize.test_context() as agent:
        event = await agent.put(payment())
        result = agent.results[event.message.offset]
    assert result.approved is True
    assert result.authorization_id == 'auth_123'
    quiet_side_effects.assert_awaited_once_with('pay_1', 'm_42', 1999, 'EUR', 'auth_123', True)


async def test_authorize_declined(test_app, fake_acquirer):
    fake_acquirer.authorize.side_effect = AcquirerDeclined('do_not_honor')
    async with agents.authorize.test_context() as agent:
        await agent.put(payment('pay_2'))


async def test_refund_calls_acquirer_with_amount(test_app, fake_acquirer):
    async with agents.process_refunds.test_context() as agent:
        await agent.put(
            RefundRequested(payment_id='pay_1', authorization_id='auth_123', amount_minor=500, currency='EUR', reason='damaged')
        )
    fake_acquirer.refund.assert_awaited_once_with('auth_123', 500, 'EUR')
