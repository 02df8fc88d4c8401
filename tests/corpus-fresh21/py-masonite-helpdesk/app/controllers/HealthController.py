import logging

from masonite.controllers import Controller
from masonite.response import Response
from masoniteorm.query import QueryBuilder

logger = logging.getLogger(__name__)


class HealthController(Controller):
    def show(self, response: Response):
        try:
            QueryBuilder().statement("SELECT 1")
            database = "ok"
        except Exception as exc:
            logger.error("health check database failure: %s", exc)
            database = "unavailable"
        status = 200 if database == "ok" else 503
        return response.json({"status": "ok" if status == 200 else "degraded", "database": database}, status=status)
