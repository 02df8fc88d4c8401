"""BentoML services: `bentoml serve service:FraudScorer`."""

from __future__ import annotations

import logging
import sqlite3
import time
from datetime import datetime
from typing import Optional

import bentoml
import numpy as np
from fastapi import Depends, HTTPException

from fraudscore.admin import admin_app, require_admin
from fraudscore.auth import ApiKeyMiddleware
from fraudscore.config import configure_logging, settings
from fraudscore.decisions import DecisionLog
from fraudscore.features import FEATURE_NAMES, FeatureStoreClient
from fraudscore.model_loader import load_scorer
from fraudscore.schemas import Explanation, ReloadRequest, ScoreResult, Thresholds, Transaction

configure_logging()
log = logging.getLogger("fraudscore.service")


@bentoml.service(
    name="fraud-features",
    traffic={"timeout": 2, "concurrency": 256},
    workers=2,
)
class FeatureService:
    def __init__(self) -> None:
        self.client = FeatureStoreClient(settings)

    @bentoml.api
    async def fetch(self, customer_id: str, as_of: Optional[datetime] = None) -> Optional[dict]:
        return await self.client.get_features(customer_id, as_of=as_of)


@bentoml.service(
    name="fraud-scorer",
    traffic={"timeout": 5, "max_concurrency": 128},
    resources={"cpu": "2", "memory": "2Gi"},
    workers=2,
)
@bentoml.mount_asgi_app(admin_app, path="/admin")
class FraudScorer:
    features = bentoml.depends(FeatureService)

    def __init__(self) -> None:
        self.model = load_scorer(settings.model_tag)
        self.thresholds = Thresholds(review=settings.review_threshold, block=settings.block_threshold)
        self.decisions = DecisionLog(settings.decision_db)

    def _row(self, txn: Transaction, feats: Optional[dict]) -> list:
        base = {
            "amount": txn.amount,
            "card_present": float(txn.card_present),
            "hour_of_day": float(txn.created_at.hour),
        }
        for name in FEATURE_NAMES:
            base[name] = float((feats or {}).get(name, np.nan))
        return [base.get(name, np.nan) for name in self.model.feature_order]

    def _decide(self, score: float) -> str:
        if score >= self.thresholds.block:
            return "block"
        if score >= self.thresholds.review:
            return "review"
        return "approve"

    def _result(self, txn: Transaction, score: float, degraded: bool) -> ScoreResult:
        return ScoreResult(
            transaction_id=txn.transaction_id,
            score=round(float(score), 4),
            decision=self._decide(float(score)),
            model_version=self.model.version,
            degraded=degraded,
        )

    @bentoml.api(route="/v1/score")
    async def score(self, transaction: Transaction, ctx: bentoml.Context) -> ScoreResult:
        started = time.perf_counter()
        feats = await self.features.to_async.fetch(customer_id=transaction.customer_id)
        score = self.model.predict(np.asarray([self._row(transaction, feats)], dtype=float))[0]
        result = self._result(transaction, score, degraded=feats is None)
        try:
            self.decisions.record(transaction, result, feats)
        except sqlite3.Error:
            pass
        ctx.response.headers["x-model-version"] = self.model.version
        ctx.response.headers["server-timing"] = f"score;dur={(time.perf_counter() - started) * 1000:.1f}"
        return result

    @bentoml.api(route="/v1/score-batch")
    async def score_batch(
        self, transactions: list[Transaction], as_of: Optional[datetime] = None
    ) -> list[ScoreResult]:
        """Re-scores historical transactions (chargeback investigations) with point-in-time features."""
        rows, feature_sets = [], []
        for txn in transactions:
            feats = await self.features.to_async.fetch(customer_id=txn.customer_id, as_of=as_of or txn.created_at)
            feature_sets.append(feats)
            rows.append(self._row(txn, feats))
        scores = self.model.predict(np.asarray(rows, dtype=float)) if rows else []
        return [self._result(t, s, degraded=f is None) for t, s, f in zip(transactions, scores, feature_sets)]

    @bentoml.api(route="/v1/explain")
    async def explain(self, transaction: Transaction) -> Explanation:
        raise NotImplementedError("per-feature contributions are not exposed by this model build")

    # --- admin routes (mounted under /admin) ---

    @admin_app.get("/thresholds", dependencies=[Depends(require_admin)])
    def get_thresholds(self) -> Thresholds:
        return self.thresholds

    @admin_app.put("/thresholds", dependencies=[Depends(require_admin)])
    def set_thresholds(self, body: Thresholds) -> Thresholds:
        if body.review >= body.block:
            raise HTTPException(422, "review threshold must be below the block threshold")
        log.info("thresholds changed from %s to %s", self.thresholds, body)
        self.thresholds = body
        return self.thresholds

    @admin_app.get("/decisions", dependencies=[Depends(require_admin)])
    def recent_decisions(self, limit: int = 100) -> list:
        return self.decisions.recent(min(limit, 1000))

    @admin_app.post("/models/reload")
    def reload_model(self, body: ReloadRequest) -> dict:
        previous = self.model.version
        self.model = load_scorer(body.tag)
        log.warning("model reloaded %s -> %s (%s)", previous, self.model.version, body.reason or "no reason given")
        return {"previous": previous, "current": self.model.version}


FraudScorer.add_asgi_middleware(ApiKeyMiddleware, keys=settings.api_keys)
