"""One-time-code verification of the guest's phone number."""

from __future__ import annotations

import logging
import secrets
import time
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import settings
from actions.booking_actions import client

logger = logging.getLogger(__name__)


def _phone_from(tracker: Tracker) -> str | None:
    metadata = tracker.latest_message.get("metadata") or {}
    return tracker.get_slot("guest_phone") or metadata.get("verified_phone")


class ActionSendOtp(Action):
    """Starts verification; by definition it runs before the guest is verified."""

    def name(self) -> Text:
        return "action_send_otp"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        phone = _phone_from(tracker)
        if not phone:
            dispatcher.utter_message(response="utter_ask_guest_phone")
            return []
        guest = client().find_guest(phone)
        if guest is None:
            dispatcher.utter_message(response="utter_guest_not_found")
            return [SlotSet("guest_phone", None)]
        code = f"{secrets.randbelow(1_000_000):06d}"
        client().send_sms(phone, f"Your Harbour Hotels code is {code}. It expires in {settings.OTP_TTL_SECONDS // 60} minutes.")
        return [
            SlotSet("guest_phone", phone),
            SlotSet("guest_id", guest["id"]),
            SlotSet("guest_email", guest.get("email")),
            SlotSet("otp_expected", code),
            SlotSet("otp_sent_at", time.time()),
            SlotSet("otp_attempts", 0),
        ]


class ValidateVerificationForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_verification_form"

    def validate_otp_code(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        attempts = int(tracker.get_slot("otp_attempts") or 0) + 1
        if attempts > settings.OTP_MAX_ATTEMPTS:
            dispatcher.utter_message(response="utter_otp_locked")
            return {"otp_code": None, "otp_expected": None, "requested_slot": None}
        sent_at = float(tracker.get_slot("otp_sent_at") or 0)
        if time.time() - sent_at > settings.OTP_TTL_SECONDS:
            dispatcher.utter_message(response="utter_otp_expired")
            return {"otp_code": None, "otp_expected": None}
        expected = tracker.get_slot("otp_expected")
        code = str(slot_value).strip().replace(" ", "")
        if expected and code == expected:
            return {
                "otp_code": "ok",
                "otp_expected": None,
                "guest_verified": True,
                "verified_at": time.time(),
                "otp_attempts": 0,
            }
        dispatcher.utter_message(response="utter_otp_wrong")
        return {"otp_code": None, "otp_attempts": attempts}
