import hashlib
import os
import uuid

from webob.exc import HTTPRequestEntityTooLarge

from . import audit
from .app import App
from .model import Attachment, Page, Session
from .permission import EditPermission, ViewPermission


def _storage_path(app, stored_as: str) -> str:
    return os.path.join(app.settings.storage.attachments_dir, stored_as[:2], stored_as)


@App.json(model=Page, name="attachments", permission=ViewPermission)
def list_attachments(self, request):
    return {"attachments": [{"id": a.id, "filename": a.filename, "size": a.size} for a in self.attachments]}


@App.json(model=Page, name="attachments", request_method="POST", permission=EditPermission)
def upload_attachment(self, request):
    upload = request.POST["file"]
    data = upload.file.read(request.app.settings.storage.max_upload_bytes + 1)
    if len(data) > request.app.settings.storage.max_upload_bytes:
        raise HTTPRequestEntityTooLarge()
    stored_as = uuid.uuid4().hex
    path = _storage_path(request.app, stored_as)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
    attachment = Attachment(
        page_id=self.id,
        filename=os.path.basename(upload.filename),
        stored_as=stored_as,
        size=len(data),
        uploaded_by=request.identity.userid,
    )
    Session.add(attachment)
    audit.record(request.identity.userid, "attachment.upload", f"{self.name}/{attachment.filename}")
    return {"filename": attachment.filename, "sha256": hashlib.sha256(data).hexdigest()}
