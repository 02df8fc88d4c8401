package authgate

import (
	"crypto/tls"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/caddyserver/caddy/v2/modules/caddyhttp"
	"go.uber.org/zap"
)

const testSigningKey = "test-signing-key-0123456789abcdef"

var okHandler = caddyhttp.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
	w.WriteHeader(http.StatusNoContent)
	return nil
})

func newGate(t *testing.T) *AuthGate {
	t.Helper()
	dir := t.TempDir()
	store, err := OpenStore(filepath.Join(dir, "tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	audit, err := OpenAudit(filepath.Join(dir, "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	return &AuthGate{
		SigningKey: testSigningKey,
		Realm:      "test",
		Bypass:     []string{"/healthz"},
		store:      store,
		audit:      audit,
		logger:     zap.NewNop(),
	}
}

// assertStatus accounts for caddyhttp handler errors, which carry the status
// instead of writing it.
func assertStatus(t *testing.T, rec *httptest.ResponseRecorder, err error, want int) {
	t.Helper()
	got := rec.Code
	var he caddyhttp.HandlerError
	if errors.As(err, &he) {
		got = he.StatusCode
	} else if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	if got != want {
		t.Errorf("status = %d, want %d", got, want)
	}
}

func TestServeHTTP(t *testing.T) {
	gate := newGate(t)
	token, _, err := gate.store.Issue("alice", []string{"api"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	session := signSession(testSigningKey, "bob", time.Now().Add(time.Hour))
	expired := signSession(testSigningKey, "bob", time.Now().Add(-time.Minute))

	tests := []struct {
		name   string
		path   string
		auth   string
		cookie string
		want   int
	}{
		{"bypass prefix", "/healthz", "", "", http.StatusNoContent},
		{"no credentials", "/api/orders", "", "", http.StatusUnauthorized},
		{"valid token", "/api/orders", "Bearer " + token, "", http.StatusNoContent},
		{"tampered token", "/api/orders", "Bearer " + token[:len(token)-2] + "00", "", http.StatusUnauthorized},
		{"valid session", "/api/orders", "", session, http.StatusNoContent},
		{"expired session", "/api/orders", "", expired, http.StatusUnauthorized},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, tc.path, nil)
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			if tc.cookie != "" {
				req.AddCookie(&http.Cookie{Name: sessionCookie, Value: tc.cookie})
			}
			assertStatus(t, rec, gate.ServeHTTP(rec, req, okHandler), tc.want)
		})
	}
}

func TestIntrospectorActiveToken(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{"active": true, "sub": "svc-billing", "scope": "api read"})
	}))
	defer srv.Close()

	in := NewIntrospector(srv.URL, "client", "secret")
	// httptest's certificate is self-signed for 127.0.0.1.
	in.client = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}

	p, err := in.Check(httptest.NewRequest(http.MethodGet, "/", nil).Context(), "opaque")
	if err != nil {
		t.Fatal(err)
	}
	if p.Subject != "svc-billing" || !p.HasScope("read") {
		t.Errorf("principal = %+v", p)
	}
}
