CREATE TABLE invoices (
    id              BIGSERIAL PRIMARY KEY,
    number          TEXT NOT NULL UNIQUE,
    customer_id     BIGINT NOT NULL,
    customer_email  TEXT NOT NULL,
    currency        CHAR(3) NOT NULL,
    total_cents     BIGINT NOT NULL,
    refunded_cents  BIGINT NOT NULL DEFAULT 0,
    status          TEXT NOT NULL DEFAULT 'issued',
    provider_ref    TEXT,
    due_on          DATE NOT NULL,
    paid_at         TIMESTAMPTZ,
    last_reminder_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE invoice_lines (
    invoice_id   BIGINT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    position     INT NOT NULL,
    description  TEXT NOT NULL,
    quantity     INT NOT NULL,
    unit_cents   BIGINT NOT NULL,
    PRIMARY KEY (invoice_id, position)
);
