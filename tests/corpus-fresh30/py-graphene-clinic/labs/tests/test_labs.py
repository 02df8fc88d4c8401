from datetime import datetime, timezone
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from labs.client import LabApiError, LabClient
from labs.importer import MeridianImporter
from labs.models import LabResult

BASE = "https://labs.test/v3"

ROW = {
    "id": "MLR-55120",
    "patient": {"mrn": "HR-000481"},
    "test": {"code": "HBA1C", "name": "HbA1c"},
    "value": 48,
    "unit": "mmol/mol",
    "flag": "H",
    "collected_at": "2024-05-02T08:15:00Z",
}


@pytest.fixture
def client():
    return LabClient(base_url=BASE, token="test-token")


def test_fetch_results_follows_cursor(client, requests_mock):
    requests_mock.get(f"{BASE}/results", [
        {"json": {"results": [ROW], "next_cursor": "c2"}},
        {"json": {"results": [{**ROW, "id": "MLR-55121"}], "next_cursor": None}},
    ])
    ids = [r["id"] for r in client.fetch_results(datetime(2024, 5, 1, tzinfo=timezone.utc))]
    assert ids == ["MLR-55120", "MLR-55121"]
    assert requests_mock.last_request.qs["cursor"] == ["c2"]


def test_http_errors_become_lab_api_errors(client, requests_mock):
    requests_mock.get(f"{BASE}/results", status_code=503)
    with pytest.raises(LabApiError, match="HTTP 503"):
        list(client.fetch_results(datetime(2024, 5, 1, tzinfo=timezone.utc)))


def test_report_signature():
    body = b'{"id": "MLR-1"}'
    import hashlib
    import hmac

    sig = hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert LabClient.verify_report(body, sig, "s3cret")
    assert not LabClient.verify_report(body, sig, "other")


@pytest.mark.django_db
def test_importer_creates_result(patient, settings, tmp_path):
    settings.LAB_PDF_ROOT = str(tmp_path)
    stats = MeridianImporter(mock.Mock(spec=LabClient)).run([ROW])
    assert stats.imported == 1
    assert LabResult.objects.get(external_id="MLR-55120").flag == "H"


@pytest.mark.django_db
@mock.patch("labs.management.commands.import_lab_results.LabClient")
def test_command_acknowledges_fetched_rows(lab_client_cls, patient, settings, tmp_path):
    settings.LAB_PDF_ROOT = str(tmp_path)
    lab_client_cls.return_value.fetch_results.return_value = iter([ROW])

    call_command("import_lab_results", "--since", "2024-05-01T00:00:00Z")

    lab_client_cls.return_value.acknowledge.assert_called_once_with(["MLR-55120"])


@mock.patch("labs.management.commands.import_lab_results.LabClient")
def test_command_fails_when_api_is_down(lab_client_cls):
    lab_client_cls.return_value.fetch_results.side_effect = LabApiError("boom")
    with pytest.raises(CommandError, match="Could not fetch"):
        call_command("import_lab_results")
