from payouts.signing import sign_statement_link, verify_statement_link

KEY = "link-key-for-tests"


def _parse(link):
    key, _, query = link.partition("?")
    params = dict(p.split("=", 1) for p in query.split("&"))
    return key, int(params["expires"]), params["sig"]


def test_round_trip():
    key, expires, sig = _parse(sign_statement_link(KEY, "statements/2030-01/1.txt", now=1_000))
    assert verify_statement_link(KEY, key, expires, sig, now=2_000)


def test_expired_link_rejected():
    key, expires, sig = _parse(sign_statement_link(KEY, "statements/2030-01/1.txt", ttl_seconds=10, now=1_000))
    assert not verify_statement_link(KEY, key, expires, sig, now=1_011)


def test_tampered_key_rejected():
    _, expires, sig = _parse(sign_statement_link(KEY, "statements/2030-01/1.txt", now=1_000))
    assert not verify_statement_link(KEY, "statements/2030-01/2.txt", expires, sig, now=1_001)
