import hashlib
import hmac
import json
from unittest.mock import MagicMock, patch

import frappe
from frappe.tests.utils import FrappeTestCase

from rentals import api, tasks


class TestRentalsApi(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_guest_sees_only_published_equipment(self):
		frappe.set_user("Guest")
		items = api.get_available_equipment()
		names = {i.name for i in items}
		hidden = frappe.get_all("Equipment", filters={"show_on_website": 0}, pluck="name")
		self.assertFalse(names & set(hidden))

	def test_apply_discount_requires_manager_role(self):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": "clerk@example.test",
				"first_name": "Clerk",
				"new_password": "Rentals!Test2024",
				"roles": [{"role": "Rentals User"}],
			}
		).insert(ignore_if_duplicate=True)
		frappe.set_user(user.name)
		with self.assertRaises(frappe.PermissionError):
			api.apply_discount("RA-0001", 10)

	def test_webhook_rejects_bad_signature(self):
		body = json.dumps({"serial": "SN-1", "hours": 12.5}).encode()
		frappe.local.request = MagicMock()
		frappe.local.request.get_data.return_value = body
		with patch("frappe.get_request_header", return_value="deadbeef"):
			self.assertRaises(frappe.AuthenticationError, api.telematics_webhook)

	def test_webhook_accepts_signed_payload(self):
		body = json.dumps({"serial": "SN-1", "hours": 12.5}).encode()
		secret = frappe.get_single("Rentals Settings").get_password("webhook_secret")
		frappe.local.request = MagicMock()
		frappe.local.request.get_data.return_value = body
		signature = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
		with patch("frappe.get_request_header", return_value=signature), patch("frappe.enqueue") as enqueue:
			api.telematics_webhook()
		enqueue.assert_called_once_with("rentals.tasks.ingest_reading", queue="short", reading={"serial": "SN-1", "hours": 12.5})

	def test_sync_uses_provider_for_each_unit(self):
		provider = MagicMock()
		provider.fetch_hours.return_value = 101.0
		units = [frappe._dict(name="EQ-1", telematics_serial="SN-1")]
		with patch.object(tasks, "get_provider", return_value=provider), patch("frappe.get_all", return_value=units), patch(
			"frappe.db.set_value"
		) as set_value:
			tasks.sync_equipment_hours()
		provider.fetch_hours.assert_called_once_with("SN-1")
		set_value.assert_called_once_with("Equipment", "EQ-1", "engine_hours", 101.0, update_modified=False)
