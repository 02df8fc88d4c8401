CREATE TABLE IF NOT EXISTS flag_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  flag_key TEXT NOT NULL,
  actor TEXT,
  action TEXT NOT NULL,
  diff TEXT NOT NULL,
  at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS flag_audit_key_at ON flag_audit (flag_key, at);
