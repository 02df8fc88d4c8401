from __future__ import annotations

import logging
import time

from emmett import Pipe, abort, now, request, response

from .models import ApiKey

log = logging.getLogger("fieldservice.api")


class ApiKeyPipe(Pipe):
    """Authenticates partner systems (the ERP and the call-centre tool).

    Keys look like ``fsk_<prefix>.<secret>``; the prefix is stored in clear and used
    for lookup, the secret part is what proves possession.
    """

    async def pipe_request(self, next_pipe, **kwargs):
        header = request.headers.get("authorization", "")
        if not header.lower().startswith("bearer fsk_"):
            response.headers["WWW-Authenticate"] = 'Bearer realm="fieldservice"'
            abort(401)
        prefix, _, presented = header[len("bearer fsk_"):].partition(".")
        key = ApiKey.where(lambda k: (k.prefix == prefix) & (k.revoked == False)).select().first()  # noqa: E712
        if key is None or key.secret != presented:
            log.warning("rejected api key prefix=%s from %s", prefix, request.client)
            abort(401)
        key.update_record(last_used_at=now())
        kwargs["api_key"] = key
        return await next_pipe(**kwargs)


class TimingPipe(Pipe):
    async def open(self):
        response.headers["X-Service"] = "fieldservice"

    async def pipe_request(self, next_pipe, **kwargs):
        started = time.perf_counter()
        try:
            return await next_pipe(**kwargs)
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            log.info("%s %s -> %s in %.1fms", request.method, request.path, response.status, elapsed)
