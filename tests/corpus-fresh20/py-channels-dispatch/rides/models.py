from decimal import Decimal

from django.conf import settings
from django.db import models


class Driver(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="driver")
    vehicle_plate = models.CharField(max_length=16)
    is_available = models.BooleanField(default=False)
    last_lat = models.FloatField(null=True)
    last_lng = models.FloatField(null=True)
    last_seen_at = models.DateTimeField(null=True)
    push_token = models.CharField(max_length=200, blank=True)


class Device(models.Model):
    driver = models.ForeignKey(Driver, on_delete=models.CASCADE, related_name="devices")
    selector = models.CharField(max_length=12, unique=True)
    verifier_digest = models.CharField(max_length=64)
    label = models.CharField(max_length=80, blank=True)
    revoked_at = models.DateTimeField(null=True)


class Ride(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested"
        ASSIGNED = "assigned"
        EN_ROUTE = "en_route"
        COMPLETED = "completed"
        CANCELLED = "cancelled"

    rider = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="rides")
    driver = models.ForeignKey(Driver, null=True, blank=True, on_delete=models.SET_NULL, related_name="rides")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED)
    pickup_lat = models.FloatField()
    pickup_lng = models.FloatField()
    dropoff_lat = models.FloatField()
    dropoff_lng = models.FloatField()
    fare = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0.00"))
    requested_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def participants(self) -> set[int]:
        ids = {self.rider_id}
        if self.driver_id:
            ids.add(self.driver.user_id)
        return ids


class Payment(models.Model):
    ride = models.OneToOneField(Ride, on_delete=models.PROTECT, related_name="payment")
    provider_ref = models.CharField(max_length=64, unique=True)
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    captured_at = models.DateTimeField()
