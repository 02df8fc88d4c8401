from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

SCHEMA = """
create table if not exists datasets (
  id integer primary key,
  name text not null unique,
  owner text not null,
  visibility text not null default 'team',
  storage_key text not null,
  rows integer not null,
  created_at text not null default current_timestamp
);
create table if not exists api_keys (
  id integer primary key,
  label text not null,
  owner text not null,
  prefix text not null unique,
  key_hash text not null,
  revoked_at text,
  created_at text not null default current_timestamp
);
create table if not exists eval_runs (
  id integer primary key,
  dataset_id integer not null references datasets(id) on delete cascade,
  model text not null,
  model_version text not null,
  accuracy real not null,
  started_by text not null,
  created_at text not null default current_timestamp
);
create table if not exists audit (
  id integer primary key,
  actor text not null,
  action text not null,
  subject text not null,
  at text not null default current_timestamp
);
"""


class Database:
    def __init__(self, path: Path | str):
        self._lock = threading.Lock()
        self.conn = sqlite3.connect(str(path), check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("pragma foreign_keys = on")
        self.conn.executescript(SCHEMA)

    def _write(self, sql: str, params: tuple = ()) -> int:
        with self._lock, self.conn:
            cur = self.conn.execute(sql, params)
            return cur.lastrowid or cur.rowcount

    def insert_dataset(self, name: str, owner: str, storage_key: str, rows: int, visibility: str = "team") -> int:
        return self._write(
            "insert into datasets (name, owner, visibility, storage_key, rows) values (?, ?, ?, ?, ?)",
            (name, owner, visibility, storage_key, rows),
        )

    def get_dataset(self, dataset_id: int) -> sqlite3.Row | None:
        return self.conn.execute("select * from datasets where id = ?", (dataset_id,)).fetchone()

    def list_datasets(self, user: str) -> list[sqlite3.Row]:
        return self.conn.execute(
            "select * from datasets where visibility = 'team' or owner = ? order by created_at desc",
            (user,),
        ).fetchall()

    def delete_dataset(self, dataset_id: int) -> None:
        self._write("delete from datasets where id = ?", (dataset_id,))

    def insert_api_key(self, label: str, owner: str, prefix: str, key_hash: str) -> int:
        return self._write(
            "insert into api_keys (label, owner, prefix, key_hash) values (?, ?, ?, ?)",
            (label, owner, prefix, key_hash),
        )

    def find_api_key(self, prefix: str) -> sqlite3.Row | None:
        return self.conn.execute("select * from api_keys where prefix = ?", (prefix,)).fetchone()

    def get_api_key(self, key_id: int) -> sqlite3.Row | None:
        return self.conn.execute("select * from api_keys where id = ?", (key_id,)).fetchone()

    def revoke_api_key(self, key_id: int) -> None:
        self._write("update api_keys set revoked_at = current_timestamp where id = ? and revoked_at is null", (key_id,))

    def list_api_keys(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "select id, label, owner, prefix, revoked_at, created_at from api_keys order by id desc"
        ).fetchall()

    def record_eval(self, dataset_id: int, model: str, version: str, accuracy: float, started_by: str) -> int:
        return self._write(
            "insert into eval_runs (dataset_id, model, model_version, accuracy, started_by) values (?, ?, ?, ?, ?)",
            (dataset_id, model, version, accuracy, started_by),
        )

    def record_audit(self, actor: str, action: str, subject: str) -> None:
        self._write("insert into audit (actor, action, subject) values (?, ?, ?)", (actor, action, subject))

    def audit_rows(self, limit: int = 100) -> list[sqlite3.Row]:
        return self.conn.execute("select * from audit order by id desc limit ?", (limit,)).fetchall()
