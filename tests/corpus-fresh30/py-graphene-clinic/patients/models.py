import secrets

from django.conf import settings
from django.db import models


class Clinic(models.Model):
    name = models.CharField(max_length=120)
    address = models.TextField(blank=True)
    phone = models.CharField(max_length=32, blank=True)
    active = models.BooleanField(default=True)

    def __str__(self):
        return self.name


class Clinician(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinician")
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="clinicians")
    registration_number = models.CharField(max_length=32, unique=True)
    specialty = models.CharField(max_length=80, blank=True)


class Patient(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="patients")
    mrn = models.CharField("medical record number", max_length=20, unique=True)
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    date_of_birth = models.DateField()
    email = models.EmailField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["last_name", "first_name"])]


def _checkin_code():
    return f"{secrets.randbelow(10**6):06d}"


class Appointment(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked"
        ARRIVED = "arrived"
        DONE = "done"
        CANCELLED = "cancelled"

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="appointments")
    clinician = models.ForeignKey(Clinician, on_delete=models.PROTECT, related_name="appointments")
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="appointments")
    starts_at = models.DateTimeField(db_index=True)
    minutes = models.PositiveSmallIntegerField(default=15)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.BOOKED)
    checkin_code = models.CharField(max_length=6, default=_checkin_code)


class Prescription(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active"
        PAUSED = "paused"
        STOPPED = "stopped"

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="prescriptions")
    prescriber = models.ForeignKey(Clinician, on_delete=models.PROTECT, related_name="prescriptions")
    drug = models.CharField(max_length=120)
    dose = models.CharField(max_length=60)
    repeats = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
