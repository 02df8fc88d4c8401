package admin

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

func expectStatus(t *testing.T, h http.Handler, method, path, token string, want int) {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != want {
		t.Fatalf("%s %s: status %d, want %d (body %q)", method, path, rec.Code, want, rec.Body.String())
	}
}

func testServer() http.Handler {
	return New(nil, "admin-test-token", slog.New(slog.NewTextHandler(io.Discard, nil))).Routes()
}

func TestHealthzIsPublic(t *testing.T) {
	expectStatus(t, testServer(), http.MethodGet, "/healthz", "", http.StatusOK)
}

func TestDeadLettersNeedTheToken(t *testing.T) {
	h := testServer()
	expectStatus(t, h, http.MethodGet, "/admin/dead-letters", "", http.StatusUnauthorized)
	expectStatus(t, h, http.MethodPost, "/admin/dead-letters/retry", "wrong", http.StatusUnauthorized)
}
