from datetime import datetime, timedelta, timezone

from ariadne import ObjectType, QueryType

from volunteerhub.auth import requires_role
from volunteerhub.db import database

query = QueryType()
volunteer = ObjectType("Volunteer")

SHIFT_COLUMNS = """
    s.id, s.title, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.capacity, s.location,
    (SELECT count(*) FROM signups su WHERE su.shift_id = s.id) AS "signedUp"
"""


def build_filters(org_id: int, search: str | None) -> tuple[str, dict]:
    clauses, params = ["org_id = :org_id", "active"], {"org_id": org_id}
    if search:
        clauses.append("(name ILIKE :q OR email ILIKE :q)")
        params["q"] = f"%{search.strip()}%"
    return " AND ".join(clauses), params


@query.field("me")
async def resolve_me(_, info):
    user = info.context["request"].state.user
    if user is None:
        return None
    return await database.fetch_one("SELECT * FROM volunteers WHERE id = :id", {"id": user.id})


@query.field("publicEvents")
async def resolve_public_events(_, info, limit=20):
    return await database.fetch_all(
        f"SELECT {SHIFT_COLUMNS} FROM shifts s WHERE s.public AND s.starts_at > now() ORDER BY s.starts_at LIMIT :limit",
        {"limit": min(limit, 100)},
    )


@query.field("shifts")
@requires_role("VOLUNTEER")
async def resolve_shifts(_, info, **kwargs):
    user = info.context["request"].state.user
    start = kwargs.get("from") or datetime.now(timezone.utc)
    end = kwargs.get("to") or start + timedelta(days=30)
    return await database.fetch_all(
        f"SELECT {SHIFT_COLUMNS} FROM shifts s WHERE s.org_id = :org AND s.starts_at BETWEEN :start AND :end "
        "ORDER BY s.starts_at",
        {"org": user.org_id, "start": start, "end": end},
    )


@query.field("volunteers")
@requires_role("COORDINATOR")
async def resolve_volunteers(_, info, search=None):
    user = info.context["request"].state.user
    where, params = build_filters(user.org_id, search)
    return await database.fetch_all(f"SELECT * FROM volunteers WHERE {where} ORDER BY name", params)


@volunteer.field("hoursThisYear")
async def resolve_hours(obj, info):
    row = await database.fetch_one(
        """SELECT coalesce(sum(extract(epoch FROM s.ends_at - s.starts_at)) / 3600, 0) AS hours
             FROM attendance a JOIN shifts s ON s.id = a.shift_id
            WHERE a.volunteer_id = :id AND date_trunc('year', s.starts_at) = date_trunc('year', now())""",
        {"id": obj["id"]},
    )
    return float(row["hours"])
