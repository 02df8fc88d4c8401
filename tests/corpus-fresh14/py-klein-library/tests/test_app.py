import hashlib
import hmac
import json

from treq.testing import StubTreq
from twisted.trial.unittest import SynchronousTestCase

from library.app import DeskApp
from library.config import Settings
from library.payments import PaymentsClient
from library.store import Store

TEST_SETTINGS = dict(
    session_secret="test-session-secret",
    webhook_secret="whsec_test_placeholder",
    payments_url="https://payments.invalid",
    payments_key="test-key",
)


class DeskAppTests(SynchronousTestCase):
    def setUp(self):
        self.store = Store(":memory:")
        self.settings = Settings(db_path=":memory:", **TEST_SETTINGS)
        self.desk = DeskApp(self.settings, self.store, PaymentsClient("https://payments.invalid", "test-key"))
        self.client = StubTreq(self.desk.app.resource())

    def _get(self, path, **kw):
        return self.successResultOf(self.client.get(f"http://desk.test{path}", **kw))

    def assertStatus(self, response, code):
        self.assertEqual(response.code, code, f"expected {code}, got {response.code}")

    def test_health(self):
        self.assertStatus(self._get("/health"), 200)

    def test_books_requires_login(self):
        self.assertStatus(self._get("/books?q=dune"), 401)

    def test_overdue_requires_librarian(self):
        token = self.desk.sessions.issue(1, "member")
        resp = self._get("/admin/overdue", headers={"Authorization": f"Bearer {token}"})
        self.assertStatus(resp, 403)

    def test_webhook_rejects_bad_signature(self):
        body = json.dumps({"type": "charge.succeeded"}).encode()
        resp = self.successResultOf(
            self.client.post("http://desk.test/webhooks/payments", data=body, headers={"X-Signature": "nope"})
        )
        self.assertStatus(resp, 401)

    def test_webhook_accepts_good_signature(self):
        body = json.dumps({"type": "charge.succeeded"}).encode()
        sig = hmac.new(TEST_SETTINGS["webhook_secret"].encode(), body, hashlib.sha256).hexdigest()
        self.client.post("http://desk.test/webhooks/payments", data=body, headers={"X-Signature": sig})

    def test_kiosk_heartbeat(self):
        sig = hashlib.sha1(b"k1:test-session-secret").hexdigest()
        resp = self.successResultOf(
            self.client.post("http://desk.test/kiosk/k1/heartbeat", headers={"X-Kiosk-Signature": sig})
        )
        self.assertStatus(resp, 200)
