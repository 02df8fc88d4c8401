"""Client for the Harbour Hotels reservation API."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any, Dict, List, Optional

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from actions import settings

logger = logging.getLogger(__name__)


class HotelApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status


class HotelApiClient:
    def __init__(self, base_url: str = settings.HOTEL_API_URL, token: str = settings.HOTEL_API_TOKEN) -> None:
        self.base_url = base_url
        self.session = requests.Session()
        self.session.verify = settings.HOTEL_API_CA_BUNDLE
        self.session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})
        retry = Retry(total=2, backoff_factor=0.3, status_forcelist=(502, 503, 504), allowed_methods=("GET",))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def _request(self, method: str, path: str, **kwargs: Any) -> Dict[str, Any]:
        resp = self.session.request(method, f"{self.base_url}{path}", timeout=settings.HOTEL_API_TIMEOUT, **kwargs)
        if resp.status_code == 404:
            raise HotelApiError(404, "not found")
        if resp.status_code >= 400:
            raise HotelApiError(resp.status_code, resp.text[:200])
        return resp.json() if resp.content else {}

    def find_guest(self, phone: str) -> Optional[Dict[str, Any]]:
        try:
            return self._request("GET", "/guests", params={"phone": phone})
        except HotelApiError as err:
            if err.status == 404:
                return None
            raise

    def send_sms(self, phone: str, text: str) -> None:
        self._request("POST", "/notifications/sms", json={"to": phone, "from": settings.SMS_SENDER, "text": text})

    def get_booking(self, reference: str, guest_email: str) -> Dict[str, Any]:
        return self._request("GET", f"/bookings/{reference.upper()}")

    def list_bookings(self, guest_id: str) -> List[Dict[str, Any]]:
        return self._request("GET", f"/guests/{guest_id}/bookings").get("items", [])

    def cancel_booking(self, reference: str, reason: str) -> Dict[str, Any]:
        return self._request("POST", f"/bookings/{reference.upper()}/cancel", json={"reason": reason, "channel": "assistant"})

    def change_dates(self, reference: str, checkin: date, checkout: date) -> Dict[str, Any]:
        return self._request(
            "POST",
            f"/bookings/{reference.upper()}/dates",
            json={"checkin": checkin.isoformat(), "checkout": checkout.isoformat()},
        )

    def send_confirmation_email(self, reference: str, template: str) -> None:
        self._request("POST", f"/bookings/{reference.upper()}/emails", json={"template": template})

    def hotel_info(self, hotel_code: str) -> Dict[str, Any]:
        return self._request("GET", f"/hotels/{hotel_code}")
