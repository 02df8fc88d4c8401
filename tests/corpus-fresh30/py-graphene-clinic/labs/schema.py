import graphene
from graphql import GraphQLError
from graphql_jwt.decorators import permission_required

from patients.types import LabResultType

from .models import LabResult


class Query(graphene.ObjectType):
    lab_results = graphene.List(LabResultType, patient_id=graphene.ID(required=True), code=graphene.String())
    critical_lab_results = graphene.List(LabResultType)

    @permission_required("labs.view_labresult")
    def resolve_lab_results(root, info, patient_id, code=None):
        qs = LabResult.objects.filter(patient_id=patient_id).select_related("patient")
        results = list(qs.filter(code=code) if code else qs)
        clinic_id = info.context.user.clinician.clinic_id
        if any(r.patient.clinic_id != clinic_id for r in results):
            raise GraphQLError("Patient belongs to another clinic")
        return results

    @permission_required("labs.view_labresult")
    def resolve_critical_lab_results(root, info):
        return LabResult.objects.filter(
            flag=LabResult.Flag.CRITICAL, patient__clinic_id=info.context.user.clinician.clinic_id
        )[:100]
