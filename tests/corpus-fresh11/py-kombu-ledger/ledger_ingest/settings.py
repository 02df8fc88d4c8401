import os
import ssl

LOCK_FILE = "/var/run/ledger-ingest.pid"

BROKER_URL = os.environ.get("LEDGER_BROKER_URL", "amqps://rabbit.payments.internal:5671//")
DATABASE_URL = os.environ["LEDGER_DATABASE_URL"]
SIGNING_KEYS = {
    key_id: secret.encode()
    for key_id, _, secret in (item.partition(":") for item in os.environ.get("LEDGER_SIGNING_KEYS", "").split(",") if item)
}
ARCHIVE_BUCKET = os.environ.get("LEDGER_ARCHIVE_BUCKET", "payments-ledger-archive")
DLQ_DUMP_DIR = os.environ.get("LEDGER_DLQ_DIR", "/home/mkaur/src/ledger-ingest/var/dlq")

# Broker TLS. The private CA bundle is mounted by the deployment.
BROKER_SSL = {
    "ca_certs": os.environ.get("LEDGER_BROKER_CA", "/etc/ssl/certs/payments-ca.pem"),
    "cert_reqs": ssl.CERT_REQUIRED,
}
