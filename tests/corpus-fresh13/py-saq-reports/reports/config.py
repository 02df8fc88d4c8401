import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    redis_url: str = field(default_factory=lambda: os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    warehouse_url: str = field(default_factory=lambda: os.environ.get("WAREHOUSE_URL", "https://warehouse.internal"))
    bucket: str = field(default_factory=lambda: os.environ.get("REPORT_BUCKET", "acme-reports"))
    output_root: str = field(
        default_factory=lambda: os.environ.get("REPORT_OUTPUT_ROOT", "/home/gitlab-runner/builds/x1Yz/reports/out")
    )
    link_secret: bytes = field(default_factory=lambda: os.environ["REPORT_LINK_SECRET"].encode())
    concurrency: int = field(default_factory=lambda: int(os.environ.get("REPORT_CONCURRENCY", "4")))


def load() -> Settings:
    return Settings()
