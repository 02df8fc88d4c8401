import json

from odoo.tests import HttpCase, new_test_user, tagged

INGEST_URL = "/fleet_care/telemetry/ingest"


@tagged("post_install", "-at_install")
class TestFleetCareRoutes(HttpCase):
    def setUp(self):
        super().setUp()
        brand = self.env["fleet.vehicle.model.brand"].create({"name": "Scania"})
        model = self.env["fleet.vehicle.model"].create({"name": "R450", "brand_id": brand.id})
        self.vehicle = self.env["fleet.vehicle"].create(
            {
                "model_id": model.id,
                "license_plate": "FC-202",
                "telemetry_device_id": "dev-202",
                "ingest_token": "test-ingest-token-0001",
            }
        )
        new_test_user(self.env, login="fc_route_user", password="fc_route_user_pw", groups="fleet_care.group_fleet_care_user")

    def _jsonrpc(self, url, params, headers=None):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        return self.url_open(url, data=body, headers={"Content-Type": "application/json", **(headers or {})})

    def test_health_is_public(self):
        response = self.url_open("/fleet_care/health")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["status"], "ok")

    def test_ingest_rejects_wrong_token(self):
        response = self._jsonrpc(
            INGEST_URL,
            {"device_id": "dev-202", "readings": [{"odometer": 1000}]},
            headers={"X-Device-Token": "nope"},
        )
        self.assertIn("error", response.json())
        self.assertFalse(self.vehicle.telemetry_ids)

    def test_ingest_records_reading(self):
        response = self._jsonrpc(
            INGEST_URL,
            {"device_id": "dev-202", "readings": [{"odometer": 1234.5, "fuel_level": 40}]},
            headers={"X-Device-Token": "test-ingest-token-0001"},
        )
        self.assertEqual(response.json()["result"], {"accepted": 1})
        self.assertEqual(self.vehicle.telemetry_ids.odometer, 1234.5)

    def test_user_cannot_approve_over_http(self):
        self.authenticate("fc_route_user", "fc_route_user_pw")
        req = self.env["fleet.care.request"].create(
            {"vehicle_id": self.vehicle.id, "service_type_id": self.env.ref("fleet_care.service_type_preventive").id}
        )
        response = self._jsonrpc(f"/fleet_care/requests/{req.id}/approve", {})
        self.assertEqual(response.json()["error"]["data"]["name"], "odoo.exceptions.AccessError")
