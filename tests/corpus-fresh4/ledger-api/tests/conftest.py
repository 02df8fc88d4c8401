import pytest

from ledger.app import create_app

TEST_DATABASE_URL = "postgresql://ledger:ledger@localhost:5432/ledger_test"


@pytest.fixture
def app():
    return create_app("ledger-test", DATABASE_URL=TEST_DATABASE_URL)


def assert_problem(response, status: int) -> None:
    assert response.status == status, response.body
    assert "application/json" in response.headers["content-type"]
