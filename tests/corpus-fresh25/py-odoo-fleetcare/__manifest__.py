# Copyright 2024 Northwind Logistics
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Fleet Care",
    "summary": "Maintenance requests, vendor billing and telematics ingest for Fleet",
    "version": "17.0.1.3.0",
    "category": "Human Resources/Fleet",
    "author": "Northwind Logistics IT",
    "website": "https://github.com/northwind-logistics/odoo-addons",
    "license": "LGPL-3",
    "depends": ["fleet", "account", "mail"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/fleet_care_security.xml",
        "security/ir.model.access.csv",
        "data/fleet_care_data.xml",
    ],
    "installable": True,
    "application": False,
}
