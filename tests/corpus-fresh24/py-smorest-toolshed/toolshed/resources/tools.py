from __future__ import annotations

import os

from flask import current_app, request
from flask.views import MethodView
from flask_jwt_extended import jwt_required
from flask_smorest import Blueprint, abort
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.utils import secure_filename

from ..auth import role_required
from ..extensions import db
from ..models import Tool
from ..schemas import ToolQueryArgs, ToolSchema

blp = Blueprint("tools", __name__, description="Tool catalogue")

ALLOWED_PHOTO_TYPES = {"image/jpeg", "image/png", "image/webp"}


def apply_filters(query, args):
    if args.get("category"):
        query = query.where(Tool.category == args["category"])
    if args.get("available_only"):
        query = query.where(Tool.available.is_(True))
    if args.get("q"):
        query = query.where(Tool.name.ilike(f"%{args['q']}%"))
    return query


@blp.route("/")
class ToolList(MethodView):
    # Browsing the catalogue is open so people can see what we have before joining.
    @blp.arguments(ToolQueryArgs, location="query")
    @blp.response(200, ToolSchema(many=True))
    def get(self, args):
        return db.session.scalars(apply_filters(select(Tool), args).order_by(Tool.name)).all()

    @jwt_required()
    @role_required("staff", "admin")
    @blp.arguments(ToolSchema)
    @blp.response(201, ToolSchema)
    def post(self, data):
        tool = Tool(**data)
        db.session.add(tool)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            abort(409, message=f"serial {data['serial']} is already registered")
        return tool


@blp.route("/<int:tool_id>")
class ToolDetail(MethodView):
    @blp.response(200, ToolSchema)
    def get(self, tool_id):
        return db.get_or_404(Tool, tool_id)

    @jwt_required()
    @role_required("staff", "admin")
    @blp.arguments(ToolSchema(partial=True))
    @blp.response(200, ToolSchema)
    def patch(self, data, tool_id):
        tool = db.get_or_404(Tool, tool_id)
        for key, value in data.items():
            setattr(tool, key, value)
        db.session.commit()
        return tool


@blp.route("/<int:tool_id>/photo")
class ToolPhoto(MethodView):
    @jwt_required()
    @role_required("staff", "admin")
    @blp.response(201)
    def post(self, tool_id):
        tool = db.get_or_404(Tool, tool_id)
        upload = request.files.get("photo")
        if upload is None or upload.mimetype not in ALLOWED_PHOTO_TYPES:
            abort(422, message="photo must be a jpeg, png or webp image")
        folder = current_app.config["UPLOAD_FOLDER"]
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{tool.id}-{secure_filename(upload.filename)}")
        upload.save(path)
        tool.photo_path = path
        db.session.commit()
        return {"path": os.path.basename(path)}


@blp.route("/import")
class ToolImport(MethodView):
    @jwt_required()
    @role_required("admin")
    @blp.response(202)
    def post(self):
        abort(501, message="bulk import from the inventory spreadsheet is not available yet")
