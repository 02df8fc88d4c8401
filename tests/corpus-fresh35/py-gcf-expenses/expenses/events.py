import base64
import contextlib
import json
import os
import uuid

from google.api_core.exceptions import GoogleAPICallError
from google.cloud import storage

from . import config, log, notify, ocr, store

logger = log.get(__name__)

ALLOWED_TYPES = {"image/jpeg", "image/png", "application/pdf"}

_storage = None


def _storage_client() -> storage.Client:
    global _storage
    if _storage is None:
        _storage = storage.Client.from_service_account_json(config.STORAGE_SA_KEY_FILE)
    return _storage


def receipt_uploaded(cloud_event) -> None:
    data = cloud_event.data
    bucket, name = data["bucket"], data["name"]
    content_type = data.get("contentType", "")
    parts = name.split("/")
    if len(parts) != 3 or parts[0] != "receipts":
        logger.info("ignoring object outside receipts/", extra={"fields": {"name": name}})
        return
    if content_type not in ALLOWED_TYPES:
        logger.warning("unsupported receipt type", extra={"fields": {"name": name, "type": content_type}})
        return

    expense_id = parts[1]
    if store.get_expense(expense_id) is None:
        logger.warning("receipt for unknown expense", extra={"fields": {"expense_id": expense_id}})
        return
    store.attach_receipt(expense_id, bucket, name, content_type)

    local = os.path.join(config.SCRATCH_DIR, f"{uuid.uuid4().hex}-{os.path.basename(name)}")
    try:
        _storage_client().bucket(bucket).blob(name).download_to_filename(local)
        try:
            result = ocr.parse_receipt(local, content_type)
        except ocr.OcrError as exc:
            result = {"error": str(exc)}
        try:
            store.attach_ocr(expense_id, result)
        except GoogleAPICallError:
            pass
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(local)


def payroll_event(cloud_event) -> None:
    message = cloud_event.data["message"]
    try:
        payload = json.loads(base64.b64decode(message["data"]))
        kind = payload["type"]
        expense_ids = list(payload["expense_ids"])
    except (KeyError, ValueError, TypeError):
        # Retrying a malformed message would only redeliver it forever; ack it and keep the id.
        logger.warning("malformed payroll message dropped", extra={"fields": {"message_id": message.get("messageId")}})
        return

    if kind != "reimbursed":
        return
    notifier = notify.ChatWebhookNotifier()
    for expense_id in expense_ids:
        store.update_expense(expense_id, status="reimbursed", payroll_batch=payload.get("batch"))
        store.write_audit("payroll", "reimbursed", expense_id, {"batch": payload.get("batch")})
    notifier.send(f"Payroll batch {payload.get('batch')} reimbursed {len(expense_ids)} expenses.")
