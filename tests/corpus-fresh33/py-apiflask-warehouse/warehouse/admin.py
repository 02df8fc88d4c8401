import csv
import os
from datetime import datetime, timezone

from apiflask import APIBlueprint, abort
from apiflask.fields import Dict, List, String
from flask import current_app

from . import audit
from .extensions import auth, db
from .models import ApiToken, Item, User

bp = APIBlueprint("admin", __name__, url_prefix="/admin", tag="Admin")


@bp.before_request
@bp.auth_required(auth, roles=["admin"])
def require_admin():
    """Every admin route needs the admin role; checked once for the whole blueprint."""


@bp.get("/users")
@bp.output({"users": List(Dict())})
def list_users():
    users = db.session.scalars(db.select(User).order_by(User.email)).all()
    return {"users": [{"id": u.id, "email": u.email, "roles": u.roles, "active": u.active} for u in users]}


@bp.post("/tokens/<int:token_id>/revoke")
@bp.output({}, status_code=204)
def revoke_token(token_id):
    token = db.get_or_404(ApiToken, token_id)
    token.revoked_at = datetime.now(timezone.utc)
    audit.record("token.revoke", str(token_id))
    db.session.commit()
    return ""


@bp.post("/exports/stock")
@bp.output({"path": String()}, status_code=201)
def export_stock():
    export_dir = current_app.config["EXPORT_DIR"]
    os.makedirs(export_dir, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = os.path.join(export_dir, f"stock-{stamp}.csv")
    rows = db.session.execute(db.select(Item.sku, Item.warehouse_id, Item.bin_code, Item.on_hand, Item.reserved))
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["sku", "warehouse_id", "bin", "on_hand", "reserved"])
        writer.writerows(rows)
    audit.record("export.stock", os.path.basename(path))
    db.session.commit()
    return {"path": path}


@bp.post("/search/reindex")
def reindex_search():
    abort(501, "search reindex is not available")
