from __future__ import annotations

import json

import gradio as gr
import pytest

from conftest import as_user, assert_audited


def write_jsonl(path, examples):
    path.write_text("\n".join(json.dumps(example) for example in examples) + "\n", encoding="utf-8")
    return str(path)


def test_playground_appends_to_history(handlers, serving):
    text, history = handlers.run_playground("llama-3.1-8b-instruct", "hi", 0.2, [], as_user("bo@example.com"))
    assert text == "echo:hi"
    assert history == [{"prompt": "hi", "output": "echo:hi", "version": "latest"}]
    assert serving.calls[0]["temperature"] == 0.2


def test_playground_requires_sign_in(handlers):
    with pytest.raises(gr.Error):
        handlers.run_playground("llama-3.1-8b-instruct", "hi", 0.2, [], as_user(None))


def test_upload_counts_rows_and_lists_dataset(handlers, tmp_path):
    path = write_jsonl(tmp_path / "qa.jsonl", [{"prompt": "2+2", "expected": "4"}, {"prompt": "3+3", "expected": "6"}])
    message, table = handlers.upload_dataset(path, "arith", "team", as_user("bo@example.com"))
    assert "2 rows" in message
    assert [row[1] for row in table] == ["arith"]


def test_eval_pins_the_requested_version(handlers, tmp_path):
    path = write_jsonl(tmp_path / "qa.jsonl", [{"prompt": "ping", "expected": "echo:ping"}])
    handlers.upload_dataset(path, "pings", "team", as_user("bo@example.com"))

    handlers.run_eval(1, "llama-3.1-8b-instruct", "2025-02-14", as_user("bo@example.com"))


def test_delete_dataset_is_admin_only(handlers, tmp_path):
    path = write_jsonl(tmp_path / "qa.jsonl", [{"prompt": "a", "expected": "b"}])
    handlers.upload_dataset(path, "small", "team", as_user("bo@example.com"))
    with pytest.raises(gr.Error, match="restricted"):
        handlers.delete_dataset(1, as_user("bo@example.com"))


def test_admin_delete_is_audited(handlers, db, tmp_path):
    path = write_jsonl(tmp_path / "qa.jsonl", [{"prompt": "a", "expected": "b"}])
    handlers.upload_dataset(path, "small", "team", as_user("bo@example.com"))
    handlers.delete_dataset(1, as_user("ada@example.com"))
    assert_audited(db, "dataset.delete", "1:")


def test_rotate_revokes_the_old_key(handlers, db):
    handlers.issue_api_key("ci", "bo@example.com", as_user("ada@example.com"))
    message, table = handlers.rotate_api_key(1, as_user("ada@example.com"))
    assert message.startswith("Rotated.")
    assert db.get_api_key(1)["revoked_at"] is not None
    assert len(table) == 2
