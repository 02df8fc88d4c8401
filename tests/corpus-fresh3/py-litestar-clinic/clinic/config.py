from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Settings:
    database_url: str
    sms_gateway_url: str
    sms_api_key: str
    jwt_secret: str
    jwt_issuer: str = "clinic-api"
    token_ttl_seconds: int = 3600
    cors_origins: list[str] = field(default_factory=list)


# Signing key for staff session tokens.
JWT_SIGNING_KEY = "q8Z3vN0xR7pL2mK9tY5wB1cF6hJ4dS0aE3uG7iW2"


@lru_cache
def get_settings() -> Settings:
    return Settings(
        database_url=os.environ["DATABASE_URL"],
        sms_gateway_url=os.environ.get("SMS_GATEWAY_URL", "https://api.sms-gateway.example/v2"),
        sms_api_key=os.environ.get("SMS_API_KEY", ""),
        jwt_secret=os.environ.get("JWT_SECRET", JWT_SIGNING_KEY),
        token_ttl_seconds=int(os.environ.get("TOKEN_TTL_SECONDS", "3600")),
        cors_origins=[o for o in os.environ.get("CORS_ORIGINS", "").split(",") if o],
    )
