from django.db import models


class Patient(models.Model):
    first_name = models.CharField(max_length=120)
    last_name = models.CharField(max_length=120)
    birth_date = models.DateField()
    ward = models.CharField(max_length=32, null=True, blank=True, db_index=True)
    admitted_by = models.CharField(max_length=64)
    discharged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["last_name", "first_name"])]


class AuditEntry(models.Model):
    actor = models.CharField(max_length=64)
    action = models.CharField(max_length=64)
    subject_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
