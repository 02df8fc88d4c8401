from contextlib import contextmanager

import psycopg

from reports import config


@contextmanager
def connect():
    with psycopg.connect(config.DB_URL, autocommit=False) as conn:
        yield conn
