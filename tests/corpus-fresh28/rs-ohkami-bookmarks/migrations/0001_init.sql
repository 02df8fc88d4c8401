CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    username    TEXT NOT NULL UNIQUE,
    token_hash  TEXT NOT NULL UNIQUE,
    quota       INTEGER NOT NULL DEFAULT 5000,
    created_at  TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE bookmarks (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    url         TEXT NOT NULL,
    title       TEXT,
    notes       TEXT,
    share_slug  TEXT UNIQUE,
    archived_at TEXT,
    created_at  TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX bookmarks_user ON bookmarks(user_id, created_at DESC);

CREATE TABLE tags (
    bookmark_id INTEGER NOT NULL REFERENCES bookmarks(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    PRIMARY KEY (bookmark_id, name)
);
