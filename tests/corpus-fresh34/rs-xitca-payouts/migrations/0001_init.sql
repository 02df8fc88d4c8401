CREATE TABLE merchants (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    api_token_sha256 TEXT NOT NULL UNIQUE,
    iban TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE payouts (
    id UUID PRIMARY KEY,
    merchant_id UUID NOT NULL REFERENCES merchants (id),
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    currency CHAR(3) NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    bank_reference TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    settled_at TIMESTAMPTZ
);
CREATE INDEX payouts_merchant_created ON payouts (merchant_id, created_at DESC);

CREATE TABLE ledger_entries (
    id BIGSERIAL PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    merchant_id UUID NOT NULL REFERENCES merchants (id),
    payout_id UUID REFERENCES payouts (id),
    kind TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    currency CHAR(3) NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
