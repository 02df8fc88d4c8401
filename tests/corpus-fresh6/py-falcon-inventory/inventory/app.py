import falcon

from inventory import repo
from inventory.db import SessionLocal
from inventory.middleware import RequestIdMiddleware, SessionMiddleware, TokenAuthMiddleware
from inventory.resources.admin import PurgeResource, ReindexResource
from inventory.resources.items import ItemCollection, ItemStock
from inventory.resources.reorders import LabelResource, ReorderResource
from inventory.resources.webhooks import SupplierWebhook
from inventory.suppliers import SupplierClient


class Health:
    def on_get(self, req, resp):
        resp.media = {"status": "ok"}


def create_app(session_factory=SessionLocal, supplier_client: SupplierClient | None = None) -> falcon.App:
    app = falcon.App(
        middleware=[
            RequestIdMiddleware(),
            SessionMiddleware(session_factory),
            TokenAuthMiddleware(repo.user_for_token),
        ]
    )
    reorders = ReorderResource(supplier_client or SupplierClient())

    app.add_route("/healthz", Health())
    app.add_route("/warehouses/{warehouse_id:int}/items", ItemCollection())
    app.add_route("/warehouses/{warehouse_id:int}/items/{sku}/stock", ItemStock())
    app.add_route("/warehouses/{warehouse_id:int}/labels", LabelResource())
    app.add_route("/reorders", reorders)
    app.add_route("/reorders/{reorder_id}", reorders, suffix="status")
    app.add_route("/webhooks/supplier", SupplierWebhook())

    app.add_route("/admin/warehouses/{warehouse_id:int}/reindex", ReindexResource())
    app.add_route("/admin/warehouses/{warehouse_id:int}/purge", PurgeResource())
    return app


app = create_app()
