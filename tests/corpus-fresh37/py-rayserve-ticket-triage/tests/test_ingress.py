import pytest
from fastapi import HTTPException

from triage.app import ClassifyRequest, FeedbackRequest, ReloadRequest, TriageIngress
from triage.auth import AdminClaims, ApiCaller
from tests.conftest import FakeClassifierHandle, FakeFeedbackStore


@pytest.fixture
def handle() -> FakeClassifierHandle:
    return FakeClassifierHandle()


@pytest.fixture
def store() -> FakeFeedbackStore:
    return FakeFeedbackStore()


@pytest.fixture
def ingress(settings, handle, store):
    return TriageIngress.func_or_class(handle, settings=settings, store=store)


CALLER = ApiCaller(key_id="ci")
ADMIN = AdminClaims(subject="u-1", roles=("triage-admin",))


async def test_classify_forwards_text_and_top_k(ingress, handle):
    body = ClassifyRequest(ticket_id="T-1", subject="Invoice", body="charged twice", top_k=2)

    result = await ingress.classify(body, caller=CALLER)

    assert handle.classify.calls == [("Invoice\ncharged twice", 2)]
    assert result["ticket_id"] == "T-1"


async def test_feedback_is_stored(ingress, store):
    body = FeedbackRequest(
        ticket_id="T-1", predicted_queue="billing", actual_queue="account", model_version="test-1"
    )

    await ingress.feedback(body, caller=CALLER)

    assert [f.submitted_by for f in store.added] == ["ci"]


async def test_reload_passes_checksum(ingress, handle):
    body = ReloadRequest(model_uri="s3://bucket/new.npz", model_sha256="a" * 64)
    await ingress.reload(body, admin=ADMIN)


async def test_explain_is_rejected_for_now(ingress):
    with pytest.raises(HTTPException) as excinfo:
        await ingress.explain("T-1", caller=CALLER)
    assert excinfo.value.status_code == 501


async def test_healthz(ingress):
    assert await ingress.healthz() == {"status": "ok"}
