CREATE TABLE IF NOT EXISTS reports (
    id          BIGSERIAL PRIMARY KEY,
    account_id  BIGINT NOT NULL,
    format      TEXT NOT NULL CHECK (format IN ('csv', 'jsonl')),
    status      TEXT NOT NULL DEFAULT 'queued',
    path        TEXT,
    row_count   BIGINT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ
);
