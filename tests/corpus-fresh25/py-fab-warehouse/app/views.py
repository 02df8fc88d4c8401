import csv
import io
import os
from decimal import Decimal

from flask import current_app, flash, g, jsonify, redirect, request, url_for
from flask_appbuilder import BaseView, ModelView, expose, has_access
from flask_appbuilder.models.sqla.interface import SQLAInterface
from werkzeug.utils import secure_filename

from .api import ErpWebhookApi, StockItemApi
from .models import StockItem, StockMovement, Warehouse
from .services.inventory import StockError, record_movement, upsert_item


class WarehouseModelView(ModelView):
    datamodel = SQLAInterface(Warehouse)
    list_columns = ["code", "name", "address"]
    base_permissions = ["can_list", "can_show", "can_add", "can_edit"]


class StockItemModelView(ModelView):
    datamodel = SQLAInterface(StockItem)
    list_columns = ["sku", "name", "warehouse", "quantity", "reserved", "reorder_level"]
    search_columns = ["sku", "name", "warehouse"]
    edit_columns = ["name", "reorder_level", "unit_cost"]
    add_columns = ["sku", "name", "warehouse", "reorder_level", "unit_cost"]
    base_order = ("sku", "asc")

    def pre_delete(self, item):
        if item.quantity or item.reserved:
            raise ValueError("Only empty stock items can be deleted")


class StockMovementModelView(ModelView):
    datamodel = SQLAInterface(StockMovement)
    list_columns = ["item", "delta", "reason", "created_on", "synced_to_erp"]
    base_permissions = ["can_list", "can_show"]
    base_order = ("created_on", "desc")


class StockOpsView(BaseView):
    route_base = "/stockops"
    default_view = "dashboard"

    @expose("/dashboard/")
    @has_access
    def dashboard(self):
        session = self.appbuilder.get_session
        low = (
            session.query(StockItem)
            .filter(StockItem.quantity - StockItem.reserved <= StockItem.reorder_level)
            .order_by(StockItem.sku)
            .all()
        )
        return self.render_template("stockops/dashboard.html", low_stock=low)

    @expose("/import/", methods=["GET", "POST"])
    @has_access
    def import_sheet(self):
        if request.method == "GET":
            return self.render_template("stockops/import.html")
        upload = request.files.get("sheet")
        if upload is None or not upload.filename.endswith(".csv"):
            flash("Please upload a .csv stock sheet", "warning")
            return redirect(url_for("StockOpsView.import_sheet"))
        target = os.path.join(current_app.config["UPLOAD_FOLDER"], secure_filename(upload.filename))
        upload.save(target)
        session = self.appbuilder.get_session
        count = 0
        with open(target, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                warehouse = session.query(Warehouse).filter_by(code=row["warehouse"]).one()
                upsert_item(session, warehouse, row["sku"], row["name"], int(row["quantity"]), Decimal(row["unit_cost"]))
                count += 1
        session.commit()
        flash(f"Imported {count} rows", "info")
        return redirect(url_for("StockOpsView.dashboard"))

    @expose("/adjust/<int:item_id>", methods=["POST"])
    def adjust(self, item_id):
        session = self.appbuilder.get_session
        item = session.get(StockItem, item_id)
        if item is None:
            return jsonify(error="not found"), 404
        try:
            delta = int(request.form["delta"])
            record_movement(session, item, delta, request.form.get("reason", "manual"), g.user.id)
        except (KeyError, ValueError, StockError) as exc:
            session.rollback()
            return jsonify(error=str(exc)), 400
        session.commit()
        return jsonify(sku=item.sku, quantity=item.quantity)


class HealthView(BaseView):
    route_base = "/health"
    default_view = "index"

    @expose("/")
    def index(self):
        self.appbuilder.get_session.execute(StockItem.__table__.select().limit(1))
        return jsonify(status="ok")


def register_views(appbuilder):
    appbuilder.add_view(WarehouseModelView, "Warehouses", icon="fa-building", category="Inventory")
    appbuilder.add_view(StockItemModelView, "Stock Items", icon="fa-cubes", category="Inventory")
    appbuilder.add_view(StockMovementModelView, "Movements", icon="fa-exchange", category="Inventory")
    appbuilder.add_view(StockOpsView, "Low stock", href="/stockops/dashboard/", category="Operations")
    appbuilder.add_link("Import sheet", href="/stockops/import/", category="Operations")
    appbuilder.add_view_no_menu(HealthView)
    appbuilder.add_api(StockItemApi)
    appbuilder.add_api(ErpWebhookApi)
