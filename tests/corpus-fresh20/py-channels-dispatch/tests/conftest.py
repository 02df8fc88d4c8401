import pytest
from django.contrib.auth import get_user_model

from rides.models import Driver, Ride


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    settings.PAYMENTS_WEBHOOK_SECRET = "whsec_test_dispatch"
    settings.DEVICE_TOKEN_PEPPER = "pepper-for-tests"
    settings.APNS = {**settings.APNS, "key_file": "/dev/null", "host": "https://apns.invalid"}


@pytest.fixture
def rider(db):
    return get_user_model().objects.create_user(username="rider1", password="pw-rider-1")


@pytest.fixture
def driver(db):
    user = get_user_model().objects.create_user(username="driver1", password="pw-driver-1")
    return Driver.objects.create(user=user, vehicle_plate="KX71 ZPE", is_available=True, last_lat=55.95, last_lng=-3.19)


@pytest.fixture
def ride(rider, driver):
    return Ride.objects.create(
        rider=rider,
        driver=driver,
        status=Ride.Status.ASSIGNED,
        pickup_lat=55.953,
        pickup_lng=-3.188,
        dropoff_lat=55.946,
        dropoff_lng=-3.201,
    )
