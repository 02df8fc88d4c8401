from __future__ import annotations

import logging
from typing import Any

import uvicorn
from strawberry.asgi import GraphQL

from . import db
from .auth import principal_from_header
from .geo import country_for
from .schema import schema
from .settings import settings

logging.basicConfig(level=logging.DEBUG if settings.debug else logging.INFO)


class OrdersGraphQL(GraphQL):
    async def get_context(self, request: Any, response: Any = None) -> dict[str, Any]:
        return {
            "request": request,
            "response": response,
            "principal": principal_from_header(request.headers.get("authorization")),
            "country": country_for(request.client.host if request.client else None),
        }


graphql_app = OrdersGraphQL(schema, graphql_ide="graphiql" if settings.debug else None)


async def app(scope: dict, receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await db.init_pool(settings.database_url)
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await db.close_pool()
                await send({"type": "lifespan.shutdown.complete"})
                return
    await graphql_app(scope, receive, send)


if __name__ == "__main__":
    uvicorn.run("orders_api.main:app", host="0.0.0.0", port=8000, proxy_headers=True)
