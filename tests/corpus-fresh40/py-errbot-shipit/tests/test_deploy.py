from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from werkzeug.exceptions import Forbidden

from conftest import PLUGIN_DIR, FakeDeployer, FakeRequest, expect_reply, get_plugin

extra_plugin_dir = PLUGIN_DIR

CI_SECRET = "ci-webhook-test-secret"


@pytest.fixture
def deploy(testbot):
    plugin = get_plugin(testbot, "Deploy")
    plugin.client = FakeDeployer()
    plugin.config["CI_WEBHOOK_SECRET"] = CI_SECRET
    return plugin


def signed(body: dict) -> FakeRequest:
    raw = json.dumps(body).encode()
    digest = hmac.new(CI_SECRET.encode(), raw, hashlib.sha256).hexdigest()
    return FakeRequest(raw, {"X-Shipit-Signature": f"sha256={digest}"})


def test_deploy_starts_and_tracks(testbot, deploy):
    expect_reply(testbot, "!deploy api 2025.03.1", "Deploying api 2025.03.1 (rolling)")
    assert deploy.client.started == [("api", "2025.03.1", "rolling")]
    assert len(deploy["inflight"]) == 1


def test_status_lists_inflight_deploys(testbot, deploy):
    testbot.push_message("!deploy api 2025.03.1")
    testbot.pop_message()
    testbot.push_message("!deploy status api")
    testbot.pop_message()


def test_rollback_announces(testbot, deploy):
    expect_reply(testbot, "!rollback api", "Rolling back api to 2025.02.4")


def test_poll_clears_finished_deploys(testbot, deploy):
    expect_reply(testbot, "!deploy api 2025.03.1", "Deploying")
    deploy.client.states["dep-1"] = "succeeded"
    deploy.poll_inflight()
    assert deploy["inflight"] == {}


def test_ci_callback_rejects_a_bad_signature(deploy):
    with pytest.raises(Forbidden):
        deploy.ci_callback(FakeRequest(b'{"status": "success"}', {"X-Shipit-Signature": "sha256=00"}))


def test_ci_callback_deploys_successful_builds(deploy):
    result = deploy.ci_callback(signed({"status": "success", "auto_deploy": True, "service": "web", "version": "77"}))
    assert result == "ok"
    assert deploy.client.started == [("web", "77", "rolling")]
