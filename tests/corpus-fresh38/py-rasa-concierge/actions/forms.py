"""Slot validation for the change-dates form."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Dict, Text

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

MAX_STAY_NIGHTS = 28


def _parse(value: Any) -> date:
    if isinstance(value, dict):
        value = value.get("from") or value.get("value")
    return date.fromisoformat(str(value)[:10])


class ValidateChangeDatesForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_change_dates_form"

    def validate_checkin_date(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        try:
            checkin = _parse(slot_value)
        except ValueError:
            dispatcher.utter_message(response="utter_invalid_date")
            return {"checkin_date": None}
        if checkin < date.today():
            dispatcher.utter_message(response="utter_date_in_past")
            return {"checkin_date": None}
        return {"checkin_date": checkin.isoformat()}

    def validate_checkout_date(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        try:
            checkout = _parse(slot_value)
        except ValueError:
            dispatcher.utter_message(response="utter_invalid_date")
            return {"checkout_date": None}
        checkin_raw = tracker.get_slot("checkin_date")
        if checkin_raw is None:
            return {"checkout_date": checkout.isoformat()}
        checkin = date.fromisoformat(checkin_raw)
        if checkout <= checkin:
            dispatcher.utter_message(response="utter_checkout_before_checkin")
            return {"checkout_date": None}
        if checkout - checkin > timedelta(days=MAX_STAY_NIGHTS):
            dispatcher.utter_message(response="utter_stay_too_long", nights=MAX_STAY_NIGHTS)
            return {"checkout_date": None}
        return {"checkout_date": checkout.isoformat()}
