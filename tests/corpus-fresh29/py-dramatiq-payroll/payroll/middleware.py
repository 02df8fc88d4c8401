import logging
from contextlib import suppress

import psycopg
from dramatiq.middleware import Middleware

from payroll import db

logger = logging.getLogger(__name__)

AUDITED_ACTORS = {"submit_payment", "reverse_payment", "compute_payslip"}


class AuditMiddleware(Middleware):
    """Writes one audit row per processed payroll message.

    The broker argument is part of dramatiq's middleware hook signature; the
    audit trail only needs the message.
    """

    def before_process_message(self, broker, message):
        if message.actor_name in AUDITED_ACTORS:
            logger.info("processing %s %s", message.actor_name, message.message_id)

    def after_process_message(self, broker, message, *, result=None, exception=None):
        if message.actor_name not in AUDITED_ACTORS:
            return
        outcome = "failed" if exception is not None else "ok"
        with suppress(psycopg.Error):
            db.insert_audit(
                actor=message.actor_name,
                message_id=message.message_id,
                args=list(message.args),
                outcome=outcome,
                retries=message.options.get("retries", 0),
            )

    def after_skip_message(self, broker, message):
        logger.warning("skipped %s %s", message.actor_name, message.message_id)
