from __future__ import annotations

import logging
import os
import shutil
import sqlite3

import gradio as gr
import uvicorn
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, Field

from .config import Settings
from .db import Database
from .handlers import Handlers
from .security import check_local_login, new_api_key, proxy_user, require_admin_key, require_api_key
from .serving import ServingClient
from .storage import build_storage
from .ui import build_demo

log = logging.getLogger("modelops")


class GenerateRequest(BaseModel):
    model: str
    prompt: str = Field(min_length=1, max_length=32_000)
    temperature: float = Field(0.7, ge=0.0, le=2.0)
    max_tokens: int = Field(512, ge=1, le=4096)
    version: str | None = None


class NewKey(BaseModel):
    label: str
    owner: str


def build_handlers(settings: Settings, db: Database, serving: ServingClient | None = None) -> Handlers:
    serving = serving or ServingClient(settings.serving_url, settings.serving_token)
    return Handlers(settings, db, build_storage(settings), serving)


def create_app(settings: Settings | None = None, serving: ServingClient | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    settings.validate()
    db = Database(settings.db_path)
    handlers = build_handlers(settings, db, serving)
    serving = handlers.serving

    app = FastAPI(title="ModelOps", version="0.9.0")
    app.state.settings = settings
    app.state.db = db

    @app.get("/healthz")
    def healthz() -> dict:
        db.conn.execute("select 1")
        free = shutil.disk_usage(settings.data_dir or "/").free
        return {"ok": True, "free_gb": round(free / 1e9, 1)}

    @app.get("/api/models")
    def list_models(caller: sqlite3.Row = Depends(require_api_key)) -> dict:
        return {"models": serving.list_models()}

    @app.post("/api/generate")
    def generate(body: GenerateRequest, caller: sqlite3.Row = Depends(require_api_key)) -> dict:
        result = serving.generate(
            body.model,
            body.prompt,
            temperature=body.temperature,
            max_tokens=body.max_tokens,
            version=body.version,
        )
        log.info("api generation by key %s on %s", caller["prefix"], body.model)
        return {"text": result.text, "model": result.model, "version": result.version}

    @app.get("/api/datasets")
    def list_datasets(caller: sqlite3.Row = Depends(require_api_key)) -> list[dict]:
        return [dict(row) for row in db.list_datasets(caller["owner"])]

    @app.post("/api/keys", status_code=201)
    def create_key(body: NewKey, admin: sqlite3.Row = Depends(require_admin_key)) -> dict:
        full_key, prefix, key_hash = new_api_key()
        key_id = db.insert_api_key(body.label, body.owner, prefix, key_hash)
        db.record_audit(admin["owner"], "apikey.issue", str(key_id))
        return {"id": key_id, "key": full_key}

    @app.delete("/api/keys/{key_id}", status_code=204)
    def delete_key(key_id: int, admin: sqlite3.Row = Depends(require_admin_key)) -> None:
        if db.get_api_key(key_id) is None:
            raise HTTPException(status_code=404, detail="no such key")
        db.revoke_api_key(key_id)
        db.record_audit(admin["owner"], "apikey.revoke", str(key_id))

    demo = build_demo(handlers)
    return gr.mount_gradio_app(app, demo, path="/ui", auth_dependency=proxy_user)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    uvicorn.run(create_app(), host="0.0.0.0", port=7860, proxy_headers=True)


def local() -> None:
    """Run only the UI on a laptop, behind one password instead of the SSO proxy."""
    settings = Settings.from_env()
    settings.validate()
    stored = os.environ["MODELOPS_LOCAL_PASSWORD"]
    demo = build_demo(build_handlers(settings, Database(settings.db_path)))
    demo.launch(server_name="127.0.0.1", auth=lambda _username, password: check_local_login(stored, password))


if __name__ == "__main__":
    main()
