import asyncio

import httpx
import kopf
from kubernetes.utils import parse_quantity

from . import config, k8s


def sample_requests(namespace: str) -> tuple[float, float]:
    """Sum of CPU cores and memory GiB requested by running pods."""
    cpu = 0.0
    mem = 0.0
    pods = k8s.core().list_namespaced_pod(namespace=namespace, field_selector="status.phase=Running")
    for pod in pods.items:
        for container in pod.spec.containers:
            requests = (container.resources and container.resources.requests) or {}
            cpu += float(parse_quantity(requests.get("cpu", "0")))
            mem += float(parse_quantity(requests.get("memory", "0"))) / 2**30
    return cpu, mem


@kopf.daemon(config.GROUP, config.VERSION, config.PLURAL, initial_delay=30, cancellation_timeout=10)
async def meter_usage(name, status, stopped: kopf.DaemonStopped, memo: kopf.Memo, logger, **_):
    namespace = status.get("namespace")
    if not namespace:
        return
    hours = config.USAGE_INTERVAL / 3600
    pending_cpu = pending_mem = 0.0
    while not stopped:
        cpu, mem = await asyncio.to_thread(sample_requests, namespace)
        pending_cpu += cpu * hours
        pending_mem += mem * hours
        try:
            await memo.billing.report_usage(name, pending_cpu, pending_mem)
        except httpx.HTTPError as exc:
            # Kept in pending_* and sent with the next sample.
            logger.warning("usage report for %s deferred: %s", name, exc)
        else:
            pending_cpu = pending_mem = 0.0
        await stopped.wait(config.USAGE_INTERVAL)


@kopf.timer(config.GROUP, config.VERSION, config.PLURAL, interval=3600, idle=600)
def reconcile_drift(name, spec, status, logger, **_):
    raise NotImplementedError("drift reconciliation")
