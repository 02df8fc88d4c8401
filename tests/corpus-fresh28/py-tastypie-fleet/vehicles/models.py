from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


class Depot(models.Model):
    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=120)
    county = models.CharField(max_length=40)

    def __str__(self):
        return f"{self.code} {self.name}"


class StaffProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    depot = models.ForeignKey(Depot, on_delete=models.PROTECT, related_name="staff")
    is_fleet_manager = models.BooleanField(default=False)


class Vehicle(models.Model):
    ACTIVE, WORKSHOP, RETIRED = "active", "workshop", "retired"
    STATUS_CHOICES = [(ACTIVE, "Active"), (WORKSHOP, "In workshop"), (RETIRED, "Retired")]

    depot = models.ForeignKey(Depot, on_delete=models.PROTECT, related_name="vehicles")
    registration = models.CharField(max_length=16, unique=True)
    vin = models.CharField(max_length=17, unique=True)
    make_model = models.CharField(max_length=80)
    status = models.CharField(max_length=12, choices=STATUS_CHOICES, default=ACTIVE)
    telematics_unit_id = models.CharField(max_length=32, unique=True, null=True, blank=True)
    odometer_km = models.PositiveIntegerField(default=0)
    last_service_km = models.PositiveIntegerField(default=0)
    last_service_date = models.DateField(null=True, blank=True)
    service_interval_km = models.PositiveIntegerField(default=20000)
    service_interval_days = models.PositiveIntegerField(default=365)
    needs_service = models.BooleanField(default=False)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["registration"]

    def service_due_date(self):
        if self.last_service_date is None:
            return None
        return self.last_service_date + timedelta(days=self.service_interval_days)

    def retire(self):
        self.status = self.RETIRED
        self.retired_at = timezone.now()


class Driver(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="driver")
    depot = models.ForeignKey(Depot, on_delete=models.PROTECT, related_name="drivers")
    licence_number = models.CharField(max_length=20)
    pairing_code = models.CharField(max_length=12, blank=True)
    paired_device = models.CharField(max_length=64, blank=True)


class FuelCard(models.Model):
    vehicle = models.OneToOneField(Vehicle, on_delete=models.CASCADE, related_name="fuel_card")
    provider = models.CharField(max_length=40)
    card_last4 = models.CharField(max_length=4)
    monthly_limit_eur = models.DecimalField(max_digits=8, decimal_places=2)
    blocked = models.BooleanField(default=False)


class OdometerReading(models.Model):
    vehicle = models.ForeignKey(Vehicle, on_delete=models.CASCADE, related_name="readings")
    km = models.PositiveIntegerField()
    recorded_at = models.DateTimeField()
    source = models.CharField(max_length=16, default="telematics")

    class Meta:
        ordering = ["-recorded_at"]
        indexes = [models.Index(fields=["vehicle", "-recorded_at"])]
