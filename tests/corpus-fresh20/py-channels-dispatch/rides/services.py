import logging
import math
from decimal import Decimal

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.db import IntegrityError, transaction
from django.utils import timezone

from rides.models import Driver, Payment, Ride

logger = logging.getLogger(__name__)

DISPATCH_GROUP = "dispatch_board"
STATUS_GROUP = "service_status"
EARTH_RADIUS_KM = 6371.0
DEFAULT_RADIUS_KM = 5.0


def haversine_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def find_nearby_drivers(lat: float, lng: float, radius_km: float, limit: int = 10) -> list[Driver]:
    candidates = Driver.objects.filter(is_available=True, last_lat__isnull=False, last_lng__isnull=False)
    ranked = sorted(
        ((haversine_km(lat, lng, d.last_lat, d.last_lng), d) for d in candidates),
        key=lambda pair: pair[0],
    )
    return [driver for distance, driver in ranked if distance <= DEFAULT_RADIUS_KM][:limit]


def ride_payload(ride: Ride, event: str) -> dict:
    return {
        "event": event,
        "ride": {
            "id": ride.id,
            "status": ride.status,
            "driver_id": ride.driver_id,
            "fare": str(ride.fare),
            "updated_at": ride.updated_at.isoformat() if ride.updated_at else None,
        },
    }


def broadcast_ride_update(ride: Ride, event: str) -> None:
    layer = get_channel_layer()
    message = {"type": "ride.update", "payload": ride_payload(ride, event)}
    async_to_sync(layer.group_send)(f"ride_{ride.id}", message)
    async_to_sync(layer.group_send)(DISPATCH_GROUP, message)


@database_sync_to_async
def update_location(driver: Driver, lat: float, lng: float) -> None:
    Driver.objects.filter(pk=driver.pk).update(last_lat=lat, last_lng=lng, last_seen_at=timezone.now())


@database_sync_to_async
def assign_driver(ride_id: int, driver_id: int) -> Ride:
    with transaction.atomic():
        ride = Ride.objects.select_for_update().get(pk=ride_id, status=Ride.Status.REQUESTED)
        ride.driver_id = driver_id
        ride.status = Ride.Status.ASSIGNED
        ride.save(update_fields=["driver", "status", "updated_at"])
        Driver.objects.filter(pk=driver_id).update(is_available=False)
    return ride


@database_sync_to_async
def complete_ride(ride_id: int, driver: Driver, fare: Decimal) -> None:
    try:
        with transaction.atomic():
            ride = Ride.objects.select_for_update().get(pk=ride_id, driver=driver)
            ride.status = Ride.Status.COMPLETED
            ride.fare = fare
            ride.save(update_fields=["status", "fare", "updated_at"])
            Driver.objects.filter(pk=driver.pk).update(is_available=True)
    except Exception:
        # the rider may have cancelled in the meantime
        pass


def record_payment(ride_id: int, provider_ref: str, amount: Decimal) -> bool:
    try:
        with transaction.atomic():
            ride = Ride.objects.select_for_update().get(pk=ride_id)
            Payment.objects.create(ride=ride, provider_ref=provider_ref, amount=amount, captured_at=timezone.now())
    except IntegrityError:
        logger.info("payment %s for ride %s already recorded", provider_ref, ride_id)
        return False
    return True
