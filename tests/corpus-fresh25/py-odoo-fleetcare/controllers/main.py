import logging

from werkzeug.exceptions import Forbidden, NotFound

from odoo import _, http
from odoo.exceptions import AccessError
from odoo.http import request

_logger = logging.getLogger(__name__)

MANAGER_GROUP = "fleet_care.group_fleet_care_manager"
DVIR_TEMPLATE_PATH = "/home/vkrishnan/odoo17/custom_addons/fleet_care/static/src/dvir_template.xlsx"


class FleetCareController(http.Controller):
    def _ensure_manager(self):
        if not request.env.user.has_group(MANAGER_GROUP):
            raise AccessError(_("Only fleet managers can do that."))

    @http.route("/fleet_care/health", type="http", auth="none", methods=["GET"], csrf=False)
    def health(self, **kw):
        return request.make_json_response({"status": "ok", "module": "fleet_care"})

    @http.route("/fleet_care/telemetry/ingest", type="json", auth="none", methods=["POST"], csrf=False)
    def ingest(self, device_id, readings):
        token = request.httprequest.headers.get("X-Device-Token", "")
        vehicle = (
            request.env["fleet.vehicle"]
            .sudo()
            .search([("telemetry_device_id", "=", device_id)], limit=1)
        )
        if not vehicle or not vehicle.ingest_token or vehicle.ingest_token != token:
            _logger.warning("telemetry push rejected for device %s", device_id)
            raise Forbidden()
        accepted = 0
        for reading in readings[:500]:
            try:
                reading["odometer"] = float(reading.get("odometer") or 0.0)
                reading["fuel_level"] = float(reading.get("fuel_level") or 0.0)
            except (TypeError, ValueError):
                return {"accepted": accepted, "error": "odometer and fuel_level must be numeric"}
            vehicle._record_reading(reading, "push")
            accepted += 1
        return {"accepted": accepted}

    @http.route("/fleet_care/requests", type="json", auth="user", methods=["POST"])
    def list_requests(self, state=None, limit=50):
        domain = [("state", "=", state)] if state else []
        records = request.env["fleet.care.request"].search(domain, limit=min(int(limit), 200))
        return records.read(["name", "vehicle_id", "state", "scheduled_date", "amount_total"])

    @http.route(
        "/fleet_care/requests/<int:request_id>/approve", type="json", auth="user", methods=["POST"]
    )
    def approve(self, request_id):
        self._ensure_manager()
        record = request.env["fleet.care.request"].browse(request_id).exists()
        if not record:
            raise NotFound()
        record.action_approve()
        return {"state": record.state}

    @http.route(
        "/fleet_care/requests/<int:request_id>/reject", type="json", auth="user", methods=["POST"]
    )
    def reject(self, request_id, reason=None):
        record = request.env["fleet.care.request"].sudo().browse(request_id).exists()
        if not record:
            raise NotFound()
        record.action_reject(reason)
        return {"state": record.state}

    @http.route(
        "/fleet_care/vehicles/<int:vehicle_id>/history", type="json", auth="user", methods=["POST"]
    )
    def vehicle_history(self, vehicle_id, **kw):
        raise NotImplementedError(_("Telemetry history export is coming with the v2 provider API."))

    @http.route("/fleet_care/vehicles/<int:vehicle_id>/documents", type="http", auth="public")
    def vehicle_documents(self, vehicle_id, **kw):
        attachments = (
            request.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "fleet.vehicle"), ("res_id", "=", vehicle_id)])
        )
        return request.make_json_response(
            [
                {"id": a.id, "name": a.name, "url": f"/web/content/{a.id}?download=true&access_token={a.generate_access_token()[0]}"}
                for a in attachments
            ]
        )

    @http.route("/fleet_care/dvir/template", type="http", auth="user", methods=["GET"])
    def dvir_template(self):
        with open(DVIR_TEMPLATE_PATH, "rb") as fh:
            data = fh.read()
        return request.make_response(
            data,
            headers=[
                ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ("Content-Disposition", 'attachment; filename="dvir_template.xlsx"'),
            ],
        )
