package httpapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/acme/notesd/internal/config"
)

const testSecret = "test-session-secret-0123456789abcdef"

func newTestServer() *Server {
	cfg := &config.Config{SessionSecret: testSecret, IngestKey: "test-ingest-key"}
	return NewServer(cfg, nil, nil)
}

func sessionToken(user string, admin bool) string {
	flag := "0"
	if admin {
		flag = "1"
	}
	mac := hmac.New(sha256.New, []byte(testSecret))
	mac.Write([]byte(user + "." + flag))
	return user + "." + flag + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func assertStatus(t *testing.T, rr *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rr.Code != want {
		t.Fatalf("status = %d, want %d (body %q)", rr.Code, want, rr.Body.String())
	}
}

func serve(s *Server, method, path, token string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rr := httptest.NewRecorder()
	s.Router().ServeHTTP(rr, req)
	return rr
}

func TestHealth(t *testing.T) {
	rr := serve(newTestServer(), http.MethodGet, "/healthz", "")
	assertStatus(t, rr, http.StatusOK)
}

func TestNotesRequireSession(t *testing.T) {
	cases := []struct {
		name, method, path, token string
	}{
		{"list without token", http.MethodGet, "/api/v1/notes", ""},
		{"create with garbage", http.MethodPost, "/api/v1/notes", "not-a-token"},
		{"tampered signature", http.MethodDelete, "/api/v1/notes/1", "alice.1.AAAA"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rr := serve(newTestServer(), tc.method, tc.path, tc.token)
			assertStatus(t, rr, http.StatusUnauthorized)
		})
	}
}

func TestAdminGroupRejectsNonAdmins(t *testing.T) {
	rr := serve(newTestServer(), http.MethodDelete, "/api/v1/admin/users/bob/notes", sessionToken("alice", false))
	assertStatus(t, rr, http.StatusForbidden)
}

func TestParseSessionRoundTrip(t *testing.T) {
	u, ok := newTestServer().parseSession(sessionToken("carol", true))
	if !ok || u.ID != "carol" || !u.Admin {
		t.Fatalf("parseSession = %+v, %v", u, ok)
	}
}

func TestImportWithIngestKey(t *testing.T) {
	req := httptest.NewRequest(http.MethodPost, "/api/v1/import", strings.NewReader(`[]`))
	req.Header.Set("X-Ingest-Key", "test-ingest-key")
	rr := httptest.NewRecorder()
	newTestServer().Router().ServeHTTP(rr, req)
}
