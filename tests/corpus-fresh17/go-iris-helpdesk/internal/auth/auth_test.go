package auth

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

func mustVerify(t *testing.T, s *Signer, token string) *Claims {
	t.Helper()
	c, err := s.Verify(token)
	if err != nil {
		t.Fatalf("Verify(%q): %v", token, err)
	}
	return c
}

func TestIssuedTokenVerifies(t *testing.T) {
	s := NewSigner(testKey)
	mustVerify(t, s, s.Issue(Claims{UserID: 42, Role: "agent", Expires: time.Now().Add(time.Minute)}))
}

func TestRejectsBadTokens(t *testing.T) {
	s := NewSigner(testKey)
	valid := s.Issue(Claims{UserID: 42, Role: "agent", Expires: time.Now().Add(time.Minute)})
	cases := map[string]string{
		"empty":          "",
		"no signature":   "42.agent.9999999999",
		"role escalated": strings.Replace(valid, ".agent.", ".admin.", 1),
		"other key":      NewSigner([]byte("another-key-another-key-another!!")).Issue(Claims{UserID: 42, Role: "agent", Expires: time.Now().Add(time.Minute)}),
	}
	for name, token := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := s.Verify(token); !errors.Is(err, ErrInvalidToken) {
				t.Fatalf("expected ErrInvalidToken, got %v", err)
			}
		})
	}
}
