"""Checks shared by actions that touch a guest's bookings."""

from __future__ import annotations

import time
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher


def is_verified(tracker: Tracker) -> bool:
    """A guest is verified after entering the correct one-time code; it lapses after 30 minutes."""
    if not tracker.get_slot("guest_verified"):
        return False
    verified_at = tracker.get_slot("verified_at") or 0
    if time.time() - float(verified_at) > 30 * 60:
        return False
    return bool(tracker.get_slot("guest_id"))


def ask_to_verify(dispatcher: CollectingDispatcher) -> List[Dict[Text, Any]]:
    dispatcher.utter_message(response="utter_need_verification")
    return [FollowupAction("verification_form")]


def booking_reference(tracker: Tracker) -> Optional[str]:
    ref = tracker.get_slot("booking_reference")
    return ref.strip().upper() if isinstance(ref, str) and ref.strip() else None


def clear_booking_slots() -> List[Dict[Text, Any]]:
    return [SlotSet("booking_reference", None), SlotSet("checkin_date", None), SlotSet("checkout_date", None)]
