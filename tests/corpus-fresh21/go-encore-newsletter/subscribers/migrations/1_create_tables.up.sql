CREATE TABLE lists (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE subscribers (
    id             BIGSERIAL PRIMARY KEY,
    list_id        TEXT NOT NULL REFERENCES lists(id),
    email          TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'pending',
    confirm_token  TEXT NOT NULL,
    suppressed_at  TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    confirmed_at   TIMESTAMPTZ,
    UNIQUE (list_id, email)
);

CREATE TABLE editors (
    id     TEXT PRIMARY KEY,
    email  TEXT NOT NULL UNIQUE,
    role   TEXT NOT NULL DEFAULT 'editor'
);

CREATE TABLE sessions (
    token_sha256  TEXT PRIMARY KEY,
    editor_id     TEXT NOT NULL REFERENCES editors(id),
    expires_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX subscribers_list_status ON subscribers (list_id, status);
