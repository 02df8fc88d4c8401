import kopf
import pytest

from tenant_operator import handlers

from .conftest import assert_quota

SPEC = {"region": "eu-west", "owners": ["ana@acme.io", "li@acme.io"], "tier": "standard"}


@pytest.mark.asyncio
async def test_create_provisions_namespace(recorded, memo, logger):
    patch = kopf.Patch()
    await handlers.create_tenant(name="acme", spec=SPEC, patch=patch, memo=memo, logger=logger)


@pytest.mark.asyncio
async def test_create_applies_quota_override(recorded, memo, logger):
    spec = {**SPEC, "quota": {"cpu": "24"}}
    await handlers.create_tenant(name="acme", spec=spec, patch=kopf.Patch(), memo=memo, logger=logger)
    assert_quota(recorded, "t-acme", "24", "64Gi", 200)


@pytest.mark.asyncio
async def test_create_records_billing_account(recorded, memo, logger):
    patch = kopf.Patch()
    await handlers.create_tenant(name="acme", spec=SPEC, patch=patch, memo=memo, logger=logger)
    assert patch["status"]["billingAccount"] == "acct-acme"
    assert memo.billing.registered == {"acme": "standard"}


@pytest.mark.asyncio
async def test_delete_removes_namespace_and_account(recorded, memo, logger):
    await handlers.delete_tenant(name="acme", memo=memo, logger=logger)
    assert ("delete_namespace", ("t-acme",), {}) in recorded.calls
    assert memo.billing.deregistered == ["acme"]
