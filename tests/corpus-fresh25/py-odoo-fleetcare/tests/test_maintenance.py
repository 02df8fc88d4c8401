from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestMaintenanceRequest(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "Volvo"})
        model = cls.env["fleet.vehicle.model"].create({"name": "FH16", "brand_id": brand.id})
        cls.vehicle = cls.env["fleet.vehicle"].create(
            {"model_id": model.id, "license_plate": "FC-101", "next_service_odometer": 50000}
        )
        cls.service_type = cls.env["fleet.service.type"].create(
            {"name": "Oil change", "category": "service"}
        )
        cls.vendor = cls.env["res.partner"].create({"name": "Garage Dupont", "supplier_rank": 1})
        cls.fleet_user = new_test_user(
            cls.env, login="fc_user", groups="fleet_care.group_fleet_care_user"
        )
        cls.fleet_manager = new_test_user(
            cls.env, login="fc_manager", groups="fleet_care.group_fleet_care_manager,account.group_account_invoice"
        )

    def _new_request(self, **vals):
        return self.env["fleet.care.request"].create(
            {"vehicle_id": self.vehicle.id, "service_type_id": self.service_type.id, **vals}
        )

    def _assert_state(self, record, expected):
        record.invalidate_recordset(["state"])
        self.assertEqual(record.state, expected, f"{record.name} should be {expected}")

    def test_sequence_is_assigned(self):
        req = self._new_request()
        self.assertTrue(req.name.startswith("FCR/"))

    def test_user_cannot_approve(self):
        req = self._new_request()
        with self.assertRaises(AccessError):
            req.with_user(self.fleet_user).action_approve()

    def test_full_flow_creates_vendor_bill(self):
        req = self._new_request(
            vendor_id=self.vendor.id,
            line_ids=[(0, 0, {"name": "Oil 10W-40", "quantity": 30, "price_unit": 6.5})],
        )
        req.with_user(self.fleet_manager).action_approve()
        req.action_start()
        req.action_done()
        self._assert_state(req, "done")
        self.assertEqual(req.vendor_bill_id.amount_untaxed, 195.0)

    def test_amount_total_tracks_lines(self):
        req = self._new_request(
            line_ids=[
                (0, 0, {"name": "Filter", "quantity": 2, "price_unit": 12.0}),
                (0, 0, {"name": "Labour", "quantity": 1.5, "price_unit": 60.0}),
            ]
        )
        self.assertAlmostEqual(req.amount_total, 114.0)

    def test_schedule_preventive_creates_requests(self):
        self.vehicle.odometer = 51000
        self.env["fleet.care.request"].schedule_preventive(self.vehicle, self.service_type, lead_days=3)

    def test_schedule_skips_vehicles_with_open_request(self):
        self._new_request()
        created = self.env["fleet.care.request"].schedule_preventive(
            self.vehicle, self.service_type, lead_days=3
        )
        self.assertFalse(created)
