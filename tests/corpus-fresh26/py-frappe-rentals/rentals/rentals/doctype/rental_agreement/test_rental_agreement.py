# Copyright (c) 2024, Northwind Equipment Ltd and Contributors
# See license.txt

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from rentals.pricing import quote_rent

TEST_EQUIPMENT = "_Test Excavator 3t"
TEST_CUSTOMER = "_Test Customer"


def make_agreement(**kwargs):
	doc = frappe.get_doc(
		{
			"doctype": "Rental Agreement",
			"customer": kwargs.get("customer", TEST_CUSTOMER),
			"equipment": kwargs.get("equipment", TEST_EQUIPMENT),
			"start_date": kwargs.get("start_date", today()),
			"end_date": kwargs.get("end_date", add_days(today(), 3)),
			"deposit_amount": kwargs.get("deposit_amount", 0),
			"contact_email": "renter@example.test",
		}
	)
	if not kwargs.get("do_not_save"):
		doc.insert()
	return doc


class TestRentalAgreement(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		if not frappe.db.exists("Equipment", TEST_EQUIPMENT):
			frappe.get_doc(
				{
					"doctype": "Equipment",
					"equipment_name": TEST_EQUIPMENT,
					"category": "Earthmoving",
					"daily_rate": 100,
					"status": "Available",
				}
			).insert()

	def tearDown(self):
		frappe.db.rollback()

	def assert_money_equal(self, actual, expected):
		self.assertAlmostEqual(float(actual), float(expected), places=2)

	def test_rejects_end_before_start(self):
		doc = make_agreement(start_date=today(), end_date=add_days(today(), -1), do_not_save=True)
		self.assertRaises(frappe.ValidationError, doc.insert)

	def test_submit_reserves_equipment(self):
		doc = make_agreement()
		doc.submit()
		self.assertEqual(frappe.db.get_value("Equipment", TEST_EQUIPMENT, "status"), "Reserved")
		self.assertEqual(len(doc.pickup_code), 8)

	def test_quote_for_four_days(self):
		quote = quote_rent(TEST_EQUIPMENT, today(), add_days(today(), 3))
		self.assert_money_equal(quote["total"], 400)

	def test_deposit_request_created_on_submit(self):
		doc = make_agreement(deposit_amount=500)
		doc.submit()
		frappe.get_all("Payment Request", filters={"reference_name": doc.name}, pluck="name")
