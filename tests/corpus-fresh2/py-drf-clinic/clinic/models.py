from django.contrib.auth.models import AbstractUser
from django.db import models


class Clinic(models.Model):
    name = models.CharField(max_length=200)
    timezone = models.CharField(max_length=64, default="Europe/Berlin")


class StaffUser(AbstractUser):
    class Role(models.TextChoices):
        RECEPTION = "reception"
        CLINICIAN = "clinician"
        CHIEF = "chief_of_staff"
        BILLING_ADMIN = "billing_admin"

    clinic = models.ForeignKey(Clinic, null=True, on_delete=models.PROTECT, related_name="staff")
    role = models.CharField(max_length=32, choices=Role.choices, default=Role.RECEPTION)

    @property
    def is_staff_member(self) -> bool:
        return self.clinic_id is not None and self.is_active


class Patient(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="patients")
    clinician = models.ForeignKey(StaffUser, null=True, on_delete=models.SET_NULL)
    full_name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=32, blank=True)
    prefers_sms = models.BooleanField(default=False)
    archived = models.BooleanField(default=False)
    shares_records = models.BooleanField(default=False)


class MedicalRecord(models.Model):
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="records")
    author = models.ForeignKey(StaffUser, on_delete=models.PROTECT)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)


class Invoice(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT)
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    refunded = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    stripe_payment_intent = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=16, default="open")


class LedgerEntry(models.Model):
    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="ledger")
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    kind = models.CharField(max_length=16)
    actor = models.ForeignKey(StaffUser, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)


class AuditEvent(models.Model):
    actor = models.ForeignKey(StaffUser, null=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
