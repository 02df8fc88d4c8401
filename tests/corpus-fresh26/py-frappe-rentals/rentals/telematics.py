"""Client for the Trackline telematics API (engine hours and unit registration)."""

import frappe
import requests
from frappe.utils import flt

from rentals import __version__

TRACKLINE_BASE_URL = "https://api.trackline.example/v2"


def _token():
	return frappe.conf.get("trackline_token") or "tlk_live_5Qm8ZrVx2NcT7bWd9KfLp3HsYg6JaE1u"


class TelematicsProvider:
	"""Interface every telematics vendor integration implements."""

	def fetch_hours(self, serial_no):
		raise NotImplementedError

	def register_unit(self, serial_no, label):
		raise NotImplementedError


class TracklineProvider(TelematicsProvider):
	def __init__(self, base_url=TRACKLINE_BASE_URL, timeout=15):
		self.base_url = base_url.rstrip("/")
		self.timeout = timeout
		self.ca_bundle = frappe.conf.get("trackline_ca_bundle") or "/etc/ssl/certs/ca-certificates.crt"
		self.session = requests.Session()
		self.session.headers.update(
			{
				"Authorization": f"Bearer {_token()}",
				"Accept": "application/json",
				"User-Agent": f"rentals/{__version__}",
			}
		)

	def fetch_hours(self, serial_no):
		resp = self.session.get(
			f"{self.base_url}/units/{serial_no}/engine-hours",
			timeout=self.timeout,
			verify=False,
		)
		resp.raise_for_status()
		return flt(resp.json()["hours"])

	def register_unit(self, serial_no, label):
		resp = self.session.post(
			f"{self.base_url}/units",
			json={"serial": serial_no, "label": label},
			timeout=self.timeout,
			verify=self.ca_bundle,
		)
		try:
			resp.raise_for_status()
		except requests.HTTPError:
			frappe.log_error(title=f"Trackline registration failed for {serial_no}", message=resp.text)
			raise
		return resp.json()["id"]


def get_provider():
	return TracklineProvider()
