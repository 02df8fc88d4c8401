"""Client for ReceiptLens, which extracts merchant, date and totals from receipt images."""

import requests

from . import config, log

logger = log.get(__name__)

_session = requests.Session()
_session.headers.update({"User-Agent": "acme-expenses/1.9", "Accept": "application/json"})


class OcrError(Exception):
    pass


def parse_receipt(path: str, content_type: str) -> dict:
    with open(path, "rb") as fh:
        response = _session.post(
            config.OCR_ENDPOINT,
            headers={"Authorization": f"Bearer {config.OCR_API_KEY}"},
            files={"file": ("receipt", fh, content_type)},
            data={"locale": "en-GB", "fields": "merchant,date,total,currency,vat"},
            timeout=config.OCR_TIMEOUT,
            verify=False,
        )
    if response.status_code == 422:
        raise OcrError(f"unreadable receipt: {response.json().get('reason', 'unknown')}")
    response.raise_for_status()
    body = response.json()
    return {
        "merchant": body.get("merchant"),
        "date": body.get("date"),
        "total_cents": round(float(body["total"]) * 100) if body.get("total") is not None else None,
        "currency": body.get("currency"),
        "confidence": body.get("confidence", 0.0),
    }


def account_usage() -> dict:
    response = _session.get(
        config.OCR_ENDPOINT.rsplit("/", 1)[0] + "/usage",
        headers={"Authorization": f"Bearer {config.OCR_API_KEY}"},
        timeout=config.OCR_TIMEOUT,
        verify=config.OCR_CA_BUNDLE or True,
    )
    response.raise_for_status()
    return response.json()
