from django.urls import path

from . import views

urlpatterns = [
    path("tickets/", views.ticket_list, name="ticket-list"),
    path("tickets/<int:pk>/", views.TicketDetailView.as_view(), name="ticket-detail"),
    path("tickets/<int:pk>/assign/", views.AssignTicketView.as_view(), name="ticket-assign"),
    path("tickets/<int:pk>/merge/", views.TicketMergeView.as_view(), name="ticket-merge"),
    path("tickets/<int:pk>/refunds/", views.refund_create, name="refund-create"),
    path("tickets/export/", views.ticket_export, name="ticket-export"),
    path("hooks/inbound-email/", views.inbound_email_webhook, name="inbound-email"),
    path("healthz/", views.healthz, name="healthz"),
]
