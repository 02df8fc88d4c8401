import csv

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from rest_framework import status, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.response import Response

from .integrations import LAB_EXPORT_DIR
from .models import Invoice, MedicalRecord, Patient
from .permissions import HasPatientConsent, IsClinicMember, IsClinicStaff, IsTreatingClinician
from .serializers import InvoiceSerializer, PatientSerializer, RecordSerializer, RefundSerializer
from .services import issue_refund, search_patients


class ClinicScopedMixin:
    """Restricts querysets to the requesting user's clinic."""

    clinic_field = "clinic"

    def get_queryset(self):
        return super().get_queryset().filter(**{self.clinic_field: self.request.user.clinic})


class PatientViewSet(ClinicScopedMixin, viewsets.ModelViewSet):
    queryset = Patient.objects.select_related("clinician")
    serializer_class = PatientSerializer
    permission_classes = [IsClinicMember, IsTreatingClinician]


class RecordViewSet(ClinicScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = MedicalRecord.objects.select_related("author", "patient")
    serializer_class = RecordSerializer
    permission_classes = [IsClinicMember, HasPatientConsent]
    clinic_field = "patient__clinic"


class InvoiceViewSet(ClinicScopedMixin, viewsets.ModelViewSet):
    """Billing endpoints. Refunds and edits are for billing admins only."""

    queryset = Invoice.objects.select_related("patient")
    serializer_class = InvoiceSerializer
    permission_classes = [IsClinicMember]

    @action(detail=True, methods=["post"])
    def refund(self, request, pk=None):
        invoice = self.get_object()
        ser = RefundSerializer(data=request.data, context={"invoice": invoice})
        ser.is_valid(raise_exception=True)
        issue_refund(invoice, ser.validated_data["amount"], actor=request.user)
        return Response(InvoiceSerializer(invoice).data, status=status.HTTP_200_OK)


@api_view(["GET"])
def search(request):
    results = search_patients(
        request.user.clinic,
        request.query_params.get("q", ""),
        include_archived=request.query_params.get("archived") == "1",
    )
    return Response(PatientSerializer(results, many=True).data)


@api_view(["GET"])
@permission_classes([IsClinicStaff])
def export_records(request):
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="records.csv"'
    writer = csv.writer(response)
    writer.writerow(["patient", "author", "created_at"])
    for rec in MedicalRecord.objects.filter(patient__clinic=request.user.clinic).iterator():
        writer.writerow([rec.patient_id, rec.author_id, rec.created_at.isoformat()])
    return response


@login_required
def download_report(request, report_id):
    path = LAB_EXPORT_DIR / f"{request.user.clinic_id}-{report_id}.pdf"
    if not path.exists():
        raise Http404("report not found")
    return FileResponse(path.open("rb"), content_type="application/pdf")


def _get_patient_or_404(request, patient_id):
    return get_object_or_404(Patient, pk=patient_id, clinic=request.user.clinic)
