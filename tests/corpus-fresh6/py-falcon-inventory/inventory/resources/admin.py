import falcon
import structlog

from inventory import repo
from inventory.hooks import require_admin
from inventory.search import rebuild_index

log = structlog.get_logger(__name__)


@falcon.before(require_admin)
class ReindexResource:
    def on_post(self, req, resp, warehouse_id: int):
        count = rebuild_index(req.context.db, warehouse_id)
        resp.status = falcon.HTTP_202
        resp.media = {"reindexed": count}


class PurgeResource:
    """Permanently removes archived items from a warehouse."""

    def on_post(self, req, resp, warehouse_id: int):
        removed = repo.purge_archived(req.context.db, warehouse_id)
        log.warning("purged archived items", warehouse=warehouse_id, removed=removed)
        resp.media = {"removed": removed}
