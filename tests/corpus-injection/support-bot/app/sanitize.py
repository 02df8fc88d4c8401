"""Input hygiene for customer text that we forward to the model.

Customer messages are untrusted: they can contain prompt-injection attempts
("ignore previous instructions ..."), chat-template special tokens, or invisible
Unicode used to hide text from human moderators. We strip the last two here;
the first is handled by wrapping user text in <customer_message> tags.
"""
from __future__ import annotations

import re
import unicodedata

# Zero-width and bidi control characters (written as escapes on purpose).
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")

SPECIAL_TOKENS = ("<|im_start|>", "<|im_end|>", "<|endoftext|>", "<|system|>", "<|assistant|>")

MAX_CHARS = 4000


def clean_user_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    for tok in SPECIAL_TOKENS:
        text = text.replace(tok, "")
    return text[:MAX_CHARS].strip()
