from __future__ import annotations

import pytest
from errbot import ValidationException

from conftest import PLUGIN_DIR, get_plugin

extra_plugin_dir = PLUGIN_DIR


def test_placeholder_token_is_rejected(testbot):
    from credentials import CONFIG_TEMPLATE

    plugin = get_plugin(testbot, "Credentials")
    with pytest.raises(ValidationException, match="placeholder"):
        plugin.check_configuration(dict(CONFIG_TEMPLATE))


def test_plain_http_vault_is_rejected(testbot):
    from credentials import CONFIG_TEMPLATE

    plugin = get_plugin(testbot, "Credentials")
    config = dict(CONFIG_TEMPLATE, VAULT_TOKEN="hvs.test-only", VAULT_ADDR="http://vault.local:8200")
    with pytest.raises(ValidationException, match="https"):
        plugin.check_configuration(config)
