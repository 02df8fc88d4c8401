"""Config flow for AquaLogic PoolCtl."""

from __future__ import annotations

import logging
import secrets
from typing import Any

import voluptuous as vol

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult
from homeassistant.const import CONF_API_KEY, CONF_HOST, CONF_PORT, CONF_VERIFY_SSL
from homeassistant.helpers.aiohttp_client import async_get_clientsession

from .api import PoolCtlAuthError, PoolCtlClient, PoolCtlConnectionError
from .const import CONF_PUSH_SECRET, DEFAULT_PORT, DOMAIN

_LOGGER = logging.getLogger(__name__)

STEP_USER_SCHEMA = vol.Schema(
    {
        vol.Required(CONF_HOST): str,
        vol.Optional(CONF_PORT, default=DEFAULT_PORT): int,
        vol.Required(CONF_API_KEY): str,
        vol.Optional(CONF_VERIFY_SSL, default=True): bool,
    }
)


class PoolCtlConfigFlow(ConfigFlow, domain=DOMAIN):
    """Handle a config flow for a PoolCtl controller."""

    VERSION = 1

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        errors: dict[str, str] = {}
        if user_input is not None:
            session = async_get_clientsession(self.hass, verify_ssl=user_input[CONF_VERIFY_SSL])
            client = PoolCtlClient(
                session, user_input[CONF_HOST], user_input[CONF_PORT], user_input[CONF_API_KEY]
            )
            try:
                info = await client.async_get_info()
            except PoolCtlAuthError:
                errors["base"] = "invalid_auth"
            except PoolCtlConnectionError:
                errors["base"] = "cannot_connect"
            except Exception:
                _LOGGER.exception("Unexpected error while validating the controller")
                errors["base"] = "unknown"
            else:
                await self.async_set_unique_id(info["serial"])
                self._abort_if_unique_id_configured(updates={CONF_HOST: user_input[CONF_HOST]})
                return self.async_create_entry(
                    title=info.get("name") or f"Pool {info['serial'][-4:]}",
                    data={**user_input, CONF_PUSH_SECRET: secrets.token_hex(32)},
                )

        return self.async_show_form(step_id="user", data_schema=STEP_USER_SCHEMA, errors=errors)
