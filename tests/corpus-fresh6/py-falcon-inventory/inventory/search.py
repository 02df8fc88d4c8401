import structlog
from sqlalchemy import text

log = structlog.get_logger(__name__)


def rebuild_index(db, warehouse_id: int) -> int:
    db.execute(text("delete from item_search where warehouse_id = :w"), {"w": warehouse_id})
    result = db.execute(
        text("insert into item_search (warehouse_id, sku, document) "
             "select warehouse_id, sku, to_tsvector('simple', name) from items where warehouse_id = :w"),
        {"w": warehouse_id},
    )
    log.info("search index rebuilt", warehouse=warehouse_id, rows=result.rowcount)
    return result.rowcount
