from django.urls import path, re_path

from rides import consumers

websocket_urlpatterns = [
    re_path(r"ws/rides/(?P<ride_id>\d+)/$", consumers.RideConsumer.as_asgi()),
    path("ws/drivers/location/", consumers.DriverLocationConsumer.as_asgi()),
    path("ws/dispatch/board/", consumers.DispatchBoardConsumer.as_asgi()),
    path("ws/status/", consumers.ServiceStatusConsumer.as_asgi()),
]
