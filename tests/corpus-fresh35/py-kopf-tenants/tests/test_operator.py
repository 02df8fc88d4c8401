"""End-to-end runs against a disposable cluster (kind or k3d); select with -m e2e."""

import os
import subprocess
import time

import pytest
from kopf.testing import KopfRunner

HERE = os.path.dirname(os.path.abspath(__file__))
OPERATOR = os.path.join(HERE, "..", "tenant_operator", "operator.py")
TENANT = os.path.join(HERE, "fixtures", "tenant.yaml")

pytestmark = pytest.mark.e2e


def test_operator_starts_and_stops_cleanly():
    with KopfRunner(["run", "-A", "--standalone", "--verbose", OPERATOR], timeout=60) as runner:
        time.sleep(3)
    assert runner.exit_code == 0
    assert runner.exception is None
    assert "tenant operator configured" in runner.output


def test_tenant_lifecycle():
    with KopfRunner(["run", "-A", "--standalone", "--verbose", OPERATOR], timeout=90) as runner:
        subprocess.run(["kubectl", "apply", "-f", TENANT], check=True)
        time.sleep(5)
        subprocess.run(["kubectl", "delete", "-f", TENANT], check=True)
        time.sleep(3)
