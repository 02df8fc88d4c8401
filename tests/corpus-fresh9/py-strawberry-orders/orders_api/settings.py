from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=lambda: os.environ["DATABASE_URL"])
    jwt_public_key_file: str = os.getenv("JWT_PUBLIC_KEY_FILE", "/etc/orders-api/jwt.pub")
    stripe_api_key: str = os.getenv(
        "STRIPE_API_KEY", "sk_live_51NqR8vJt2KcX0aYb7LmPz3WdE9sHfG4uTkVn6QoRy1iMxCe5BjA8hD2lZpS0gU7wF"
    )
    stripe_webhook_secret: str = field(default_factory=lambda: os.environ.get("STRIPE_WEBHOOK_SECRET", ""))
    shipping_api_url: str = os.getenv("SHIPPING_API_URL", "https://api.parcelhub.example/v2")
    geoip_db: str = os.getenv("GEOIP_DB", "/home/rpatel/projects/orders-api/data/GeoLite2-City.mmdb")
    debug: bool = os.getenv("ORDERS_DEBUG", "0") == "1"


settings = Settings()
