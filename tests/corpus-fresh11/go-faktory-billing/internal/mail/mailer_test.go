package mail

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"testing"
)

func TestValidUnsubscribeToken(t *testing.T) {
	m := &Mailer{unsubKey: []byte("changeme")}
	mac := hmac.New(sha256.New, m.unsubKey)
	mac.Write([]byte("a@example.com"))
	good := base64.RawURLEncoding.EncodeToString(mac.Sum(nil))

	if !m.ValidUnsubscribeToken("a@example.com", good) {
		t.Error("valid token rejected")
	}
	if m.ValidUnsubscribeToken("b@example.com", good) {
		t.Error("token for another address accepted")
	}
}

func TestNewFromEnvMissingTemplates(t *testing.T) {
	if _, err := NewFromEnv(t.TempDir()); err == nil {
		t.Fatal("expected an error for an empty template dir")
	}
}
