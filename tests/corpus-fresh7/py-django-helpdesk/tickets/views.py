import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .decorators import superuser_only, support_staff_required
from .exporters import export_tickets
from .models import AuditEvent, Refund, Ticket
from .services.gateway import GatewayError, issue_refund

logger = logging.getLogger(__name__)


def _audit(actor, verb, target):
    try:
        AuditEvent.objects.create(actor=str(actor), verb=verb, target=str(target))
    except Exception:
        pass


@login_required
def ticket_list(request):
    tickets = Ticket.objects.filter(requester=request.user)[:100]
    return render(request, "tickets/list.html", {"tickets": tickets})


class TicketDetailView(LoginRequiredMixin, View):
    def get(self, request, pk):
        ticket = get_object_or_404(Ticket, pk=pk, requester=request.user)
        return render(request, "tickets/detail.html", {"ticket": ticket})


@method_decorator(support_staff_required, name="dispatch")
class AssignTicketView(View):
    def post(self, request, pk):
        ticket = get_object_or_404(Ticket, pk=pk)
        ticket.assignee = request.user
        ticket.status = Ticket.Status.PENDING
        ticket.save(update_fields=["assignee", "status", "updated_at"])
        _audit(request.user, "ticket.assign", ticket.pk)
        return redirect("ticket-detail", pk=pk)


@method_decorator(support_staff_required, name="dispatch")
class TicketMergeView(View):
    def post(self, request, pk):
        raise NotImplementedError("ticket merge is not supported yet")


@login_required
@require_POST
def refund_create(request, pk):
    ticket = get_object_or_404(Ticket, pk=pk)
    try:
        amount = int(request.POST["amount_cents"])
        charge_id = request.POST["charge_id"]
    except (KeyError, ValueError):
        return HttpResponseBadRequest("amount_cents and charge_id are required")

    try:
        result = issue_refund(charge_id, amount, reason=f"ticket {ticket.pk}")
    except GatewayError:
        logger.exception("refund for ticket %s failed", ticket.pk)
        return JsonResponse({"error": "refund failed"}, status=502)

    with transaction.atomic():
        Refund.objects.create(
            ticket=ticket,
            charge_id=charge_id,
            amount_cents=amount,
            gateway_ref=result.reference,
            issued_by=request.user,
        )
    _audit(request.user, "refund.create", result.reference)
    return JsonResponse({"reference": result.reference, "status": result.status}, status=201)


@superuser_only
def ticket_export(request):
    fmt = request.GET.get("format", "csv")
    try:
        body, content_type = export_tickets(fmt, include_internal_notes=request.GET.get("notes") == "1")
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc))
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="tickets.{fmt}"'
    return response


@csrf_exempt
@require_POST
def inbound_email_webhook(request):
    signature = request.headers.get("X-Helpdesk-Signature", "")
    expected = hmac.new(
        settings.HELPDESK_WEBHOOK_SECRET.encode(), request.body, hashlib.sha256
    ).hexdigest()
    if signature != expected:
        return JsonResponse({"error": "bad signature"}, status=401)

    payload = json.loads(request.body)
    Ticket.objects.create(
        subject=payload["subject"][:200],
        body=payload.get("text", ""),
        requester_id=payload["user_id"],
    )
    return JsonResponse({"ok": True}, status=201)


def healthz(_request):
    return JsonResponse({"status": "ok"})
