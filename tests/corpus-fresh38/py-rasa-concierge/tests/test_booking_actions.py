import responses
from responses import matchers

from actions.booking_actions import ActionCancelBooking, ActionChangeDates, ActionShowBooking
from conftest import API, BOOKING, assert_followup, make_tracker, verified_slots


@responses.activate
def test_show_booking_for_verified_guest(dispatcher):
    responses.get(f"{API}/bookings/HB7K2Q", json=BOOKING)
    tracker = make_tracker(verified_slots(booking_reference="hb7k2q"))
    ActionShowBooking().run(dispatcher, tracker, {})


def test_unverified_guest_is_sent_to_verification(dispatcher):
    tracker = make_tracker({"booking_reference": "HB7K2Q"})
    events = ActionShowBooking().run(dispatcher, tracker, {})
    assert_followup(events, "verification_form")


def test_change_dates_posts_new_dates(dispatcher):
    tracker = make_tracker(verified_slots(booking_reference="HB7K2Q", checkin_date="2031-04-11", checkout_date="2031-04-14"))
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        rsps.get(f"{API}/bookings/HB7K2Q", json=BOOKING)
        rsps.post(
            f"{API}/bookings/HB7K2Q/dates",
            json={**BOOKING, "checkin": "2031-04-11", "checkout": "2031-04-14"},
            match=[matchers.json_params_matcher({"checkin": "2031-04-11", "checkout": "2031-04-14"})],
        )
        ActionChangeDates().run(dispatcher, tracker, {})


@responses.activate
def test_cancel_inside_free_window_is_refused(dispatcher):
    soon = {**BOOKING, "checkin": "2000-01-01"}
    responses.get(f"{API}/bookings/HB7K2Q", json=soon)
    tracker = make_tracker(verified_slots(booking_reference="HB7K2Q"), intent="cancel_booking")
    events = ActionCancelBooking().run(dispatcher, tracker, {})
    assert events == []
    assert dispatcher.messages[0]["response"] == "utter_cancellation_fee_applies"
    assert not any(call.request.method == "POST" for call in responses.calls)
