import os

os.environ.setdefault("LEDGER_DATABASE_URL", "sqlite:///:memory:")
os.environ.setdefault("LEDGER_BROKER_URL", "memory://")
os.environ.setdefault("LEDGER_SIGNING_KEYS", "k1:changeme,k2:test-secret-2")
