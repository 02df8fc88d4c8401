import frappe
from frappe.utils import date_diff, flt, today

GRACE_DAYS = 1


def _rate_for(equipment, customer_group):
	rate = flt(frappe.db.get_value("Equipment", equipment, "daily_rate"))
	if not customer_group:
		return rate

	discount = frappe.db.get_value(
		"Rental Group Discount",
		{"parent": equipment, "customer_group": customer_group},
		"discount_percent",
	)
	return rate * (1 - flt(discount) / 100)


def quote_rent(equipment, start_date, end_date, customer_group=None):
	"""Price a rental of `equipment` between two dates (inclusive)."""
	days = max(date_diff(end_date, start_date) + 1, 1)
	rate = _rate_for(equipment, customer_group)
	return {"days": days, "daily_rate": rate, "total": flt(rate * days, 2)}


def calculate_late_fee(agreement, as_of=None):
	"""Late fee owed on `agreement` for days past its end date as of `as_of`."""
	overdue_days = date_diff(today(), agreement.end_date) - GRACE_DAYS
	if overdue_days <= 0:
		return 0.0
	multiplier = flt(agreement.late_fee_multiplier) or 1.5
	return flt(overdue_days * flt(agreement.daily_rate) * multiplier, 2)
