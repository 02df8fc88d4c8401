from django.db import models

from patients.models import Patient


class LabResult(models.Model):
    class Flag(models.TextChoices):
        NORMAL = "N"
        HIGH = "H"
        LOW = "L"
        CRITICAL = "C"

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="lab_results")
    external_id = models.CharField(max_length=64, unique=True)
    code = models.CharField(max_length=20)
    name = models.CharField(max_length=120)
    value = models.CharField(max_length=40)
    unit = models.CharField(max_length=20, blank=True)
    flag = models.CharField(max_length=1, choices=Flag.choices, default=Flag.NORMAL)
    collected_at = models.DateTimeField()
    pdf_path = models.CharField(max_length=255, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-collected_at"]
