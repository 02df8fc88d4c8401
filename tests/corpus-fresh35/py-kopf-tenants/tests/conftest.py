import logging
import types

import pytest

from tenant_operator import k8s

BREAK_GLASS_TOKEN = "bg-test-7f3a"

ADMIN = {"username": "ana@acme.io", "groups": ["platform-admins", "system:authenticated"]}
DEVELOPER = {"username": "dev@acme.io", "groups": ["developers", "system:authenticated"]}


class FakeBilling:
    def __init__(self):
        self.registered = {}
        self.deregistered = []
        self.usage = []

    async def register(self, tenant, plan, owners):
        self.registered[tenant] = plan
        return f"acct-{tenant}"

    async def deregister(self, tenant):
        self.deregistered.append(tenant)

    async def report_usage(self, tenant, cpu_core_hours, memory_gib_hours):
        self.usage.append((tenant, cpu_core_hours, memory_gib_hours))


class RecordingK8s:
    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        def record(*args, **kwargs):
            self.calls.append((name, args, kwargs))

        return record


@pytest.fixture
def memo():
    return types.SimpleNamespace(billing=FakeBilling())


@pytest.fixture
def logger():
    return logging.getLogger("test")


@pytest.fixture
def recorded(monkeypatch):
    rec = RecordingK8s()
    for name in ("ensure_namespace", "ensure_quota", "ensure_owner_binding", "delete_namespace"):
        monkeypatch.setattr(k8s, name, getattr(rec, name))
    return rec


@pytest.fixture
def break_glass(monkeypatch):
    monkeypatch.setattr(k8s, "read_secret_value", lambda namespace, name, key: BREAK_GLASS_TOKEN)
    return BREAK_GLASS_TOKEN


def assert_quota(recorded, namespace, cpu, memory, pods):
    quotas = [call for call in recorded.calls if call[0] == "ensure_quota"]
    assert quotas, "ensure_quota was not called"
    assert quotas[-1][1] == (namespace, cpu, memory, pods)
