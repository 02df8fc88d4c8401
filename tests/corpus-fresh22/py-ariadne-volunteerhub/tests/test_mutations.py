from tests.conftest import assert_graphql_error, assert_no_errors, gql, make_volunteer

CREATE = """
mutation($t: String!, $s: DateTime!, $e: DateTime!) {
  createShift(title: $t, startsAt: $s, endsAt: $e, capacity: 4, location: "Warehouse") { id title signedUp }
}
"""
SIGN_UP = "mutation($id: ID!) { signUp(shiftId: $id) { id signedUp } }"


async def test_login_returns_token(client, org):
    v = await make_volunteer(org)
    data = assert_no_errors(
        gql(client, 'mutation($e: String!) { login(email: $e, password: "hunter2-but-longer") { token } }', {"e": v["email"]})
    )
    assert data["login"]["token"].count(".") == 2


async def test_sign_up_requires_login(client, org):
    result = gql(client, SIGN_UP, {"id": "1"})
    assert_graphql_error(result, "UNAUTHENTICATED")


async def test_volunteer_cannot_create_shift(client, org):
    v = await make_volunteer(org)
    result = gql(client, CREATE, {"t": "Sorting", "s": "2030-01-01T09:00:00Z", "e": "2030-01-01T12:00:00Z"}, v["token"])
    assert_graphql_error(result, "FORBIDDEN")


async def test_coordinator_creates_shift(client, org):
    c = await make_volunteer(org, "COORDINATOR")
    gql(client, CREATE, {"t": "Sorting", "s": "2030-01-01T09:00:00Z", "e": "2030-01-01T12:00:00Z"}, c["token"])


async def test_kiosk_check_in_needs_key(client, org):
    v = await make_volunteer(org)
    q = "mutation($s: ID!, $v: ID!) { kioskCheckIn(shiftId: $s, volunteerId: $v) }"
    denied = gql(client, q, {"s": "1", "v": str(v["id"])})
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
