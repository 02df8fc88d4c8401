import os

from flask_appbuilder.security.manager import AUTH_DB

basedir = os.path.abspath(os.path.dirname(__file__))

# Flask / session
SECRET_KEY = os.environ.get("WAREHOUSE_SECRET_KEY", "f3a9c1e07b5d4e2f8a6c0b1d9e7f3a25c8e4d6b0a2f1")
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
PERMANENT_SESSION_LIFETIME = 60 * 60 * 8

# Database
SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///" + os.path.join(basedir, "app.db"))
SQLALCHEMY_TRACK_MODIFICATIONS = False
SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

# Flask-WTF
WTF_CSRF_ENABLED = True
WTF_CSRF_TIME_LIMIT = None

# Flask-AppBuilder
APP_NAME = "Warehouse Console"
AUTH_TYPE = AUTH_DB
AUTH_ROLE_ADMIN = "Admin"
AUTH_ROLE_PUBLIC = "Public"
AUTH_USER_REGISTRATION = False
FAB_ADD_SECURITY_API = True
FAB_API_SWAGGER_UI = True
FAB_ROLES = {
    "Picker": [
        ["StockItemModelView", "can_list"],
        ["StockItemModelView", "can_show"],
        ["StockOpsView", "can_dashboard"],
        ["StockItem", "can_get"],
        ["StockItem", "can_put"],
    ],
}

# Google reCAPTCHA site key for the password-reset form (rendered into the page)
RECAPTCHA_PUBLIC_KEY = "6LdKq3kpAAAAAGx7hZ0r9Yw2c4TnVbE1sJmQfP8u"
RECAPTCHA_PRIVATE_KEY = os.environ.get("RECAPTCHA_PRIVATE_KEY")

# Uploaded stock sheets
UPLOAD_FOLDER = "/Users/dtran/code/warehouse/app/static/uploads/"
IMG_UPLOAD_FOLDER = os.path.join(basedir, "app", "static", "img")
MAX_CONTENT_LENGTH = 16 * 1024 * 1024

LOG_FILE = os.environ.get("WAREHOUSE_LOG_FILE", "/var/log/warehouse/console.log")

# Integrations
CARRIER_API_URL = os.environ.get("CARRIER_API_URL", "https://api.shipmate.eu/v3")
CARRIER_API_KEY = os.environ.get("CARRIER_API_KEY")
CARRIER_CA_BUNDLE = os.environ.get("CARRIER_CA_BUNDLE")
ERP_BASE_URL = os.environ.get("ERP_BASE_URL", "https://erp.internal.northwind.lan/api")
ERP_API_TOKEN = os.environ.get("ERP_API_TOKEN")
ERP_WEBHOOK_KEY = os.environ.get("ERP_WEBHOOK_KEY")
