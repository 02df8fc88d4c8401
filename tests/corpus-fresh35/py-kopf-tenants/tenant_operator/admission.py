"""Validating and mutating admission handlers for Tenant objects."""

import re

import kopf

from . import config, k8s

_DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$")
KNOWN_REGIONS = frozenset({"eu-west", "eu-central", "us-east", "ap-south"})


def _is_admin(userinfo: dict) -> bool:
    groups = set(userinfo.get("groups") or [])
    if groups & config.ADMIN_GROUPS:
        return True
    return userinfo.get("username") == config.OPERATOR_USERNAME


def _break_glass(body: dict) -> bool:
    annotations = (body.get("metadata") or {}).get("annotations") or {}
    presented = annotations.get(config.BREAK_GLASS_ANNOTATION)
    if not presented:
        return False
    token = k8s.read_secret_value(config.operator_namespace(), config.BREAK_GLASS_SECRET, "token")
    return presented == token


def _require_admin(userinfo: dict, body: dict, what: str) -> None:
    if _is_admin(userinfo) or _break_glass(body):
        return
    raise kopf.AdmissionError(f"only platform admins may change {what}", code=403)


@kopf.on.validate(config.GROUP, config.VERSION, config.PLURAL, operations=["CREATE"], id="create")
def validate_create(name, spec, body, userinfo, warnings: list[str], **_):
    if not _DNS_LABEL.match(name or ""):
        raise kopf.AdmissionError("tenant name must be a DNS label of at most 42 characters")
    if spec.get("region") not in KNOWN_REGIONS:
        raise kopf.AdmissionError(f"unknown region {spec.get('region')!r}")
    if not spec.get("owners"):
        raise kopf.AdmissionError("a tenant needs at least one owner")
    if spec.get("tier") == "enterprise":
        _require_admin(userinfo, body, "the enterprise tier")
    if spec.get("quota"):
        _require_admin(userinfo, body, "quota overrides")
    if len(spec["owners"]) == 1:
        warnings.append("tenants with a single owner cannot recover access if that owner leaves")


@kopf.on.validate(config.GROUP, config.VERSION, config.PLURAL, operations=["UPDATE"], field="spec.tier", id="tier")
def validate_tier(old, new, body, userinfo, **_):
    if new not in config.TIER_QUOTAS:
        raise kopf.AdmissionError(f"unknown tier {new!r}")
    _require_admin(userinfo, body, "the tier")


@kopf.on.validate(config.GROUP, config.VERSION, config.PLURAL, operations=["UPDATE"], field="spec.quota", id="quota")
def validate_quota(old, new, body, userinfo, **_):
    _require_admin(userinfo, body, "the quota")


@kopf.on.validate(config.GROUP, config.VERSION, config.PLURAL, operations=["UPDATE"], field="spec.owners", id="owners")
def validate_owners(old, new, body, userinfo, warnings: list[str], **_):
    if not new:
        raise kopf.AdmissionError("a tenant needs at least one owner")
    removed = set(old or []) - set(new)
    if removed:
        warnings.append(f"removing owners: {', '.join(sorted(removed))}")


@kopf.on.validate(config.GROUP, config.VERSION, config.PLURAL, operations=["UPDATE"], field="spec.region", id="region")
def validate_region(old, new, **_):
    if old is not None and new != old:
        raise kopf.AdmissionError("spec.region is immutable; create a new tenant to move regions", code=422)


@kopf.on.validate(
    config.GROUP, config.VERSION, config.PLURAL, operations=["UPDATE"], field="spec.displayName", id="display-name"
)
def validate_display_name(new, **_):
    # Cosmetic field: whoever RBAC lets update the Tenant may rename it.
    if new and len(new) > 80:
        raise kopf.AdmissionError("displayName is limited to 80 characters")


@kopf.on.mutate(config.GROUP, config.VERSION, config.PLURAL, operations=["CREATE"], id="defaults")
def mutate_defaults(spec, patch: kopf.Patch, **_):
    tier = spec.get("tier") or "free"
    if "tier" not in spec:
        patch.spec["tier"] = tier
    if "displayName" not in spec:
        patch.spec["displayName"] = spec.get("owners", ["tenant"])[0].split("@")[0]
    patch.metadata.setdefault("labels", {})["platform.acme.io/tier"] = tier
