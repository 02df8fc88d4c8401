"""Admin API mounted at /admin on the scoring service."""

import logging
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from fraudscore.config import settings

log = logging.getLogger(__name__)
bearer = HTTPBearer(auto_error=False)


@asynccontextmanager
async def lifespan(_app: FastAPI):
    if not settings.admin_token:
        log.warning("no admin token configured; every admin call will be rejected")
    yield


def require_admin(credentials: HTTPAuthorizationCredentials = Depends(bearer)) -> str:
    if credentials is None or not settings.admin_token:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "admin token required")
    if credentials.credentials != settings.admin_token:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "invalid admin token")
    return "admin"


admin_app = FastAPI(title="fraudscore admin", lifespan=lifespan, docs_url=None, redoc_url=None)
