from __future__ import annotations

import hashlib
import hmac
import json
import time

from errbot import BotPlugin, arg_botcmd, botcmd, webhook
from flask import abort

from deployer import DeployerClient, DeployError

CONFIG_TEMPLATE = {
    "DEPLOYER_URL": "https://deployer.internal.example",
    "DEPLOYER_TOKEN": "<deployer API token>",
    "CI_WEBHOOK_SECRET": "<shared secret from the CI project settings>",
    "ANNOUNCE_ROOM": "#deploys",
    "POLL_SECONDS": 30,
}

TERMINAL_STATES = {"succeeded", "failed", "rolled_back", "cancelled"}


class Deploy(BotPlugin):
    """Start, roll back and follow deployments."""

    def get_configuration_template(self):
        return CONFIG_TEMPLATE

    def configure(self, configuration):
        merged = dict(CONFIG_TEMPLATE)
        merged.update(configuration or {})
        super().configure(merged)

    def activate(self):
        super().activate()
        self.client = DeployerClient(self.config["DEPLOYER_URL"], self.config["DEPLOYER_TOKEN"])
        if "inflight" not in self:
            self["inflight"] = {}
        self.start_poller(self.config["POLL_SECONDS"], self.poll_inflight)

    def deactivate(self):
        self.stop_poller(self.poll_inflight)
        super().deactivate()

    def _announce(self, text: str) -> None:
        self.send(self.build_identifier(self.config["ANNOUNCE_ROOM"]), text)

    def _track(self, deployment: dict, service: str, version: str, requested_by: str) -> None:
        with self.mutable("inflight") as inflight:
            inflight[deployment["id"]] = {
                "service": service,
                "version": version,
                "requested_by": requested_by,
                "started": time.time(),
            }

    @arg_botcmd("--strategy", dest="strategy", default="rolling", choices=["rolling", "blue-green"])
    @arg_botcmd("version", type=str)
    @arg_botcmd("service", type=str)
    def deploy(self, msg, service, version, strategy):
        """Deploy a version of a service: !deploy api 2025.03.1 [--strategy blue-green]"""
        who = msg.frm.person
        try:
            deployment = self.client.start(service, version, requested_by=who, strategy=strategy)
        except DeployError as exc:
            return f"Could not start the deploy: {exc}"
        self._track(deployment, service, version, who)
        return f"Deploying {service} {version} ({strategy}), id `{deployment['id']}`."

    @arg_botcmd("version", type=str)
    @arg_botcmd("service", type=str)
    def deploy_canary(self, msg, service, version):
        """Send a small share of traffic to a new version first."""
        return f"Canary deploys are not available yet. Use `!deploy {service} {version} --strategy blue-green`."

    @arg_botcmd("--to", dest="to_version", type=str, default=None, help="release to return to (default: previous)")
    @arg_botcmd("service", type=str)
    def rollback(self, msg, service, to_version):
        """Roll a service back: !rollback api [--to 2025.02.4]"""
        who = msg.frm.person
        try:
            result = self.client.rollback(service, requested_by=who)
        except DeployError as exc:
            return f"Rollback failed: {exc}"
        target = result.get("target_version", "the previous release")
        self._track(result, service, target, who)
        self._announce(f":rewind: {who} is rolling {service} back to {target}")
        return f"Rolling back {service} to {target}, id `{result['id']}`."

    @botcmd
    def deploy_status(self, msg, args):
        """Deployments in progress, optionally for one service."""
        service = args.strip()
        rows = [
            f"• {info['service']} {info['version']} by {info['requested_by']} ({int(time.time() - info['started'])}s)"
            for info in self["inflight"].values()
            if not service or info["service"] == service
        ]
        return "\n".join(rows) if rows else "Nothing is deploying right now."

    @botcmd
    def deploy_history(self, msg, args):
        """Last five deployments of a service: !deploy history api"""
        service = args.strip()
        if not service:
            return "Usage: !deploy history <service>"
        try:
            items = self.client.history(service)
        except DeployError as exc:
            return f"Could not fetch history: {exc}"
        return "\n".join(f"• {d['version']} {d['state']} by {d['requested_by']}" for d in items) or "No deployments yet."

    def poll_inflight(self):
        finished = []
        for deployment_id, info in list(self["inflight"].items()):
            try:
                status = self.client.status(deployment_id)
            except DeployError as exc:
                self.log.warning("status of %s unavailable, will retry next poll: %s", deployment_id, exc)
                continue
            if status["state"] in TERMINAL_STATES:
                icon = ":white_check_mark:" if status["state"] == "succeeded" else ":x:"
                self._announce(f"{icon} {info['service']} {info['version']}: {status['state']}")
                finished.append(deployment_id)
        if finished:
            with self.mutable("inflight") as inflight:
                for deployment_id in finished:
                    inflight.pop(deployment_id, None)

    @webhook("/shipit/ci", raw=True)
    def ci_callback(self, request):
        """CI pipeline results; successful main builds with auto_deploy set are deployed."""
        body = request.get_data()
        digest = hmac.new(self.config["CI_WEBHOOK_SECRET"].encode(), body, hashlib.sha256).hexdigest()
        if request.headers.get("X-Shipit-Signature", "") != f"sha256={digest}":
            abort(403)
        event = json.loads(body)
        if event.get("status") != "success" or not event.get("auto_deploy"):
            return "ignored"
        deployment = self.client.start(event["service"], event["version"], requested_by="ci")
        self._track(deployment, event["service"], event["version"], "ci")
        self._announce(f":rocket: CI is deploying {event['service']} {event['version']}")
        return "ok"

    @webhook("/shipit/trigger", raw=True)
    def trigger_deploy(self, request):
        """Deploy requests from the release pipeline."""
        payload = json.loads(request.get_data() or b"{}")
        service, version = payload["service"], payload["version"]
        requested_by = payload.get("requested_by", "release-pipeline")
        deployment = self.client.start(service, version, requested_by=requested_by)
        self._track(deployment, service, version, requested_by)
        self._announce(f":rocket: {requested_by} is deploying {service} {version}")
        return {"id": deployment["id"]}
