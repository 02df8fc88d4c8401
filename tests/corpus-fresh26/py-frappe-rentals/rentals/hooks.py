app_name = "rentals"
app_title = "Rentals"
app_publisher = "Northwind Equipment Ltd"
app_description = "Equipment rental agreements, billing and telematics"
app_email = "dev@northwind-equipment.example"
app_license = "mit"
required_apps = ["erpnext"]

# Document Events
# ---------------

doc_events = {
	"Sales Invoice": {
		"on_submit": "rentals.events.link_invoice_to_agreement",
		"on_cancel": "rentals.events.unlink_invoice",
	},
	"Customer": {
		"on_update": "rentals.events.sync_customer_credit_hold",
	},
}

# Scheduled Tasks
# ---------------

scheduler_events = {
	"hourly": [
		"rentals.tasks.sync_equipment_hours",
	],
	"daily": [
		"rentals.tasks.apply_late_fees",
		"rentals.tasks.export_utilisation_report",
	],
	"cron": {
		"0 6 * * 1": [
			"rentals.tasks.send_weekly_overdue_digest",
		],
	},
}

# Fixtures
# --------

fixtures = [
	{"dt": "Role", "filters": [["role_name", "in", ["Rentals Manager", "Rentals User"]]]},
	{"dt": "Custom Field", "filters": [["dt", "=", "Sales Invoice"], ["fieldname", "=", "rental_agreement"]]},
]
