import tempfile
from datetime import date, datetime, timezone as dt_timezone
from io import StringIO
from unittest import mock

import requests
from django.core.management import call_command
from django.test import TestCase

from .maintenance import flag_overdue_service
from .models import Depot, OdometerReading, Vehicle
from .tasks import sync_odometers
from .telematics import OdometerSample


class MaintenanceTest(TestCase):
    def setUp(self):
        self.depot = Depot.objects.create(code="DUB", name="Dublin North", county="Dublin")
        self.vehicle = Vehicle.objects.create(
            depot=self.depot, registration="202-D-5501", vin="VF1MA000012345678", make_model="Master",
            odometer_km=61000, last_service_km=40000, last_service_date=date(2024, 3, 1),
        )

    def test_flags_vehicle_over_km_interval(self):
        self.assertTrue(flag_overdue_service(self.vehicle, date(2024, 4, 1)))
        self.vehicle.refresh_from_db()
        self.assertTrue(self.vehicle.needs_service)

    def test_flag_overdue_command_runs(self):
        with tempfile.TemporaryDirectory() as tmp, \
                mock.patch("vehicles.management.commands.flag_overdue.REPORT_DIR", tmp):
            call_command("flag_overdue", "--depot", "DUB", "--as-of", "2024-04-01", stdout=StringIO())


class SyncOdometersTest(TestCase):
    def setUp(self):
        depot = Depot.objects.create(code="LMK", name="Limerick", county="Limerick")
        self.vehicle = Vehicle.objects.create(
            depot=depot, registration="191-L-300", vin="ZFA25000001234567", make_model="Ducato",
            telematics_unit_id="TF-0300", odometer_km=1000,
        )

    @mock.patch("vehicles.tasks.TelematicsClient")
    def test_stores_new_readings(self, client_cls):
        client_cls.return_value.latest_odometers.return_value = [
            OdometerSample("TF-0300", 1250, datetime(2024, 5, 1, 8, 0, tzinfo=dt_timezone.utc)),
        ]
        self.assertEqual(sync_odometers.apply(args=("LMK",)).get(), 1)
        self.vehicle.refresh_from_db()
        self.assertEqual(self.vehicle.odometer_km, 1250)
        self.assertEqual(OdometerReading.objects.filter(vehicle=self.vehicle).count(), 1)

    @mock.patch("vehicles.tasks.TelematicsClient")
    def test_network_error_is_raised_for_retry(self, client_cls):
        client_cls.return_value.latest_odometers.side_effect = requests.ConnectionError("reset")
        # called directly (not through a worker) Task.retry re-raises the original exception
        with self.assertRaises(requests.ConnectionError):
            sync_odometers("LMK")
