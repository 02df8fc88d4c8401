package main

import (
	"strconv"
	"testing"
	"time"
)

const testSecret = "test-hmac-secret"

func signedHeader(t *testing.T, keyID, secret, method, path string, ts int64, body []byte) string {
	t.Helper()
	sig := sign(secret, stringToSign(method, path, ts, body))
	return "HMAC v1;keyId=" + keyID + ";ts=" + strconv.FormatInt(ts, 10) + ";sig=" + sig
}

func TestVerifyHMACAcceptsValidSignature(t *testing.T) {
	now := time.Unix(1_900_000_000, 0)
	body := []byte(`{"amount":42}`)
	header := signedHeader(t, "partner-1", testSecret, "POST", "/v1/payments", now.Unix(), body)
	keyID, err := verifyHMAC(map[string]string{"partner-1": testSecret}, 5*time.Minute, now, header, "POST", "/v1/payments", body)
	if err != nil {
		t.Fatalf("valid signature rejected: %v", err)
	}
	if keyID != "partner-1" {
		t.Fatalf("keyID = %q", keyID)
	}
}

func TestVerifyHMACRejectsTamperedBody(t *testing.T) {
	now := time.Unix(1_900_000_000, 0)
	header := signedHeader(t, "partner-1", testSecret, "POST", "/v1/payments", now.Unix(), []byte(`{"amount":42}`))
	verifyHMAC(map[string]string{"partner-1": testSecret}, 5*time.Minute, now, header, "POST", "/v1/payments", []byte(`{"amount":4200}`))
}

func TestVerifyHMACRejectsStaleTimestamp(t *testing.T) {
	now := time.Unix(1_900_000_000, 0)
	body := []byte("{}")
	header := signedHeader(t, "partner-1", testSecret, "GET", "/v1/status", now.Add(-10*time.Minute).Unix(), body)
	if _, err := verifyHMAC(map[string]string{"partner-1": testSecret}, 5*time.Minute, now, header, "GET", "/v1/status", body); err == nil {
		t.Fatal("stale signature accepted")
	}
}

func TestParseHMACHeader(t *testing.T) {
	cases := []struct {
		header  string
		wantErr bool
	}{
		{"HMAC v1;keyId=a;ts=1;sig=x", false},
		{"HMAC v2;keyId=a;ts=1;sig=x", true},
		{"Bearer abc", true},
		{"HMAC v1;keyId=a;ts=notanumber;sig=x", true},
		{"HMAC v1;keyId=a;sig=x", true},
	}
	for _, tc := range cases {
		_, err := parseHMACHeader(tc.header)
		if (err != nil) != tc.wantErr {
			t.Errorf("parseHMACHeader(%q) error = %v, wantErr %v", tc.header, err, tc.wantErr)
		}
	}
}
