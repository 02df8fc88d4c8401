import pytest
from channels.layers import get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from rides.routing import websocket_urlpatterns

app = URLRouter(websocket_urlpatterns)


def communicator_for(path: str, user) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(app, path)
    communicator.scope["user"] = user
    return communicator


async def assert_receives(communicator: WebsocketCommunicator, **expected):
    message = await communicator.receive_json_from(timeout=1)
    for key, value in expected.items():
        assert message[key] == value, f"{key}: {message[key]!r} != {value!r}"
    return message


@pytest.mark.django_db(transaction=True)
async def test_anonymous_socket_is_rejected(ride):
    from django.contrib.auth.models import AnonymousUser

    communicator = communicator_for(f"/ws/rides/{ride.id}/", AnonymousUser())
    connected, code = await communicator.connect()
    assert not connected
    assert code == 4401


@pytest.mark.django_db(transaction=True)
async def test_rider_receives_ride_updates(ride, rider):
    communicator = communicator_for(f"/ws/rides/{ride.id}/", rider)
    connected, _ = await communicator.connect()
    assert connected

    await get_channel_layer().group_send(
        f"ride_{ride.id}", {"type": "ride.update", "payload": {"event": "en_route", "ride": {"id": ride.id}}}
    )
    await assert_receives(communicator, event="en_route")
    await communicator.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_driver_location_fix_is_published(driver):
    communicator = communicator_for("/ws/drivers/location/", driver.user)
    await communicator.connect()
    await communicator.send_json_to({"type": "location", "lat": 55.9501, "lng": -3.1875})
    await communicator.receive_nothing(timeout=0.2)
    await communicator.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_status_feed_is_public():
    from django.contrib.auth.models import AnonymousUser

    communicator = communicator_for("/ws/status/", AnonymousUser())
    connected, _ = await communicator.connect()
    assert connected
    await get_channel_layer().group_send("service_status", {"type": "status.changed", "surge": 1.4})
    assert await communicator.receive_json_from() == {"surge": 1.4, "notice": None}
    await communicator.disconnect()
