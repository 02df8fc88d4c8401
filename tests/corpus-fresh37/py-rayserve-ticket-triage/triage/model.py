import asyncio
import logging
import re
import zlib

import numpy as np
from ray import serve

from triage.settings import Settings
from triage.storage import LinearModel, ObjectReader, S3Reader, load_model

logger = logging.getLogger("triage.model")

_TOKEN = re.compile(r"[a-z0-9]+")


def featurize(text: str, n_features: int) -> np.ndarray:
    vector = np.zeros(n_features, dtype=np.float32)
    for token in _TOKEN.findall(text.lower()):
        vector[zlib.crc32(token.encode()) % n_features] += 1.0
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


@serve.deployment(
    autoscaling_config={
        "min_replicas": 1,
        "max_replicas": 6,
        "target_ongoing_requests": 16,
        "upscale_delay_s": 10,
        "downscale_delay_s": 300,
    },
    ray_actor_options={"num_cpus": 1},
    max_ongoing_requests=64,
    health_check_period_s=15,
)
class TicketClassifier:
    def __init__(self, settings: Settings | None = None, reader: ObjectReader | None = None) -> None:
        self._settings = settings or Settings.from_env()
        self._reader = reader or S3Reader(self._settings)
        self._model: LinearModel | None = None
        self._model_uri: str | None = None
        self._threshold = 0.35
        self._lock = asyncio.Lock()

    def reconfigure(self, config: dict) -> None:
        self._threshold = float(config.get("threshold", self._threshold))
        uri = config["model_uri"]
        if uri != self._model_uri:
            model = load_model(
                self._reader,
                uri,
                self._settings.model_cache_dir,
                expected_sha256=config.get("model_sha256"),
            )
            self._model, self._model_uri = model, uri
            logger.info("model loaded", extra={"model_version": model.version})

    def check_health(self) -> None:
        if self._model is None:
            raise RuntimeError("no model loaded yet")

    @serve.batch(max_batch_size=32, batch_wait_timeout_s=0.02)
    async def _score(self, texts: list[str]) -> list[np.ndarray]:
        model = self._model
        if model is None:
            raise RuntimeError("no model loaded yet")
        features = np.stack([featurize(text, model.n_features) for text in texts])
        probabilities = softmax(features @ model.weights.T + model.bias)
        return list(probabilities)

    async def classify(self, text: str, top_k: int = 3) -> dict:
        probabilities = await self._score(text)
        model = self._model
        order = np.argsort(probabilities)[::-1]
        best = int(order[0])
        confident = float(probabilities[best]) >= self._threshold
        return {
            "model_version": model.version,
            "queue": model.labels[best] if confident else "manual-review",
            "labels": [
                {"label": model.labels[int(i)], "score": round(float(probabilities[int(i)]), 4)}
                for i in order
            ],
        }

    async def model_info(self) -> dict:
        model = self._model
        return {
            "uri": self._model_uri,
            "version": model.version if model else None,
            "labels": model.labels if model else [],
            "threshold": self._threshold,
        }

    async def reload(self, uri: str, sha256: str | None) -> dict:
        async with self._lock:
            self.reconfigure({"model_uri": uri, "model_sha256": sha256, "threshold": self._threshold})
        return await self.model_info()

    async def reindex(self) -> dict:
        raise NotImplementedError("label index rebuild")
