import kopf
import pytest

from tenant_operator import admission, config

from .conftest import ADMIN, DEVELOPER


def _body(annotations=None):
    return {"metadata": {"name": "acme", "annotations": annotations or {}}}


def test_developer_cannot_change_tier(break_glass):
    with pytest.raises(kopf.AdmissionError, match="only platform admins"):
        admission.validate_tier(old="free", new="standard", body=_body(), userinfo=DEVELOPER)


def test_admin_can_change_tier(break_glass):
    assert admission.validate_tier(old="free", new="standard", body=_body(), userinfo=ADMIN) is None


def test_break_glass_annotation_allows_quota_change(break_glass):
    body = _body({config.BREAK_GLASS_ANNOTATION: break_glass})
    assert admission.validate_quota(old={}, new={"cpu": "4"}, body=body, userinfo=DEVELOPER) is None


def test_wrong_break_glass_token_is_rejected(break_glass):
    body = _body({config.BREAK_GLASS_ANNOTATION: "guess"})
    with pytest.raises(kopf.AdmissionError):
        admission.validate_quota(old={}, new={"cpu": "4"}, body=body, userinfo=DEVELOPER)


def test_region_is_immutable():
    with pytest.raises(kopf.AdmissionError) as err:
        admission.validate_region(old="eu-west", new="us-east")
    assert err.value.code == 422


def test_single_owner_warns():
    warnings: list[str] = []
    admission.validate_create(
        name="acme",
        spec={"region": "eu-west", "owners": ["ana@acme.io"], "tier": "free"},
        body=_body(),
        userinfo=DEVELOPER,
        warnings=warnings,
    )
    assert warnings == ["tenants with a single owner cannot recover access if that owner leaves"]


def test_defaults_are_filled_in():
    patch = kopf.Patch()
    admission.mutate_defaults(spec={"owners": ["ana@acme.io"]}, patch=patch)
    assert patch["spec"] == {"tier": "free", "displayName": "ana"}
    assert patch["metadata"]["labels"] == {"platform.acme.io/tier": "free"}
