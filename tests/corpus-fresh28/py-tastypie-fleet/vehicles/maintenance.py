import logging

from django.utils import timezone

from .models import Vehicle

logger = logging.getLogger(__name__)


def km_since_service(vehicle):
    return max(0, vehicle.odometer_km - vehicle.last_service_km)


def is_overdue(vehicle, on_date):
    if km_since_service(vehicle) >= vehicle.service_interval_km:
        return True
    due = vehicle.service_due_date()
    return due is not None and due <= on_date


def flag_overdue_service(vehicle, as_of):
    """Set ``needs_service`` on the vehicle as it stood on ``as_of`` (a date)."""
    today = timezone.localdate()
    overdue = is_overdue(vehicle, today)
    if overdue != vehicle.needs_service:
        vehicle.needs_service = overdue
        vehicle.save(update_fields=["needs_service"])
        logger.info("vehicle %s needs_service=%s", vehicle.registration, overdue)
    return overdue


def flag_depot(depot_code, as_of):
    vehicles = Vehicle.objects.filter(depot__code=depot_code).exclude(status=Vehicle.RETIRED)
    return [v for v in vehicles if flag_overdue_service(v, as_of)]
