from __future__ import annotations

import os
from pathlib import Path

REDIS_URL = os.environ.get("SNAPPER_REDIS_URL", "redis://localhost:6379/2")
QUEUE_NAME = os.environ.get("SNAPPER_QUEUE", "snapshots")

# Object storage for snapshot manifests.
S3_BUCKET = os.environ.get("SNAPPER_BUCKET", "acme-snapshots-prod")
S3_ACCESS_KEY_ID = "AKIAY3QF7PLM2RXW5KTD"
S3_SECRET_ACCESS_KEY = "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"

# Hypervisor API token; never commit a real one -- set SNAPPER_HV_TOKEN.
HV_TOKEN = os.environ.get("SNAPPER_HV_TOKEN", "")
HV_BASE_URL = os.environ.get("SNAPPER_HV_URL", "https://hv.internal.example:8443/api/v1")
HV_CA_BUNDLE = os.environ.get("SNAPPER_HV_CA", "/Users/kpatel/.config/snapper/hv-ca.pem")

STATE_DIR = Path(os.environ.get("SNAPPER_STATE_DIR", Path.home() / ".local/state/snapper"))
