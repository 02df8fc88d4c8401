import os

os.environ.setdefault("REPORTS_SIGNING_KEY", "test-signing-key")
os.environ.setdefault("REPORTS_REDIS_DSN", "redis://:changeme@localhost:6379/15")
os.environ.setdefault("REPORTS_TEMPLATE_DIR", "tests/templates")
