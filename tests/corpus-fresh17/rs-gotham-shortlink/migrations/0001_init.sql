CREATE TABLE links (
    code        TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    target      TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP
);

CREATE TABLE clicks (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    code     TEXT NOT NULL REFERENCES links (code) ON DELETE CASCADE,
    country  TEXT NOT NULL,
    at       TIMESTAMP NOT NULL
);

CREATE INDEX clicks_code_idx ON clicks (code);
