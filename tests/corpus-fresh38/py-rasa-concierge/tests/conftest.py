import time
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

API = "https://api.harbourhotels.com/v1"


def make_tracker(slots: Optional[Dict[str, Any]] = None, *, intent: str = "show_booking", metadata: Optional[Dict[str, Any]] = None, channel: str = "chatline") -> Tracker:
    return Tracker(
        sender_id="guest-42",
        slots=slots or {},
        latest_message={
            "intent": {"name": intent, "confidence": 0.97},
            "entities": [],
            "text": "",
            "metadata": metadata or {},
        },
        events=[{"event": "user", "input_channel": channel}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def verified_slots(**extra: Any) -> Dict[str, Any]:
    return {
        "guest_verified": True,
        "verified_at": time.time(),
        "guest_id": "g-1001",
        "guest_email": "ines@example.test",
        **extra,
    }


def assert_followup(events: List[Dict[str, Any]], name: str) -> None:
    followups = [e for e in events if e.get("event") == "followup"]
    assert followups, f"no followup event in {events}"
    assert followups[-1]["name"] == name


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


BOOKING = {
    "reference": "HB7K2Q",
    "hotel_name": "Harbour Hotel Amsterdam",
    "checkin": "2031-04-10",
    "checkout": "2031-04-13",
    "room_type": "Double Canal View",
    "status": "confirmed",
}
