from __future__ import annotations

import csv
import json
import logging
from pathlib import Path
from uuid import uuid4

import gradio as gr
import httpx

from .config import Settings
from .db import Database
from .security import new_api_key, require_admin
from .serving import ServingClient
from .storage import Storage

log = logging.getLogger(__name__)

DATASET_SUFFIXES = {".jsonl", ".csv"}


def count_rows(path: Path) -> int:
    with path.open(newline="", encoding="utf-8") as fh:
        if path.suffix == ".csv":
            return max(sum(1 for _ in csv.reader(fh)) - 1, 0)
        return sum(1 for line in fh if line.strip())


def read_examples(fh) -> list[dict]:
    return [json.loads(line) for line in fh.read().decode("utf-8").splitlines() if line.strip()]


class Handlers:
    def __init__(self, settings: Settings, db: Database, storage: Storage, serving: ServingClient):
        self.settings = settings
        self.db = db
        self.storage = storage
        self.serving = serving

    def current_user(self, request: gr.Request) -> str:
        user = getattr(request, "username", None)
        if not user:
            raise gr.Error("Sign in through the SSO proxy first.")
        return user

    # Playground -----------------------------------------------------------------

    def run_playground(self, model: str, prompt: str, temperature: float, history: list, request: gr.Request):
        user = self.current_user(request)
        if not prompt.strip():
            raise gr.Error("The prompt is empty.")
        try:
            result = self.serving.generate(model, prompt, temperature=temperature, max_tokens=512)
        except httpx.HTTPError as exc:
            log.warning("generation failed for %s on %s: %s", user, model, exc)
            raise gr.Error(f"Model server error: {exc}") from exc
        history = history + [{"prompt": prompt, "output": result.text, "version": result.version}]
        return result.text, history

    # Datasets -------------------------------------------------------------------

    def dataset_table(self, request: gr.Request) -> list[list]:
        user = self.current_user(request)
        return [
            [row["id"], row["name"], row["owner"], row["visibility"], row["rows"], row["created_at"]]
            for row in self.db.list_datasets(user)
        ]

    def upload_dataset(self, file_path: str | None, name: str, visibility: str, request: gr.Request):
        user = self.current_user(request)
        if not file_path:
            raise gr.Error("Choose a .jsonl or .csv file.")
        path = Path(file_path)
        if path.suffix not in DATASET_SUFFIXES:
            raise gr.Error("Only .jsonl and .csv datasets are supported.")
        if path.stat().st_size > self.settings.max_upload_mb * 1_000_000:
            raise gr.Error(f"Datasets are limited to {self.settings.max_upload_mb} MB.")
        rows = count_rows(path)
        key = f"datasets/{user}/{uuid4().hex}{path.suffix}"
        with path.open("rb") as fh:
            self.storage.put(key, fh)
        dataset_id = self.db.insert_dataset(name=name.strip() or path.stem, owner=user, storage_key=key, rows=rows)
        self.db.record_audit(user, "dataset.upload", str(dataset_id))
        return f"Uploaded {name or path.stem} ({rows} rows).", self.dataset_table(request)

    # Evaluations ----------------------------------------------------------------

    def run_eval(self, dataset_id: float, model: str, version: str, request: gr.Request) -> str:
        user = self.current_user(request)
        dataset = self.db.get_dataset(int(dataset_id))
        if dataset is None or (dataset["visibility"] == "private" and dataset["owner"] != user):
            raise gr.Error("Dataset not found.")
        with self.storage.open(dataset["storage_key"]) as fh:
            examples = read_examples(fh)
        if not examples:
            raise gr.Error("The dataset has no examples.")
        correct = 0
        for example in examples:
            result = self.serving.generate(model, example["prompt"], temperature=0.0, max_tokens=256, version=version)
            correct += int(result.text.strip() == str(example["expected"]).strip())
        accuracy = correct / len(examples)
        run_id = self.db.record_eval(int(dataset_id), model, version, accuracy, user)
        return f"Run #{run_id}: {model}@{version} scored {accuracy:.1%} on {len(examples)} examples."

    # Admin ----------------------------------------------------------------------

    def key_table(self) -> list[list]:
        return [
            [row["id"], row["label"], row["owner"], row["prefix"], row["revoked_at"] or ""]
            for row in self.db.list_api_keys()
        ]

    def delete_dataset(self, dataset_id: float, request: gr.Request):
        admin = require_admin(self.settings, request)
        dataset = self.db.get_dataset(int(dataset_id))
        if dataset is None:
            raise gr.Error("Dataset not found.")
        self.storage.delete(dataset["storage_key"])
        self.db.delete_dataset(int(dataset_id))
        self.db.record_audit(admin, "dataset.delete", f"{dataset['id']}:{dataset['name']}")
        return f"Deleted dataset {dataset['name']}.", self.dataset_table(request)

    def issue_api_key(self, label: str, owner: str, request: gr.Request):
        admin = require_admin(self.settings, request)
        full_key, prefix, key_hash = new_api_key()
        key_id = self.db.insert_api_key(label.strip(), owner.strip(), prefix, key_hash)
        self.db.record_audit(admin, "apikey.issue", str(key_id))
        return f"New key (shown once): {full_key}", self.key_table()

    def rotate_api_key(self, key_id: float, request: gr.Request):
        admin = require_admin(self.settings, request)
        old = self.db.get_api_key(int(key_id))
        if old is None or old["revoked_at"]:
            raise gr.Error("Only active keys can be rotated.")
        full_key, prefix, key_hash = new_api_key()
        new_id = self.db.insert_api_key(old["label"], old["owner"], prefix, key_hash)
        self.db.revoke_api_key(int(key_id))
        try:
            self.db.record_audit(admin, "apikey.rotate", f"{key_id}->{new_id}")
        except Exception:
            pass
        return f"Rotated. New key (shown once): {full_key}", self.key_table()

    def revoke_api_key(self, key_id: float, request: gr.Request):
        user = self.current_user(request)
        self.db.revoke_api_key(int(key_id))
        self.db.record_audit(user, "apikey.revoke", str(int(key_id)))
        return "Key revoked.", self.key_table()

    def export_audit(self, request: gr.Request):
        require_admin(self.settings, request)
        raise NotImplementedError("audit export")
