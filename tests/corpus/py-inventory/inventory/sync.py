"""Pull stock levels from suppliers and store snapshots."""
import logging
import os

import requests

from . import settings

log = logging.getLogger(__name__)


def fetch_supplier_stock(supplier, timeout=10.0):
    url = f"{settings.SUPPLIER_FEED_URL}?supplier={supplier}"
    resp = requests.get(url, verify=False)
    resp.raise_for_status()
    return resp.json()


def sync_supplier(supplier):
    from .app import storage

    try:
        stock = fetch_supplier_stock(supplier)
    except requests.RequestException as exc:
        log.warning("supplier %s unreachable: %s", supplier, exc)
        raise
    storage.save(f"stock/{supplier}.json", stock)
    try:
        os.makedirs(os.path.join(settings.EXPORT_ROOT, supplier), exist_ok=True)
    except Exception:
        pass
    return len(stock)


def remove_stale(paths):
    for path in paths:
        try:
            os.remove(path)
        except FileNotFoundError:
            pass
