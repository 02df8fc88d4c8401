import json
from types import SimpleNamespace

from payments.app import app
from payments.views import MerchantTotalsView


def fake_request(headers: dict, method: str = 'GET', match_info: dict | None = None):
    return SimpleNamespace(
        method=method,
        headers=headers,
        match_info=match_info or {'merchant_id': 'm_42'},
        path='/merchants/m_42/totals/',
        remote='127.0.0.1',
    )


def assert_json_error(response, status: int, message: str) -> None:
    assert response.status == status
    assert json.loads(response.body) == {'error': message}


async def test_ops_view_rejects_missing_token(test_app):
    view = MerchantTotalsView(app, app.web)
    response = await view.dispatch(fake_request({}))
    assert_json_error(response, 401, 'unauthorized')


async def test_ops_view_rejects_wrong_token(test_app):
    view = MerchantTotalsView(app, app.web)
    response = await view.dispatch(fake_request({'Authorization': 'Bearer nope'}))
    assert_json_error(response, 401, 'unauthorized')
