import pytest

from reports import signing
from reports.signing import SignatureError, verified_job


def test_sign_is_deterministic():
    assert signing.sign("t-1", "42") == signing.sign("t-1", "42")


def test_sign_depends_on_tenant():
    assert signing.sign("t-1", "42") != signing.sign("t-2", "42")


def test_check_rejects_wrong_signature():
    with pytest.raises(SignatureError):
        signing.check("t-1", "42", "0" * 64)


def test_callback_token_comparison():
    assert signing.check_callback_token("abc", "abc")
    assert not signing.check_callback_token("abc", "abd")


async def test_verified_job_strips_signature():
    seen = {}

    @verified_job
    async def job(ctx, subject, *, tenant_id, **kwargs):
        seen.update(subject=subject, tenant_id=tenant_id, kwargs=kwargs)
        return "ok"

    sig = signing.sign("t-9", "7")
    assert await job({}, 7, tenant_id="t-9", sig=sig, fmt="html") == "ok"
    assert seen == {"subject": 7, "tenant_id": "t-9", "kwargs": {"fmt": "html"}}


async def test_verified_job_with_valid_signature_runs():
    @verified_job
    async def job(ctx, subject, *, tenant_id):
        return subject

    await job({}, 1, tenant_id="t-1", sig=signing.sign("t-1", "1"))
