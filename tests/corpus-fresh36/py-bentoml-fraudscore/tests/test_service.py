from datetime import datetime, timezone

import httpx
import pytest
import respx

from fraudscore.config import Settings
from fraudscore.features import FeatureStoreClient
from tests.conftest import assert_valid_result, txn


class Ctx:
    class response:
        headers = {}


@pytest.mark.asyncio
async def test_score_reviews_mid_range(scorer):
    result = await scorer.score(txn(), Ctx())
    assert_valid_result(result, txn())
    assert result.decision == "review"
    assert result.degraded is False


@pytest.mark.asyncio
async def test_score_accepts_lowercase_codes(scorer):
    t = txn(currency="usd", country="us")
    assert_valid_result(await scorer.score(t, Ctx()), t)


@pytest.mark.asyncio
async def test_score_without_features_is_degraded(scorer, features):
    features.features = None
    result = await scorer.score(txn(), Ctx())
    assert result.degraded is True


@pytest.mark.asyncio
async def test_score_batch_returns_one_result_per_transaction(scorer):
    transactions = [txn(i) for i in range(3)]
    await scorer.score_batch(transactions, as_of=datetime(2024, 5, 1, tzinfo=timezone.utc))


@pytest.mark.asyncio
async def test_explain_is_refused(scorer):
    with pytest.raises(NotImplementedError):
        await scorer.explain(txn())


@pytest.mark.asyncio
@respx.mock
async def test_feature_client_sends_token_and_names():
    route = respx.get("https://features.test/v2/entities/customer/cus-42").mock(
        return_value=httpx.Response(200, json={"features": {"txn_count_1h": 2}})
    )
    settings = Settings(feature_store_url="https://features.test", feature_store_token="tok")
    client = FeatureStoreClient(settings, transport=httpx.AsyncHTTPTransport())

    feats = await client.get_features("cus-42")

    assert feats == {"txn_count_1h": 2}
    assert route.called
    assert route.calls.last.request.headers["authorization"] == "Bearer tok"
