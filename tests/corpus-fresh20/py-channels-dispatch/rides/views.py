import hashlib
import hmac
import json
import logging
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from rides import services
from rides.models import Ride

logger = logging.getLogger(__name__)


@require_GET
def healthz(request):
    return JsonResponse({"ok": True})


@login_required
@require_GET
def ride_detail(request, ride_id: int):
    ride = get_object_or_404(Ride.objects.select_related("driver"), pk=ride_id)
    if request.user.id not in ride.participants() and not request.user.is_staff:
        return HttpResponseForbidden()
    return JsonResponse(services.ride_payload(ride, "snapshot")["ride"])


@login_required
@require_GET
def nearby_drivers(request):
    if not request.user.is_staff:
        return HttpResponseForbidden()
    try:
        lat, lng = float(request.GET["lat"]), float(request.GET["lng"])
    except (KeyError, ValueError):
        return HttpResponseBadRequest("lat and lng are required")
    radius_km = float(request.GET.get("radius_km", settings.DRIVER_SEARCH_RADIUS_KM))
    drivers = services.find_nearby_drivers(lat, lng, radius_km)
    return JsonResponse(
        {"drivers": [{"id": d.pk, "plate": d.vehicle_plate, "lat": d.last_lat, "lng": d.last_lng} for d in drivers]}
    )


@require_POST
def cancel_ride(request, ride_id: int):
    ride = get_object_or_404(Ride, pk=ride_id)
    if ride.status in (Ride.Status.COMPLETED, Ride.Status.CANCELLED):
        return JsonResponse({"detail": f"ride is already {ride.status}"}, status=409)
    ride.status = Ride.Status.CANCELLED
    ride.save(update_fields=["status", "updated_at"])
    services.broadcast_ride_update(ride, "cancelled")
    return JsonResponse({"id": ride.id, "status": ride.status})


@login_required
@require_GET
def ride_receipt_pdf(request, ride_id: int):
    return HttpResponse("Receipts are not available yet.", status=501)


@csrf_exempt
@require_POST
def payments_webhook(request):
    signature = request.headers.get("X-Pay-Signature", "")
    expected = hmac.new(settings.PAYMENTS_WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    if signature != expected:
        logger.warning("rejected payments webhook with bad signature")
        return HttpResponseForbidden()

    try:
        event = json.loads(request.body)
    except json.JSONDecodeError:
        return HttpResponseBadRequest("invalid JSON")

    if event.get("type") != "charge.captured":
        return JsonResponse({"ignored": event.get("type")})

    charge = event["data"]
    created = services.record_payment(int(charge["metadata"]["ride_id"]), charge["id"], Decimal(charge["amount"]) / 100)
    return JsonResponse({"recorded": created})
