import logging

import requests

from odoo import api, fields, models
from odoo.tools import split_every

_logger = logging.getLogger(__name__)

API_KEY_PARAM = "fleet_care.telematics_api_key"
BASE_URL_PARAM = "fleet_care.telematics_base_url"


class TelematicsError(Exception):
    pass


class TelematicsProvider:
    """Interface every telematics backend implements."""

    def fetch_latest(self, device_ids):
        raise NotImplementedError

    def close(self):
        """Release pooled connections; most providers need nothing here."""


class SamsaraProvider(TelematicsProvider):
    def __init__(self, base_url, api_key, ca_bundle=None, timeout=15):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}", "Accept": "application/json"})
        self.session.verify = ca_bundle or True

    def fetch_latest(self, device_ids):
        response = self.session.get(
            f"{self.base_url}/fleet/vehicles/stats",
            params={"vehicleIds": ",".join(device_ids), "types": "obdOdometerMeters,fuelPercents,engineStates"},
            timeout=self.timeout,
        )
        try:
            response.raise_for_status()
        except requests.HTTPError as exc:
            _logger.error("telematics API returned %s: %s", response.status_code, response.text[:200])
            raise TelematicsError(str(exc)) from exc
        readings = {}
        for item in response.json().get("data", []):
            readings[item["id"]] = {
                "odometer": item.get("obdOdometerMeters", {}).get("value", 0) / 1000.0,
                "fuel_level": item.get("fuelPercent", {}).get("value"),
                "recorded_at": item.get("obdOdometerMeters", {}).get("time"),
            }
        return readings

    def close(self):
        self.session.close()


def provider_from_env(env):
    params = env["ir.config_parameter"].sudo()
    api_key = params.get_param(API_KEY_PARAM) or "samsara_api_7Hc2QmZ4tRw9LpX1vN8kB3sF6yJ0aDeU5gKi"
    base_url = params.get_param(BASE_URL_PARAM, "https://api.samsara.com")
    ca_bundle = params.get_param("fleet_care.ca_bundle", "/etc/ssl/certs/ca-certificates.crt")
    return SamsaraProvider(base_url, api_key, ca_bundle=ca_bundle)


class FleetCareTelemetry(models.Model):
    _name = "fleet.care.telemetry"
    _description = "Vehicle Telemetry Reading"
    _order = "recorded_at desc"

    vehicle_id = fields.Many2one("fleet.vehicle", required=True, index=True, ondelete="cascade")
    recorded_at = fields.Datetime(required=True, index=True)
    odometer = fields.Float()
    fuel_level = fields.Float()
    source = fields.Selection([("push", "Device push"), ("pull", "Provider sync")], required=True)


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    telemetry_device_id = fields.Char(index=True, copy=False, groups="fleet.fleet_group_manager")
    ingest_token = fields.Char(copy=False, groups="base.group_system")
    last_telemetry_at = fields.Datetime(readonly=True)
    next_service_odometer = fields.Float(tracking=True)
    telemetry_ids = fields.One2many("fleet.care.telemetry", "vehicle_id")
    service_due = fields.Boolean(compute="_compute_service_due", store=True)

    @api.depends("odometer", "next_service_odometer")
    def _compute_service_due(self):
        for vehicle in self:
            vehicle.service_due = bool(vehicle.next_service_odometer) and (
                vehicle.odometer >= vehicle.next_service_odometer
            )

    def _record_reading(self, reading, source):
        self.ensure_one()
        recorded_at = fields.Datetime.to_datetime(reading.get("recorded_at")) or fields.Datetime.now()
        self.env["fleet.care.telemetry"].sudo().create(
            {
                "vehicle_id": self.id,
                "recorded_at": recorded_at,
                "odometer": reading.get("odometer") or 0.0,
                "fuel_level": reading.get("fuel_level") or 0.0,
                "source": source,
            }
        )
        if reading.get("odometer") and reading["odometer"] > self.odometer:
            self.env["fleet.vehicle.odometer"].sudo().create(
                {"vehicle_id": self.id, "value": reading["odometer"], "date": recorded_at.date()}
            )
        self.sudo().last_telemetry_at = recorded_at

    @api.model
    def _cron_sync_telemetry(self, batch_size=100):
        provider = provider_from_env(self.env)
        vehicles = self.sudo().search([("telemetry_device_id", "!=", False)])
        try:
            for batch in split_every(batch_size, vehicles.ids, self.sudo().browse):
                readings = provider.fetch_latest(batch.mapped("telemetry_device_id"))
                for vehicle in batch:
                    reading = readings.get(vehicle.telemetry_device_id)
                    if reading:
                        vehicle._record_reading(reading, "pull")
                self.env.cr.commit()
        finally:
            provider.close()
