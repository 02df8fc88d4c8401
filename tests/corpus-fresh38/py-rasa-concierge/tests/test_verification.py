import time

import pytest

from actions.verification import ValidateVerificationForm
from conftest import make_tracker


def otp_tracker(**slots):
    base = {"otp_expected": "482913", "otp_sent_at": time.time(), "otp_attempts": 0, "guest_id": "g-1001"}
    base.update(slots)
    return make_tracker(base, intent="inform")


def test_correct_code_verifies(dispatcher):
    result = ValidateVerificationForm().validate_otp_code("482 913", dispatcher, otp_tracker(), {})
    assert result["guest_verified"] is True
    assert result["otp_expected"] is None


def test_wrong_code_counts_an_attempt(dispatcher):
    result = ValidateVerificationForm().validate_otp_code("000000", dispatcher, otp_tracker(otp_attempts=1), {})
    assert result == {"otp_code": None, "otp_attempts": 2}
    assert dispatcher.messages[-1]["response"] == "utter_otp_wrong"


@pytest.mark.parametrize("sent_ago", [301, 3600])
def test_expired_code_is_rejected(dispatcher, sent_ago):
    result = ValidateVerificationForm().validate_otp_code("482913", dispatcher, otp_tracker(otp_sent_at=time.time() - sent_ago), {})
    assert result["otp_code"] is None
    assert "guest_verified" not in result
