import logging
from decimal import Decimal, InvalidOperation

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from rides import services
from rides.models import Driver, Ride
from rides.notifications import send_push

logger = logging.getLogger(__name__)


class GroupConsumer(AsyncJsonWebsocketConsumer):
    """Joins one channel-layer group on connect and relays group events to the socket."""

    group_name: str | None = None

    def get_group_name(self) -> str:
        raise NotImplementedError

    async def join(self) -> None:
        self.group_name = self.get_group_name()
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def disconnect(self, close_code):
        if self.group_name:
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def ride_update(self, event):
        await self.send_json(event["payload"])


class RideConsumer(GroupConsumer):
    """Ride status stream for the rider and the assigned driver."""

    def get_group_name(self) -> str:
        return f"ride_{self.ride_id}"

    async def connect(self):
        user = self.scope["user"]
        if not user.is_authenticated:
            await self.close(code=4401)
            return

        self.ride_id = int(self.scope["url_route"]["kwargs"]["ride_id"])
        try:
            participants = await self.get_participants()
        except Ride.DoesNotExist:
            await self.close(code=4404)
            return

        if user.id not in participants:
            await self.close(code=4403)
            return
        await self.join()

    @database_sync_to_async
    def get_participants(self) -> set[int]:
        return Ride.objects.select_related("driver").get(pk=self.ride_id).participants()

    async def receive_json(self, content, **kwargs):
        if content.get("type") == "ping":
            await self.send_json({"type": "pong"})


class DriverLocationConsumer(GroupConsumer):
    """Driver app socket: streams GPS fixes and ride completion."""

    def get_group_name(self) -> str:
        return f"driver_{self.driver.pk}"

    async def connect(self):
        user = self.scope["user"]
        if not user.is_authenticated:
            await self.close(code=4401)
            return
        self.driver = await self.load_driver(user)
        if self.driver is None:
            await self.close(code=4403)
            return
        await self.join()

    @database_sync_to_async
    def load_driver(self, user) -> Driver | None:
        return Driver.objects.filter(user=user).first()

    async def receive_json(self, content, **kwargs):
        kind = content.get("type")
        if kind == "location":
            lat, lng = float(content["lat"]), float(content["lng"])
            await services.update_location(self.driver, lat, lng)
            await self.channel_layer.group_send(
                services.DISPATCH_GROUP,
                {"type": "driver.moved", "payload": {"driver_id": self.driver.pk, "lat": lat, "lng": lng}},
            )
        elif kind == "complete":
            try:
                fare = Decimal(str(content["fare"]))
            except (KeyError, InvalidOperation):
                await self.send_json({"type": "error", "detail": "fare is required"})
                return
            await services.complete_ride(int(content["ride_id"]), self.driver, fare)
            await self.channel_layer.group_send(
                f"ride_{content['ride_id']}",
                {"type": "ride.update", "payload": {"event": "completed", "ride": {"id": content["ride_id"]}}},
            )


class DispatchBoardConsumer(GroupConsumer):
    """Live map for dispatchers: every driver position, every ride, and manual assignment."""

    def get_group_name(self) -> str:
        return services.DISPATCH_GROUP

    async def connect(self):
        await self.join()

    async def driver_moved(self, event):
        await self.send_json(event["payload"])

    async def receive_json(self, content, **kwargs):
        if content.get("type") != "assign":
            return
        ride = await services.assign_driver(int(content["ride_id"]), int(content["driver_id"]))
        push_token = await self.driver_push_token(ride.driver_id)
        if push_token:
            await send_push(push_token, "New pickup", f"Ride #{ride.id} assigned to you", collapse_id=f"ride-{ride.id}")
        await self.channel_layer.group_send(
            f"ride_{ride.id}", {"type": "ride.update", "payload": services.ride_payload(ride, "assigned")}
        )

    @database_sync_to_async
    def driver_push_token(self, driver_id: int) -> str:
        return Driver.objects.values_list("push_token", flat=True).get(pk=driver_id)


class ServiceStatusConsumer(GroupConsumer):
    """Surge and outage banner for the public rider landing page. Carries no personal data."""

    def get_group_name(self) -> str:
        return services.STATUS_GROUP

    async def connect(self):
        await self.join()

    async def status_changed(self, event):
        await self.send_json({"surge": event.get("surge", 1.0), "notice": event.get("notice")})

    async def receive_json(self, content, **kwargs):
        # server push only; anything the client sends is ignored
        pass
