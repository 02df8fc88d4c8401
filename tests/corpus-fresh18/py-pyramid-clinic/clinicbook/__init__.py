import logging

from pyramid.config import Configurator
from sqlalchemy import engine_from_config
from sqlalchemy.orm import sessionmaker
import zope.sqlalchemy

from .models import Base
from .resources import RootFactory
from .security import ClinicSecurityPolicy

log = logging.getLogger(__name__)


def get_tm_session(session_factory, transaction_manager, request=None):
    dbsession = session_factory(info={"request": request})
    zope.sqlalchemy.register(dbsession, transaction_manager=transaction_manager)
    return dbsession


def includeme_db(config):
    settings = config.get_settings()
    settings["tm.manager_hook"] = "pyramid_tm.explicit_manager"
    config.include("pyramid_tm")
    config.include("pyramid_retry")

    engine = engine_from_config(settings, "sqlalchemy.", pool_pre_ping=True)
    session_factory = sessionmaker(bind=engine)
    config.registry["dbsession_factory"] = session_factory

    def dbsession(request):
        return get_tm_session(session_factory, request.tm, request=request)

    config.add_request_method(dbsession, reify=True)
    return engine


def main(global_config, **settings):
    """Return a Pyramid WSGI application."""
    with Configurator(settings=settings, root_factory=RootFactory) as config:
        engine = includeme_db(config)
        if settings.get("clinicbook.create_schema") == "true":
            Base.metadata.create_all(engine)

        config.set_security_policy(
            ClinicSecurityPolicy(
                secret=settings["auth.secret"],
                secure_cookie=settings.get("auth.secure_cookie", "true") == "true",
            )
        )
        config.include(".routes")
        config.scan(".views")
        log.info("clinicbook configured")
    return config.make_wsgi_app()
