CREATE TABLE products (
    sku          TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    category     TEXT NOT NULL,
    price_cents  BIGINT NOT NULL CHECK (price_cents >= 0),
    currency     TEXT NOT NULL DEFAULT 'EUR',
    archived     BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX products_category_idx ON products (category) WHERE NOT archived;

CREATE TABLE price_audit (
    id           BIGSERIAL PRIMARY KEY,
    sku          TEXT NOT NULL REFERENCES products (sku),
    old_cents    BIGINT NOT NULL,
    new_cents    BIGINT NOT NULL,
    actor        TEXT NOT NULL,
    reason       TEXT NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
