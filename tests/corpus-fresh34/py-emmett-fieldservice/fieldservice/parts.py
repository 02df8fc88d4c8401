from __future__ import annotations

import logging

import httpx

from . import settings

log = logging.getLogger("fieldservice.parts")


def supplier_client() -> httpx.Client:
    # SUPPLIER_CA_BUNDLE points at the supplier's private CA when their sandbox is used;
    # otherwise the system trust store applies.
    return httpx.Client(
        base_url=settings.SUPPLIER_API_URL,
        headers={"X-Api-Key": settings.SUPPLIER_API_KEY},
        timeout=15.0,
        verify=settings.SUPPLIER_CA_BUNDLE or True,
    )


def order_part(sku: str, quantity: int, work_order_ref: str) -> str:
    with supplier_client() as client:
        resp = client.post(
            "/orders",
            json={"sku": sku, "quantity": quantity, "customer_reference": work_order_ref},
        )
        resp.raise_for_status()
        ref = resp.json()["order_number"]
    log.info("ordered %sx %s for %s as %s", quantity, sku, work_order_ref, ref)
    return ref


def stock_level(sku: str) -> int:
    with supplier_client() as client:
        resp = client.get(f"/stock/{sku}")
        if resp.status_code == 404:
            return 0
        resp.raise_for_status()
        return int(resp.json()["available"])
