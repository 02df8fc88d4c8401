import httpx
import kopf

from . import config, k8s


def namespace_for(tenant: str) -> str:
    return f"{config.NAMESPACE_PREFIX}{tenant}"


def quota_for(spec: dict) -> dict:
    return {**config.TIER_QUOTAS[spec.get("tier", "free")], **(spec.get("quota") or {})}


@kopf.on.create(config.GROUP, config.VERSION, config.PLURAL)
async def create_tenant(name, spec, patch: kopf.Patch, memo: kopf.Memo, logger, **_):
    namespace = namespace_for(name)
    k8s.ensure_namespace(namespace, name, spec["region"])
    quota = quota_for(spec)
    k8s.ensure_quota(namespace, quota["cpu"], quota["memory"], quota["pods"])
    k8s.ensure_owner_binding(namespace, list(spec["owners"]))

    try:
        account = await memo.billing.register(name, spec.get("tier", "free"), list(spec["owners"]))
    except httpx.HTTPError as exc:
        raise kopf.TemporaryError(f"billing registration failed: {exc}", delay=60) from exc

    patch.status["namespace"] = namespace
    patch.status["billingAccount"] = account
    patch.status["phase"] = "Active"
    logger.info("tenant %s provisioned in %s", name, namespace)


@kopf.on.update(config.GROUP, config.VERSION, config.PLURAL, field="spec.owners")
def owners_changed(name, new, logger, **_):
    k8s.ensure_owner_binding(namespace_for(name), list(new or []))
    logger.info("owners of %s now %s", name, ", ".join(new or []))


@kopf.on.update(config.GROUP, config.VERSION, config.PLURAL, field="spec.quota")
def quota_changed(name, spec, logger, **_):
    quota = quota_for(spec)
    k8s.ensure_quota(namespace_for(name), quota["cpu"], quota["memory"], quota["pods"])
    logger.info("quota of %s set to %s", name, quota)


@kopf.on.update(config.GROUP, config.VERSION, config.PLURAL, field="spec.tier")
async def tier_changed(name, old, new, spec, memo: kopf.Memo, logger, **_):
    """Move the tenant to the new tier's quota and billing plan."""
    pass


@kopf.on.delete(config.GROUP, config.VERSION, config.PLURAL)
async def delete_tenant(name, memo: kopf.Memo, logger, **_):
    k8s.delete_namespace(namespace_for(name))
    try:
        await memo.billing.deregister(name)
    except httpx.HTTPError:
        pass
    logger.info("tenant %s removed", name)
