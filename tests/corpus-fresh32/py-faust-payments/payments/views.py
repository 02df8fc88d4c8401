import logging

import faust
from faust.web import Request, Response

from .app import app, capture_requests, merchant_daily_totals, payment_state, refund_requests
from .config import get_settings
from .models import CaptureRequested, RefundRequested
from .security import OpsView, webhook_signature_valid

log = logging.getLogger('payments.views')


@app.page('/health/')
class HealthView(faust.web.View):
    """Kubernetes liveness probe; deliberately unauthenticated."""

    async def get(self, request: Request) -> Response:
        return self.json({'status': 'ok'})


@app.page('/merchants/{merchant_id}/totals/')
class MerchantTotalsView(OpsView):
    @app.table_route(table=merchant_daily_totals, match_info='merchant_id')
    async def get(self, request: Request, merchant_id: str) -> Response:
        return self.json({'merchant_id': merchant_id, 'authorized_minor': merchant_daily_totals[merchant_id]})


@app.page('/payments/{payment_id}/')
class PaymentStateView(OpsView):
    @app.table_route(table=payment_state, match_info='payment_id')
    async def get(self, request: Request, payment_id: str) -> Response:
        state = payment_state.get(payment_id)
        if not state:
            return self.notfound(f'unknown payment {payment_id}')
        return self.json({'payment_id': payment_id, 'state': state})


@app.page('/payments/{payment_id}/refunds/')
class RefundView(OpsView):
    async def post(self, request: Request, payment_id: str) -> Response:
        body = await request.json()
        refund = RefundRequested(
            payment_id=payment_id,
            authorization_id=body['authorization_id'],
            amount_minor=int(body['amount_minor']),
            currency=body['currency'],
            reason=body.get('reason', 'operator'),
        )
        await refund_requests.send(key=payment_id, value=refund)
        return self.json({'queued': True}, status=202)


@app.page('/payments/{payment_id}/capture/')
class ManualCaptureView(faust.web.View):
    async def post(self, request: Request, payment_id: str) -> Response:
        body = await request.json()
        await capture_requests.send(
            key=payment_id,
            value=CaptureRequested(
                payment_id=payment_id,
                authorization_id=body['authorization_id'],
                amount_minor=int(body['amount_minor']),
                currency=body['currency'],
            ),
        )
        return self.json({'queued': True}, status=202)


@app.page('/webhooks/northpay/')
class NorthPayWebhookView(faust.web.View):
    async def post(self, request: Request) -> Response:
        body = await request.read()
        if not webhook_signature_valid(get_settings().acquirer_webhook_secret, body, request.headers.get('NorthPay-Signature')):
            return self.error(401, 'invalid signature')
        event = await request.json()
        log.info('NorthPay event %s for %s', event.get('type'), event.get('reference'))
        return self.json({'received': True})
