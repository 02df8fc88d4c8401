import logging

from ariadne import MutationType
from asyncpg.exceptions import UniqueViolationError
from graphql import GraphQLError

from volunteerhub.auth import issue_token, requires_role, verify_password
from volunteerhub.db import database

log = logging.getLogger(__name__)

mutation = MutationType()

_SHIFT = """SELECT s.id, s.title, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.capacity, s.location,
                   (SELECT count(*) FROM signups su WHERE su.shift_id = s.id) AS "signedUp"
              FROM shifts s WHERE s.id = :id"""


def _user(info):
    return info.context["request"].state.user


@mutation.field("login")
async def resolve_login(_, info, email, password):
    row = await database.fetch_one(
        "SELECT * FROM volunteers WHERE lower(email) = lower(:email) AND active", {"email": email}
    )
    if row is None or not verify_password(password, row["password_hash"]):
        raise GraphQLError("Invalid email or password", extensions={"code": "UNAUTHENTICATED"})
    return {"token": issue_token(row["id"]), "volunteer": row}


@mutation.field("signUp")
@requires_role("VOLUNTEER")
async def resolve_sign_up(_, info, shiftId):
    user = _user(info)
    async with database.transaction():
        shift = await database.fetch_one(_SHIFT + " FOR UPDATE", {"id": int(shiftId)})
        if shift is None:
            raise GraphQLError("Unknown shift")
        if shift["signedUp"] >= shift["capacity"]:
            raise GraphQLError("Shift is full", extensions={"code": "SHIFT_FULL"})
        try:
            await database.execute(
                "INSERT INTO signups (shift_id, volunteer_id) VALUES (:s, :v)", {"s": shift["id"], "v": user.id}
            )
        except UniqueViolationError as exc:
            raise GraphQLError("Already signed up", extensions={"code": "DUPLICATE"}) from exc
    return await database.fetch_one(_SHIFT, {"id": shift["id"]})


@mutation.field("cancelSignup")
@requires_role("VOLUNTEER")
async def resolve_cancel_signup(_, info, shiftId):
    user = _user(info)
    await database.execute(
        "DELETE FROM signups WHERE shift_id = :s AND volunteer_id = :v", {"s": int(shiftId), "v": user.id}
    )
    return await database.fetch_one(_SHIFT, {"id": int(shiftId)})


@mutation.field("createShift")
@requires_role("COORDINATOR")
async def resolve_create_shift(_, info, title, startsAt, endsAt, capacity, location):
    user = _user(info)
    shift_id = await database.execute(
        """INSERT INTO shifts (org_id, title, starts_at, ends_at, capacity, location)
           VALUES (:org, :title, :starts, :ends, :cap, :loc) RETURNING id""",
        {"org": user.org_id, "title": title, "starts": startsAt, "ends": endsAt, "cap": capacity, "loc": location},
    )
    log.info("shift %s created by %s", shift_id, user.id)
    return await database.fetch_one(_SHIFT, {"id": shift_id})


@mutation.field("deleteShift")
async def resolve_delete_shift(_, info, id):
    await database.execute("DELETE FROM signups WHERE shift_id = :id", {"id": int(id)})
    await database.execute("DELETE FROM shifts WHERE id = :id", {"id": int(id)})
    return True


@mutation.field("setRole")
@requires_role("ADMIN")
async def resolve_set_role(_, info, volunteerId, role):
    user = _user(info)
    row = await database.fetch_one(
        "UPDATE volunteers SET role = :role WHERE id = :id AND org_id = :org RETURNING *",
        {"role": role, "id": int(volunteerId), "org": user.org_id},
    )
    if row is None:
        raise GraphQLError("Unknown volunteer")
    log.info("role of %s set to %s by %s", volunteerId, role, user.id)
    return row


@mutation.field("mergeVolunteers")
@requires_role("ADMIN")
async def resolve_merge_volunteers(_, info, primaryId, duplicateId):
    # Attendance history has to be re-keyed before rows can be merged.
    pass


@mutation.field("kioskCheckIn")
async def resolve_kiosk_check_in(_, info, shiftId, volunteerId):
    request = info.context["request"]
    if not request.state.kiosk:
        raise GraphQLError("Kiosk key required", extensions={"code": "FORBIDDEN"})
    await database.execute(
        "INSERT INTO attendance (shift_id, volunteer_id, checked_in_at) VALUES (:s, :v, now()) ON CONFLICT DO NOTHING",
        {"s": int(shiftId), "v": int(volunteerId)},
    )
    return True
