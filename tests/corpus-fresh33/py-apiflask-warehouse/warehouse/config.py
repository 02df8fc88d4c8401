import os


class Config:
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL",
        "postgresql+psycopg://warehouse:Wh4reh0use!2024@db.internal.acme-logistics.net:5432/warehouse",
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_size": 10}
    SECRET_KEY = os.environ.get("SECRET_KEY")
    FREIGHT_API_URL = os.environ.get("FREIGHT_API_URL", "https://api.freightlink.example.com/v3")
    FREIGHT_API_KEY = os.environ.get("FREIGHT_API_KEY")
    FREIGHT_CA_BUNDLE = os.environ.get("FREIGHT_CA_BUNDLE")
    FREIGHT_TIMEOUT = float(os.environ.get("FREIGHT_TIMEOUT", "10"))
    CARRIER_CALLBACK_USER = os.environ.get("CARRIER_CALLBACK_USER", "freightlink")
    CARRIER_CALLBACK_PASSWORD = os.environ.get("CARRIER_CALLBACK_PASSWORD")
    EXPORT_DIR = os.environ.get("EXPORT_DIR")  # defaults to <instance>/exports in create_app
    READ_ONLY = os.environ.get("WAREHOUSE_READ_ONLY") == "1"
    TITLE = "Warehouse API"
    VERSION = "2.3.1"
    INFO = {"description": "Stock, bins and outbound shipments."}


class ProductionConfig(Config):
    _PLACEHOLDERS = {"changeme", "secret", "dev", ""}

    @classmethod
    def validate(cls) -> None:
        for name in ("SECRET_KEY", "CARRIER_CALLBACK_PASSWORD"):
            value = (getattr(cls, name) or "").strip().lower()
            if value in cls._PLACEHOLDERS:
                raise RuntimeError(f"{name} must be configured for production")


class TestingConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    SQLALCHEMY_ENGINE_OPTIONS = {}
    SECRET_KEY = "test"
    FREIGHT_API_URL = "https://freight.test/v3"
    FREIGHT_API_KEY = "test-freight-key"
    CARRIER_CALLBACK_PASSWORD = "test-callback-password"
