import falcon
import structlog
from sqlalchemy.exc import NoResultFound

from inventory import repo
from inventory.hooks import require_role

log = structlog.get_logger(__name__)


class ItemCollection:
    def on_get(self, req: falcon.Request, resp: falcon.Response, warehouse_id: int) -> None:
        include_archived = req.get_param_as_bool("include_archived", default=False)
        limit = req.get_param_as_int("limit", min_value=1, max_value=500, default=100)
        resp.media = {
            "items": repo.list_items(req.context.db, warehouse_id, include_archived, limit),
        }


class ItemStock:
    @falcon.before(require_role("editor"))
    def on_post(self, req: falcon.Request, resp: falcon.Response, warehouse_id: int, sku: str) -> None:
        body = req.get_media()
        try:
            delta = int(body["delta"])
        except (KeyError, TypeError, ValueError) as exc:
            raise falcon.HTTPBadRequest(title="delta must be an integer") from exc

        try:
            qty = repo.adjust_quantity(req.context.db, sku, delta, req.context.user.id)
        except NoResultFound:
            raise falcon.HTTPNotFound(title=f"unknown sku {sku}")
        log.info("stock adjusted", sku=sku, delta=delta, warehouse=warehouse_id, quantity=qty)
        resp.media = {"sku": sku, "quantity": qty}
