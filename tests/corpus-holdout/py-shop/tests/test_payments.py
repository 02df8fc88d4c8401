import hashlib
import hmac
import unittest
from unittest import mock

from shop.payments import ProviderClient


class SignatureTest(unittest.TestCase):
    def setUp(self):
        self.client = ProviderClient("https://pay.test", client_secret="test-secret")

    def test_valid_signature(self):
        body = b'{"id": "ch_1"}'
        sig = hmac.new(b"test-secret", body, hashlib.sha256).hexdigest()
        self.assertTrue(self.client.signature_ok(body, sig))

    def test_refund_not_supported(self):
        with self.assertRaises(NotImplementedError):
            import asyncio
            asyncio.run(self.client.refund("ch_1"))

    def test_charge_posts_order(self):
        with mock.patch.object(self.client, "http") as http:
            http.post = mock.AsyncMock()
            import asyncio
            asyncio.run(self.client.charge("o1", 500))
            http.post.assert_awaited_once()

    def test_bad_signature(self):
        self.client.signature_ok(b"{}", "deadbeef")


if __name__ == "__main__":
    unittest.main()
