"""Thin wrapper around the OpenAI client used by the support assistant."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass

from openai import OpenAI

from .prompts import build_grading_messages, build_messages
from .sanitize import clean_user_text

# AI model config: bump MODEL together with the eval baseline in evals/README.md
MODEL = os.environ.get("SUPPORT_MODEL", "gpt-4o-mini")
TEMPERATURE = 0.2
MAX_TOKENS = 600


@dataclass
class Answer:
    text: str
    prompt_tokens: int
    completion_tokens: int


class SupportAssistant:
    def __init__(self, client: OpenAI | None = None):
        self.client = client or OpenAI()

    def answer(self, history: list[dict], question: str, excerpts: list[str]) -> Answer:
        messages = build_messages(history, clean_user_text(question), excerpts)
        resp = self.client.chat.completions.create(
            model=MODEL,
            messages=messages,
            temperature=TEMPERATURE,
            max_tokens=MAX_TOKENS,
        )
        text = resp.choices[0].message.content or ""
        return Answer(text, resp.usage.prompt_tokens, resp.usage.completion_tokens)

    def grade(self, draft: str) -> dict:
        resp = self.client.chat.completions.create(
            model=MODEL,
            messages=build_grading_messages(clean_user_text(draft)),
            response_format={"type": "json_object"},
        )
        return json.loads(resp.choices[0].message.content)
