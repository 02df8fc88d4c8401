import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .tasks import ingest_positions

logger = logging.getLogger(__name__)


@require_GET
def health(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.warning("health check: database unavailable", exc_info=True)
        return JsonResponse({"status": "degraded", "db": "down"}, status=503)
    return JsonResponse({"status": "ok"})


@csrf_exempt
@require_POST
def telematics_webhook(request):
    """TrakFleet pushes position batches here; requests are signed, not logged in."""
    secret = settings.TELEMATICS_WEBHOOK_SECRET
    if not secret:
        return HttpResponse(status=503)
    signature = request.headers.get("X-Trakfleet-Signature", "")
    expected = hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
    if signature != expected:
        return HttpResponse(status=401)
    try:
        payload = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest("invalid json")
    ingest_positions.delay(payload.get("positions", []))
    return HttpResponse(status=202)
