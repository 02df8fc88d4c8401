"""Actions for looking up and changing a guest's reservation."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from datetime import date, datetime, timezone
from typing import Any, Dict, List, Text

import requests
from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import settings
from actions.api import HotelApiClient, HotelApiError
from actions.guards import ask_to_verify, booking_reference, clear_booking_slots, is_verified

logger = logging.getLogger(__name__)

_client = HotelApiClient()


def client() -> HotelApiClient:
    return _client


class BookingAction(Action, ABC):
    """Base for actions that operate on the booking in the booking_reference slot."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        if not is_verified(tracker):
            return ask_to_verify(dispatcher)
        reference = booking_reference(tracker)
        if reference is None:
            dispatcher.utter_message(response="utter_ask_booking_reference")
            return []
        try:
            booking = client().get_booking(reference, tracker.get_slot("guest_email") or "")
        except HotelApiError as err:
            if err.status == 404:
                dispatcher.utter_message(response="utter_booking_not_found", reference=reference)
                return [SlotSet("booking_reference", None)]
            raise
        return self.handle(dispatcher, tracker, booking)

    @abstractmethod
    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, booking: Dict[str, Any]) -> List[Dict[Text, Any]]:
        raise NotImplementedError


class ActionShowBooking(BookingAction):
    def name(self) -> Text:
        return "action_show_booking"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, booking: Dict[str, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(
            response="utter_booking_summary",
            reference=booking["reference"],
            hotel=booking["hotel_name"],
            checkin=booking["checkin"],
            checkout=booking["checkout"],
            room=booking["room_type"],
            status=booking["status"],
        )
        return []


class ActionChangeDates(BookingAction):
    def name(self) -> Text:
        return "action_change_dates"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, booking: Dict[str, Any]) -> List[Dict[Text, Any]]:
        checkin = date.fromisoformat(tracker.get_slot("checkin_date"))
        checkout = date.fromisoformat(tracker.get_slot("checkout_date"))
        try:
            updated = client().change_dates(booking["reference"], checkin, checkout)
        except HotelApiError as err:
            if err.status == 409:
                dispatcher.utter_message(response="utter_dates_unavailable")
                return clear_booking_slots()
            raise
        dispatcher.utter_message(response="utter_dates_changed", checkin=updated["checkin"], checkout=updated["checkout"])
        return clear_booking_slots()


class ActionCancelBooking(Action):
    def name(self) -> Text:
        return "action_cancel_booking"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        reference = booking_reference(tracker)
        if reference is None:
            dispatcher.utter_message(response="utter_ask_booking_reference")
            return []
        try:
            booking = client().get_booking(reference, tracker.get_slot("guest_email") or "")
        except HotelApiError as err:
            if err.status == 404:
                dispatcher.utter_message(response="utter_booking_not_found", reference=reference)
                return [SlotSet("booking_reference", None)]
            raise
        if booking["status"] == "cancelled":
            dispatcher.utter_message(response="utter_already_cancelled")
            return clear_booking_slots()
        checkin = datetime.fromisoformat(booking["checkin"]).replace(tzinfo=timezone.utc)
        hours_left = (checkin - datetime.now(timezone.utc)).total_seconds() / 3600
        if hours_left < settings.FREE_CANCELLATION_HOURS and tracker.get_latest_input_channel() != "frontdesk":
            dispatcher.utter_message(response="utter_cancellation_fee_applies", hours=settings.FREE_CANCELLATION_HOURS)
            return []
        client().cancel_booking(reference, reason=tracker.get_slot("cancellation_reason") or "guest request")
        try:
            client().send_confirmation_email(reference, "cancellation")
        except (HotelApiError, requests.RequestException):
            pass
        dispatcher.utter_message(response="utter_booking_cancelled", reference=reference)
        return clear_booking_slots()


class ActionUpgradeRoom(BookingAction):
    def name(self) -> Text:
        return "action_upgrade_room"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, booking: Dict[str, Any]) -> List[Dict[Text, Any]]:
        raise NotImplementedError("room upgrades via the assistant")


class ActionHotelInfo(Action):
    """Opening hours, parking, breakfast times: public information, no verification needed."""

    def name(self) -> Text:
        return "action_hotel_info"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        hotel_code = tracker.get_slot("hotel_code") or "HBR-AMS"
        topic = next(tracker.get_latest_entity_values("info_topic"), "general")
        try:
            info = client().hotel_info(hotel_code)
        except HotelApiError:
            dispatcher.utter_message(response="utter_info_unavailable")
            return []
        text = info.get("topics", {}).get(topic) or info.get("summary", "")
        dispatcher.utter_message(text=text)
        if info.get("map_url") and topic in ("parking", "directions"):
            dispatcher.utter_message(image=info["map_url"])
        return []
