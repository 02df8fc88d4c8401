package jobs

import (
	"net/url"
	"strings"
	"testing"
)

func TestUnsubscribeRoundTrip(t *testing.T) {
	t.Setenv("DIGEST_UNSUB_SECRET", "test-unsub-secret")

	tests := []struct {
		name   string
		user   string
		mutate func(string) string
		want   bool
	}{
		{"valid", "u-1", func(s string) string { return s }, true},
		{"other user", "u-2", func(string) string { return unsubToken("u-1") }, false},
		{"truncated", "u-1", func(s string) string { return s[:10] }, false},
		{"empty", "u-1", func(string) string { return "" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := tt.mutate(unsubToken(tt.user))
			if got := ValidUnsubscribe(tt.user, tok); got != tt.want {
				t.Errorf("ValidUnsubscribe(%q, %q) = %v, want %v", tt.user, tok, got, tt.want)
			}
		})
	}
}

func TestUnsubscribeURLShape(t *testing.T) {
	t.Setenv("DIGEST_UNSUB_SECRET", "test-unsub-secret")
	raw := UnsubscribeURL("u-42")
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("parse %q: %v", raw, err)
	}
	if !strings.HasSuffix(u.Path, "/digest/unsubscribe") || u.Query().Get("u") != "u-42" {
		t.Fatalf("unexpected url %s", raw)
	}
}
