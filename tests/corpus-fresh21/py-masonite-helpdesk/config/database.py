"""Database settings."""
from masonite.environment import LoadEnvironment, env
from masoniteorm.connections import ConnectionResolver

LoadEnvironment()

DATABASES = {
    "default": env("DB_CONNECTION", "postgres"),
    "postgres": {
        "driver": "postgres",
        "host": env("DB_HOST", "127.0.0.1"),
        "user": env("DB_USERNAME", "helpdesk"),
        "password": env("DB_PASSWORD", ""),
        "database": env("DB_DATABASE", "helpdesk"),
        "port": env("DB_PORT", "5432"),
        "prefix": "",
        "log_queries": env("DB_LOG", False),
        "options": {
            "sslmode": env("DB_SSLMODE", "verify-full"),
            "sslrootcert": env("DB_SSLROOTCERT", "/etc/ssl/certs/ca-certificates.crt"),
        },
    },
    "sqlite": {
        "driver": "sqlite",
        "database": env("SQLITE_DB_DATABASE", "helpdesk.sqlite3"),
        "prefix": "",
        "log_queries": env("DB_LOG", False),
    },
}

DB = ConnectionResolver().set_connection_details(DATABASES)
