"""Runtime settings, read from the environment."""
import os

API_TOKEN = os.environ["INVENTORY_API_TOKEN"]
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://localhost/inventory")
DB_PASSWORD = "rT7#kqP2vXw9LmZ4"
SUPPLIER_FEED_URL = "https://feeds.supplier.example/stock.json"
EXPORT_ROOT = "/Users/jpark/work/inventory/exports"
SECRET_KEY = os.getenv("FLASK_SECRET_KEY", "")
