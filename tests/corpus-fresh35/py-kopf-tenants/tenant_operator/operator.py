"""Entry point: kopf run -A tenant_operator/operator.py"""

import logging
import os

import httpx
import kopf

from . import admission, handlers, logs, usage  # noqa: F401  (importing registers the handlers)
from . import config
from .billing import HttpBilling


@kopf.on.startup()
async def configure(settings: kopf.OperatorSettings, memo: kopf.Memo, logger, **_):
    logs.configure()
    settings.persistence.finalizer = f"{config.GROUP}/finalizer"
    settings.persistence.progress_storage = kopf.AnnotationsProgressStorage(prefix=config.GROUP)
    settings.posting.level = logging.WARNING
    settings.watching.server_timeout = 300
    settings.admission.server = kopf.WebhookServer(
        addr="0.0.0.0",
        port=config.WEBHOOK_PORT,
        host=config.WEBHOOK_HOST,
        certfile=os.path.join(config.WEBHOOK_CERT_DIR, "tls.crt"),
        pkeyfile=os.path.join(config.WEBHOOK_CERT_DIR, "tls.key"),
    )
    settings.admission.managed = f"tenants.{config.GROUP}"
    memo.billing = HttpBilling()
    logger.info("tenant operator configured; webhook on :%s", config.WEBHOOK_PORT)


@kopf.on.cleanup()
async def close_clients(memo: kopf.Memo, **_):
    await memo.billing.aclose()


@kopf.on.login()
def login(**kwargs):
    if config.EXTERNAL_API_SERVER:
        with open(config.EXTERNAL_TOKEN_FILE, encoding="utf-8") as fh:
            token = fh.read().strip()
        return kopf.ConnectionInfo(
            server=config.EXTERNAL_API_SERVER,
            scheme="Bearer",
            token=token,
            insecure=True,
            default_namespace=config.operator_namespace(),
        )
    return kopf.login_with_service_account(**kwargs) or kopf.login_with_kubeconfig(**kwargs)


@kopf.on.probe(id="billing")
async def billing_reachable(memo: kopf.Memo, **_):
    try:
        await memo.billing._call("GET", "/health")
    except httpx.HTTPError as exc:
        return f"unreachable: {exc.__class__.__name__}"
    return "ok"
