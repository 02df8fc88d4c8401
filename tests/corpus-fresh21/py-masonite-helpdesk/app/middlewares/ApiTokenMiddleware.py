import logging

from masonite.configuration import config
from masonite.middleware import Middleware

from app.models.User import User

logger = logging.getLogger(__name__)


class ApiTokenMiddleware(Middleware):
    """Authenticates integrations calling the JSON API with a per-user token."""

    def before(self, request, response):
        header = config("application.api_token_header")
        presented = request.header(header) or ""
        user_id, _, secret = presented.partition(".")
        if not user_id.isdigit() or not secret:
            return response.json({"error": "missing api token"}, status=401)

        user = User.find(int(user_id))
        if user is None or user.api_token is None or user.api_token != secret:
            logger.info("api token rejected for user %s", user_id)
            return response.json({"error": "invalid api token"}, status=401)

        request.set_user(user)
        return request

    def after(self, request, response):
        return request
