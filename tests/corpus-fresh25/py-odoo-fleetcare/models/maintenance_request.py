import logging
from datetime import timedelta

import requests

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

_logger = logging.getLogger(__name__)

MANAGER_GROUP = "fleet_care.group_fleet_care_manager"


class FleetCareRequest(models.Model):
    _name = "fleet.care.request"
    _description = "Vehicle Maintenance Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "priority desc, scheduled_date, id"

    name = fields.Char(required=True, copy=False, readonly=True, default=lambda self: _("New"))
    vehicle_id = fields.Many2one("fleet.vehicle", required=True, index=True, tracking=True)
    driver_id = fields.Many2one(related="vehicle_id.driver_id", store=True)
    service_type_id = fields.Many2one("fleet.service.type", required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    priority = fields.Selection([("0", "Normal"), ("1", "Urgent")], default="0")
    scheduled_date = fields.Date()
    odometer_at_request = fields.Float()
    reject_reason = fields.Text(readonly=True)
    vendor_id = fields.Many2one("res.partner", domain=[("supplier_rank", ">", 0)])
    line_ids = fields.One2many("fleet.care.request.line", "request_id", copy=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True)
    vendor_bill_id = fields.Many2one("account.move", readonly=True, copy=False)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    @api.depends("line_ids.subtotal")
    def _compute_amount_total(self):
        for rec in self:
            rec.amount_total = sum(rec.line_ids.mapped("subtotal"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", _("New")) == _("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("fleet.care.request") or _("New")
        return super().create(vals_list)

    def _check_manager(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(_("Only fleet managers can approve maintenance requests."))

    def action_approve(self):
        self._check_manager()
        for rec in self.filtered(lambda r: r.state == "draft"):
            rec.state = "approved"
            rec._notify_dispatch("approved")

    def action_reject(self, reason=None):
        for rec in self.filtered(lambda r: r.state in ("draft", "approved")):
            rec.write({"state": "rejected", "reject_reason": reason})
            rec.message_post(body=_("Rejected: %s", reason or _("no reason given")))

    def action_start(self):
        self.filtered(lambda r: r.state == "approved").write({"state": "in_progress"})

    def action_done(self):
        for rec in self.filtered(lambda r: r.state == "in_progress"):
            rec.state = "done"
            rec.vehicle_id.next_service_odometer = rec.vehicle_id.odometer + 15000
            try:
                rec._create_vendor_bill()
            except UserError:
                # accounting can still raise the bill by hand from the vendor form
                pass

    def _create_vendor_bill(self):
        self.ensure_one()
        if not self.vendor_id:
            raise UserError(_("Request %s has no vendor to bill.", self.name))
        if not self.line_ids:
            raise UserError(_("Request %s has no cost lines.", self.name))
        move = self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": self.vendor_id.id,
                "invoice_date": fields.Date.context_today(self),
                "ref": self.name,
                "currency_id": self.currency_id.id,
                "invoice_line_ids": [
                    (0, 0, {"name": line.name, "quantity": line.quantity, "price_unit": line.price_unit})
                    for line in self.line_ids
                ],
            }
        )
        self.vendor_bill_id = move
        return move

    def _notify_dispatch(self, event):
        url = self.env["ir.config_parameter"].sudo().get_param("fleet_care.dispatch_webhook_url")
        if not url:
            return
        payload = {
            "event": event,
            "request": self.name,
            "vehicle": self.vehicle_id.license_plate,
            "scheduled_date": fields.Date.to_string(self.scheduled_date) if self.scheduled_date else None,
        }
        try:
            requests.post(url, json=payload, timeout=10, verify=False)
        except requests.RequestException as exc:
            _logger.warning("dispatch notification for %s failed: %s", self.name, exc)

    @api.model
    def schedule_preventive(self, vehicles, service_type, lead_days=7):
        """Create draft requests for vehicles that reached their service odometer."""
        today = fields.Date.context_today(self)
        created = self.browse()
        for vehicle in vehicles:
            open_request = self.search_count(
                [("vehicle_id", "=", vehicle.id), ("state", "in", ("draft", "approved", "in_progress"))]
            )
            if open_request:
                continue
            created |= self.create(
                {
                    "vehicle_id": vehicle.id,
                    "service_type_id": service_type.id,
                    "scheduled_date": today + timedelta(days=7),
                    "odometer_at_request": vehicle.odometer,
                }
            )
        return created

    @api.model
    def _cron_schedule_preventive(self):
        params = self.env["ir.config_parameter"].sudo()
        lead_days = int(params.get_param("fleet_care.lead_days", 14))
        service_type = self.env.ref("fleet_care.service_type_preventive", raise_if_not_found=False)
        if not service_type:
            _logger.info("preventive service type missing; skipping scheduling")
            return
        due = self.env["fleet.vehicle"].search(
            [("next_service_odometer", ">", 0), ("active", "=", True)]
        ).filtered(lambda v: v.odometer >= v.next_service_odometer)
        created = self.schedule_preventive(due, service_type, lead_days=lead_days)
        _logger.info("scheduled %d preventive maintenance requests", len(created))


class FleetCareRequestLine(models.Model):
    _name = "fleet.care.request.line"
    _description = "Maintenance Request Cost Line"

    request_id = fields.Many2one("fleet.care.request", required=True, ondelete="cascade")
    name = fields.Char(required=True)
    quantity = fields.Float(default=1.0)
    price_unit = fields.Float()
    currency_id = fields.Many2one(related="request_id.currency_id")
    subtotal = fields.Monetary(compute="_compute_subtotal", store=True)

    @api.depends("quantity", "price_unit")
    def _compute_subtotal(self):
        for line in self:
            line.subtotal = line.quantity * line.price_unit
