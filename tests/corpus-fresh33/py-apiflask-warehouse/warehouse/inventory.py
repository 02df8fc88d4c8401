from apiflask import APIBlueprint, abort
from flask import request
from flask.views import MethodView
from sqlalchemy.exc import IntegrityError

from . import audit
from .extensions import auth, db
from .models import Item
from .schemas import BinAssignmentIn, ItemIn, ItemOut, ItemPage, ItemQuery, StockAdjustmentIn

bp = APIBlueprint("inventory", __name__, url_prefix="/items", tag="Inventory")


class ItemList(MethodView):
    decorators = [bp.auth_required(auth, roles=["clerk", "manager"])]

    @bp.input(ItemQuery, location="query")
    @bp.output(ItemPage)
    def get(self, query_data):
        stmt = db.select(Item).order_by(Item.sku)
        if query_data["low_stock"]:
            stmt = stmt.where(Item.on_hand - Item.reserved < 10)
        page = db.paginate(stmt, page=query_data["page"], per_page=query_data["per_page"], error_out=False)
        return {"items": page.items, "page": page.page, "total": page.total}

    @bp.input(ItemIn, location="json")
    @bp.output(ItemOut, status_code=201)
    def post(self, json_data):
        item = Item(**json_data)
        db.session.add(item)
        audit.record("item.create", json_data["sku"])
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            abort(409, f"SKU {json_data['sku']} already exists in warehouse {json_data['warehouse_id']}")
        return item


class ItemDetail(MethodView):
    decorators = [bp.auth_required(auth, roles=["clerk", "manager"])]

    @bp.output(ItemOut)
    def get(self, item_id):
        return db.get_or_404(Item, item_id)

    @bp.input(ItemIn(partial=True), location="json")
    @bp.output(ItemOut)
    def patch(self, item_id, json_data):
        item = db.get_or_404(Item, item_id)
        # Optimistic concurrency: the ETag is derived from the row version and is not a secret.
        if request.headers.get("If-Match") != item.etag:
            abort(412, "item was modified by someone else; reload and retry")
        for key, value in json_data.items():
            setattr(item, key, value)
        item.version += 1
        audit.record("item.update", item.sku, ",".join(sorted(json_data)))
        db.session.commit()
        return item


class BinAssignment(MethodView):
    decorators = [bp.doc(tags=["Bins"], summary="Move SKUs to a bin")]

    @bp.input(BinAssignmentIn, location="json")
    @bp.output(ItemOut(many=True))
    def post(self, json_data):
        items = db.session.scalars(
            db.select(Item).where(
                Item.sku.in_(json_data["skus"]),
                Item.warehouse_id == json_data["warehouse_id"],
            )
        ).all()
        if not items:
            abort(404, "none of the SKUs exist in that warehouse")
        for item in items:
            item.bin_code = json_data["bin_code"]
            item.version += 1
        audit.record("bin.assign", json_data["bin_code"], ",".join(i.sku for i in items))
        db.session.commit()
        return items


bp.add_url_rule("", view_func=ItemList.as_view("item_list"))
bp.add_url_rule("/<int:item_id>", view_func=ItemDetail.as_view("item_detail"))
bp.add_url_rule("/bins", view_func=BinAssignment.as_view("bin_assignment"))


@bp.post("/<int:item_id>/adjustments")
@bp.auth_required(auth, roles=["manager"])
@bp.input(StockAdjustmentIn, location="json")
@bp.output(ItemOut)
def adjust_stock(item_id, json_data):
    item = db.get_or_404(Item, item_id)
    new_on_hand = item.on_hand + json_data["delta"]
    if new_on_hand < item.reserved:
        abort(422, "adjustment would leave less stock than is reserved")
    item.on_hand = new_on_hand
    item.version += 1
    audit.record("stock.adjust", item.sku, f"{json_data['delta']:+d} {json_data['reason']}")
    db.session.commit()
    return item
