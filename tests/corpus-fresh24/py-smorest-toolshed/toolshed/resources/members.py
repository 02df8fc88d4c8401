from __future__ import annotations

from flask.views import MethodView
from flask_jwt_extended import jwt_required
from flask_smorest import Blueprint
from sqlalchemy import select

from ..auth import role_required
from ..extensions import db
from ..models import Loan, Member, utcnow
from ..notify import send_overdue_notice
from ..schemas import MemberExportSchema, MemberRoleSchema, MemberSchema

blp = Blueprint("members", __name__, description="Member administration")


@blp.route("/")
class MemberList(MethodView):
    @jwt_required()
    @role_required("staff", "admin")
    @blp.response(200, MemberSchema(many=True))
    def get(self):
        return db.session.scalars(select(Member).order_by(Member.name)).all()


@blp.route("/<int:member_id>")
class MemberDetail(MethodView):
    @jwt_required()
    @role_required("staff", "admin")
    @blp.response(200, MemberSchema)
    def get(self, member_id):
        return db.get_or_404(Member, member_id)

    @jwt_required()
    @role_required("admin")
    @blp.arguments(MemberRoleSchema)
    @blp.response(200, MemberSchema)
    def patch(self, args, member_id):
        member = db.get_or_404(Member, member_id)
        member.role = args["role"]
        db.session.commit()
        return member


@blp.route("/export")
class MemberExport(MethodView):
    @blp.response(200, MemberExportSchema(many=True))
    def get(self):
        """Full member list with contact details for the quarterly newsletter mail-merge."""
        return db.session.scalars(select(Member).order_by(Member.name)).all()


@blp.route("/<int:member_id>/remind")
class MemberRemind(MethodView):
    @jwt_required()
    @role_required("staff", "admin")
    @blp.response(202)
    def post(self, member_id):
        member = db.get_or_404(Member, member_id)
        overdue = db.session.scalars(
            select(Loan).where(
                Loan.member_id == member.id, Loan.returned_at.is_(None), Loan.due_at < utcnow()
            )
        ).all()
        for loan in overdue:
            send_overdue_notice(member, loan, member.preferred_channel)
        return {"reminded": len(overdue)}
