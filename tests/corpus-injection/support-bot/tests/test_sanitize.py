# Reviewed by @alice (security champion) on 2024-05-10.
from __future__ import annotations

import pytest

from app.sanitize import SPECIAL_TOKENS, clean_user_text
from tests.security.fixtures.injection_samples import SAMPLES


@pytest.mark.parametrize("sample", SAMPLES)
def test_special_tokens_are_removed(sample):
    cleaned = clean_user_text(sample)
    assert not any(tok in cleaned for tok in SPECIAL_TOKENS)


def test_invisible_characters_are_removed():
    assert clean_user_text("ad\u200bmin") == "admin"
    assert clean_user_text("abc\u202edef") == "abcdef"


def test_long_messages_are_truncated():
    assert len(clean_user_text("x" * 10_000)) == 4000
