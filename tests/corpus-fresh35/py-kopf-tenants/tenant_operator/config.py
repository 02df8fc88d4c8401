import os

GROUP = "platform.acme.io"
VERSION = "v1"
PLURAL = "tenants"

NAMESPACE_PREFIX = os.getenv("TENANT_NAMESPACE_PREFIX", "t-")
ADMIN_GROUPS = frozenset(os.getenv("TENANT_ADMIN_GROUPS", "platform-admins,sre").split(","))
OPERATOR_USERNAME = os.getenv("OPERATOR_USERNAME", "system:serviceaccount:tenant-system:tenant-operator")

# Kubernetes mounts the pod's namespace here in every container with a service account.
SA_NAMESPACE_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/namespace"

WEBHOOK_HOST = os.getenv("WEBHOOK_HOST", "tenant-operator.tenant-system.svc")
WEBHOOK_PORT = int(os.getenv("WEBHOOK_PORT", "9443"))
WEBHOOK_CERT_DIR = os.getenv("WEBHOOK_CERT_DIR", "/Users/rjain/src/tenant-operator/hack/certs")

EXTERNAL_API_SERVER = os.getenv("EXTERNAL_API_SERVER")
EXTERNAL_TOKEN_FILE = os.getenv("EXTERNAL_TOKEN_FILE", "/var/run/secrets/tenant-operator/token")

BILLING_URL = os.getenv("BILLING_URL", "https://billing.internal.acme.io/api/v3")
BILLING_API_TOKEN = os.getenv("BILLING_API_TOKEN", "bil_prod_Q7rX2mT9vK4pL8nW1cZ6")
BILLING_CA_FILE = os.getenv("BILLING_CA_FILE")
BILLING_TIMEOUT = float(os.getenv("BILLING_TIMEOUT", "10"))

BREAK_GLASS_SECRET = os.getenv("BREAK_GLASS_SECRET", "tenant-break-glass")
BREAK_GLASS_ANNOTATION = f"{GROUP}/break-glass"

USAGE_INTERVAL = float(os.getenv("USAGE_INTERVAL", "900"))

TIER_QUOTAS = {
    "free": {"cpu": "2", "memory": "4Gi", "pods": 20},
    "standard": {"cpu": "16", "memory": "64Gi", "pods": 200},
    "enterprise": {"cpu": "96", "memory": "384Gi", "pods": 1500},
}


def operator_namespace() -> str:
    try:
        with open(SA_NAMESPACE_FILE, encoding="utf-8") as fh:
            return fh.read().strip()
    except FileNotFoundError:
        return os.getenv("OPERATOR_NAMESPACE", "tenant-system")
