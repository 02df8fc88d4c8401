package upstream

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"
)

var testBundleKey = []byte("bundle-test-key")

func sign(body []byte) string {
	mac := hmac.New(sha256.New, testBundleKey)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

func TestVerifyBundle(t *testing.T) {
	body := []byte(`{"export":"e1","rows":[]}`)
	if err := VerifyBundle(testBundleKey, body, sign(body)); err != nil {
		t.Fatalf("valid bundle rejected: %v", err)
	}
	if err := VerifyBundle(testBundleKey, []byte(`{"export":"e2"}`), sign(body)); !errors.Is(err, ErrBadBundleSignature) {
		t.Fatalf("tampered bundle: got %v", err)
	}
	if err := VerifyBundle(nil, body, sign(body)); err == nil {
		t.Fatal("missing key must be an error")
	}
}
