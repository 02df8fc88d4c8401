import logging

import uvicorn
from ariadne import load_schema_from_path, make_executable_schema
from ariadne.asgi import GraphQL
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Mount, Route

from volunteerhub.auth import AuthMiddleware, check_unsubscribe_token
from volunteerhub.db import database
from volunteerhub.resolvers import mutation, query, volunteer
from volunteerhub.settings import settings

logging.basicConfig(level=logging.DEBUG if settings.debug else logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")

type_defs = load_schema_from_path(__file__.replace("app.py", "schema.graphql"))
schema = make_executable_schema(type_defs, query, mutation, volunteer)


async def health(request: Request):
    await database.fetch_val("SELECT 1")
    return JSONResponse({"status": "ok"})


async def unsubscribe(request: Request):
    volunteer_id = int(request.path_params["volunteer_id"])
    if not check_unsubscribe_token(volunteer_id, request.query_params.get("t", "")):
        return PlainTextResponse("Link is invalid or expired.", status_code=400)
    await database.execute("UPDATE volunteers SET reminders = false WHERE id = :id", {"id": volunteer_id})
    return PlainTextResponse("You will no longer receive shift reminders.")


graphql_app = GraphQL(schema, debug=settings.debug, context_value=lambda request, _data=None: {"request": request})

app = Starlette(
    debug=settings.debug,
    routes=[
        Route("/healthz", health),
        Route("/unsubscribe/{volunteer_id:int}", unsubscribe),
        Mount("/graphql", graphql_app),
    ],
    middleware=[Middleware(AuthMiddleware)],
    on_startup=[database.connect],
    on_shutdown=[database.disconnect],
)


def main() -> None:
    uvicorn.run("volunteerhub.app:app", host="0.0.0.0", port=8000, proxy_headers=True)
