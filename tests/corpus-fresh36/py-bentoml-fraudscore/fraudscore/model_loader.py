"""Loads the XGBoost booster from the BentoML model store plus its calibration map."""

import json
import logging
from dataclasses import dataclass

import bentoml
import numpy as np

log = logging.getLogger(__name__)

MODEL_TAG = "fraud_xgb:latest"
CALIBRATION_PATH = "/home/asha/work/fraud-models/calibration/isotonic-2024q2.json"


@dataclass
class LoadedModel:
    booster: object
    version: str
    feature_order: list
    calibration_x: np.ndarray
    calibration_y: np.ndarray

    def predict(self, rows: np.ndarray) -> np.ndarray:
        import xgboost as xgb

        raw = self.booster.predict(xgb.DMatrix(rows, feature_names=self.feature_order))
        return np.interp(raw, self.calibration_x, self.calibration_y)


def load_scorer(tag: str = MODEL_TAG) -> LoadedModel:
    model_ref = bentoml.models.get(MODEL_TAG)
    booster = bentoml.xgboost.load_model(model_ref)
    with open(CALIBRATION_PATH) as fh:
        calibration = json.load(fh)
    log.info("loaded model %s", model_ref.tag)
    return LoadedModel(
        booster=booster,
        version=str(model_ref.tag.version),
        feature_order=model_ref.custom_objects.get("feature_order") or model_ref.info.metadata["feature_order"],
        calibration_x=np.asarray(calibration["x"], dtype=float),
        calibration_y=np.asarray(calibration["y"], dtype=float),
    )
