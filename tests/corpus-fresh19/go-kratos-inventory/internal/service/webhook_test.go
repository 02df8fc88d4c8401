package service

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

func sign(key, body []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

func TestVerify(t *testing.T) {
	key := []byte("test-signing-key")
	s := &WebhookService{key: key}
	body := []byte(`{"type":"cost.updated","sku":"A-1","cost_cents":100}`)
	tests := []struct {
		name string
		sig  string
		want bool
	}{
		{"valid", sign(key, body), true},
		{"wrong key", sign([]byte("other"), body), false},
		{"not hex", "zz", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.verify(body, tt.sig); got != tt.want {
				t.Errorf("verify(%q) = %v, want %v", tt.sig, got, tt.want)
			}
		})
	}
}

func TestVerifyWithoutKey(t *testing.T) {
	s := &WebhookService{}
	if s.verify([]byte("{}"), sign(nil, []byte("{}"))) {
		t.Fatal("verify must fail closed when no key is configured")
	}
}
