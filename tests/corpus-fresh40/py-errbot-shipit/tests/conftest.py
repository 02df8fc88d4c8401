from __future__ import annotations

import os
import sys

PLUGIN_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "plugins")
for name in ("deploy", "oncall", "credentials"):
    sys.path.insert(0, os.path.join(PLUGIN_DIR, name))

pytest_plugins = ["errbot.backends.test"]


def get_plugin(testbot, name):
    return testbot._bot.plugin_manager.get_plugin_obj_by_name(name)


def expect_reply(testbot, command: str, fragment: str) -> str:
    testbot.push_message(command)
    reply = testbot.pop_message()
    assert fragment in reply, f"{command!r} answered {reply!r}"
    return reply


class FakeRequest:
    def __init__(self, body: bytes, headers: dict[str, str]):
        self._body = body
        self.headers = headers

    def get_data(self) -> bytes:
        return self._body


class FakeDeployer:
    def __init__(self):
        self.started: list[tuple] = []
        self.rollbacks: list[tuple] = []
        self.states: dict[str, str] = {}

    def start(self, service, version, requested_by, strategy="rolling"):
        deployment_id = f"dep-{len(self.started) + 1}"
        self.started.append((service, version, strategy))
        self.states[deployment_id] = "running"
        return {"id": deployment_id}

    def status(self, deployment_id):
        return {"state": self.states.get(deployment_id, "running")}

    def rollback(self, service, requested_by, target_version=None):
        self.rollbacks.append((service, target_version))
        return {"id": "rb-1", "target_version": target_version or "2025.02.4"}

    def history(self, service, limit=5):
        return []
