from django.urls import path

from clinic.api import api

urlpatterns = [
    path("api/", api.urls),
]
