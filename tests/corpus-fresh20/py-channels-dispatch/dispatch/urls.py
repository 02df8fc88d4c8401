from django.contrib import admin
from django.urls import path

from rides import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("drivers/nearby/", views.nearby_drivers, name="drivers-nearby"),
    path("rides/<int:ride_id>/", views.ride_detail, name="ride-detail"),
    path("rides/<int:ride_id>/cancel/", views.cancel_ride, name="ride-cancel"),
    path("rides/<int:ride_id>/receipt.pdf", views.ride_receipt_pdf, name="ride-receipt"),
    path("webhooks/payments/", views.payments_webhook, name="payments-webhook"),
]
