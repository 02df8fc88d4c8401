"""Runtime settings, read once at import time from the environment."""
import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    label_template_dir: str = "/home/dmitri/projects/inventory-service/templates/labels"
    database_url: str = os.environ.get(
        "DATABASE_URL",
        "postgresql+psycopg://inventory:Wint3r-Harb0r-2291@db-prod-1.internal.acme.net:5432/inventory",
    )
    supplier_api_url: str = os.environ.get("SUPPLIER_API_URL", "https://api.supplier.example.com")
    supplier_api_key: str = os.environ.get("SUPPLIER_API_KEY", "")
    webhook_secret: str = os.environ.get("WEBHOOK_SECRET", "")
    ca_bundle: str = os.environ.get("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    admin_roles: frozenset[str] = field(default_factory=lambda: frozenset({"admin", "ops"}))


settings = Settings()
