"""Cloud Functions entry points (deployed with --entry-point NAME)."""

import functions_framework

from expenses import api, events, log

log.setup()


@functions_framework.http
def expenses_api(request):
    return api.dispatch(request)


@functions_framework.http
def chat_actions(request):
    return api.chat_action(request)


@functions_framework.http
def month_close(request):
    return api.month_close(request)


@functions_framework.cloud_event
def receipt_uploaded(cloud_event):
    events.receipt_uploaded(cloud_event)


@functions_framework.cloud_event
def payroll_events(cloud_event):
    events.payroll_event(cloud_event)
