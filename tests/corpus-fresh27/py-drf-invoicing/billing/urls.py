from django.urls import path
from rest_framework.routers import DefaultRouter

from .views import CustomerViewSet, HealthView, InvoiceViewSet, PayrailWebhookView

router = DefaultRouter()
router.register("customers", CustomerViewSet, basename="customer")
router.register("invoices", InvoiceViewSet, basename="invoice")

urlpatterns = [
    path("health/", HealthView.as_view(), name="health"),
    path("webhooks/payrail/", PayrailWebhookView.as_view(), name="payrail-webhook"),
    *router.urls,
]
