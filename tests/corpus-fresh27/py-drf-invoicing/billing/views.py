import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Customer, Invoice
from .payments import PayrailError, default_gateway
from .permissions import IsCustomerOwner, IsFinanceAdmin
from .serializers import CustomerSerializer, InvoiceSerializer, RefundSerializer

logger = logging.getLogger("billing.views")

SUPPORTED_CURRENCIES = ["EUR", "USD", "GBP", "CHF"]


def filter_by_period(queryset, start, end):
    if start:
        queryset = queryset.filter(due_date__gte=start)
    return queryset


class CustomerViewSet(viewsets.ModelViewSet):
    serializer_class = CustomerSerializer
    permission_classes = [IsAuthenticated, IsCustomerOwner]

    def get_queryset(self):
        return Customer.objects.filter(owner=self.request.user)

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)


class InvoiceViewSet(viewsets.ModelViewSet):
    serializer_class = InvoiceSerializer
    permission_classes = [IsAuthenticated, IsCustomerOwner]
    filterset_fields = ["status", "currency"]

    def get_queryset(self):
        qs = Invoice.objects.select_related("customer").prefetch_related("lines")
        if not self.request.user.is_staff:
            qs = qs.filter(customer__owner=self.request.user)
        return filter_by_period(qs, self.request.query_params.get("due_after"),
                                self.request.query_params.get("due_before"))

    @action(detail=False, methods=["get"], permission_classes=[AllowAny])
    def currencies(self, request):
        return Response(SUPPORTED_CURRENCIES)

    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None):
        invoice = self.get_object()
        if invoice.status != Invoice.Status.DRAFT:
            raise ValidationError("Only draft invoices can be issued.")
        charge = default_gateway().create_intent(invoice.total, invoice.currency, invoice.number)
        invoice.payment_intent_id = charge.id
        invoice.status = Invoice.Status.OPEN
        invoice.issued_at = timezone.now()
        invoice.save(update_fields=["payment_intent_id", "status", "issued_at"])
        return Response(self.get_serializer(invoice).data)

    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated, IsFinanceAdmin])
    def void(self, request, pk=None):
        invoice = self.get_object()
        if invoice.status not in (Invoice.Status.DRAFT, Invoice.Status.OPEN):
            raise ValidationError("Only draft or open invoices can be voided.")
        invoice.status = Invoice.Status.VOID
        invoice.save(update_fields=["status"])
        logger.info("invoice %s voided by %s", invoice.number, request.user.pk)
        return Response(self.get_serializer(invoice).data)

    @action(detail=True, methods=["post"])
    def refund(self, request, pk=None):
        invoice = self.get_object()
        body = RefundSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        if invoice.status != Invoice.Status.PAID:
            raise ValidationError("Only paid invoices can be refunded.")
        if body.validated_data["amount"] > invoice.total:
            raise ValidationError("Refund exceeds invoice total.")
        try:
            default_gateway().refund(invoice.payment_intent_id, body.validated_data["amount"])
        except PayrailError as exc:
            logger.error("refund of %s failed: %s", invoice.number, exc)
            return Response({"detail": "Payment provider rejected the refund."}, status=status.HTTP_502_BAD_GATEWAY)
        invoice.status = Invoice.Status.REFUNDED
        invoice.save(update_fields=["status"])
        logger.info("invoice %s refunded by %s: %s", invoice.number, request.user.pk,
                    body.validated_data["reason"])
        return Response(self.get_serializer(invoice).data)

    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        self.get_object()
        return Response({"detail": "PDF rendering is not available."}, status=status.HTTP_501_NOT_IMPLEMENTED)


class PayrailWebhookView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    def post(self, request):
        secret = settings.PAYRAIL["WEBHOOK_SECRET"].encode()
        signature = request.headers.get("Payrail-Signature", "")
        expected = hmac.new(secret, request.body, hashlib.sha256).hexdigest()
        if not secret or not hmac.compare_digest(signature, expected):
            return Response(status=status.HTTP_401_UNAUTHORIZED)

        event = json.loads(request.body)
        if event["type"] != "payment_intent.succeeded":
            return Response(status=status.HTTP_204_NO_CONTENT)
        intent_id = event["data"]["object"]["id"]
        with transaction.atomic():
            try:
                invoice = Invoice.objects.select_for_update().get(payment_intent_id=intent_id)
            except Invoice.DoesNotExist:
                raise NotFound(f"no invoice for {intent_id}")
            if invoice.status == Invoice.Status.OPEN:
                invoice.status = Invoice.Status.PAID
                invoice.paid_at = timezone.now()
                invoice.save(update_fields=["status", "paid_at"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class HealthView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"status": "ok"})
