from unittest import mock

from django.contrib.auth.models import User
from django.test import TestCase
from tastypie.models import ApiKey
from tastypie.test import ResourceTestCaseMixin

from .models import Depot, Driver, StaffProfile, Vehicle


class FleetApiTestCase(ResourceTestCaseMixin, TestCase):
    def setUp(self):
        super().setUp()
        self.cork = Depot.objects.create(code="CRK", name="Cork", county="Cork")
        self.galway = Depot.objects.create(code="GWY", name="Galway", county="Galway")
        self.clerk = self._user("clerk", self.cork, manager=False)
        self.manager = self._user("manager", self.cork, manager=True)
        self.van = Vehicle.objects.create(
            depot=self.cork, registration="221-C-1043", vin="WF0XXXTTGXKA12345", make_model="Transit",
            telematics_unit_id="TF-0042",
        )
        Vehicle.objects.create(
            depot=self.galway, registration="231-G-877", vin="WF0XXXTTGXKA99881", make_model="Transit",
        )

    def _user(self, username, depot, manager):
        user = User.objects.create_user(username, f"{username}@fleet.example", "pw-for-tests")
        StaffProfile.objects.create(user=user, depot=depot, is_fleet_manager=manager)
        ApiKey.objects.get_or_create(user=user)
        return user

    def credentials(self, user):
        return self.create_apikey(user.username, user.api_key.key)


class VehicleResourceTest(FleetApiTestCase):
    def test_list_requires_api_key(self):
        self.assertHttpUnauthorized(self.api_client.get("/api/v1/vehicle/", format="json"))

    def test_clerk_only_sees_own_depot(self):
        resp = self.api_client.get("/api/v1/vehicle/", format="json", authentication=self.credentials(self.clerk))
        self.assertValidJSONResponse(resp)
        registrations = [v["registration"] for v in self.deserialize(resp)["objects"]]
        self.assertEqual(registrations, ["221-C-1043"])

    def test_manager_retires_vehicle(self):
        resp = self.api_client.post(
            f"/api/v1/vehicle/{self.van.pk}/retire/", format="json", data={},
            authentication=self.credentials(self.manager),
        )
        self.assertHttpOK(resp)
        self.van.refresh_from_db()
        self.assertEqual(self.van.status, Vehicle.RETIRED)

    @mock.patch("vehicles.api.TelematicsClient")
    def test_unlock_sends_command(self, client_cls):
        self.api_client.post(
            f"/api/v1/vehicle/{self.van.pk}/unlock/", format="json", data={"reason": "keys locked in"},
            authentication=self.credentials(self.manager),
        )
        client_cls.return_value.send_command.assert_called_once_with("TF-0042", "unlock", reason="keys locked in")


class DriverPairingTest(FleetApiTestCase):
    def test_pairing_with_wrong_code_is_rejected(self):
        user = self._user("driver1", self.cork, manager=False)
        driver = Driver.objects.create(user=user, depot=self.cork, licence_number="IE123", pairing_code="K7Q2MX")
        resp = self.api_client.post(
            f"/api/v1/driver/{driver.pk}/pair/", format="json", data={"code": "AAAAAA", "device_id": "pixel-8"},
            authentication=self.credentials(user),
        )
        self.assertHttpBadRequest(resp)
        driver.refresh_from_db()
        self.assertEqual(driver.paired_device, "")
