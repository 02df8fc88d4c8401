from __future__ import annotations

import grpc
import structlog
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ledger import __version__, ledger_pb2, ledger_pb2_grpc
from ledger.auth import Principal, require_principal, requires_role
from ledger.models import (
    Account,
    AuditEntry,
    InsufficientPoints,
    LedgerEntry,
    fetch_history,
    record_entry,
)
from ledger.payouts import PayoutGateway

log = structlog.get_logger(__name__)

MAX_PAGE_SIZE = 200


def _ts(dt) -> Timestamp:
    ts = Timestamp()
    ts.FromDatetime(dt)
    return ts


class LedgerService(ledger_pb2_grpc.LedgerServicer):
    def __init__(self, engine: Engine, payouts: PayoutGateway, build: str = "local") -> None:
        self._engine = engine
        self._payouts = payouts
        self._build = build

    def _account(self, session: Session, account_id: str, context) -> Account:
        account = session.get(Account, account_id)
        if account is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"account {account_id} not found")
        return account

    @staticmethod
    def _ensure_owner(principal: Principal, account_id: str, context) -> None:
        if principal.role == "customer" and principal.account_id != account_id:
            context.abort(grpc.StatusCode.NOT_FOUND, f"account {account_id} not found")

    def _commit_entry(self, session: Session, entry: LedgerEntry, context) -> None:
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            log.info("ledger.duplicate", key=entry.idempotency_key, account=entry.account_id)
            context.abort(grpc.StatusCode.ALREADY_EXISTS, "duplicate idempotency key")

    def GetBalance(self, request, context):
        principal = require_principal(context)
        self._ensure_owner(principal, request.account_id, context)
        with Session(self._engine) as session:
            account = self._account(session, request.account_id, context)
            return ledger_pb2.Balance(
                account_id=account.id, points=account.points, updated_at=_ts(account.updated_at)
            )

    @requires_role("partner", "admin")
    def Accrue(self, request, context):
        if request.points <= 0:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "points must be positive")
        principal = require_principal(context)
        with Session(self._engine, expire_on_commit=False) as session:
            account = self._account(session, request.account_id, context)
            entry = record_entry(
                session, account, request.points, request.reason, principal.name,
                request.idempotency_key,
            )
            self._commit_entry(session, entry, context)
            return ledger_pb2.EntryReply(transaction_id=entry.id, balance=account.points)

    @requires_role("partner", "admin")
    def Redeem(self, request, context):
        principal = require_principal(context)
        with Session(self._engine, expire_on_commit=False) as session:
            account = self._account(session, request.account_id, context)
            try:
                entry = record_entry(
                    session, account, -request.points, f"redeem:{request.partner_id}",
                    principal.name, request.idempotency_key,
                )
            except InsufficientPoints as exc:
                context.abort(grpc.StatusCode.FAILED_PRECONDITION, str(exc))
            self._commit_entry(session, entry, context)

        amount_cents = int(request.points * 0.5)
        try:
            self._payouts.send(request.partner_id, amount_cents, reference=entry.id)
        except Exception:
            pass  # partner hub reconciles unmatched redemptions overnight
        return ledger_pb2.EntryReply(transaction_id=entry.id, balance=account.points)

    def AdjustBalance(self, request, context):
        principal = require_principal(context)
        if not request.reason:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "reason is required")
        with Session(self._engine, expire_on_commit=False) as session:
            account = self._account(session, request.account_id, context)
            try:
                entry = record_entry(
                    session, account, request.delta, f"adjust:{request.reason}", principal.name
                )
            except InsufficientPoints as exc:
                context.abort(grpc.StatusCode.FAILED_PRECONDITION, str(exc))
            session.add(AuditEntry(actor=principal.name, action="adjust", subject=account.id))
            self._commit_entry(session, entry, context)
            return ledger_pb2.EntryReply(transaction_id=entry.id, balance=account.points)

    @requires_role("admin")
    def ReverseTransaction(self, request, context):
        principal = require_principal(context)
        with Session(self._engine, expire_on_commit=False) as session:
            original = session.get(LedgerEntry, request.transaction_id)
            if original is None:
                context.abort(grpc.StatusCode.NOT_FOUND, "transaction not found")
            already = session.exec(
                select(LedgerEntry).where(LedgerEntry.reverses_id == original.id)
            ).first()
            if already is not None:
                context.abort(grpc.StatusCode.FAILED_PRECONDITION, "already reversed")
            account = self._account(session, original.account_id, context)
            entry = record_entry(
                session, account, -original.delta, f"reverse:{request.reason}", principal.name
            )
            entry.reverses_id = original.id
            session.add(AuditEntry(actor=principal.name, action="reverse", subject=original.id))
            self._commit_entry(session, entry, context)
            return ledger_pb2.EntryReply(transaction_id=entry.id, balance=account.points)

    @requires_role("customer", "partner", "admin")
    def ListTransactions(self, request, context):
        principal = require_principal(context)
        self._ensure_owner(principal, request.account_id, context)
        page_size = min(request.page_size or 50, MAX_PAGE_SIZE)
        with Session(self._engine) as session:
            rows = fetch_history(session, request.account_id, page_size, request.page_token or None)
        entries = [
            ledger_pb2.Entry(id=r.id, delta=r.delta, reason=r.reason, created_at=_ts(r.created_at))
            for r in rows
        ]
        next_token = rows[-1].id if len(rows) >= page_size else ""
        return ledger_pb2.HistoryReply(entries=entries, next_page_token=next_token)

    @requires_role("customer", "admin")
    def ExportStatement(self, request, context):
        raise NotImplementedError("monthly statements are rendered by the billing service")

    def GetServerInfo(self, request, context):
        return ledger_pb2.ServerInfo(version=__version__, build=self._build)
