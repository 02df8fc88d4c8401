"""notifyctl: operator CLI talking to the notifications service over AMQP."""
from __future__ import annotations

import json
import logging
import os
import ssl
import sys

import plac
from nameko.standalone.rpc import ClusterRpcProxy

log = logging.getLogger("notifyctl")

DEFAULT_AMQP = os.environ.get("AMQP_URI", "amqp://guest:guest@localhost:5672/")


def _config(amqp_uri: str, insecure: bool) -> dict:
    cert_reqs = ssl.CERT_NONE if insecure else ssl.CERT_REQUIRED
    if insecure:
        log.warning("--insecure: broker certificate will not be verified")
    return {
        "AMQP_URI": amqp_uri,
        "AMQP_SSL": {"cert_reqs": cert_reqs} if amqp_uri.startswith("amqps://") else None,
    }


@plac.pos("command", "action to run", choices=["resend", "recent", "purge"])
@plac.pos("target", "delivery id (resend) or user id (recent, purge)", type=int)
@plac.opt("amqp_uri", "broker URI", abbrev="a")
@plac.opt("token", "service token to present", abbrev="t")
@plac.opt("since", "only show deliveries created after this ISO-8601 date", abbrev="s")
@plac.opt("limit", "max rows for recent", type=int, abbrev="n")
@plac.flg("insecure", "do not verify the broker TLS certificate", abbrev="k")
@plac.flg("verbose", "debug logging", abbrev="v")
def main(command, target, amqp_uri=DEFAULT_AMQP, token=None, since=None, limit=20, insecure=False, verbose=False):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)
    token = token or os.environ.get("NOTIFY_SERVICE_TOKEN")
    if not token:
        raise SystemExit("a service token is required (--token or NOTIFY_SERVICE_TOKEN)")

    with ClusterRpcProxy(_config(amqp_uri, insecure), context_data={"service_token": token}) as cluster:
        svc = cluster.notifications
        if command == "resend":
            result = svc.resend(target)
        elif command == "recent":
            result = svc.recent(target, limit=limit)
        else:
            result = svc.purge_user_data(target)
    json.dump(result, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")


def run():
    plac.call(main)


if __name__ == "__main__":
    run()
