package tenantgate

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/caddyserver/caddy/v2"
	"github.com/caddyserver/caddy/v2/modules/caddyhttp"
	"go.uber.org/zap"

	"github.com/lumenlabs/caddy-tenantgate/directory"
)

func fakeDirectory(t *testing.T, tenants map[string]directory.Tenant) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		tenant, ok := tenants[r.PostForm.Get("key")]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"` + tenant.ID + `","status":"` + tenant.Status + `","monthly_quota":2}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func newTestGate(t *testing.T, dirURL string) *Gate {
	t.Helper()
	dir := t.TempDir()
	audit, err := newAuditLog(filepath.Join(dir, "audit.log"), 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { audit.Close() })
	return &Gate{
		DirectoryURL: dirURL,
		PublicPaths:  []string{"/status"},
		logger:       zap.NewNop(),
		dir:          directory.New(dirURL, "test-directory-key", false),
		cache:        newTenantCache(time.Minute),
		quota:        newQuotaStore(filepath.Join(dir, "quota.json")),
		audit:        audit,
	}
}

var okNext = caddyhttp.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
	w.WriteHeader(http.StatusNoContent)
	return nil
})

func assertHandlerStatus(t *testing.T, err error, want int) {
	t.Helper()
	var he caddyhttp.HandlerError
	if !errors.As(err, &he) {
		t.Fatalf("expected a caddyhttp.HandlerError with status %d, got %v", want, err)
	}
	if he.StatusCode != want {
		t.Fatalf("status = %d, want %d (%v)", he.StatusCode, want, he.Err)
	}
}

func TestServeHTTPAllowsKnownTenant(t *testing.T) {
	srv := fakeDirectory(t, map[string]directory.Tenant{"k-acme": {ID: "acme", Status: "active"}})
	g := newTestGate(t, srv.URL)
	req := httptest.NewRequest(http.MethodGet, "/v1/orders", nil)
	req.Header.Set("X-Api-Key", "k-acme")
	rec := httptest.NewRecorder()
	g.ServeHTTP(rec, req, okNext)
}

func TestServeHTTPRejectsMissingKey(t *testing.T) {
	g := newTestGate(t, "https://directory.invalid")
	err := g.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/v1/orders", nil), okNext)
	assertHandlerStatus(t, err, http.StatusUnauthorized)
}

func TestQuotaIsEnforced(t *testing.T) {
	srv := fakeDirectory(t, map[string]directory.Tenant{"k-acme": {ID: "acme", Status: "active"}})
	g := newTestGate(t, srv.URL)
	var last error
	for i := 0; i < 3; i++ {
		req := httptest.NewRequest(http.MethodGet, "/v1/orders", nil)
		req.Header.Set("X-Api-Key", "k-acme")
		last = g.ServeHTTP(httptest.NewRecorder(), req, okNext)
	}
	assertHandlerStatus(t, last, http.StatusTooManyRequests)
}

func TestPublicPathsSkipTheGate(t *testing.T) {
	g := newTestGate(t, "https://directory.invalid")
	rec := httptest.NewRecorder()
	if err := g.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/status/health", nil), okNext); err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	if rec.Code != http.StatusNoContent {
		t.Fatalf("status = %d, want %d", rec.Code, http.StatusNoContent)
	}
}

func TestValidateRequiresHTTPS(t *testing.T) {
	g := &Gate{DirectoryURL: "http://directory.local", QuotaFile: "/var/lib/caddy/quota.json"}
	if err := g.Validate(); err == nil {
		t.Fatal("expected plain http directory_url to be rejected")
	}
	g.DirectoryURL = "https://directory.local"
	g.CacheTTL = caddy.Duration(time.Second)
	if err := g.Validate(); err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}
