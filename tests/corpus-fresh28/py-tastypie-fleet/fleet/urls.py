from django.contrib import admin
from django.urls import include, path
from tastypie.api import Api

from vehicles import views
from vehicles.api import (
    DepotResource,
    DriverResource,
    FuelCardResource,
    OdometerReadingResource,
    VehicleResource,
)

v1_api = Api(api_name="v1")
v1_api.register(DepotResource())
v1_api.register(VehicleResource())
v1_api.register(DriverResource())
v1_api.register(FuelCardResource())
v1_api.register(OdometerReadingResource())

urlpatterns = [
    # load balancer probe; intentionally unauthenticated and outside /api
    path("health/", views.health, name="health"),
    path("hooks/telematics/", views.telematics_webhook, name="telematics-webhook"),
    path("api/", include(v1_api.urls)),
    path("admin/", admin.site.urls),
]
