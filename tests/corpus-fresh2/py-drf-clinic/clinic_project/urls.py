from django.urls import include, path
from rest_framework.routers import DefaultRouter

from clinic import views, webhooks

router = DefaultRouter()
router.register("patients", views.PatientViewSet, basename="patient")
router.register("records", views.RecordViewSet, basename="record")
router.register("invoices", views.InvoiceViewSet, basename="invoice")

urlpatterns = [
    path("api/", include(router.urls)),
    path("api/search/", views.search, name="search"),
    path("api/exports/records/", views.export_records, name="export-records"),
    path("reports/<int:report_id>/download/", views.download_report, name="download-report"),
    path("hooks/lab-results/", webhooks.lab_results_webhook, name="lab-webhook"),
    path("hooks/payments/", webhooks.payments_webhook, name="payments-webhook"),
]
