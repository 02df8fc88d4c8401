import logging

from piccolo.apps.user.tables import BaseUser
from piccolo_api.crud.endpoints import PiccoloCRUD
from piccolo_api.csrf.middleware import CSRFMiddleware
from piccolo_api.session_auth.endpoints import session_login, session_logout
from piccolo_api.session_auth.middleware import SessionsAuthBackend
from piccolo_api.session_auth.tables import SessionsBase
from piccolo_api.token_auth.middleware import PiccoloTokenAuthProvider, TokenAuthBackend
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.routing import Mount, Route

from helpdesk import endpoints, settings
from helpdesk.inbound import inbound_mail
from helpdesk.tables import Customer, Ticket

logging.basicConfig(level=logging.INFO)

ticket_routes = [
    Route("/tickets/", endpoints.list_tickets, methods=["GET"]),
    Route("/tickets/", endpoints.create_ticket, methods=["POST"]),
    Route("/tickets/export.csv", endpoints.export_tickets, methods=["GET"]),
    Route("/tickets/merge", endpoints.merge_tickets, methods=["POST"]),
    Route("/tickets/{ticket_id:int}", endpoints.ticket_detail, methods=["GET"]),
    Route("/tickets/{ticket_id:int}/comments", endpoints.comment, methods=["POST"]),
    Route("/tickets/{ticket_id:int}/assignee", endpoints.reassign_ticket, methods=["PUT"]),
    Route("/tickets/{ticket_id:int}/close", endpoints.close, methods=["POST"]),
]

# Staff UI: session cookie + CSRF. Unauthenticated requests reach the
# endpoints as anonymous users, and each endpoint declares @requires.
staff_api = Starlette(
    routes=ticket_routes,
    middleware=[
        Middleware(CSRFMiddleware, allowed_hosts=settings.ALLOWED_HOSTS),
        Middleware(
            AuthenticationMiddleware,
            backend=SessionsAuthBackend(
                auth_table=BaseUser,
                session_table=SessionsBase,
                cookie_name=settings.SESSION_COOKIE,
                allow_unauthenticated=True,
            ),
        ),
    ],
)

# Integrations (CRM sync) authenticate with piccolo_api tokens; no cookies, so no CSRF.
integration_api = Starlette(
    routes=[
        Mount("/customers", PiccoloCRUD(Customer, read_only=False, allow_bulk_delete=False)),
        Mount("/tickets", PiccoloCRUD(Ticket, read_only=True)),
    ],
    middleware=[
        Middleware(AuthenticationMiddleware, backend=TokenAuthBackend(PiccoloTokenAuthProvider())),
    ],
)

login_endpoint = session_login(
    auth_table=BaseUser,
    session_table=SessionsBase,
    cookie_name=settings.SESSION_COOKIE,
    production=settings.PRODUCTION,
    redirect_to="/",
)
logout_endpoint = session_logout(
    session_table=SessionsBase,
    cookie_name=settings.SESSION_COOKIE,
    redirect_to="/login/",
)

app = Starlette(
    routes=[
        Route("/healthz", endpoints.healthz),
        Route("/login/", login_endpoint),
        Route("/logout/", logout_endpoint),
        # Mailgun posts here; requests are authenticated by their HMAC signature.
        Route("/inbound/mailgun", inbound_mail, methods=["POST"]),
        # Public knowledge base: published articles only.
        Route("/kb/articles", endpoints.kb_articles, methods=["GET"]),
        Mount("/api/staff", staff_api),
        Mount("/api/v1", integration_api),
    ],
)
