import numpy as np
import pytest

from triage.model import TicketClassifier, featurize, softmax
from triage.storage import load_model
from tests.conftest import FakeReader


def assert_ranked(result: dict) -> None:
    scores = [entry["score"] for entry in result["labels"]]
    assert scores == sorted(scores, reverse=True)
    assert result["queue"] in {entry["label"] for entry in result["labels"]} | {"manual-review"}


def test_featurize_is_normalised():
    vector = featurize("Refund refund please", 64)
    assert vector.shape == (64,)
    assert np.isclose(np.linalg.norm(vector), 1.0)


def test_softmax_rows_sum_to_one():
    probabilities = softmax(np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]))
    assert np.allclose(probabilities.sum(axis=1), 1.0)


def test_load_model_uses_cache(settings, model_blob):
    reader = FakeReader(model_blob)
    load_model(reader, "s3://bucket/model.npz", settings.model_cache_dir)
    model = load_model(reader, "s3://bucket/model.npz", settings.model_cache_dir)
    assert reader.reads == ["s3://bucket/model.npz"]
    assert model.labels == ["billing", "outage", "account"]


async def test_classify_ranks_labels(settings, model_blob):
    classifier = TicketClassifier.func_or_class(settings=settings, reader=FakeReader(model_blob))
    classifier.reconfigure({"model_uri": "s3://bucket/model.npz", "threshold": 0.0})

    result = await classifier.classify("I was charged twice for my invoice", top_k=2)

    assert_ranked(result)
    assert result["model_version"] == "test-1"


async def test_low_confidence_goes_to_manual_review(settings, model_blob):
    classifier = TicketClassifier.func_or_class(settings=settings, reader=FakeReader(model_blob))
    classifier.reconfigure({"model_uri": "s3://bucket/model.npz", "threshold": 0.99})

    result = await classifier.classify("hello")

    assert result["queue"] == "manual-review"


def test_health_check_fails_before_first_model(settings, model_blob):
    classifier = TicketClassifier.func_or_class(settings=settings, reader=FakeReader(model_blob))
    with pytest.raises(RuntimeError):
        classifier.check_health()
