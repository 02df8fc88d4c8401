"""Per-request DataLoaders that batch the patient-level lists."""

from collections import defaultdict

from aiodataloader import DataLoader
from asgiref.sync import sync_to_async

from labs.models import LabResult

from .models import Prescription


def _group(rows, keys, attr):
    grouped = defaultdict(list)
    for row in rows:
        grouped[getattr(row, attr)].append(row)
    return [grouped.get(key, []) for key in keys]


class LabResultsByPatientLoader(DataLoader):
    async def batch_load_fn(self, patient_ids):
        rows = await sync_to_async(list)(
            LabResult.objects.filter(patient_id__in=patient_ids).order_by("-collected_at")
        )
        return _group(rows, patient_ids, "patient_id")


class PrescriptionsByPatientLoader(DataLoader):
    async def batch_load_fn(self, patient_ids):
        rows = await sync_to_async(list)(
            Prescription.objects.filter(patient_id__in=patient_ids)
            .select_related("prescriber__user")
            .order_by("-created_at")
        )
        return _group(rows, patient_ids, "patient_id")


class Loaders:
    def __init__(self):
        self.lab_results = LabResultsByPatientLoader()
        self.prescriptions = PrescriptionsByPatientLoader()


def get_loaders(context):
    """Attach one set of loaders to the request so batching spans the whole query."""
    loaders = getattr(context, "loaders", None)
    if loaders is None:
        loaders = Loaders()
        context.loaders = loaders
    return loaders
