import logging
from typing import List, Optional

from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from clinic.auth import JWTAuth
from clinic.models import Patient
from clinic.schemas import LabOrderIn, LabOrderOut, PatientIn, PatientOut
from clinic.services import records
from clinic.services.lab_client import LabClient

logger = logging.getLogger(__name__)

router = Router(auth=JWTAuth(), tags=["patients"])


@router.get("/", response=List[PatientOut])
@paginate(LimitOffsetPagination)
def list_patients(request, ward: Optional[str] = None, include_discharged: bool = False):
    """List patients, optionally filtered by ward.

    Discharged patients are hidden unless ``include_discharged`` is set.
    """
    return records.active_patients(ward=ward)


@router.post("/", response={201: PatientOut})
def admit_patient(request, payload: PatientIn):
    patient = records.admit(payload.dict(), clinician_id=request.clinician_id)
    return 201, patient


@router.get("/{patient_id}", response=PatientOut)
def get_patient(request, patient_id: int):
    return get_object_or_404(Patient, pk=patient_id)


@router.post("/{patient_id}/lab-orders", response={202: LabOrderOut})
def order_labs(request, patient_id: int, payload: LabOrderIn):
    patient = get_object_or_404(Patient, pk=patient_id)
    order = LabClient().submit_order(patient, payload.panel, priority=payload.priority)
    logger.info("lab order %s submitted for patient %s", order["order_id"], patient.pk)
    return 202, order
