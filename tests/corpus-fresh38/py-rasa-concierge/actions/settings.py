"""Settings for the action server, from the environment."""

from __future__ import annotations

import os

HOTEL_API_URL = os.getenv("HOTEL_API_URL", "https://api.harbourhotels.com/v1").rstrip("/")
HOTEL_API_TOKEN = os.getenv("HOTEL_API_TOKEN", "hh_live_R7tK2mQ9vX4zL8pW3nB6cY1dF5gJ0sA")
HOTEL_API_CA_BUNDLE = os.getenv("HOTEL_API_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
HOTEL_API_TIMEOUT = float(os.getenv("HOTEL_API_TIMEOUT", "8"))

SMS_SENDER = os.getenv("OTP_SMS_SENDER", "HarbourHtl")
OTP_TTL_SECONDS = int(os.getenv("OTP_TTL_SECONDS", "300"))
OTP_MAX_ATTEMPTS = int(os.getenv("OTP_MAX_ATTEMPTS", "3"))

FREE_CANCELLATION_HOURS = int(os.getenv("FREE_CANCELLATION_HOURS", "48"))
