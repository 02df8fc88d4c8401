from __future__ import annotations

import logging

from emmett import App, redirect, url
from emmett.orm import Database
from emmett.sessions import SessionManager
from emmett.tools.auth import Auth

from . import settings
from .models import ApiKey, Customer, PartRequest, SmsMessage, User, Visit, WorkOrder

logging.basicConfig(level=settings.LOG_LEVEL, format="%(asctime)s %(levelname)s %(name)s %(message)s")

app = App(__name__)
app.config.url_default_namespace = "public"
app.config.db.uri = settings.DATABASE_URL
app.config.db.pool_size = 5
app.config.auth.hmac_key = settings.AUTH_HMAC_KEY
app.config.auth.single_template = True
app.config.auth.registration_verification = False
app.config.auth.disabled_routes = ["registration"]

db = Database(app, auto_migrate=False)
auth = Auth(app, db, user_model=User)
db.define_models(Customer, WorkOrder, Visit, PartRequest, ApiKey, SmsMessage)

app.pipeline = [
    SessionManager.cookies(settings.SESSION_KEY, secure=settings.ENV == "production", samesite="Lax"),
    db.pipe,
    auth.pipe,
]

auth_routes = auth.module(__name__)


@auth_routes.after_login
def after_login(form):
    redirect(url("orders.board"))


from .controllers import api, orders, public  # noqa: E402,F401
from . import commands  # noqa: E402,F401
