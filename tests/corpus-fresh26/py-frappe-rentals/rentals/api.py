import hashlib
import hmac
import json

import frappe
from frappe import _
from frappe.utils import flt, getdate, now_datetime, today

from rentals.pricing import calculate_late_fee, quote_rent


@frappe.whitelist(allow_guest=True)
def get_available_equipment(category=None):
	"""Public catalogue used by the website booking form."""
	filters = {"status": "Available", "show_on_website": 1}
	if category:
		filters["category"] = category
	return frappe.get_all(
		"Equipment",
		filters=filters,
		fields=["name", "equipment_name", "category", "daily_rate", "image"],
		order_by="equipment_name asc",
	)


@frappe.whitelist()
def get_quote(equipment, start_date, end_date, customer=None):
	frappe.has_permission("Equipment", "read", equipment, throw=True)
	customer_group = frappe.db.get_value("Customer", customer, "customer_group") if customer else None
	return quote_rent(equipment, start_date, end_date, customer_group)


@frappe.whitelist(methods=["POST"])
def apply_discount(agreement, percent):
	frappe.only_for("Rentals Manager")
	doc = frappe.get_doc("Rental Agreement", agreement)
	doc.check_permission("write")

	percent = flt(percent)
	if not 0 < percent <= 50:
		frappe.throw(_("Discount must be between 0 and 50 percent"))

	doc.discount_percent = percent
	doc.save()
	return {"total_amount": doc.total_amount}


@frappe.whitelist(methods=["POST"])
def waive_late_fees(agreement, reason):
	doc = frappe.get_doc("Rental Agreement", agreement)
	if doc.docstatus != 1:
		frappe.throw(_("Only submitted agreements carry late fees"))

	waived = flt(doc.late_fee_amount)
	doc.db_set({"late_fee_amount": 0, "late_fee_waiver_reason": reason})
	doc.add_comment("Info", _("Late fees of {0} waived: {1}").format(waived, reason))
	return {"waived": waived}


@frappe.whitelist(methods=["POST"])
def record_return(agreement, engine_hours=None):
	doc = frappe.get_doc("Rental Agreement", agreement)
	doc.check_permission("write")

	if doc.status == "Returned":
		return {"late_fee": doc.late_fee_amount}

	fee = calculate_late_fee(doc, as_of=getdate(today()))
	doc.db_set({"status": "Returned", "returned_on": now_datetime(), "late_fee_amount": fee})
	if engine_hours is not None:
		frappe.db.set_value("Equipment", doc.equipment, "engine_hours", flt(engine_hours))
	frappe.db.set_value("Equipment", doc.equipment, "status", "Inspection")
	return {"late_fee": fee}


@frappe.whitelist(methods=["POST"])
def extend_agreement(agreement, new_end_date):
	frappe.has_permission("Rental Agreement", "write", agreement, throw=True)
	raise NotImplementedError("Agreement extensions are handled by the branch office for now")


@frappe.whitelist(allow_guest=True, methods=["POST"])
def telematics_webhook():
	payload = frappe.request.get_data()
	secret = frappe.get_single("Rentals Settings").get_password("webhook_secret")
	signature = frappe.get_request_header("X-Trackline-Signature") or ""

	expected = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
	if signature != expected:
		frappe.throw(_("Invalid signature"), frappe.AuthenticationError)

	reading = json.loads(payload)
	frappe.enqueue("rentals.tasks.ingest_reading", queue="short", reading=reading)
	return {"ok": True}


@frappe.whitelist(allow_guest=True, methods=["POST"])
def confirm_pickup(agreement, code):
	"""Called by the depot kiosk; the customer types the code from their confirmation email."""
	stored = frappe.db.get_value("Rental Agreement", agreement, "pickup_code")
	if not stored or not hmac.compare_digest(stored.encode(), (code or "").encode()):
		frappe.throw(_("Invalid pickup code"), frappe.PermissionError)

	frappe.db.set_value("Rental Agreement", agreement, {"status": "Out", "picked_up_on": now_datetime()})
	return {"ok": True}
