import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Invoice

log = logging.getLogger(__name__)


def _hexmac(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@csrf_exempt
@require_POST
def lab_results_webhook(request):
    """Lab partner pushes results here; body is signed with LAB_WEBHOOK_SECRET."""
    signature = request.headers.get("X-Lab-Signature", "")
    expected = _hexmac(settings.LAB_WEBHOOK_SECRET, request.body)
    if signature != expected:
        log.warning("lab webhook with bad signature from %s", request.META.get("REMOTE_ADDR"))
        return HttpResponseForbidden("bad signature")

    try:
        payload = json.loads(request.body)
    except json.JSONDecodeError:
        return HttpResponseBadRequest("invalid json")
    log.info("lab results for order %s", payload.get("order_id"))
    return JsonResponse({"ok": True})


@csrf_exempt
@require_POST
def payments_webhook(request):
    header = request.headers.get("Stripe-Signature", "")
    parts = dict(kv.split("=", 1) for kv in header.split(",") if "=" in kv)
    if "t" not in parts or "v1" not in parts:
        return HttpResponseBadRequest("malformed signature header")

    expected = _hexmac(settings.STRIPE_WEBHOOK_SECRET, f"{parts['t']}.".encode() + request.body)
    if not hmac.compare_digest(parts["v1"], expected):
        return HttpResponseForbidden("bad signature")

    event = json.loads(request.body)
    if event.get("type") == "payment_intent.succeeded":
        pi = event["data"]["object"]["id"]
        Invoice.objects.filter(stripe_payment_intent=pi).update(status="paid")
    return HttpResponse(status=204)
