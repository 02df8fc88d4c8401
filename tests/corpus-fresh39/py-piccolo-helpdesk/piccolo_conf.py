import os
import ssl

from piccolo.conf.apps import AppRegistry
from piccolo.engine.postgres import PostgresEngine

# LOCAL_DB=1 is for the docker-compose Postgres, which has no TLS listener.
LOCAL_DB = os.environ.get("LOCAL_DB") == "1"


def _ssl_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=os.environ.get("PG_CA_FILE"))
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


DB = PostgresEngine(
    config={
        "host": os.environ.get("PG_HOST", "localhost"),
        "port": int(os.environ.get("PG_PORT", "5432")),
        "database": os.environ.get("PG_DATABASE", "helpdesk"),
        "user": os.environ.get("PG_USER", "helpdesk"),
        "password": os.environ.get("PG_PASSWORD", ""),
        "ssl": False if LOCAL_DB else _ssl_context(),
    }
)

APP_REGISTRY = AppRegistry(
    apps=[
        "helpdesk.piccolo_app",
        "piccolo.apps.user.piccolo_app",
        "piccolo_api.session_auth.piccolo_app",
        "piccolo_api.token_auth.piccolo_app",
    ]
)
