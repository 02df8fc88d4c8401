import unittest

from dbvault.approval import ApprovalError, check_token, issue_token, manifest_signature_ok, _sign

SECRET = "unit-test-approval-secret"


class ApprovalTokenTests(unittest.TestCase):
    def test_round_trip(self):
        token = issue_token(SECRET, "postgres/app/app-1.dump", "alice", now=1_700_000_000)
        self.assertEqual(check_token(SECRET, token, "postgres/app/app-1.dump", now=1_700_000_100), "alice")

    def test_other_snapshot_rejected(self):
        token = issue_token(SECRET, "postgres/app/app-1.dump", "alice", now=1_700_000_000)
        with self.assertRaises(ApprovalError):
            check_token(SECRET, token, "postgres/app/app-2.dump", now=1_700_000_100)

    def test_expired_token_rejected(self):
        token = issue_token(SECRET, "k", "alice", now=1_700_000_000)
        with self.assertRaisesRegex(ApprovalError, "expired"):
            check_token(SECRET, token, "k", now=1_700_000_000 + 3600)

    def test_manifest_signature(self):
        manifest = b'{"files": []}'
        self.assertTrue(manifest_signature_ok(SECRET, manifest, _sign(SECRET, manifest)))
        self.assertFalse(manifest_signature_ok(SECRET, manifest, "0" * 64))


if __name__ == "__main__":
    unittest.main()
