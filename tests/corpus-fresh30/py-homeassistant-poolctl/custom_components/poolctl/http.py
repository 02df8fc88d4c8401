"""HTTP views: controller push endpoint and dosing history."""

from __future__ import annotations

import hashlib
import hmac
from http import HTTPStatus
import json
import logging

from aiohttp import web

from homeassistant.components.http import KEY_HASS, HomeAssistantView
from homeassistant.config_entries import ConfigEntryState
from homeassistant.exceptions import Unauthorized

from .api import PoolCtlError, PoolState
from .const import CONF_PUSH_SECRET, DOMAIN

_LOGGER = logging.getLogger(__name__)


class PoolCtlPushView(HomeAssistantView):
    """Receives state pushes from the controller.

    The controller cannot hold a Home Assistant token, so it signs each body
    with the per-entry push secret created during the config flow.
    """

    url = "/api/poolctl/push/{entry_id}"
    name = "api:poolctl:push"
    requires_auth = False

    async def post(self, request: web.Request, entry_id: str) -> web.Response:
        hass = request.app[KEY_HASS]
        entry = hass.config_entries.async_get_entry(entry_id)
        if entry is None or entry.domain != DOMAIN or entry.state is not ConfigEntryState.LOADED:
            return self.json_message("unknown entry", HTTPStatus.NOT_FOUND)

        body = await request.read()
        signature = request.headers.get("X-PoolCtl-Signature", "")
        expected = hmac.new(entry.data[CONF_PUSH_SECRET].encode(), body, hashlib.sha256).hexdigest()
        if signature != expected:
            return self.json_message("bad signature", HTTPStatus.UNAUTHORIZED)

        try:
            state = PoolState.from_json(json.loads(body))
        except (ValueError, KeyError) as err:
            _LOGGER.debug("Rejected push for %s: %s", entry_id, err)
            return self.json_message("invalid payload", HTTPStatus.BAD_REQUEST)

        entry.runtime_data.coordinator.async_set_updated_data(state)
        return self.json({"ok": True})


class PoolCtlDosingView(HomeAssistantView):
    """Dosing history for the admin panel."""

    url = "/api/poolctl/{entry_id}/dosing"
    name = "api:poolctl:dosing"
    requires_auth = True

    async def get(self, request: web.Request, entry_id: str) -> web.Response:
        hass = request.app[KEY_HASS]
        user = request["hass_user"]
        if not user.is_admin:
            raise Unauthorized()

        entry = hass.config_entries.async_get_entry(entry_id)
        if entry is None or entry.domain != DOMAIN or entry.state is not ConfigEntryState.LOADED:
            return self.json_message("unknown entry", HTTPStatus.NOT_FOUND)

        try:
            entries = await entry.runtime_data.client.async_dosing_log()
        except PoolCtlError as err:
            _LOGGER.warning("Could not read dosing log: %s", err)
            return self.json_message("controller unavailable", HTTPStatus.BAD_GATEWAY)
        return self.json({"entries": entries})
