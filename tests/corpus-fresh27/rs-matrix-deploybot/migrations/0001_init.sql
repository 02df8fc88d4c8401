CREATE TABLE IF NOT EXISTS deploys (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    service     TEXT NOT NULL,
    version     TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    pipeline_id INTEGER,
    status      TEXT NOT NULL DEFAULT 'pending',
    created_at  TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE INDEX IF NOT EXISTS deploys_service_created ON deploys (service, created_at DESC);

CREATE TABLE IF NOT EXISTS locks (
    service   TEXT PRIMARY KEY,
    locked_by TEXT NOT NULL,
    reason    TEXT NOT NULL,
    locked_at TEXT NOT NULL DEFAULT (datetime('now'))
);
