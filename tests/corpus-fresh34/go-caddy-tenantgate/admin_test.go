package tenantgate

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/caddyserver/caddy/v2"
)

func route(t *testing.T, a *AdminAPI, pattern string) caddy.AdminHandler {
	t.Helper()
	for _, r := range a.Routes() {
		if r.Pattern == pattern {
			return r.Handler
		}
	}
	t.Fatalf("no admin route %s", pattern)
	return nil
}

func TestPurgeRequiresToken(t *testing.T) {
	a := &AdminAPI{token: "admin-test-token"}
	req := httptest.NewRequest(http.MethodPost, "/tenant-gate/cache/purge", nil)
	err := route(t, a, "/tenant-gate/cache/purge").ServeHTTP(httptest.NewRecorder(), req)
	var apiErr caddy.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != http.StatusUnauthorized {
		t.Fatalf("expected 401 APIError, got %v", err)
	}
}

func TestPurgeWithToken(t *testing.T) {
	a := &AdminAPI{token: "admin-test-token"}
	req := httptest.NewRequest(http.MethodPost, "/tenant-gate/cache/purge", nil)
	req.Header.Set("X-Tenant-Gate-Token", "admin-test-token")
	rec := httptest.NewRecorder()
	if err := route(t, a, "/tenant-gate/cache/purge").ServeHTTP(rec, req); err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	if got := strings.TrimSpace(rec.Body.String()); got != `{"purged":0}` {
		t.Fatalf("body = %s", got)
	}
}
