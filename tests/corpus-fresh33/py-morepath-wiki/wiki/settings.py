import os

from .app import BaseApp


@BaseApp.setting_section(section="storage")
def storage_settings():
    return {
        "attachments_dir": os.environ.get("WIKI_ATTACHMENTS", "/home/jbrandt/wiki-data/attachments"),
        "max_upload_bytes": int(os.environ.get("WIKI_MAX_UPLOAD", str(20 * 1024 * 1024))),
    }


@BaseApp.setting_section(section="indexer")
def indexer_settings():
    return {
        "url": os.environ.get("WIKI_INDEXER_URL", "https://search.internal.example.org/api"),
        "api_key": os.environ.get("WIKI_INDEXER_KEY", ""),
        "timeout": float(os.environ.get("WIKI_INDEXER_TIMEOUT", "5")),
    }


@BaseApp.setting(section="database", name="url")
def database_url():
    return os.environ.get("WIKI_DATABASE_URL", "postgresql:///teamwiki")
