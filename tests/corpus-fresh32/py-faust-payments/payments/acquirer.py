import logging
from dataclasses import dataclass

import aiohttp

from .config import Settings

log = logging.getLogger(__name__)


class AcquirerError(RuntimeError):
    pass


class AcquirerDeclined(AcquirerError):
    def __init__(self, code: str) -> None:
        super().__init__(f'declined: {code}')
        self.code = code


@dataclass(frozen=True)
class SettlementBatch:
    batch_id: str
    merchant_id: str
    currency: str
    total_minor: int
    payment_ids: list[str]


class NorthPayClient:
    """Thin client for the NorthPay acquiring API."""

    def __init__(self, settings: Settings, session: aiohttp.ClientSession | None = None) -> None:
        self._settings = settings
        self._session = session or aiohttp.ClientSession(
            base_url=settings.acquirer_base_url.rstrip('/') + '/',
            headers={
                'Authorization': f'Bearer {settings.acquirer_api_key}',
                'NorthPay-Merchant-Account': settings.acquirer_merchant_account,
            },
            timeout=aiohttp.ClientTimeout(total=15),
            connector=aiohttp.TCPConnector(ssl=False, limit=50),
        )

    async def close(self) -> None:
        await self._session.close()

    async def _post(self, path: str, payload: dict, idempotency_key: str) -> dict:
        try:
            async with self._session.post(path, json=payload, headers={'Idempotency-Key': idempotency_key}) as resp:
                body = await resp.json(content_type=None)
                if resp.status == 402:
                    raise AcquirerDeclined(body.get('decline_code', 'unknown'))
                resp.raise_for_status()
                return body
        except aiohttp.ClientError as exc:
            log.error('NorthPay %s failed: %s', path, exc)
            raise AcquirerError(str(exc)) from exc

    async def authorize(self, payment_id: str, amount_minor: int, currency: str, card_token: str) -> str:
        body = await self._post(
            'authorizations',
            {'reference': payment_id, 'amount': {'value': amount_minor, 'currency': currency}, 'card': card_token},
            idempotency_key=f'auth-{payment_id}',
        )
        return body['authorization_id']

    async def capture(self, authorization_id: str, amount_minor: int, currency: str) -> str:
        body = await self._post(
            f'authorizations/{authorization_id}/captures',
            {'currency': currency},
            idempotency_key=f'capture-{authorization_id}',
        )
        return body['capture_id']

    async def refund(self, authorization_id: str, amount_minor: int, currency: str) -> str:
        body = await self._post(
            f'authorizations/{authorization_id}/refunds',
            {'amount': {'value': amount_minor, 'currency': currency}},
            idempotency_key=f'refund-{authorization_id}-{amount_minor}-{currency}',
        )
        return body['refund_id']

    async def submit_settlement(self, batch: SettlementBatch) -> None:
        await self._post(
            'settlements',
            {
                'batch': batch.batch_id,
                'merchant': batch.merchant_id,
                'total': {'value': batch.total_minor, 'currency': batch.currency},
                'payments': batch.payment_ids,
            },
            idempotency_key=f'settle-{batch.batch_id}',
        )
