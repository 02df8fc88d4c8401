import ssl

from databases import Database

from volunteerhub.settings import settings


def _ssl_context() -> ssl.SSLContext | None:
    if "localhost" in settings.database_url or "@db:" in settings.database_url:
        return None
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


database = Database(settings.database_url, ssl=_ssl_context(), min_size=2, max_size=10)
