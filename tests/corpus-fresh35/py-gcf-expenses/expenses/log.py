"""JSON lines on stdout, which Cloud Logging parses into structured entries."""

import json
import logging
import os
import sys

_TRACE_HEADER = "X-Cloud-Trace-Context"


class CloudFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "severity": record.levelname,
            "message": record.getMessage(),
            "logger": record.name,
        }
        fields = getattr(record, "fields", None)
        if fields:
            entry.update(fields)
        if record.exc_info:
            entry["stack_trace"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def setup() -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(CloudFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(os.environ.get("LOG_LEVEL", "INFO"))


def trace_fields(request) -> dict:
    header = request.headers.get(_TRACE_HEADER, "")
    trace = header.split("/", 1)[0]
    if not trace:
        return {}
    project = os.environ.get("GOOGLE_CLOUD_PROJECT", "")
    return {"logging.googleapis.com/trace": f"projects/{project}/traces/{trace}"}


def get(name: str) -> logging.Logger:
    return logging.getLogger(name)
