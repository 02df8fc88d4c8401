package auth

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestLookup(t *testing.T) {
	tokens := NewTokens(map[string]string{
		"tok_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": "ana",
		"tok_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb": "ben",
	})
	tests := []struct {
		presented string
		user      string
		ok        bool
	}{
		{"tok_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ana", true},
		{"tok_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "ben", true},
		{"tok_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		user, ok := tokens.Lookup(tt.presented)
		if user != tt.user || ok != tt.ok {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.presented, user, ok, tt.user, tt.ok)
		}
	}
}

func TestRequireSetsUser(t *testing.T) {
	tokens := NewTokens(map[string]string{"tok_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": "ana"})
	var seen string
	h := Require(tokens, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen, _ = UserFrom(r.Context())
	}))

	req := httptest.NewRequest("GET", "/api/uploads", nil)
	req.Header.Set("Authorization", "Bearer tok_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
	h.ServeHTTP(httptest.NewRecorder(), req)
	if seen != "ana" {
		t.Fatalf("user = %q", seen)
	}

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/uploads", nil))
	if rec.Code != http.StatusUnauthorized || rec.Header().Get("WWW-Authenticate") == "" {
		t.Fatalf("missing token: code %d", rec.Code)
	}
}
