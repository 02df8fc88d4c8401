# Copyright (c) 2024, Northwind Equipment Ltd and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class Equipment(Document):
	def validate(self):
		if self.telematics_serial:
			self.telematics_serial = self.telematics_serial.strip().upper()
		if self.daily_rate is not None and self.daily_rate < 0:
			frappe.throw(_("Daily rate cannot be negative"))

	def on_trash(self):
		if frappe.db.exists("Rental Agreement", {"equipment": self.name, "docstatus": 1}):
			frappe.throw(_("Cannot delete equipment with submitted agreements"), frappe.LinkExistsError)
