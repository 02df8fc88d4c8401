from masonite.foundation import response_handler
from masonite.storage import StorageCapsule
from masonite.auth import Sign
from masonite.environment import LoadEnvironment
from masonite.utils.structures import load
from masonite.utils.location import base_path
from masonite.middleware import (
    SessionMiddleware,
    EncryptCookies,
    LoadUserMiddleware,
    MaintenanceModeMiddleware,
    VerifyCsrfToken,
)
from masonite.routes import Route
from masonite.configuration.Configuration import Configuration
from masonite.configuration import config

from app.middlewares.AuthenticationMiddleware import AuthenticationMiddleware
from app.middlewares.AdminMiddleware import AdminMiddleware
from app.middlewares.ApiTokenMiddleware import ApiTokenMiddleware


class Kernel:
    http_middleware = [MaintenanceModeMiddleware, EncryptCookies]

    route_middleware = {
        "web": [SessionMiddleware, LoadUserMiddleware, VerifyCsrfToken],
        "auth": [AuthenticationMiddleware],
        "admin": [AdminMiddleware],
        "api.token": [ApiTokenMiddleware],
    }

    def __init__(self, app):
        self.application = app

    def register(self):
        self.load_environment()
        self.set_framework_options()
        self.load_configurations()
        self.register_middleware()
        self.register_routes()
        self.register_database()
        self.register_templates()
        self.register_storage()

    def load_environment(self):
        LoadEnvironment()

    def load_configurations(self):
        self.application.bind("config.location", "config")
        configuration = Configuration(self.application)
        configuration.load()
        self.application.bind("config", configuration)
        key = config("application.key")
        self.application.bind("key", key)
        self.application.bind("sign", Sign(key))

    def set_framework_options(self):
        self.application.bind("config.mail", "config.mail")
        self.application.bind("config.session", "config.session")
        self.application.bind("config.queue", "config.queue")
        self.application.bind("config.database", "config.database")
        self.application.bind("config.location", "config")

    def register_middleware(self):
        self.application.make("middleware").add(self.route_middleware).add(self.http_middleware)

    def register_routes(self):
        Route.set_controller_locations(self.application.make("controllers.location"))
        self.application.bind("routes.location", "routes/web")
        self.application.make("router").add(
            Route.group(load(self.application.make("routes.location"), "ROUTES"), middleware=["web"])
        )

    def register_database(self):
        from masoniteorm.query import QueryBuilder

        self.application.bind(
            "builder",
            QueryBuilder(connection_details=load("config.database.DATABASES")),
        )
        self.application.bind("migrations.location", "databases/migrations")
        self.application.bind("seeds.location", "databases/seeds")
        self.application.bind("resolver", load("config.database.DB"))

    def register_templates(self):
        self.application.bind("views.location", "templates/")

    def register_storage(self):
        storage = StorageCapsule()
        storage.add_storage_assets(config("filesystem.staticfiles"))
        self.application.bind("storage_capsule", storage)
        self.application.set_response_handler(response_handler)
        self.application.use_storage_path(base_path("storage"))
