CREATE TABLE IF NOT EXISTS guild_settings (
    guild_id        INTEGER PRIMARY KEY NOT NULL,
    prefix          TEXT    NOT NULL DEFAULT '!',
    log_channel_id  INTEGER,
    welcome_message TEXT,
    premium_until   INTEGER
);

CREATE TABLE IF NOT EXISTS cases (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id     INTEGER NOT NULL,
    user_id      INTEGER NOT NULL,
    moderator_id INTEGER NOT NULL,
    action       TEXT    NOT NULL,
    reason       TEXT,
    created_at   INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS cases_guild_user ON cases (guild_id, user_id, created_at DESC);
