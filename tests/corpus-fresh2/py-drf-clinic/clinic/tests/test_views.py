from decimal import Decimal
from unittest import mock

from django.test import RequestFactory
from django.urls import reverse
from rest_framework.test import APITestCase

from clinic.models import Clinic, Invoice, Patient, StaffUser
from clinic.permissions import IsBillingAdmin, IsTreatingClinician


class ClinicAPITestCase(APITestCase):
    @classmethod
    def setUpTestData(cls):
        cls.clinic = Clinic.objects.create(name="Nordstadt")
        cls.other_clinic = Clinic.objects.create(name="Südstadt")
        cls.reception = StaffUser.objects.create_user("rita", clinic=cls.clinic, role=StaffUser.Role.RECEPTION)
        cls.doctor = StaffUser.objects.create_user("dr_ng", clinic=cls.clinic, role=StaffUser.Role.CLINICIAN)
        cls.billing = StaffUser.objects.create_user("bo", clinic=cls.clinic, role=StaffUser.Role.BILLING_ADMIN)
        cls.outsider = StaffUser.objects.create_user("ola", clinic=cls.other_clinic)
        cls.patient = Patient.objects.create(clinic=cls.clinic, clinician=cls.doctor, full_name="Jon Roe")
        cls.invoice = Invoice.objects.create(clinic=cls.clinic, patient=cls.patient, amount=Decimal("120.00"))

    def assertForbidden(self, response):
        self.assertIn(response.status_code, (401, 403), response.content)


class PatientApiTests(ClinicAPITestCase):
    def test_member_lists_own_clinic_patients(self):
        self.client.force_authenticate(self.reception)
        resp = self.client.get(reverse("patient-list"))
        self.assertEqual(resp.status_code, 200)
        self.assertEqual([p["full_name"] for p in resp.data["results"]], ["Jon Roe"])

    def test_outsider_cannot_read_patient(self):
        self.client.force_authenticate(self.outsider)
        resp = self.client.get(reverse("patient-detail", args=[self.patient.pk]))
        self.assertEqual(resp.status_code, 404)

    def test_anonymous_is_rejected_by_default_permission(self):
        self.assertForbidden(self.client.get(reverse("patient-list")))

    def test_only_treating_clinician_may_edit(self):
        self.client.force_authenticate(self.reception)
        resp = self.client.patch(reverse("patient-detail", args=[self.patient.pk]), {"phone": "123"})
        self.assertForbidden(resp)


class PermissionUnitTests(ClinicAPITestCase):
    def setUp(self):
        self.rf = RequestFactory()

    def _request(self, method, user):
        request = getattr(self.rf, method)("/")
        request.user = user
        return request

    def test_billing_admin_permission_rejects_reception(self):
        self.assertFalse(IsBillingAdmin().has_permission(self._request("post", self.reception), view=None))

    def test_billing_admin_permission_allows_billing(self):
        self.assertTrue(IsBillingAdmin().has_permission(self._request("post", self.billing), view=None))

    def test_treating_clinician_object_check(self):
        perm = IsTreatingClinician()
        self.assertTrue(perm.has_object_permission(self._request("patch", self.doctor), None, self.patient))


class ExportTests(ClinicAPITestCase):
    def test_export_records_as_staff(self):
        self.client.force_authenticate(self.reception)
        self.client.get(reverse("export-records"))

    @mock.patch("clinic.views.issue_refund")
    def test_refund_calls_service(self, issue_refund):
        self.client.force_authenticate(self.billing)
        resp = self.client.post(reverse("invoice-refund", args=[self.invoice.pk]), {"amount": "20.00"})
        self.assertEqual(resp.status_code, 200)
        issue_refund.assert_called_once()
