from __future__ import annotations

import contextlib
import csv
import io

import asyncpg
from starlette.applications import Starlette
from starlette.authentication import requires
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route, Mount

from .auth import ApiKeyBackend, partner_signed
from .config import settings
from .storage import PgRepository


async def search(request: Request):
    repo: PgRepository = request.app.state.repo
    rows = await repo.search(
        request.query_params.get("q", ""),
        limit=settings.page_size,
        include_discontinued=request.query_params.get("all") == "1",
    )
    return JSONResponse(rows)


@requires("inventory:write")
async def adjust(request: Request):
    payload = await request.json()
    qty = await request.app.state.repo.adjust_stock(
        payload["sku"], int(payload["delta"]), actor=request.user.display_name
    )
    return JSONResponse({"sku": payload["sku"], "quantity": qty})


@partner_signed
async def partner_push(request: Request):
    payload = await request.json()
    for line in payload["lines"]:
        await request.app.state.repo.adjust_stock(line["sku"], line["delta"], actor="partner")
    return JSONResponse({"accepted": len(payload["lines"])})


async def export_csv(request: Request):
    rows = await request.app.state.repo.search("", limit=10_000)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["sku", "name", "quantity"])
    writer.writeheader()
    writer.writerows(rows)
    (settings.export_dir / "latest.csv").write_text(buf.getvalue())
    return PlainTextResponse(buf.getvalue(), media_type="text/csv")


async def wipe(request: Request):
    await request.app.state.repo.delete_all()
    return JSONResponse({"wiped": True})


@contextlib.asynccontextmanager
async def lifespan(app: Starlette):
    pool = await asyncpg.create_pool(settings.database_dsn)
    app.state.repo = PgRepository(pool)
    yield
    await app.state.repo.close()


routes = [
    Route("/items", search),
    Route("/items/adjust", adjust, methods=["POST"]),
    Route("/partner/stock", partner_push, methods=["POST"]),
    Mount(
        "/admin",
        routes=[
            Route("/export.csv", export_csv),
            Route("/wipe", wipe, methods=["POST"]),
        ],
    ),
]

app = Starlette(
    routes=routes,
    middleware=[Middleware(AuthenticationMiddleware, backend=ApiKeyBackend())],
    lifespan=lifespan,
)
