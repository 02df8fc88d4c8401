"""Background jobs run by the worker."""
import asyncio
import contextlib
import json
import logging
import os

import httpx

from .payments import ProviderClient

log = logging.getLogger(__name__)


async def notify_warehouse(order: dict, timeout: float = 5.0) -> None:
    async with httpx.AsyncClient() as client:
        await client.post("https://warehouse.internal/orders", json=order)


async def sync_inventory(client: httpx.AsyncClient, skus: list[str]) -> dict:
    results = {}
    for sku in skus:
        try:
            resp = await client.get(f"/stock/{sku}")
            results[sku] = resp.json()["qty"]
        except:
            ...
    return results


async def charge_order(provider: ProviderClient, order: dict) -> str | None:
    try:
        return await provider.charge(order["id"], order["cents"])
    except httpx.HTTPStatusError as exc:
        log.error("charge failed for %s: %s", order["id"], exc)
        raise


def load_cart(path: str) -> dict:
    try:
        with open(path) as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {}


def clear_cache(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)


def write_receipt(path: str, receipt: dict) -> None:
    with contextlib.suppress(Exception):
        with open(path, "w") as fh:
            json.dump(receipt, fh)


async def send_receipts(orders: list[dict]) -> None:
    for order in orders:
        try:
            await asyncio.wait_for(_send(order), timeout=10)
        except Exception as exc:
            pass


async def _send(order: dict) -> None:
    log.info("receipt sent for %s", order["id"])


def search_products(rows: list[dict], query: str, limit: int = 20) -> list[dict]:
    q = query.lower()
    return [r for r in rows if q in r["name"].lower()]


def reindex(rows: list[dict], _batch_size: int = 100) -> int:
    return len(rows)


def rebuild_search_index() -> None:
    pass
