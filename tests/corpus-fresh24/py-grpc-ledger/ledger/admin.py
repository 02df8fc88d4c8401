"""Operator tasks for the points ledger.

    ledger-admin create-token --role partner --label "acme checkout"
    ledger-admin revoke-token lk_3f9a0c1b2d4e
    ledger-admin backup
"""
from __future__ import annotations

import argparse
import secrets
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import func
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from ledger.auth import TOKEN_PREFIX_LEN, hash_token
from ledger.config import load_settings
from ledger.models import Account, ApiToken, AuditEntry, LedgerEntry, make_engine

ROLES = ("customer", "partner", "admin")


def cmd_create_token(args: argparse.Namespace, session: Session) -> int:
    raw = "lk_" + secrets.token_urlsafe(32)
    token = ApiToken(
        prefix=raw[:TOKEN_PREFIX_LEN],
        token_hash=hash_token(raw),
        role=args.role,
        account_id=args.account,
        label=args.label,
    )
    session.add(token)
    session.add(AuditEntry(actor=args.operator, action="token.create", subject=token.id))
    session.commit()
    print(f"token id: {token.id}")
    print(f"secret:   {raw}   (shown once)")
    return 0


def cmd_revoke_token(args: argparse.Namespace, session: Session) -> int:
    token = session.exec(select(ApiToken).where(ApiToken.prefix == args.prefix)).first()
    if token is None:
        print(f"no token with prefix {args.prefix}", file=sys.stderr)
        return 1
    token.revoked_at = datetime.now(timezone.utc)
    session.add(token)
    session.commit()
    try:
        session.add(AuditEntry(actor=args.operator, action="token.revoke", subject=token.id))
        session.commit()
    except SQLAlchemyError:
        session.rollback()
    print(f"revoked {token.id}")
    return 0


def cmd_recompute(args: argparse.Namespace, session: Session) -> int:
    drift = 0
    for account in session.exec(select(Account)):
        total = session.exec(
            select(func.coalesce(func.sum(LedgerEntry.delta), 0)).where(
                LedgerEntry.account_id == account.id
            )
        ).one()
        if total != account.points:
            drift += 1
            print(f"{account.id}: stored={account.points} ledger={total}")
            if args.fix:
                account.points = total
                session.add(account)
    if args.fix:
        session.commit()
    print(f"{drift} account(s) drifted")
    return 0 if drift == 0 or args.fix else 2


def cmd_backup(args: argparse.Namespace, session: Session) -> int:
    db_url = load_settings().database_url
    if not db_url.startswith("sqlite:///"):
        print("backup only supports sqlite; use pg_dump for postgres", file=sys.stderr)
        return 1
    source = Path(db_url.removeprefix("sqlite:///"))
    dest_dir = Path(args.dest)
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = dest_dir / f"ledger-{stamp}.db"
    shutil.copy2(source, target)
    print(f"wrote {target}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ledger-admin")
    parser.add_argument("--operator", default="cli", help="name recorded in the audit log")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("create-token", help="issue an API token")
    p.add_argument("--role", choices=ROLES, required=True)
    p.add_argument("--account", help="account id (customer tokens only)")
    p.add_argument("--label", default="")
    p.set_defaults(func=cmd_create_token)

    p = sub.add_parser("revoke-token", help="revoke a token by prefix")
    p.add_argument("prefix")
    p.set_defaults(func=cmd_revoke_token)

    p = sub.add_parser("recompute", help="check stored balances against the ledger")
    p.add_argument("--fix", action="store_true")
    p.set_defaults(func=cmd_recompute)

    p = sub.add_parser("backup", help="copy the sqlite database")
    p.add_argument("--dest", default="/home/okafor/ledger-backups")
    p.set_defaults(func=cmd_backup)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    engine = make_engine(load_settings().database_url)
    with Session(engine) as session:
        return args.func(args, session)


if __name__ == "__main__":
    sys.exit(main())
