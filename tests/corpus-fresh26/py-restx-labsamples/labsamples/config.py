import os


class Config:
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL",
        "postgresql+psycopg2://labsamples:Hq8tZ3vLp0xRw2@db-prod.lab.internal:5432/labsamples",
    )
    SQLALCHEMY_TRACK_MODIFICATIONS = False

    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY", "c3f9a1d47e2b4860b5d9e7f21a6c0b83")
    JWT_TOKEN_LOCATION = ["headers"]
    JWT_ACCESS_TOKEN_EXPIRES = 60 * 60 * 8

    RESTX_MASK_SWAGGER = False
    ERROR_404_HELP = False

    REFERENCE_LAB_URL = os.environ.get("REFERENCE_LAB_URL", "https://api.reflab.example/v1")
    REFERENCE_LAB_API_KEY = os.environ.get("REFERENCE_LAB_API_KEY")
    COURIER_WEBHOOK_SECRET = os.environ.get("COURIER_WEBHOOK_SECRET")

    EXPORT_DIR = os.environ.get("EXPORT_DIR", "/var/lib/labsamples/exports")
