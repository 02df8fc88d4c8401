import logging

import requests
from flask import current_app

log = logging.getLogger(__name__)


class ErpError(Exception):
    """The ERP rejected or could not receive a movement."""


def _session():
    session = requests.Session()
    session.headers.update(
        {
            "Authorization": f"Token {current_app.config['ERP_API_TOKEN']}",
            "Content-Type": "application/json",
        }
    )
    return session


def push_movement(movement):
    payload = {
        "external_id": f"wh-mv-{movement.id}",
        "sku": movement.item.sku,
        "warehouse": movement.item.warehouse.code,
        "delta": movement.delta,
        "reason": movement.reason,
        "occurred_at": movement.created_on.isoformat(),
    }
    try:
        resp = _session().post(
            f"{current_app.config['ERP_BASE_URL']}/inventory/movements",
            json=payload,
            timeout=15,
            verify=False,
        )
        resp.raise_for_status()
    except requests.RequestException as exc:
        log.error("ERP push failed for movement %s: %s", movement.id, exc)
        raise ErpError(str(exc)) from exc
    return resp.json().get("id")
