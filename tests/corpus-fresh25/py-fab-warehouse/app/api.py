import hashlib
import hmac
import logging

from flask import current_app, request
from flask_appbuilder.api import BaseApi, ModelRestApi, expose, protect, safe
from flask_appbuilder.models.sqla.interface import SQLAInterface
from flask_appbuilder.security.decorators import permission_name

from .models import StockItem, StockMovement
from .services.carriers import Parcel, ShipmateClient, cheapest_quote
from .services.inventory import StockError, reserve_stock

log = logging.getLogger(__name__)


class StockItemApi(ModelRestApi):
    resource_name = "stock_item"
    class_permission_name = "StockItem"
    datamodel = SQLAInterface(StockItem)
    base_permissions = ["can_get", "can_info", "can_put"]
    list_columns = ["id", "sku", "name", "warehouse.code", "quantity", "reserved"]
    show_columns = list_columns + ["reorder_level", "unit_cost"]
    edit_columns = ["reorder_level"]

    @expose("/<int:pk>/reserve", methods=["POST"])
    @protect()
    @safe
    @permission_name("put")
    def reserve(self, pk):
        """Reserve units of a stock item for an order.
        ---
        post:
          parameters:
          - in: path
            schema:
              type: integer
            name: pk
          responses:
            200:
              description: Reservation applied
            400:
              $ref: '#/components/responses/400'
        """
        item = self.datamodel.get(pk)
        if item is None:
            return self.response_404()
        body = request.get_json(silent=True) or {}
        try:
            reserved = reserve_stock(
                self.datamodel.session,
                item.sku,
                int(body.get("quantity", 0)),
                item.warehouse_id,
            )
        except (StockError, ValueError) as exc:
            self.datamodel.session.rollback()
            return self.response_400(message=str(exc))
        self.datamodel.session.commit()
        return self.response(200, sku=reserved.sku, reserved=reserved.reserved, available=reserved.available)

    @expose("/<int:pk>/transfer", methods=["POST"])
    @protect()
    @safe
    @permission_name("put")
    def transfer(self, pk):
        """Move stock to another warehouse.
        ---
        post:
          responses:
            200:
              description: Transfer booked
        """
        return self.response(501, message="Inter-warehouse transfers are not available yet")

    @expose("/<int:pk>/shipping-quote", methods=["POST"])
    @protect()
    @safe
    @permission_name("get")
    def shipping_quote(self, pk):
        """Cheapest carrier quote for shipping one unit.
        ---
        post:
          responses:
            200:
              description: Quote
        """
        body = request.get_json(silent=True) or {}
        if not self.datamodel.get(pk):
            return self.response_404()
        parcel = Parcel(**body.get("parcel", {}))
        quote = cheapest_quote(ShipmateClient(), parcel, body.get("destination", {}))
        if quote is None:
            return self.response(200, quote=None)
        return self.response(200, quote=quote.__dict__)


class ErpWebhookApi(BaseApi):
    resource_name = "erp_webhook"
    csrf_exempt = True

    @expose("/movement-ack", methods=["POST"])
    def movement_ack(self):
        """Called by the ERP when it has booked a movement. Signed with HMAC-SHA256."""
        signature = request.headers.get("X-Erp-Signature", "")
        if len(signature) != 64:
            return self.response_401()
        key = current_app.config["ERP_WEBHOOK_KEY"].encode()
        expected = hmac.new(key, request.get_data(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(signature, expected):
            log.warning("ERP webhook with bad signature from %s", request.remote_addr)
            return self.response_401()
        body = request.get_json()
        movement = self.appbuilder.get_session.get(StockMovement, int(body["movement_id"]))
        if movement is None:
            return self.response_404()
        movement.synced_to_erp = True
        self.appbuilder.get_session.commit()
        return self.response(200, ok=True)
