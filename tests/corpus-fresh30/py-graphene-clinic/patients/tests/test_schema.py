import json

import pytest
from graphene.test import Client
from graphene_django.utils.testing import GraphQLTestCase
from graphql_jwt.shortcuts import get_token
from django.test import RequestFactory
from django.contrib.auth.models import AnonymousUser

from clinic.schema import schema
from patients.models import Prescription


@pytest.mark.django_db
def test_clinics_are_public(clinic):
    request = RequestFactory().post("/graphql/")
    request.user = AnonymousUser()
    result = Client(schema).execute("{ clinics { name } }", context_value=request)
    assert result == {"data": {"clinics": [{"name": "Harbour Road Surgery"}]}}


@pytest.mark.django_db
def test_me_requires_login():
    request = RequestFactory().post("/graphql/")
    request.user = AnonymousUser()
    result = Client(schema).execute("{ me { registrationNumber } }", context_value=request)
    assert result["errors"][0]["message"] == "You do not have permission to perform this action"


@pytest.mark.usefixtures("clinician")
class PrescriptionApiTests(GraphQLTestCase):
    GRAPHQL_URL = "/graphql/"

    @pytest.fixture(autouse=True)
    def _inject(self, clinician, patient, appointment):
        self.clinician = clinician
        self.patient = patient
        self.appointment = appointment
        self.auth = {"HTTP_AUTHORIZATION": f"JWT {get_token(clinician.user)}"}

    def test_create_prescription(self):
        response = self.query(
            """
            mutation($patientId: ID!) {
              createPrescription(patientId: $patientId, drug: "Amoxicillin", dose: "500mg tds", repeats: 0) {
                prescription { id drug }
              }
            }
            """,
            variables={"patientId": self.patient.pk},
            headers=self.auth,
        )
        self.assertResponseNoErrors(response)

    def test_update_prescription_dose(self):
        rx = Prescription.objects.create(
            patient=self.patient, prescriber=self.clinician, drug="Ramipril", dose="2.5mg od"
        )
        response = self.query(
            'mutation($id: ID!) { updatePrescription(id: $id, dose: "5mg od") { prescription { dose } } }',
            variables={"id": rx.pk},
            headers=self.auth,
        )
        content = json.loads(response.content)
        assert content["data"]["updatePrescription"]["prescription"]["dose"] == "5mg od"

    def test_appointments_for_day(self):
        self.query(
            'query { appointments(onDate: "2031-01-01") { id status } }',
            headers=self.auth,
        )

    def test_check_in_with_wrong_code(self):
        response = self.query(
            'mutation($id: ID!) { checkIn(appointmentId: $id, code: "000000") { appointment { status } } }',
            variables={"id": self.appointment.pk},
            headers=self.auth,
        )
        self.assertResponseHasErrors(response)
