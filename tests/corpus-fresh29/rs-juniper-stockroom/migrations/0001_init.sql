CREATE TABLE suppliers (
    id          SERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    account_ref TEXT NOT NULL UNIQUE
);

CREATE TABLE items (
    id              SERIAL PRIMARY KEY,
    sku             TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    on_hand         INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reorder_point   INTEGER NOT NULL DEFAULT 0,
    reorder_qty     INTEGER NOT NULL DEFAULT 0,
    unit_cost_cents BIGINT NOT NULL DEFAULT 0,
    supplier_id     INTEGER REFERENCES suppliers (id)
);

CREATE TABLE movements (
    id         BIGSERIAL PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES items (id),
    delta      INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    reference  TEXT,
    actor      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
    id         BIGSERIAL PRIMARY KEY,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    detail     JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE purchase_orders (
    id           BIGSERIAL PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES items (id),
    quantity     INTEGER NOT NULL,
    supplier_ref TEXT NOT NULL UNIQUE,
    status       TEXT NOT NULL DEFAULT 'placed',
    deliver_by   DATE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
