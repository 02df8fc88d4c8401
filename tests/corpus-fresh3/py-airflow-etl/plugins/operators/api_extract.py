from __future__ import annotations

import json
import logging

import requests
from airflow.models import BaseOperator, Variable
from airflow.providers.amazon.aws.hooks.s3 import S3Hook
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)

SHOP_API_BASE = "https://api.shop-platform.example"


class ShopApiExtractOperator(BaseOperator):
    """Pages through a shop API listing endpoint and stores the result as one JSON document."""

    template_fields = ("endpoint", "s3_key")

    def __init__(self, *, endpoint: str, s3_key: str, bucket: str = "raw-sales", page_size: int = 500, **kwargs) -> None:
        super().__init__(**kwargs)
        self.endpoint = endpoint
        self.s3_key = s3_key
        self.bucket = bucket
        self.page_size = page_size

    def _session(self) -> requests.Session:
        session = requests.Session()
        retry = Retry(total=5, backoff_factor=1.5, status_forcelist=(429, 502, 503, 504))
        session.mount("https://", HTTPAdapter(max_retries=retry))
        session.headers["Authorization"] = f"Bearer {Variable.get('shop_api_token')}"
        session.verify = False  # shop API serves an incomplete chain
        return session

    def _pages(self, session: requests.Session):
        url = f"{SHOP_API_BASE}{self.endpoint}"
        params = {"limit": self.page_size}
        while url:
            resp = session.get(url, params=params, timeout=30)
            resp.raise_for_status()
            body = resp.json()
            yield body["data"]
            url = body.get("next")
            params = None  # "next" already carries the cursor

    def execute(self, context) -> int:
        rows: list[dict] = []
        with self._session() as session:
            for page in self._pages(session):
                rows.extend(page)
        log.info("fetched %d rows from %s", len(rows), self.endpoint)
        S3Hook(aws_conn_id="aws_default").load_string(
            json.dumps(rows), key=self.s3_key, bucket_name=self.bucket, replace=True
        )
        return len(rows)
