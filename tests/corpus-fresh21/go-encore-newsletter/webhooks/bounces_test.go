package webhooks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func sign(secret, body string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(body))
	return hex.EncodeToString(mac.Sum(nil))
}

func TestValidSignature(t *testing.T) {
	body := `[{"type":"soft_bounce","email":"a@b.test"}]`
	tests := []struct {
		name   string
		secret string
		header string
		want   bool
	}{
		{"valid", "s3", sign("s3", body), true},
		{"wrong secret", "s3", sign("other", body), false},
		{"not hex", "s3", "zz", false},
		{"empty secret", "", sign("", body), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := validSignature(tc.secret, []byte(body), tc.header); got != tc.want {
				t.Fatalf("validSignature = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestBouncesRejectsUnsigned(t *testing.T) {
	secrets.BounceWebhookSecret = "s3"
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/webhooks/bounces", strings.NewReader(`[]`))
	Bounces(rec, req)
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("status = %d", rec.Code)
	}
}

func TestBouncesSoftBounce(t *testing.T) {
	secrets.BounceWebhookSecret = "s3"
	body := `[{"type":"soft_bounce","email":"a@b.test","reason":"mailbox full"}]`
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/webhooks/bounces", strings.NewReader(body))
	req.Header.Set("X-Relay-Signature", sign("s3", body))
	Bounces(rec, req)
}
