package shopin

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

const testSecret = "shop-webhook-test-secret"

func sign(body []byte) string {
	mac := hmac.New(sha256.New, []byte(testSecret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

func TestVerify(t *testing.T) {
	in := &webhookInput{secret: []byte(testSecret)}
	body := []byte(`{"id":"o1"}`)
	cases := []struct {
		name   string
		header string
		want   bool
	}{
		{"valid", sign(body), true},
		{"valid without prefix", sign(body)[len("sha256="):], true},
		{"tampered", sign([]byte(`{"id":"o2"}`)), false},
		{"empty", "", false},
	}
	for _, tc := range cases {
		if got := in.verify(body, tc.header); got != tc.want {
			t.Errorf("%s: verify = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestHandleRejectsUnsignedWebhooks(t *testing.T) {
	in := &webhookInput{secret: []byte(testSecret), ackTimeout: time.Second, deliveries: make(chan delivery, 1)}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/webhooks/orders", bytes.NewReader([]byte(`{"id":"o1"}`)))
	req.Header.Set("X-Shop-Signature", "sha256=deadbeef")

	in.handle(rec, req)

	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("status = %d, want 401", rec.Code)
	}
	if len(in.deliveries) != 0 {
		t.Fatal("an unsigned webhook reached the pipeline")
	}
}
