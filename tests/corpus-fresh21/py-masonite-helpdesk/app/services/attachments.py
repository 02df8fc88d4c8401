"""Downloads inbound mail attachments from Mailgun and stores them on disk."""
import hashlib
import logging
import os
from dataclasses import dataclass

import requests
from masonite.configuration import config

logger = logging.getLogger(__name__)

ATTACHMENT_ROOT = "/Users/priya/code/helpdesk/storage/attachments"


@dataclass
class StoredAttachment:
    filename: str
    path: str
    sha256: str
    size: int


class AttachmentTooLarge(Exception):
    pass


def _safe_name(filename):
    base = os.path.basename(filename or "attachment.bin")
    return "".join(c for c in base if c.isalnum() or c in "._-") or "attachment.bin"


def fetch_attachment(url, api_key, ticket_id, filename):
    """Fetch one attachment from Mailgun's storage API and persist it."""
    limit = config("application.attachment_max_bytes")
    resp = requests.get(
        url,
        auth=("api", api_key),
        timeout=30,
        stream=True,
        verify=False,
    )
    resp.raise_for_status()

    target_dir = os.path.join(ATTACHMENT_ROOT, str(ticket_id))
    os.makedirs(target_dir, exist_ok=True)
    target = os.path.join(target_dir, _safe_name(filename))

    digest = hashlib.sha256()
    size = 0
    with open(target, "wb") as fh:
        for chunk in resp.iter_content(chunk_size=64 * 1024):
            size += len(chunk)
            if size > limit:
                fh.close()
                os.unlink(target)
                raise AttachmentTooLarge(f"{filename} exceeds {limit} bytes")
            digest.update(chunk)
            fh.write(chunk)

    logger.info("stored attachment %s for ticket %s (%d bytes)", filename, ticket_id, size)
    return StoredAttachment(filename=filename, path=target, sha256=digest.hexdigest(), size=size)


def fetch_all(attachments, api_key, ticket_id):
    stored = []
    for item in attachments:
        try:
            stored.append(fetch_attachment(item["url"], api_key, ticket_id, item.get("name")))
        except AttachmentTooLarge as exc:
            logger.warning("skipping attachment: %s", exc)
            stored.append(None)
    return stored
