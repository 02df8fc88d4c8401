import logging

import requests
from celery import shared_task
from django.db import DatabaseError, transaction
from django.utils import timezone

from .maintenance import flag_depot
from .models import Depot, OdometerReading, Vehicle
from .telematics import TelematicsClient

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def sync_odometers(self, depot_code):
    try:
        samples = TelematicsClient().latest_odometers(depot_code)
    except requests.RequestException as exc:
        logger.warning("odometer sync for %s failed, retrying: %s", depot_code, exc)
        raise self.retry(exc=exc)

    stored = 0
    for sample in samples:
        try:
            with transaction.atomic():
                vehicle = Vehicle.objects.select_for_update().get(telematics_unit_id=sample.unit_id)
                OdometerReading.objects.create(vehicle=vehicle, km=sample.km, recorded_at=sample.recorded_at)
                if sample.km > vehicle.odometer_km:
                    vehicle.odometer_km = sample.km
                    vehicle.save(update_fields=["odometer_km"])
            stored += 1
        except Vehicle.DoesNotExist:
            logger.info("ignoring sample for unregistered unit %s", sample.unit_id)
        except DatabaseError:
            pass
    return stored


@shared_task
def sync_all_depots():
    for code in Depot.objects.values_list("code", flat=True):
        sync_odometers.delay(code)


@shared_task
def ingest_positions(positions):
    units = {p["unit"]: p for p in positions if "unit" in p}
    updated = Vehicle.objects.filter(telematics_unit_id__in=units.keys()).count()
    logger.info("received %d positions for %d known vehicles", len(positions), updated)
    return updated


@shared_task
def flag_overdue_fleet():
    today = timezone.localdate()
    flagged = 0
    for code in Depot.objects.values_list("code", flat=True):
        flagged += len(flag_depot(code, today))
    logger.info("%d vehicles flagged for service", flagged)
    return flagged


@shared_task
def generate_insurance_report(depot_code=None):
    raise NotImplementedError("insurance report format not agreed with broker")
