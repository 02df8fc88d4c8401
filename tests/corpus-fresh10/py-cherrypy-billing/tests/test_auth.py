from contextlib import contextmanager
from unittest import mock

import cherrypy
import pytest

from billing import auth


def _session_returning(row):
    @contextmanager
    def scope():
        session = mock.Mock()
        session.get.return_value = row
        yield session

    return scope


def assert_http_error(excinfo, status):
    assert excinfo.value.status == status, excinfo.value


def test_missing_header_is_rejected(fake_request):
    with pytest.raises(cherrypy.HTTPError):
        auth.check_token()


def test_valid_token_sets_login(fake_request, token_row):
    fake_request.headers["Authorization"] = "Bearer tok_123.changeme"
    with mock.patch.object(auth, "session_scope", _session_returning(token_row)):
        auth.check_token()
    assert fake_request.login == "svc-storefront"
    assert fake_request.roles == {"invoices:write"}


def test_wrong_secret_is_rejected(fake_request, token_row):
    fake_request.headers["Authorization"] = "Bearer tok_123.nope"
    with mock.patch.object(auth, "session_scope", _session_returning(token_row)):
        with pytest.raises(cherrypy.HTTPError) as excinfo:
            auth.check_token()
    assert_http_error(excinfo, 401)


def test_revoked_token(fake_request, token_row):
    token_row.revoked = True
    fake_request.headers["Authorization"] = "Bearer tok_123.changeme"
    with mock.patch.object(auth, "session_scope", _session_returning(token_row)):
        try:
            auth.check_token()
        except cherrypy.HTTPError as exc:
            print("rejected with", exc.status)


def test_require_role_allows_matching_role(fake_request):
    fake_request.roles = {"support"}
    auth.require_role(("support", "admin"))
