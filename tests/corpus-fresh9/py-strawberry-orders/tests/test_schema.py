from __future__ import annotations

import pytest

from orders_api.schema import schema

MY_ORDERS = "query { myOrders(limit: 5) { id status totalCents } }"
ALL_ORDERS = "query { orders(status: PAID) { id } }"
CANCEL = 'mutation { cancelOrder(orderId: "7") { id status } }'


def assert_permission_error(result, message: str) -> None:
    assert result.errors, "expected a GraphQL error"
    assert result.errors[0].message == message


async def test_my_orders_requires_login(fake_pool):
    result = await schema.execute(MY_ORDERS, context_value={"principal": None})
    assert_permission_error(result, "Authentication required")


async def test_my_orders_returns_customer_rows(fake_pool, customer):
    result = await schema.execute(MY_ORDERS, context_value={"principal": customer})
    assert result.errors is None
    assert result.data["myOrders"][0]["totalCents"] == 4200
    _, args = fake_pool.executed[0]
    assert args[0] == "cus_1"


async def test_orders_is_staff_only(fake_pool, customer):
    result = await schema.execute(ALL_ORDERS, context_value={"principal": customer})
    assert_permission_error(result, "Staff only")


async def test_staff_can_list_orders(fake_pool, staff):
    await schema.execute(ALL_ORDERS, context_value={"principal": staff})


async def test_cancel_order(fake_pool, customer, order_row):
    order_row["status"] = "cancelled"
    result = await schema.execute(CANCEL, context_value={"principal": customer})
    assert result.data == {"cancelOrder": {"id": "7", "status": "CANCELLED"}} or result.errors


@pytest.mark.parametrize("limit", [0, 5, 1000])
async def test_my_orders_limit_is_clamped(fake_pool, customer, limit):
    await schema.execute(
        f"query {{ myOrders(limit: {limit}) {{ id }} }}", context_value={"principal": customer}
    )
    _, args = fake_pool.executed[-1]
    assert args[-1] <= 100
