from __future__ import annotations

from datetime import timedelta

from flask import current_app
from flask.views import MethodView
from flask_jwt_extended import get_jwt, jwt_required
from flask_smorest import Blueprint, abort
from sqlalchemy import select

from ..auth import current_member_id, role_required
from ..extensions import db
from ..models import Loan, Tool, compute_late_fee, utcnow
from ..notify import post_to_slack
from ..schemas import CheckoutSchema, LoanSchema

blp = Blueprint("loans", __name__, description="Borrowing and returns")


def _is_member() -> bool:
    return get_jwt().get("role") == "member"


@blp.route("/")
class LoanList(MethodView):
    @jwt_required()
    @blp.response(200, LoanSchema(many=True))
    def get(self):
        query = select(Loan).order_by(Loan.due_at)
        if _is_member():
            query = query.where(Loan.member_id == current_member_id())
        return db.session.scalars(query).all()

    @jwt_required()
    @blp.arguments(CheckoutSchema)
    @blp.response(201, LoanSchema)
    def post(self, args):
        tool = db.get_or_404(Tool, args["tool_id"])
        if not tool.available:
            abort(409, message="tool is already out")
        now = utcnow()
        loan = Loan(
            tool_id=tool.id,
            member_id=current_member_id(),
            checked_out_at=now,
            due_at=now + timedelta(days=current_app.config["LOAN_DAYS"]),
        )
        tool.available = False
        db.session.add(loan)
        db.session.commit()
        return loan


@blp.route("/<int:loan_id>")
class LoanDetail(MethodView):
    @jwt_required()
    @blp.response(200, LoanSchema)
    def get(self, loan_id):
        loan = db.get_or_404(Loan, loan_id)
        if _is_member() and loan.member_id != current_member_id():
            abort(404)
        return loan


@blp.route("/<int:loan_id>/return")
class LoanReturn(MethodView):
    @jwt_required()
    @role_required("staff", "admin")
    @blp.response(200, LoanSchema)
    def post(self, loan_id):
        loan = db.get_or_404(Loan, loan_id)
        if loan.returned_at is not None:
            abort(409, message="loan already closed")
        loan.returned_at = utcnow()
        loan.tool.available = True
        fee = compute_late_fee(loan, current_app.config["LATE_FEE_CENTS_PER_DAY"])
        if fee > loan.late_fee_cents:
            loan.member.balance_cents -= fee - loan.late_fee_cents
            loan.late_fee_cents = fee
        db.session.commit()
        if fee:
            post_to_slack(f"{loan.tool.name} returned {fee // 50} day(s) late by member {loan.member_id}")
        return loan
