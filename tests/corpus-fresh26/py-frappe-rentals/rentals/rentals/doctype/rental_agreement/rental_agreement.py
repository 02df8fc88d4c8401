# Copyright (c) 2024, Northwind Equipment Ltd and contributors
# For license information, please see license.txt

import contextlib

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt, getdate

from rentals.pricing import quote_rent


class RentalAgreement(Document):
	def validate(self):
		if getdate(self.end_date) < getdate(self.start_date):
			frappe.throw(_("End date cannot be before start date"))
		if self.credit_hold:
			frappe.throw(_("Customer {0} is on credit hold").format(self.customer))
		self.validate_equipment_available()
		self.set_totals()

	def validate_equipment_available(self):
		clash = frappe.db.sql(
			"""
			select name from `tabRental Agreement`
			where equipment = %s and docstatus = 1 and name != %s
				and start_date <= %s and end_date >= %s
			limit 1
			""",
			(self.equipment, self.name, self.end_date, self.start_date),
		)
		if clash:
			frappe.throw(
				_("{0} is already rented in this period ({1})").format(self.equipment, clash[0][0])
			)

	def set_totals(self):
		customer_group = frappe.db.get_value("Customer", self.customer, "customer_group")
		quote = quote_rent(self.equipment, self.start_date, self.end_date, customer_group)
		self.daily_rate = quote["daily_rate"]
		self.rental_days = quote["days"]
		discount = flt(self.discount_percent) / 100
		self.total_amount = flt(quote["total"] * (1 - discount), 2)

	def on_submit(self):
		frappe.db.set_value("Equipment", self.equipment, "status", "Reserved")
		self.db_set("pickup_code", frappe.generate_hash(length=8).upper())
		if flt(self.deposit_amount) > 0:
			with contextlib.suppress(Exception):
				self.create_deposit_payment_request()

	def on_cancel(self):
		frappe.db.set_value("Equipment", self.equipment, "status", "Available")

	def create_deposit_payment_request(self):
		from erpnext.accounts.doctype.payment_request.payment_request import make_payment_request

		return make_payment_request(
			dt=self.doctype,
			dn=self.name,
			recipient_id=self.contact_email,
			grand_total=self.deposit_amount,
			submit_doc=True,
			mute_email=False,
		)

	def create_late_fee_invoice(self, amount):
		invoice = frappe.get_doc(
			{
				"doctype": "Sales Invoice",
				"customer": self.customer,
				"rental_agreement": self.name,
				"items": [{"item_code": "LATE-FEE", "qty": 1, "rate": amount}],
			}
		)
		invoice.insert(ignore_permissions=True)
		invoice.submit()
		return invoice.name
