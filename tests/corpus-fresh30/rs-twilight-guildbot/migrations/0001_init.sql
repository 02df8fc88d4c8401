CREATE TABLE IF NOT EXISTS cases (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    moderator_id  INTEGER NOT NULL,
    action        TEXT    NOT NULL CHECK (action IN ('warn', 'timeout', 'ban', 'unban', 'purge')),
    reason        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    closed        INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS cases_user ON cases (guild_id, user_id);

CREATE TABLE IF NOT EXISTS verifications (
    user_id     INTEGER PRIMARY KEY,
    email       TEXT    NOT NULL,
    code        TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0
);
