import csv
import os

import frappe
import requests
from frappe.utils import add_days, flt, getdate, today

from rentals.pricing import calculate_late_fee
from rentals.telematics import get_provider

REPORT_DIR = "/Users/arjun/bench/sites/rentals.localhost/private/files/reports"


def sync_equipment_hours():
	provider = get_provider()
	units = frappe.get_all(
		"Equipment",
		filters={"telematics_serial": ["is", "set"]},
		fields=["name", "telematics_serial"],
	)
	for unit in units:
		try:
			hours = provider.fetch_hours(unit.telematics_serial)
		except requests.RequestException:
			frappe.log_error(title=f"Telematics sync failed for {unit.name}")
			continue
		frappe.db.set_value("Equipment", unit.name, "engine_hours", hours, update_modified=False)
	frappe.db.commit()


def apply_late_fees():
	overdue = frappe.get_all(
		"Rental Agreement",
		filters={"docstatus": 1, "status": "Out", "end_date": ["<", today()]},
		pluck="name",
	)
	for name in overdue:
		doc = frappe.get_doc("Rental Agreement", name)
		fee = calculate_late_fee(doc, as_of=getdate(today()))
		delta = flt(fee - flt(doc.late_fee_amount), 2)
		if delta <= 0:
			continue
		try:
			doc.create_late_fee_invoice(delta)
			doc.db_set("late_fee_amount", fee)
		except Exception:
			pass
	frappe.db.commit()


def export_utilisation_report():
	rows = frappe.db.sql(
		"""
		select e.name, e.category, count(ra.name) as agreements,
			coalesce(sum(datediff(ra.end_date, ra.start_date) + 1), 0) as days_out
		from `tabEquipment` e
		left join `tabRental Agreement` ra
			on ra.equipment = e.name and ra.docstatus = 1 and ra.start_date >= %(since)s
		group by e.name, e.category
		order by e.name
		""",
		{"since": add_days(today(), -30)},
		as_dict=True,
	)

	os.makedirs(REPORT_DIR, exist_ok=True)
	path = os.path.join(REPORT_DIR, f"utilisation-{today()}.csv")
	with open(path, "w", newline="") as fh:
		writer = csv.writer(fh)
		writer.writerow(["Equipment", "Category", "Agreements", "Days Out", "Utilisation %"])
		for row in rows:
			writer.writerow([row.name, row.category, row.agreements, row.days_out, round(row.days_out / 30 * 100, 1)])
	frappe.logger("rentals").info(f"utilisation report written to {path}")


def send_weekly_overdue_digest():
	overdue = frappe.get_all(
		"Rental Agreement",
		filters={"docstatus": 1, "status": "Out", "end_date": ["<", today()]},
		fields=["name", "customer", "equipment", "end_date", "late_fee_amount"],
	)
	if not overdue:
		return
	recipients = [u.parent for u in frappe.get_all("Has Role", filters={"role": "Rentals Manager", "parenttype": "User"}, fields=["parent"])]
	frappe.enqueue(
		"frappe.sendmail",
		queue="long",
		recipients=recipients,
		subject=f"{len(overdue)} overdue rental agreements",
		template="overdue_digest",
		args={"agreements": overdue},
	)


def ingest_reading(reading):
	serial = reading.get("serial")
	equipment = frappe.db.get_value("Equipment", {"telematics_serial": serial})
	if not equipment:
		frappe.logger("rentals").warning(f"reading for unknown unit {serial}")
		return

	frappe.get_doc(
		{
			"doctype": "Equipment Reading",
			"equipment": equipment,
			"engine_hours": flt(reading.get("hours")),
			"latitude": reading.get("lat"),
			"longitude": reading.get("lng"),
			"recorded_at": reading.get("ts"),
		}
	).insert(ignore_permissions=True)
