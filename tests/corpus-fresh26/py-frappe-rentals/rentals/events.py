"""doc_events handlers wired in hooks.py."""

import frappe


def link_invoice_to_agreement(doc, method=None):
	if not doc.get("rental_agreement"):
		return
	frappe.db.set_value("Rental Agreement", doc.rental_agreement, "last_invoice", doc.name)


def unlink_invoice(doc, method=None):
	if not doc.get("rental_agreement"):
		return
	current = frappe.db.get_value("Rental Agreement", doc.rental_agreement, "last_invoice")
	if current == doc.name:
		frappe.db.set_value("Rental Agreement", doc.rental_agreement, "last_invoice", None)


def sync_customer_credit_hold(doc, method=None):
	"""Stop new agreements for customers placed on credit hold in ERPNext."""
	on_hold = 1 if doc.get("is_frozen") else 0
	frappe.db.sql(
		"""
		update `tabRental Agreement`
		set credit_hold = %s
		where customer = %s and docstatus = 0
		""",
		(on_hold, doc.name),
	)
