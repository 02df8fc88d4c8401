CREATE TABLE items (
    sku            TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    warehouse      TEXT NOT NULL,
    on_hand        INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved       INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    discontinued   BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX items_warehouse_idx ON items (warehouse);

CREATE TABLE stock_movements (
    id         BIGSERIAL PRIMARY KEY,
    sku        TEXT NOT NULL REFERENCES items (sku) ON DELETE CASCADE,
    delta      INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    actor      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE service_keys (
    prefix      TEXT PRIMARY KEY,
    service     TEXT NOT NULL,
    key_sha256  TEXT NOT NULL,
    revoked_at  TIMESTAMPTZ
);
