from __future__ import annotations

import hashlib
import hmac
import json
import re
import time

from errbot import BotPlugin, botcmd, re_botcmd, webhook
from flask import abort

from pager import PagerClient, PagerError

CONFIG_TEMPLATE = {
    "PAGER_URL": "https://api.pager.example/v2",
    "PAGER_TOKEN": "<pager REST API token>",
    "PAGER_WEBHOOK_SECRET": "<webhook signing secret>",
    "SCHEDULE_ID": "PSCHED01",
    "INCIDENT_ROOM": "#incidents",
}


class Oncall(BotPlugin):
    """On-call lookup, paging, and pager event relay."""

    def get_configuration_template(self):
        return CONFIG_TEMPLATE

    def configure(self, configuration):
        merged = dict(CONFIG_TEMPLATE)
        merged.update(configuration or {})
        super().configure(merged)

    def activate(self):
        super().activate()
        self.pager = PagerClient(self.config["PAGER_URL"], self.config["PAGER_TOKEN"])
        if "pages" not in self:
            self["pages"] = []

    @botcmd
    def oncall_who(self, msg, args):
        """Who is on call now (optionally for another schedule id)."""
        schedule = args.strip() or self.config["SCHEDULE_ID"]
        try:
            people = self.pager.on_call(schedule)
        except PagerError as exc:
            return f"Could not reach the pager: {exc}"
        return f"On call for {schedule}: {', '.join(people)}" if people else f"Nobody is on call for {schedule}."

    @re_botcmd(pattern=r"^page\s+@?(?P<who>[\w.\-]+)\s+(?P<reason>.+)$", prefixed=True, flags=re.IGNORECASE)
    def page(self, msg, match):
        """page <person> <reason>"""
        target = match.group("who")
        reason = match.group("reason").strip()
        requester = msg.frm.person.lstrip("@")
        if target == requester:
            return "You cannot page yourself."
        incident_id = None
        try:
            incident_id = self.pager.trigger(target, summary=reason, source=f"chat:{requester}")["id"]
        except PagerError:
            pass
        with self.mutable("pages") as pages:
            pages.append({"target": target, "reason": reason, "by": requester, "incident": incident_id, "at": time.time()})
        return f"Paged {target}: {reason}"

    @botcmd
    def oncall_swap(self, msg, args):
        """Swap your next shift with someone: !oncall swap <person> <date>"""
        raise NotImplementedError

    @webhook("/oncall/events", raw=True)
    def pager_events(self, request):
        body = request.get_data()
        expected = "v1=" + hmac.new(self.config["PAGER_WEBHOOK_SECRET"].encode(), body, hashlib.sha256).hexdigest()
        offered = [sig.strip() for sig in request.headers.get("X-Pager-Signature", "").split(",")]
        if not any(hmac.compare_digest(sig, expected) for sig in offered):
            abort(401)
        event = json.loads(body)["event"]
        room = self.build_identifier(self.config["INCIDENT_ROOM"])
        data = event.get("data", {})
        self.send(room, f"[{event['event_type']}] {data.get('title', '?')} ({data.get('html_url', '')})")
        return "ok"
