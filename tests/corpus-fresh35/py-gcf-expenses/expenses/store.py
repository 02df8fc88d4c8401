import datetime as dt
import uuid

from google.cloud import firestore
from google.cloud.firestore_v1.base_query import FieldFilter

_db = None


def db() -> firestore.Client:
    global _db
    if _db is None:
        _db = firestore.Client()
    return _db


def get_person(email: str) -> dict | None:
    snap = db().collection("people").document(email).get()
    return snap.to_dict() if snap.exists else None


def create_expense(owner: str, amount_cents: int, currency: str, category: str, note: str) -> dict:
    expense_id = uuid.uuid4().hex
    doc = {
        "id": expense_id,
        "owner": owner,
        "amount_cents": amount_cents,
        "currency": currency,
        "category": category,
        "note": note,
        "status": "draft",
        "receipt": None,
        "ocr": None,
        "created_at": firestore.SERVER_TIMESTAMP,
    }
    db().collection("expenses").document(expense_id).set(doc)
    return doc


def get_expense(expense_id: str) -> dict | None:
    snap = db().collection("expenses").document(expense_id).get()
    return snap.to_dict() if snap.exists else None


def update_expense(expense_id: str, **fields) -> None:
    fields["updated_at"] = firestore.SERVER_TIMESTAMP
    db().collection("expenses").document(expense_id).update(fields)


def list_for_owner(owner: str, status: str | None = None) -> list[dict]:
    query = db().collection("expenses").where(filter=FieldFilter("owner", "==", owner))
    if status:
        query = query.where(filter=FieldFilter("status", "==", status))
    return [snap.to_dict() for snap in query.order_by("created_at", direction=firestore.Query.DESCENDING).stream()]


def list_pending_approval(limit: int = 100) -> list[dict]:
    query = (
        db()
        .collection("expenses")
        .where(filter=FieldFilter("status", "==", "submitted"))
        .order_by("created_at")
        .limit(limit)
    )
    return [snap.to_dict() for snap in query.stream()]


def expenses_for_month(owner: str | None, year: int, month: int) -> list[dict]:
    start = dt.datetime(year, month, 1, tzinfo=dt.timezone.utc)
    end = dt.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=dt.timezone.utc)
    query = (
        db()
        .collection("expenses")
        .where(filter=FieldFilter("created_at", ">=", start))
        .where(filter=FieldFilter("created_at", "<", end))
    )
    return [snap.to_dict() for snap in query.stream()]


def attach_receipt(expense_id: str, bucket: str, name: str, content_type: str) -> None:
    update_expense(expense_id, receipt={"bucket": bucket, "name": name, "content_type": content_type})


def attach_ocr(expense_id: str, result: dict) -> None:
    update_expense(expense_id, ocr=result, ocr_at=firestore.SERVER_TIMESTAMP)


def write_audit(actor: str, action: str, expense_id: str, detail: dict | None = None) -> None:
    db().collection("audit").add(
        {
            "actor": actor,
            "action": action,
            "expense_id": expense_id,
            "detail": detail or {},
            "at": firestore.SERVER_TIMESTAMP,
        }
    )


def close_month(year: int, month: int, closed_by: str) -> int:
    batch = db().batch()
    count = 0
    for expense in expenses_for_month(None, year, month):
        if expense["status"] == "approved":
            batch.update(db().collection("expenses").document(expense["id"]), {"status": "closed"})
            count += 1
    batch.set(
        db().collection("closings").document(f"{year:04d}-{month:02d}"),
        {"closed_by": closed_by, "count": count, "at": firestore.SERVER_TIMESTAMP},
    )
    batch.commit()
    return count
