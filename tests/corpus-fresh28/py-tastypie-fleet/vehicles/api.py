import hmac
import logging

from django.urls import re_path
from tastypie import fields
from tastypie.authentication import ApiKeyAuthentication
from tastypie.authorization import Authorization, ReadOnlyAuthorization
from tastypie.exceptions import ImmediateHttpResponse
from tastypie.http import HttpBadRequest, HttpNotFound, HttpNotImplemented
from tastypie.resources import ALL, ALL_WITH_RELATIONS, ModelResource
from tastypie.utils import trailing_slash

from .authorization import DepotScopedAuthorization, FleetManagerAuthorization
from .models import Depot, Driver, FuelCard, OdometerReading, Vehicle
from .telematics import TelematicsClient

logger = logging.getLogger(__name__)


class DepotResource(ModelResource):
    class Meta:
        queryset = Depot.objects.all()
        resource_name = "depot"
        allowed_methods = ["get"]
        authentication = ApiKeyAuthentication()
        authorization = ReadOnlyAuthorization()
        filtering = {"code": ALL, "county": ALL}


class VehicleResource(ModelResource):
    depot = fields.ForeignKey(DepotResource, "depot")

    class Meta:
        queryset = Vehicle.objects.select_related("depot")
        resource_name = "vehicle"
        allowed_methods = ["get", "post", "put", "patch"]
        authentication = ApiKeyAuthentication()
        authorization = DepotScopedAuthorization()
        excludes = ["telematics_unit_id"]
        filtering = {
            "depot": ALL_WITH_RELATIONS,
            "status": ALL,
            "needs_service": ALL,
            "registration": ["exact", "startswith"],
        }

    def prepend_urls(self):
        name = self._meta.resource_name
        return [
            re_path(
                r"^(?P<resource_name>%s)/export%s$" % (name, trailing_slash),
                self.wrap_view("export"),
                name="api_vehicle_export",
            ),
            re_path(
                r"^(?P<resource_name>%s)/(?P<pk>\d+)/retire%s$" % (name, trailing_slash),
                self.wrap_view("retire"),
                name="api_vehicle_retire",
            ),
            re_path(
                r"^(?P<resource_name>%s)/(?P<pk>\d+)/unlock%s$" % (name, trailing_slash),
                self.wrap_view("unlock"),
                name="api_vehicle_unlock",
            ),
        ]

    def _vehicle_or_404(self, pk):
        try:
            return Vehicle.objects.select_related("depot").get(pk=pk)
        except Vehicle.DoesNotExist:
            raise ImmediateHttpResponse(HttpNotFound("No such vehicle"))

    def retire(self, request, **kwargs):
        self.method_check(request, allowed=["post"])
        self.is_authenticated(request)
        self.throttle_check(request)

        vehicle = self._vehicle_or_404(kwargs["pk"])
        bundle = self.build_bundle(obj=vehicle, request=request)
        self.authorized_update_detail(self.get_object_list(request), bundle)

        vehicle.retire()
        vehicle.save(update_fields=["status", "retired_at"])
        logger.info("vehicle %s retired by %s", vehicle.registration, request.user.username)
        self.log_throttled_access(request)
        return self.create_response(request, {"registration": vehicle.registration, "status": vehicle.status})

    def unlock(self, request, **kwargs):
        self.method_check(request, allowed=["post"])
        self.throttle_check(request)

        vehicle = self._vehicle_or_404(kwargs["pk"])
        if not vehicle.telematics_unit_id:
            raise ImmediateHttpResponse(HttpBadRequest("Vehicle has no telematics unit"))
        data = self.deserialize(request, request.body, format=request.META.get("CONTENT_TYPE", "application/json"))

        TelematicsClient().send_command(vehicle.telematics_unit_id, "unlock", reason=data.get("reason", ""))
        logger.info("unlock sent to %s", vehicle.registration)
        self.log_throttled_access(request)
        return self.create_response(request, {"registration": vehicle.registration, "command": "unlock"})

    def export(self, request, **kwargs):
        self.method_check(request, allowed=["get"])
        self.is_authenticated(request)
        return HttpNotImplemented("CSV export is not available yet")


class DriverResource(ModelResource):
    depot = fields.ForeignKey(DepotResource, "depot")
    username = fields.CharField(attribute="user__username", readonly=True)

    class Meta:
        queryset = Driver.objects.select_related("user", "depot")
        resource_name = "driver"
        allowed_methods = ["get", "patch"]
        authentication = ApiKeyAuthentication()
        authorization = DepotScopedAuthorization()
        excludes = ["pairing_code"]

    def prepend_urls(self):
        return [
            re_path(
                r"^(?P<resource_name>%s)/(?P<pk>\d+)/pair%s$" % (self._meta.resource_name, trailing_slash),
                self.wrap_view("pair"),
                name="api_driver_pair",
            ),
        ]

    def pair(self, request, **kwargs):
        """Called by the driver handset with the code shown on the depot screen."""
        self.method_check(request, allowed=["post"])
        self.is_authenticated(request)
        self.throttle_check(request)

        try:
            driver = Driver.objects.get(pk=kwargs["pk"], user=request.user)
        except Driver.DoesNotExist:
            raise ImmediateHttpResponse(HttpNotFound("No such driver"))
        data = self.deserialize(request, request.body, format=request.META.get("CONTENT_TYPE", "application/json"))
        code = str(data.get("code", ""))
        if not driver.pairing_code or not hmac.compare_digest(driver.pairing_code, code):
            raise ImmediateHttpResponse(HttpBadRequest("Pairing code does not match"))

        driver.paired_device = str(data.get("device_id", ""))[:64]
        driver.pairing_code = ""
        driver.save(update_fields=["paired_device", "pairing_code"])
        self.log_throttled_access(request)
        return self.create_response(request, {"paired": True})


class FuelCardResource(ModelResource):
    vehicle = fields.ForeignKey(VehicleResource, "vehicle")

    class Meta:
        queryset = FuelCard.objects.select_related("vehicle")
        resource_name = "fuelcard"
        allowed_methods = ["get", "patch"]
        authentication = ApiKeyAuthentication()
        authorization = Authorization()
        fields = ["id", "provider", "card_last4", "monthly_limit_eur", "blocked"]


class OdometerReadingResource(ModelResource):
    vehicle = fields.ForeignKey(VehicleResource, "vehicle")

    class Meta:
        queryset = OdometerReading.objects.select_related("vehicle")
        resource_name = "odometer"
        allowed_methods = ["get", "post"]
        authentication = ApiKeyAuthentication()
        authorization = FleetManagerAuthorization(depot_field="vehicle__depot")
        filtering = {"vehicle": ALL_WITH_RELATIONS, "recorded_at": ["gte", "lte"]}
        ordering = ["recorded_at"]
