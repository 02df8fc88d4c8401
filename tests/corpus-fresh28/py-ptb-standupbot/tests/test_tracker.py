import httpx
import pytest
import respx

from standupbot.tracker import TrackerClient, TrackerError


@respx.mock
async def test_create_issue_returns_key(settings):
    route = respx.post("https://tracker.test/api/v2/issues").mock(
        return_value=httpx.Response(201, json={"key": "TEST-7"})
    )
    client = TrackerClient(settings)

    key = await client.create_issue("Blocker: staging down", "staging down", reporter="Aoife")

    assert key == "TEST-7"
    assert route.called
    assert route.calls.last.request.headers["Authorization"] == "Bearer tracker-test-token"
    await client.aclose()


@respx.mock
async def test_rejected_comment_raises(settings):
    respx.post("https://tracker.test/api/v2/issues/TEST-7/comments").mock(return_value=httpx.Response(403))
    client = TrackerClient(settings)

    with pytest.raises(TrackerError):
        await client.add_comment("TEST-7", "still blocked")
    await client.aclose()
