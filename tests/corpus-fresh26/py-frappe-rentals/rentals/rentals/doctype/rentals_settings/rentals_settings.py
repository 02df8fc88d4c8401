# Copyright (c) 2024, Northwind Equipment Ltd and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class RentalsSettings(Document):
	pass
