"""Runtime settings, read once at import."""
import os
from pathlib import Path

DEBUG = os.environ.get("SHOP_DEBUG") == "1"
SECRET_KEY = os.environ["SHOP_SECRET_KEY"]
STRIPE_KEY = os.getenv("STRIPE_KEY", "")

DATABASES = {
    "default": {
        "ENGINE": "postgresql",
        "HOST": os.getenv("PGHOST", "localhost"),
        "NAME": "shop",
        "USER": "shop",
        "PASSWORD": "Pg8!vKq2xZr7#mWt",
    }
}

MEDIA_ROOT = Path("/home/ubuntu/shop/media")
CACHE_DIR = Path(os.getenv("SHOP_CACHE", "/tmp/shop-cache"))
HOSTS_FILE = "/etc/hosts"

JWT_SIGNING_KEY = "b7Fq2Lx9!pWm4Rt8Zk3Ns6Vy"
