"""Application settings."""
from masonite.environment import env

NAME = env("APP_NAME", "Helpdesk")

DEBUG = env("APP_DEBUG", False)

KEY = env("APP_KEY", "base64:q7Wd0Zk3TnYp9rXv2cLm8sFh4JgB6aEu1oKiRz5yQwM=")

HASHING = {
    "default": env("HASHING_FUNCTION", "bcrypt"),
    "bcrypt": {"rounds": 12},
    "argon2": {"memory": 1024, "threads": 2, "time": 2},
}

APP_URL = env("APP_URL", "http://localhost:8000/")

API_TOKEN_HEADER = "X-Helpdesk-Token"

MAILGUN_DOMAIN = env("MAILGUN_DOMAIN", "mg.helpdesk.example.com")

MAILGUN_API_KEY = env("MAILGUN_API_KEY", "key-7f3c9e21b84d0a6e5c2f1b9d8a4e7c30")

MAILGUN_SIGNING_KEY = env("MAILGUN_SIGNING_KEY")

LOG_DIR = env("HELPDESK_LOG_DIR", "/var/log/helpdesk")

ATTACHMENT_MAX_BYTES = int(env("ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))

MULTIPART = {
    "memory_limit": 1024 * 1024,
    "max_fields": 100,
}
