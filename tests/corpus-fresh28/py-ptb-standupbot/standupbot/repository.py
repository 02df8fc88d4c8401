from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from .db import Entry, Member, Team


def member_by_telegram_id(session: Session, telegram_id: int) -> Member | None:
    return session.scalar(
        select(Member).options(selectinload(Member.team)).where(Member.telegram_id == telegram_id)
    )


def team_by_name(session: Session, name: str) -> Team | None:
    return session.scalar(select(Team).where(Team.name == name))


def all_teams(session: Session) -> list[Team]:
    return list(session.scalars(select(Team).order_by(Team.name)))


def members_of(session: Session, team_id: int) -> list[Member]:
    return list(session.scalars(select(Member).where(Member.team_id == team_id).order_by(Member.name)))


def list_entries(session: Session, team_id: int, day: date) -> list[Entry]:
    stmt = (
        select(Entry)
        .options(selectinload(Entry.member))
        .where(Entry.team_id == team_id)
        .order_by(Entry.created_at)
    )
    return list(session.scalars(stmt))


def missing_members(session: Session, team_id: int, day: date) -> list[Member]:
    answered = select(Entry.member_id).where(Entry.team_id == team_id, Entry.day == day)
    stmt = select(Member).where(Member.team_id == team_id, Member.id.not_in(answered))
    return list(session.scalars(stmt))


def upsert_entry(session: Session, member: Member, day: date, answers: dict[str, str]) -> Entry:
    entry = session.scalar(select(Entry).where(Entry.member_id == member.id, Entry.day == day))
    if entry is None:
        entry = Entry(member_id=member.id, team_id=member.team_id, day=day)
        session.add(entry)
    entry.yesterday = answers["yesterday"]
    entry.today = answers["today"]
    entry.blockers = answers.get("blockers", "")
    return entry


def set_entry_mood(session: Session, member: Member, day: date, mood: str) -> None:
    entry = session.scalar(select(Entry).where(Entry.member_id == member.id, Entry.day == day))
    if entry is not None:
        entry.mood = mood


def remove_member(session: Session, member_id: int) -> None:
    session.execute(delete(Entry).where(Entry.member_id == member_id))
    session.execute(delete(Member).where(Member.id == member_id))
