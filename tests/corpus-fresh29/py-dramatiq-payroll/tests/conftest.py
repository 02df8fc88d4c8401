import os

os.environ["PAYROLL_BROKER"] = "stub"
os.environ.setdefault("BANK_API_KEY", "test-bank-key")
os.environ.setdefault("BANK_CALLBACK_SECRET", "test-callback-secret")
os.environ.setdefault("APPROVAL_SIGNING_KEY", "test-approval-key")

import dramatiq  # noqa: E402
import pytest  # noqa: E402
from dramatiq.brokers.stub import StubBroker  # noqa: E402

_broker = StubBroker()
_broker.emit_after("process_boot")
dramatiq.set_broker(_broker)


@pytest.fixture
def stub_broker():
    _broker.flush_all()
    return _broker


@pytest.fixture
def stub_worker(stub_broker):
    worker = dramatiq.Worker(stub_broker, worker_timeout=100)
    worker.start()
    yield worker
    worker.stop()


@pytest.fixture
def employee():
    return {
        "id": 1,
        "full_name": "Rosa Diaz",
        "email": "rosa@hollinsreeve.co.uk",
        "annual_salary_pence": 4_200_000,
        "bonus_pence": 300_000,
        "tax_code": "1257L",
        "sort_code": "040004",
        "account_number": "12345678",
    }
