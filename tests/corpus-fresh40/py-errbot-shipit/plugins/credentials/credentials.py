from __future__ import annotations

import secrets
import time

import requests
from errbot import BotPlugin, ValidationException, arg_botcmd, botcmd

CONFIG_TEMPLATE = {
    "VAULT_ADDR": "https://vault.internal.example:8200",
    "VAULT_TOKEN": "<vault token with the shipit-rotate policy>",
    "AUDIT_ROOM": "#sec-audit",
}


class Credentials(BotPlugin):
    """Rotate service credentials through Vault. Direct messages only (see ACCESS_CONTROLS)."""

    def get_configuration_template(self):
        return CONFIG_TEMPLATE

    def check_configuration(self, configuration):
        super().check_configuration(configuration)
        if configuration["VAULT_TOKEN"] == CONFIG_TEMPLATE["VAULT_TOKEN"]:
            raise ValidationException("VAULT_TOKEN still holds the template placeholder")
        if not configuration["VAULT_ADDR"].startswith("https://"):
            raise ValidationException("VAULT_ADDR must be an https:// URL")

    def activate(self):
        super().activate()
        self.vault = requests.Session()
        self.vault.headers["X-Vault-Token"] = self.config["VAULT_TOKEN"]
        if "rotations" not in self:
            self["rotations"] = []

    def _vault(self, method: str, path: str, **kwargs) -> dict:
        resp = self.vault.request(method, f"{self.config['VAULT_ADDR']}/v1/{path}", timeout=20, **kwargs)
        resp.raise_for_status()
        return resp.json() if resp.content else {}

    def _record(self, msg, action: str, target: str, reason: str = "") -> None:
        entry = {"by": str(msg.frm.person), "action": action, "target": target, "reason": reason, "at": time.time()}
        with self.mutable("rotations") as rotations:
            rotations.append(entry)
            del rotations[:-200]
        suffix = f" ({reason})" if reason else ""
        self.send(self.build_identifier(self.config["AUDIT_ROOM"]), f":key: {entry['by']} {action} {target}{suffix}")

    @arg_botcmd("--reason", dest="reason", type=str, required=True)
    @arg_botcmd("service", type=str, admin_only=True)
    def rotate_api_key(self, msg, service, reason):
        """Issue a new API key for a service and store it in Vault."""
        try:
            self._vault("POST", f"secret/data/services/{service}/api-key", json={"data": {"value": secrets.token_urlsafe(32)}})
        except requests.HTTPError as exc:
            return f"Vault refused the write ({exc.response.status_code}); nothing was rotated."
        self._record(msg, "rotated the API key of", service, reason)
        return f"Rotated the API key of {service}; consumers pick it up from Vault within five minutes."

    @arg_botcmd("service", type=str)
    def rotate_db_password(self, msg, service):
        """Rotate the database password of a service's static Vault role."""
        self._vault("POST", f"database/rotate-role/{service}")
        self._record(msg, "rotated the database password of", service)
        return f"Rotated the database password of {service}."

    @arg_botcmd("accessor", type=str, admin_only=True)
    def revoke_token(self, msg, accessor):
        """Revoke a Vault token by accessor."""
        self._vault("POST", "auth/token/revoke-accessor", json={"accessor": accessor})
        self._record(msg, "revoked token accessor", accessor)
        return f"Revoked {accessor}."

    @botcmd(admin_only=True)
    def rotations(self, msg, args):
        """The last ten credential changes."""
        recent = self["rotations"][-10:]
        if not recent:
            return "No rotations recorded."
        return "\n".join(
            f"• {time.strftime('%Y-%m-%d %H:%M', time.gmtime(r['at']))} {r['by']} {r['action']} {r['target']}"
            for r in recent
        )
