import hmac
import logging
import time

from django.conf import settings
from django.http import JsonResponse

logger = logging.getLogger(__name__)


class InternalApiTokenMiddleware:
    """Requires a bearer token on every /internal/ path."""

    prefix = "/internal/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(self.prefix):
            header = request.headers.get("Authorization", "")
            token = header.removeprefix("Bearer ").strip()
            expected = settings.INTERNAL_API_TOKEN
            if not expected or not hmac.compare_digest(token.encode(), expected.encode()):
                logger.warning("rejected internal call to %s", request.path)
                return JsonResponse({"error": "unauthorized"}, status=401)
        return self.get_response(request)


class RequestTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        elapsed_ms = (time.monotonic() - started) * 1000
        response["Server-Timing"] = f"app;dur={elapsed_ms:.1f}"
        if elapsed_ms > 1500:
            logger.info("slow request %s %s %.0fms", request.method, request.path, elapsed_ms)
        return response

    def process_exception(self, request, exception):
        logger.exception("unhandled error on %s", request.path)
        return None
