from apiflask import HTTPBasicAuth, HTTPTokenAuth
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)

# Staff and integrations use bearer tokens; the carrier calls back with basic auth.
auth = HTTPTokenAuth(scheme="Bearer", description="Personal or service API token")
carrier_auth = HTTPBasicAuth(description="Carrier callback credentials")
