import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlmodel import Session, SQLModel, create_engine

from .config import get_settings

log = logging.getLogger(__name__)

engine = create_engine(get_settings().database_url, echo=False, pool_pre_ping=True)


if engine.dialect.name == 'sqlite':

    @event.listens_for(engine, 'connect')
    def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute('PRAGMA journal_mode=WAL')
        cursor.execute('PRAGMA foreign_keys=ON')
        cursor.close()


def init_db() -> None:
    from . import models  # noqa: F401  (register tables)

    get_settings().data_dir.mkdir(parents=True, exist_ok=True)
    SQLModel.metadata.create_all(engine)
    log.info('database ready at %s', engine.url.render_as_string(hide_password=True))


@contextmanager
def session_scope() -> Iterator[Session]:
    with Session(engine) as session:
        yield session
